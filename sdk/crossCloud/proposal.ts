/**
 * One cloud-neutral IKE/IPsec proposal, translated into each cloud's arguments through the one
 * translation table ({@link VOCABULARY} in ./vocabulary). A value one of the clouds cannot express
 * is refused before any resource is registered: synchronously for plain values, inside `apply` for
 * `Output`s and promises (the deployment then fails with the same error).
 */
import * as pulumi from "@pulumi/pulumi";
import type { IkeConfigArgs, IpsecConfigArgs } from "../alicloud/args.generated";
import type { IkeOptionsArgs, IpsecOptionsArgs } from "../tencentcloud/args.generated";
import { commonLifetimeRange, commonValues, fromNeutral, LifetimeKind, SettingKind, VOCABULARY } from "./vocabulary";

/** Phase one (IKE SA), in neutral names. */
export interface IkeProposalArgs {
    /**
     * Encryption: `aes128`, `aes192`, `aes256`, `des`, `3des` (what both clouds accept; see {@link VOCABULARY}).
     * @default "aes256"
     */
    encryption?: pulumi.Input<string>;
    /**
     * Integrity: `md5`, `sha1`, `sha256`, `sha512`.
     * @default "sha256"
     */
    integrity?: pulumi.Input<string>;
    /**
     * Diffie-Hellman group: `group1`, `group2`, `group5`, `group14`, `group24`.
     * @default "group14"
     */
    dhGroup?: pulumi.Input<string>;
    /**
     * IKE SA lifetime in seconds, 60–86400 (Tencent's minimum, Alibaba's maximum).
     * @default 86400
     */
    lifetimeSeconds?: pulumi.Input<number>;
}

/** Phase two (IPsec SA), in neutral names. */
export interface IpsecProposalArgs {
    /**
     * Encryption: `aes128`, `aes192`, `aes256`, `des`, `3des`.
     * @default "aes256"
     */
    encryption?: pulumi.Input<string>;
    /**
     * Integrity: `md5`, `sha1`, `sha256`, `sha384`, `sha512`.
     * @default "sha256"
     */
    integrity?: pulumi.Input<string>;
    /**
     * Perfect forward secrecy: `none` or a Diffie-Hellman group, `group1`, `group2`, `group5`, `group14`.
     * @default "group14"
     */
    pfs?: pulumi.Input<string>;
    /**
     * IPsec SA lifetime in seconds, 180–86400 (Tencent's minimum, Alibaba's maximum).
     * @default 3600
     */
    lifetimeSeconds?: pulumi.Input<number>;
}

/**
 * The proposal both ends negotiate, in the neutral names of {@link VOCABULARY}. Every field is
 * optional; an unset one takes {@link DEFAULT_PROPOSAL}'s value.
 */
export interface TunnelProposalArgs {
    /**
     * IKE version: `ikev1` or `ikev2`.
     * @default "ikev2"
     */
    ikeVersion?: pulumi.Input<string>;
    /**
     * Phase-one exchange mode: `main` or `aggressive` (IKEv2 has one exchange; both clouds still take the field).
     * @default "main"
     */
    ikeMode?: pulumi.Input<string>;
    /**
     * Phase-one settings.
     * @default AES-256, SHA-256, group 14, 86400 s
     */
    ike?: IkeProposalArgs;
    /**
     * Phase-two settings.
     * @default AES-256, SHA-256, PFS group 14, 3600 s
     */
    ipsec?: IpsecProposalArgs;
}

/**
 * The default proposal: IKEv2 main mode, AES-256 / SHA-256 / DH group 14, PFS group 14, one-day IKE
 * SAs and one-hour IPsec SAs. Each value is in both clouds' enums (Alibaba CreateVpnConnection
 * IkeConfig/IpsecConfig; Tencent IKEOptionsSpecification/IPSECOptionsSpecification), which the
 * tests check through {@link VOCABULARY}; 86400 and 3600 lie in both clouds' lifetime ranges.
 */
export const DEFAULT_PROPOSAL = {
    ikeVersion: "ikev2",
    ikeMode: "main",
    ike: { encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 86400 },
    ipsec: { encryption: "aes256", integrity: "sha256", pfs: "group14", lifetimeSeconds: 3600 },
} as const;

/** A proposal value one of the clouds cannot express; `field` names the argument, `allowed` what both accept. */
export class ProposalError extends Error {
    /** Stable code of this error. */
    readonly code = "InexpressibleProposal";
    override readonly name = "ProposalError";
    constructor(
        /** The argument's path, e.g. `proposal.ike.integrity`. */
        readonly field: string,
        /** The value given. */
        readonly value: unknown,
        /** What both clouds accept: neutral names, or a range of seconds. */
        readonly allowed: string[] | { min: number; max: number },
        reason: string,
    ) {
        const allowedText = Array.isArray(allowed) ? allowed.join(", ") : `${allowed.min}–${allowed.max} seconds`;
        super(`\`${field}\` ${JSON.stringify(value)} ${reason}; allowed: ${allowedText}`);
    }
}

/** Each cloud's arguments for one proposal. */
export interface TranslatedProposal {
    alicloud: { ikeConfig: IkeConfigArgs; ipsecConfig: IpsecConfigArgs };
    tencentcloud: { ikeOptions: IkeOptionsArgs; ipsecOptions: IpsecOptionsArgs };
}

const isDeferred = (value: unknown): boolean => pulumi.Output.isInstance(value) || value instanceof Promise;

/** Both clouds' spellings of a neutral value, or a {@link ProposalError} naming `field`. */
export function spellSetting(kind: SettingKind, field: string, value: string): { alicloud: string; tencentcloud: string } {
    const neutral = String(value).toLowerCase();
    const alicloud = fromNeutral(kind, "alicloud", neutral);
    const tencentcloud = fromNeutral(kind, "tencentcloud", neutral);
    if (alicloud !== undefined && tencentcloud !== undefined) return { alicloud, tencentcloud };
    const known = VOCABULARY[kind].alicloud.has(neutral) || VOCABULARY[kind].tencentcloud.has(neutral);
    const reason = !known ? "is not a value of either cloud" : alicloud === undefined ? "cannot be expressed by Alibaba Cloud" : "cannot be expressed by Tencent Cloud";
    throw new ProposalError(field, value, commonValues(kind), reason);
}

/** A lifetime both clouds accept, or a {@link ProposalError} naming `field`. */
export function checkLifetime(kind: LifetimeKind, field: string, value: number): number {
    const range = commonLifetimeRange(kind);
    if (Number.isInteger(value) && value >= range.min && value <= range.max) return value;
    throw new ProposalError(field, value, range, "is outside what both clouds accept");
}

/** One setting, plain or deferred, as both clouds' inputs. */
function setting(kind: SettingKind, field: string, value: pulumi.Input<string>): { alicloud: pulumi.Input<string>; tencentcloud: pulumi.Input<string> } {
    if (!isDeferred(value)) return spellSetting(kind, field, value as string);
    const both = pulumi.output(value).apply((v) => spellSetting(kind, field, v));
    return { alicloud: both.alicloud, tencentcloud: both.tencentcloud };
}

function lifetime(kind: LifetimeKind, field: string, value: pulumi.Input<number>): pulumi.Input<number> {
    return isDeferred(value) ? pulumi.output(value).apply((v) => checkLifetime(kind, field, v)) : checkLifetime(kind, field, value as number);
}

/**
 * `proposal` (defaults filled in) in each cloud's arguments. Throws a {@link ProposalError} for the
 * first plain value a cloud cannot express; a deferred one fails its `Output` the same way.
 */
export function translateProposal(proposal: TunnelProposalArgs = {}): TranslatedProposal {
    const d = DEFAULT_PROPOSAL;
    const version = setting("ikeVersion", "proposal.ikeVersion", proposal.ikeVersion ?? d.ikeVersion);
    const mode = setting("ikeMode", "proposal.ikeMode", proposal.ikeMode ?? d.ikeMode);
    const ikeEnc = setting("ikeEncryption", "proposal.ike.encryption", proposal.ike?.encryption ?? d.ike.encryption);
    const ikeAuth = setting("ikeIntegrity", "proposal.ike.integrity", proposal.ike?.integrity ?? d.ike.integrity);
    const dh = setting("dhGroup", "proposal.ike.dhGroup", proposal.ike?.dhGroup ?? d.ike.dhGroup);
    const ikeLife = lifetime("ikeLifetime", "proposal.ike.lifetimeSeconds", proposal.ike?.lifetimeSeconds ?? d.ike.lifetimeSeconds);
    const ipsecEnc = setting("ipsecEncryption", "proposal.ipsec.encryption", proposal.ipsec?.encryption ?? d.ipsec.encryption);
    const ipsecAuth = setting("ipsecIntegrity", "proposal.ipsec.integrity", proposal.ipsec?.integrity ?? d.ipsec.integrity);
    const pfs = setting("pfs", "proposal.ipsec.pfs", proposal.ipsec?.pfs ?? d.ipsec.pfs);
    const ipsecLife = lifetime("ipsecLifetime", "proposal.ipsec.lifetimeSeconds", proposal.ipsec?.lifetimeSeconds ?? d.ipsec.lifetimeSeconds);
    // The spellings come from the schemas' enum rows, so they are members of the generated unions.
    return {
        alicloud: {
            ikeConfig: { ikeVersion: version.alicloud, ikeMode: mode.alicloud, ikeEncAlg: ikeEnc.alicloud, ikeAuthAlg: ikeAuth.alicloud, ikePfs: dh.alicloud, ikeLifetime: ikeLife } as IkeConfigArgs,
            ipsecConfig: { ipsecEncAlg: ipsecEnc.alicloud, ipsecAuthAlg: ipsecAuth.alicloud, ipsecPfs: pfs.alicloud, ipsecLifetime: ipsecLife } as IpsecConfigArgs,
        },
        tencentcloud: {
            ikeOptions: {
                ikeVersion: version.tencentcloud,
                exchangeMode: mode.tencentcloud,
                propoEncryAlgorithm: ikeEnc.tencentcloud,
                propoAuthenAlgorithm: ikeAuth.tencentcloud,
                dhGroupName: dh.tencentcloud,
                ikeSaLifetimeSeconds: ikeLife,
            } as IkeOptionsArgs,
            ipsecOptions: { encryptAlgorithm: ipsecEnc.tencentcloud, integrityAlgorithm: ipsecAuth.tencentcloud, pfsDhGroup: pfs.tencentcloud, ipsecSaLifetimeSeconds: ipsecLife } as IpsecOptionsArgs,
        },
    };
}
