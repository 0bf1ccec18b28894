/**
 * API 3.0 parameter blocks of the VPN connection actions, each read over a base (the API defaults on
 * create, the current attributes on modify): SPD, IKE and IPsec options, DPD, BGP, health checks,
 * tags and the name. Codes as in ./params.
 */
import { randomInt } from "crypto";
import { cidrContains, cidrSize, cidrsOverlap, formatIpv4, isIpv4, networkOf, parseIpv4, parseIpv4Cidr } from "../core/ipv4";
import { isJsonObject } from "../core/json";
import { ENUMS, GCM_ALGORITHMS, HEALTH_CHECK_CIDR, MAX_NAME_LENGTH, RANGES } from "./allowedValues";
import type { VpnGatewayFixture } from "./fixtures";
import {
    CONNECTION_DEFAULTS,
    type BgpSettings,
    type ConnectionAttributes,
    type HealthCheckSettings,
    type IkeOptions,
    type IpsecOptions,
    type SpdEntry,
} from "./model";
import { cidrBlock, missing, optArray, optBool, optEnum, optInt, optIpv4, optString, paramError, rejectUnknown, reqString, type Params } from "./params";
import { checkCreateTags } from "./tagRules";

const IKE_FIELDS = [
    "PropoEncryAlgorithm", "PropoAuthenAlgorithm", "ExchangeMode", "LocalIdentity", "RemoteIdentity", "LocalAddress",
    "RemoteAddress", "LocalFqdnName", "RemoteFqdnName", "DhGroupName", "IKESaLifetimeSeconds", "IKEVersion",
] as const;
const IPSEC_FIELDS = [
    "EncryptAlgorithm", "IntegrityAlgorith", "IntegrityAlgorithm", "IPSECSaLifetimeSeconds", "PfsDhGroup", "IPSECSaLifetimeTraffic",
] as const;

/** Two distinct random hosts of {@link HEALTH_CHECK_CIDR} (the default health-check addresses). */
export function randomHealthCheckIps(): { local: string; remote: string } {
    const block = parseIpv4Cidr(HEALTH_CHECK_CIDR)!;
    const pick = (): number => networkOf(block) + randomInt(1, cidrSize(block) - 1);
    const local = pick();
    let remote = pick();
    while (remote === local) remote = pick();
    return { local: formatIpv4(local), remote: formatIpv4(remote) };
}

/** SecurityPolicyDatabases (`vpc_models.d.ts` SecurityPolicyDatabase): both fields required, CIDRs well-formed, local ∩ remote = ∅. */
export function validateSpd(value: unknown, path = "SecurityPolicyDatabases"): SpdEntry[] {
    if (!Array.isArray(value)) throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be an array.`);
    return value.map((entry, i) => {
        const at = `${path}.${i}`;
        if (!isJsonObject(entry)) throw paramError("InvalidParameter", at, `The parameter \`${at}\` must be an object.`);
        rejectUnknown(entry, ["LocalCidrBlock", "RemoteCidrBlock"], `${at}.`);
        if (entry.LocalCidrBlock === undefined) throw missing(`${at}.LocalCidrBlock`);
        const local = cidrBlock(entry.LocalCidrBlock, `${at}.LocalCidrBlock`);
        const remotes = optArray(entry, "RemoteCidrBlock", `${at}.RemoteCidrBlock`);
        if (remotes === undefined) throw missing(`${at}.RemoteCidrBlock`);
        if (remotes.length === 0) throw paramError("InvalidParameterValue.Empty", `${at}.RemoteCidrBlock`, `The parameter \`${at}.RemoteCidrBlock\` must not be empty.`);
        const remote = remotes.map((r, j) => cidrBlock(r, `${at}.RemoteCidrBlock.${j}`));
        // SPD src/dst overlap is VpnConnSpdCidrConflict (CreateVpnConnection error codes,
        // https://www.tencentcloud.com/document/api/215/17522). PreShareKey has no documented charset: any non-empty string.
        for (const r of remote) {
            if (cidrsOverlap(parseIpv4Cidr(local)!, parseIpv4Cidr(r)!)) {
                throw paramError("InvalidParameterValue.VpnConnSpdCidrConflict", at, `The local CIDR \`${local}\` overlaps the remote CIDR \`${r}\` in \`${at}\`.`);
            }
        }
        return { LocalCidrBlock: local, RemoteCidrBlock: remote };
    });
}

function rejectGcmOnOldGateway(value: string | undefined, path: string, gateway: VpnGatewayFixture): void {
    // GCM only on 4.0 gateways (`vpc_models.d.ts`); INFERRED code.
    if (value !== undefined && GCM_ALGORITHMS.includes(value) && Number(gateway.version) < 4) {
        throw paramError("UnsupportedOperation", path, `\`${value}\` in \`${path}\` needs a 4.0 VPN gateway; \`${gateway.vpnGatewayId}\` is ${gateway.version}.`);
    }
}

/**
 * IKE options (`vpc_models.d.ts` IKEOptionsSpecification) over `base`: given fields replace base fields; then the identity rules
 * (ADDRESS needs the address, FQDN needs the FQDN name), with LocalAddress defaulting to the gateway IP.
 */
export function resolveIke(input: Params, base: IkeOptions, gateway: VpnGatewayFixture): IkeOptions {
    const p = "IKEOptionsSpecification";
    rejectUnknown(input, IKE_FIELDS, `${p}.`);
    const next: IkeOptions = { ...base };
    const setEnum = (key: keyof IkeOptions & string, allowed: readonly string[]): void => {
        const v = optEnum(input, key, allowed, `${p}.${key}`);
        if (v !== undefined) (next as unknown as Record<string, unknown>)[key] = v;
    };
    setEnum("PropoEncryAlgorithm", ENUMS.PropoEncryAlgorithm);
    rejectGcmOnOldGateway(next.PropoEncryAlgorithm, `${p}.PropoEncryAlgorithm`, gateway);
    setEnum("PropoAuthenAlgorithm", ENUMS.PropoAuthenAlgorithm);
    setEnum("ExchangeMode", ENUMS.ExchangeMode);
    setEnum("LocalIdentity", ENUMS.Identity);
    setEnum("RemoteIdentity", ENUMS.Identity);
    setEnum("DhGroupName", ENUMS.DhGroupName);
    setEnum("IKEVersion", ENUMS.IKEVersion);
    next.LocalAddress = optIpv4(input, "LocalAddress", `${p}.LocalAddress`) ?? next.LocalAddress;
    next.RemoteAddress = optIpv4(input, "RemoteAddress", `${p}.RemoteAddress`) ?? next.RemoteAddress;
    next.LocalFqdnName = optString(input, "LocalFqdnName", `${p}.LocalFqdnName`) ?? next.LocalFqdnName;
    next.RemoteFqdnName = optString(input, "RemoteFqdnName", `${p}.RemoteFqdnName`) ?? next.RemoteFqdnName;
    next.IKESaLifetimeSeconds = optInt(input, "IKESaLifetimeSeconds", `${p}.IKESaLifetimeSeconds`, RANGES.IKESaLifetimeSeconds) ?? next.IKESaLifetimeSeconds;

    if (next.LocalIdentity === "ADDRESS" && !next.LocalAddress) next.LocalAddress = gateway.publicIpAddress;
    for (const side of ["Local", "Remote"] as const) {
        const identity = next[`${side}Identity`];
        if (identity === "ADDRESS" && !next[`${side}Address`]) throw missing(`${p}.${side}Address`);
        if (identity === "FQDN" && !next[`${side}FqdnName`]) throw missing(`${p}.${side}FqdnName`);
    }
    return next;
}

/** IPsec options (`vpc_models.d.ts` IPSECOptionsSpecification) over `base`; `IntegrityAlgorith` (sic) and `IntegrityAlgorithm` must agree. */
export function resolveIpsec(input: Params, base: IpsecOptions, gateway: VpnGatewayFixture): IpsecOptions {
    const p = "IPSECOptionsSpecification";
    rejectUnknown(input, IPSEC_FIELDS, `${p}.`);
    const next: IpsecOptions = { ...base };
    next.EncryptAlgorithm = optEnum(input, "EncryptAlgorithm", ENUMS.EncryptAlgorithm, `${p}.EncryptAlgorithm`) ?? next.EncryptAlgorithm;
    rejectGcmOnOldGateway(next.EncryptAlgorithm, `${p}.EncryptAlgorithm`, gateway);
    const api2 = optEnum(input, "IntegrityAlgorith", ENUMS.IntegrityAlgorith, `${p}.IntegrityAlgorith`);
    const current = optEnum(input, "IntegrityAlgorithm", ENUMS.IntegrityAlgorithm, `${p}.IntegrityAlgorithm`);
    if (api2 !== undefined && current !== undefined && api2 !== current) {
        // INFERRED: two spellings of one setting may not disagree.
        throw paramError("InvalidParameterValue", `${p}.IntegrityAlgorithm`, `\`${p}.IntegrityAlgorith\` and \`${p}.IntegrityAlgorithm\` disagree.`);
    }
    next.IntegrityAlgorithm = current ?? api2 ?? next.IntegrityAlgorithm;
    next.IPSECSaLifetimeSeconds = optInt(input, "IPSECSaLifetimeSeconds", `${p}.IPSECSaLifetimeSeconds`, RANGES.IPSECSaLifetimeSeconds) ?? next.IPSECSaLifetimeSeconds;
    next.PfsDhGroup = optEnum(input, "PfsDhGroup", ENUMS.PfsDhGroup, `${p}.PfsDhGroup`) ?? next.PfsDhGroup;
    next.IPSECSaLifetimeTraffic = optInt(input, "IPSECSaLifetimeTraffic", `${p}.IPSECSaLifetimeTraffic`, RANGES.IPSECSaLifetimeTraffic) ?? next.IPSECSaLifetimeTraffic;
    return next;
}

/** DPD (CreateVpnConnection): DpdEnable 0|1; DpdTimeout a numeric string, only with DpdEnable=1; "" while off. */
export function resolveDpd(
    input: Params,
    base: Pick<ConnectionAttributes, "DpdEnable" | "DpdTimeout" | "DpdAction">,
): Pick<ConnectionAttributes, "DpdEnable" | "DpdTimeout" | "DpdAction"> {
    const enable = optInt(input, "DpdEnable") ?? base.DpdEnable;
    if (enable !== 0 && enable !== 1) throw paramError("InvalidParameterValue", "DpdEnable", `The parameter \`DpdEnable\` must be 0 or 1, got ${enable}.`);
    const timeout = optString(input, "DpdTimeout");
    if (timeout !== undefined) {
        if (enable !== 1) throw paramError("InvalidParameterValue", "DpdTimeout", "The parameter `DpdTimeout` is only allowed with `DpdEnable` = 1.");
        if (!/^\d+$/.test(timeout)) throw paramError("InvalidParameterValue.Malformed", "DpdTimeout", `The parameter \`DpdTimeout\` must be a number of seconds, got \`${timeout}\`.`);
        const [min, max] = RANGES.DpdTimeout;
        if (Number(timeout) < min || Number(timeout) > max) {
            throw paramError("InvalidParameterValue.LimitExceeded", "DpdTimeout", `The parameter \`DpdTimeout\` must be between ${min} and ${max}, got ${timeout}.`);
        }
    }
    return {
        DpdEnable: enable,
        DpdTimeout: enable === 1 ? (timeout ?? (base.DpdTimeout || CONNECTION_DEFAULTS.DpdTimeout)) : "",
        DpdAction: optEnum(input, "DpdAction", ENUMS.DpdAction) ?? base.DpdAction,
    };
}

/** BgpConfig (CreateVpnConnection): all three fields; TunnelCidr a /30 holding both BGP addresses. */
export function validateBgp(value: unknown): BgpSettings {
    if (!isJsonObject(value)) throw paramError("InvalidParameter", "BgpConfig", "The parameter `BgpConfig` must be an object.");
    rejectUnknown(value, ["TunnelCidr", "LocalBgpIp", "RemoteBgpIp"], "BgpConfig.");
    const tunnel = cidrBlock(reqString(value, "TunnelCidr", "BgpConfig.TunnelCidr"), "BgpConfig.TunnelCidr");
    const local = reqString(value, "LocalBgpIp", "BgpConfig.LocalBgpIp");
    const remote = reqString(value, "RemoteBgpIp", "BgpConfig.RemoteBgpIp");
    for (const [name, ip] of [["LocalBgpIp", local], ["RemoteBgpIp", remote]] as const) {
        if (!isIpv4(ip)) throw paramError("InvalidParameterValue.Malformed", `BgpConfig.${name}`, `The parameter \`BgpConfig.${name}\` must be an IPv4 address.`);
    }
    const block = parseIpv4Cidr(tunnel)!;
    if (block.prefix !== 30) {
        throw paramError("InvalidParameterValue.VpnConnBgpTunnelCidrMask", "BgpConfig.TunnelCidr", "The parameter `BgpConfig.TunnelCidr` must be a /30 block.");
    }
    if (!cidrContains(block, parseIpv4(local)!) || !cidrContains(block, parseIpv4(remote)!) || local === remote) {
        throw paramError("InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported", "BgpConfig", "The BGP addresses must be two distinct addresses inside `BgpConfig.TunnelCidr`.");
    }
    return { TunnelCidr: tunnel, LocalBgpIp: local, RemoteBgpIp: remote };
}

/** HealthCheckConfig (CreateVpnConnection): interval 1000–5000 ms, threshold 3–8, timeout 10–5000 ms. */
export function validateHealthCheckConfig(value: unknown, base: HealthCheckSettings | null): HealthCheckSettings {
    const p = "HealthCheckConfig";
    if (!isJsonObject(value)) throw paramError("InvalidParameter", p, `The parameter \`${p}\` must be an object.`);
    rejectUnknown(value, ["ProbeType", "ProbeInterval", "ProbeThreshold", "ProbeTimeout"], `${p}.`);
    const probeType = optString(value, "ProbeType", `${p}.ProbeType`);
    if (base && probeType !== undefined && probeType !== base.ProbeType) {
        // "ProbeType ... not modifiable" (`vpc_models.d.ts` HealthCheckConfig); INFERRED code.
        throw paramError("UnsupportedOperation", `${p}.ProbeType`, `The parameter \`${p}.ProbeType\` cannot be changed.`);
    }
    const next: HealthCheckSettings = { ...(base ?? { ProbeType: CONNECTION_DEFAULTS.ProbeType }) };
    if (probeType !== undefined) next.ProbeType = probeType;
    for (const key of ["ProbeInterval", "ProbeThreshold", "ProbeTimeout"] as const) {
        const v = optInt(value, key, `${p}.${key}`, RANGES[key]);
        if (v !== undefined) next[key] = v;
    }
    return next;
}

/** Tags: each a `Key` (required) and a `Value` (default ""). */
export function validateTags(value: unknown[]): { Key: string; Value: string }[] {
    const tags = value.map((tag, i) => {
        const at = `Tags.${i}`;
        if (!isJsonObject(tag)) throw paramError("InvalidParameter", at, `The parameter \`${at}\` must be an object.`);
        rejectUnknown(tag, ["Key", "Value"], `${at}.`);
        return { Key: reqString(tag, "Key", `${at}.Key`), Value: optString(tag, "Value", `${at}.Value`) ?? "" };
    });
    // The Tag service's limits hold for tags given at create too (./tagService).
    return checkCreateTags(tags);
}

/** VpnConnectionName: at most {@link MAX_NAME_LENGTH} characters. */
export function validateName(value: string): string {
    if ([...value].length > MAX_NAME_LENGTH) {
        throw paramError("InvalidParameterValue.TooLong", "VpnConnectionName", `The parameter \`VpnConnectionName\` must be at most ${MAX_NAME_LENGTH} characters.`);
    }
    return value;
}

/** Health-check fields over `base`; SPD tunnels cannot health-check (Modify's `UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck`). */
export function resolveHealthCheck(
    input: Params,
    base: Pick<ConnectionAttributes, "EnableHealthCheck" | "HealthCheckLocalIp" | "HealthCheckRemoteIp" | "HealthCheckConfig">,
    spd: SpdEntry[],
): Pick<ConnectionAttributes, "EnableHealthCheck" | "HealthCheckLocalIp" | "HealthCheckRemoteIp" | "HealthCheckConfig"> {
    const enable = optBool(input, "EnableHealthCheck") ?? base.EnableHealthCheck;
    const local = optIpv4(input, "HealthCheckLocalIp") ?? base.HealthCheckLocalIp;
    const remote = optIpv4(input, "HealthCheckRemoteIp") ?? base.HealthCheckRemoteIp;
    if (local === remote) {
        throw paramError("InvalidParameterValue.VpnConnHealthCheckIpConflict", "HealthCheckRemoteIp", "`HealthCheckLocalIp` and `HealthCheckRemoteIp` must differ.");
    }
    if (enable && spd.length > 0) {
        throw paramError("UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck", "EnableHealthCheck", "Health checks are not supported on tunnels with `SecurityPolicyDatabases`.");
    }
    const config = input.HealthCheckConfig === undefined ? base.HealthCheckConfig : validateHealthCheckConfig(input.HealthCheckConfig, base.HealthCheckConfig);
    return { EnableHealthCheck: enable, HealthCheckLocalIp: local, HealthCheckRemoteIp: remote, HealthCheckConfig: config };
}
