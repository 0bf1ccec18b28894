/**
 * The two clouds' IPsec vocabularies, held once: each negotiable setting under a cloud-neutral name,
 * with each cloud's spellings. The allowed values are not restated here: they are read from the field
 * tables' enum rows (provider/alicloud/schema.ts, provider/tencentcloud/schema.ts, which cite
 * CreateVpnConnection of each cloud) and mapped to neutral names by each cloud's spelling rule, so a
 * value added to a schema row appears here too. A neutral value missing from one cloud's map is one
 * that cloud cannot express.
 */
import type { Field, ObjectField } from "../../provider/core/schema";
import { VPN_CONNECTION_SCHEMA as ALICLOUD } from "../../provider/alicloud/schema";
import { VPN_CONNECTION_SCHEMA as TENCENTCLOUD } from "../../provider/tencentcloud/schema";

export type CloudSide = "alicloud" | "tencentcloud";

/** The negotiable settings, by neutral name. */
export type SettingKind = "ikeVersion" | "ikeMode" | "ikeEncryption" | "ikeIntegrity" | "dhGroup" | "ipsecEncryption" | "ipsecIntegrity" | "pfs";

/** Where a setting lives in each cloud's arguments: `[block, key]`. */
export const SETTING_PATHS: Readonly<Record<SettingKind, Record<CloudSide, readonly [string, string]>>> = {
    ikeVersion: { alicloud: ["ikeConfig", "ikeVersion"], tencentcloud: ["ikeOptions", "ikeVersion"] },
    ikeMode: { alicloud: ["ikeConfig", "ikeMode"], tencentcloud: ["ikeOptions", "exchangeMode"] },
    ikeEncryption: { alicloud: ["ikeConfig", "ikeEncAlg"], tencentcloud: ["ikeOptions", "propoEncryAlgorithm"] },
    ikeIntegrity: { alicloud: ["ikeConfig", "ikeAuthAlg"], tencentcloud: ["ikeOptions", "propoAuthenAlgorithm"] },
    dhGroup: { alicloud: ["ikeConfig", "ikePfs"], tencentcloud: ["ikeOptions", "dhGroupName"] },
    ipsecEncryption: { alicloud: ["ipsecConfig", "ipsecEncAlg"], tencentcloud: ["ipsecOptions", "encryptAlgorithm"] },
    ipsecIntegrity: { alicloud: ["ipsecConfig", "ipsecAuthAlg"], tencentcloud: ["ipsecOptions", "integrityAlgorithm"] },
    pfs: { alicloud: ["ipsecConfig", "ipsecPfs"], tencentcloud: ["ipsecOptions", "pfsDhGroup"] },
};

const SCHEMAS = { alicloud: ALICLOUD, tencentcloud: TENCENTCLOUD } as const;

/** The schema row of `[block, key]` in `cloud`'s table. */
export function schemaRow(cloud: CloudSide, [block, key]: readonly [string, string]): Field {
    const row = (SCHEMAS[cloud][block] as ObjectField).fields[key];
    if (row === undefined) throw new Error(`no schema row ${block}.${key} in ${cloud}`);
    return row;
}

/**
 * Each cloud's spelling → neutral name. Alibaba's `aes` is AES-128 and `disabled` is no PFS
 * (CreateVpnConnection IkeConfig/IpsecConfig); Tencent's `SHA` (IKE) and `SHA1` (IPsec) are both
 * SHA-1, `AES-CBC-n` is AES-n, `AESnGCM128` AES-n in GCM, `DH-GROUPn` group n and `NULL` off
 * (IKEOptionsSpecification / IPSECOptionsSpecification in tencentcloud-sdk-nodejs `vpc_models.d.ts`).
 */
const NEUTRAL: Record<SettingKind, (spelling: string) => string> = {
    ikeVersion: (s) => s.toLowerCase(),
    ikeMode: (s) => s.toLowerCase(),
    ikeEncryption: encryption,
    ipsecEncryption: encryption,
    ikeIntegrity: integrity,
    ipsecIntegrity: integrity,
    dhGroup: group,
    pfs: group,
};

function encryption(spelling: string): string {
    const s = spelling.toLowerCase();
    if (s === "aes") return "aes128";
    const gcm = /^aes(\d+)gcm128$/.exec(s);
    if (gcm) return `aes${gcm[1]}gcm`;
    return s.replace(/^aes-cbc-(\d+)$/, "aes$1").replace(/-cbc$/, "");
}

function integrity(spelling: string): string {
    const s = spelling.toLowerCase().replace("-", "");
    return s === "sha" ? "sha1" : s;
}

function group(spelling: string): string {
    const s = spelling.toLowerCase();
    return s === "disabled" || s === "null" ? "none" : s.replace(/^dh-/, "");
}

/** One setting's vocabulary: neutral name → each cloud's spelling (only the values the cloud accepts). */
export type Vocabulary = Record<CloudSide, ReadonlyMap<string, string>>;

function vocabularyOf(kind: SettingKind): Vocabulary {
    const side = (cloud: CloudSide) => {
        const row = schemaRow(cloud, SETTING_PATHS[kind][cloud]) as { enum?: readonly string[] };
        return new Map((row.enum ?? []).map((spelling) => [NEUTRAL[kind](spelling), spelling]));
    };
    return { alicloud: side("alicloud"), tencentcloud: side("tencentcloud") };
}

/** The translation table: every negotiable setting's two vocabularies. */
export const VOCABULARY: Readonly<Record<SettingKind, Vocabulary>> = Object.fromEntries(
    (Object.keys(SETTING_PATHS) as SettingKind[]).map((kind) => [kind, vocabularyOf(kind)]),
) as Record<SettingKind, Vocabulary>;

/** The neutral name of `cloud`'s spelling `value` (case-insensitive), or undefined when the cloud has no such value. */
export function toNeutral(kind: SettingKind, cloud: CloudSide, value: string): string | undefined {
    const neutral = NEUTRAL[kind](value);
    return VOCABULARY[kind][cloud].has(neutral) ? neutral : undefined;
}

/** `cloud`'s spelling of the neutral `value`, or undefined when the cloud cannot express it. */
export function fromNeutral(kind: SettingKind, cloud: CloudSide, value: string): string | undefined {
    return VOCABULARY[kind][cloud].get(value);
}

/** The SA lifetimes (seconds on both clouds), by neutral name. */
export type LifetimeKind = "ikeLifetime" | "ipsecLifetime";

/** Where each lifetime lives in each cloud's arguments: `[block, key]`. */
export const LIFETIME_PATHS: Readonly<Record<LifetimeKind, Record<CloudSide, readonly [string, string]>>> = {
    ikeLifetime: { alicloud: ["ikeConfig", "ikeLifetime"], tencentcloud: ["ikeOptions", "ikeSaLifetimeSeconds"] },
    ipsecLifetime: { alicloud: ["ipsecConfig", "ipsecLifetime"], tencentcloud: ["ipsecOptions", "ipsecSaLifetimeSeconds"] },
};

/** A lifetime's range in `cloud`'s schema row. */
export function lifetimeRange(kind: LifetimeKind, cloud: CloudSide): { min: number; max: number; default: number } {
    const row = schemaRow(cloud, LIFETIME_PATHS[kind][cloud]) as { min: number; max: number; default: number };
    return { min: row.min, max: row.max, default: row.default };
}

/** The lifetimes both clouds accept: the intersection of the two rows' ranges. */
export function commonLifetimeRange(kind: LifetimeKind): { min: number; max: number } {
    const a = lifetimeRange(kind, "alicloud");
    const t = lifetimeRange(kind, "tencentcloud");
    return { min: Math.max(a.min, t.min), max: Math.min(a.max, t.max) };
}

/** The neutral values both clouds can express, in Alibaba's order. */
export function commonValues(kind: SettingKind): string[] {
    return [...VOCABULARY[kind].alicloud.keys()].filter((v) => VOCABULARY[kind].tencentcloud.has(v));
}

/** `cloud`'s default (the schema row's, the API's own) of a setting. */
export function defaultOf(kind: SettingKind, cloud: CloudSide): string {
    return String((schemaRow(cloud, SETTING_PATHS[kind][cloud]) as { default?: unknown }).default);
}
