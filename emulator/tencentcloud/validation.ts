/**
 * API 3.0 parameter rules of the VPN connection actions: types, enums, ranges, identities, CIDRs,
 * SPD, DPD, health checks, BGP; and the defaults applied on create. Codes follow each action's list in
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go`;
 * the common meanings (https://cloud.tencent.com/document/product/1388/114322) decide the rest:
 * `InvalidParameter` = wrong type/shape, `InvalidParameterValue` = value not allowed,
 * `MissingParameter` = required parameter absent. Choices not documented per action are marked INFERRED.
 * API 2.0 requests are translated to API 3.0 parameters first and checked here too.
 */
import { randomInt } from "crypto";
import { TencentError, type ResourceKind } from "./errors";
import type { CustomerGatewayFixture, VpcFixture, VpnGatewayFixture } from "./fixtures";
import {
    CONNECTION_DEFAULTS,
    IKE_DEFAULTS,
    IPSEC_DEFAULTS,
    type BgpSettings,
    type ConnectionAttributes,
    type HealthCheckSettings,
    type IkeOptions,
    type IpsecOptions,
    type SpdEntry,
} from "./model";

/** A decoded JSON request body. */
export type Params = Record<string, unknown>;

/** GCM algorithms run on 4.0 gateways only (`vpc_models.d.ts` IKEOptionsSpecification, IPSECOptionsSpecification). */
export const GCM_ALGORITHMS: readonly string[] = ["AES128GCM128", "AES192GCM128", "AES256GCM128"];

/** API 3.0 enums (`vpc_models.d.ts`), upper-case as documented. */
export const ENUMS = {
    PropoEncryAlgorithm: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", ...GCM_ALGORITHMS],
    PropoAuthenAlgorithm: ["MD5", "SHA", "SHA-256", "SHA-512"],
    ExchangeMode: ["AGGRESSIVE", "MAIN"],
    Identity: ["ADDRESS", "FQDN"],
    DhGroupName: ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP15", "GROUP16", "GROUP19", "GROUP20", "GROUP21", "GROUP24"],
    IKEVersion: ["IKEV1", "IKEV2"],
    EncryptAlgorithm: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", "NULL", ...GCM_ALGORITHMS],
    IntegrityAlgorith: ["MD5", "SHA1", "SHA-256", "SHA-512", "SHA-384", "SM3"],
    IntegrityAlgorithm: ["MD5", "SHA1", "SHA-256"],
    PfsDhGroup: ["NULL", "DH-GROUP1", "DH-GROUP2", "DH-GROUP5", "DH-GROUP14", "DH-GROUP15", "DH-GROUP16", "DH-GROUP19", "DH-GROUP20", "DH-GROUP21", "DH-GROUP24"],
    RouteType: ["STATIC", "StaticRoute", "Policy", "Bgp"],
    NegotiationType: ["active", "passive", "flowTrigger"],
    DpdAction: ["clear", "restart"],
} as const;

/** Inclusive numeric ranges (`vpc_models.d.ts`; DpdTimeout 30–60 from terraform-provider-tencentcloud `resource_tc_vpn_connection.go`). */
export const RANGES = {
    IKESaLifetimeSeconds: [60, 604800],
    IPSECSaLifetimeSeconds: [180, 604800],
    IPSECSaLifetimeTraffic: [2560, 4294967295],
    DpdTimeout: [30, 60],
    ProbeInterval: [1000, 5000],
    ProbeThreshold: [3, 8],
    ProbeTimeout: [10, 5000],
} as const satisfies Record<string, readonly [number, number]>;

/** VpnConnectionName length limit (https://www.tencentcloud.com/document/api/215/17522; AddVpnConnEx "不得超过60个字符"). */
export const MAX_NAME_LENGTH = 60;

/** Health-check addresses default to random hosts of this block (CreateVpnConnection). */
export const HEALTH_CHECK_CIDR = "169.254.128.0/17";

const CONNECTION_ID = /^vpnx-[0-9a-z]{8}$/;

const CREATE_PARAMS = [
    "VpnGatewayId", "CustomerGatewayId", "VpnConnectionName", "PreShareKey", "VpcId", "SecurityPolicyDatabases",
    "IKEOptionsSpecification", "IPSECOptionsSpecification", "Tags", "EnableHealthCheck", "HealthCheckLocalIp",
    "HealthCheckRemoteIp", "RouteType", "NegotiationType", "DpdEnable", "DpdTimeout", "DpdAction", "Route",
    "BgpConfig", "HealthCheckConfig",
] as const;
/** Modify has no VpnGatewayId, VpcId, RouteType or Tags (https://www.tencentcloud.com/document/api/215/17508). */
const MODIFY_PARAMS = [
    "VpnConnectionId", "VpnConnectionName", "PreShareKey", "SecurityPolicyDatabases", "IKEOptionsSpecification",
    "IPSECOptionsSpecification", "EnableHealthCheck", "HealthCheckLocalIp", "HealthCheckRemoteIp", "NegotiationType",
    "DpdEnable", "DpdTimeout", "DpdAction", "CustomerGatewayId", "HealthCheckConfig", "BgpConfig",
] as const;
const IKE_FIELDS = [
    "PropoEncryAlgorithm", "PropoAuthenAlgorithm", "ExchangeMode", "LocalIdentity", "RemoteIdentity", "LocalAddress",
    "RemoteAddress", "LocalFqdnName", "RemoteFqdnName", "DhGroupName", "IKESaLifetimeSeconds", "IKEVersion",
] as const;
const IPSEC_FIELDS = [
    "EncryptAlgorithm", "IntegrityAlgorith", "IntegrityAlgorithm", "IPSECSaLifetimeSeconds", "PfsDhGroup", "IPSECSaLifetimeTraffic",
] as const;

// ---------------------------------------------------------------------------------------------
// Addresses

/** Dotted-quad IPv4 without leading zeros. */
export function isIpv4(value: string): boolean {
    const parts = value.split(".");
    return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function ipToInt(ip: string): number {
    return ip.split(".").reduce((acc, p) => acc * 256 + Number(p), 0);
}

/**
 * `a.b.c.d/n`, host bits allowed: AddVpnConnEx's and ModifyVpnConnEx's own examples are `10.0.0.5/24` and `10.56.20.1/24`.
 * Returns the network's first address and size, or undefined when malformed.
 */
export function parseCidr(value: string): { first: number; size: number; prefix: number } | undefined {
    const m = /^([0-9.]+)\/(\d{1,2})$/.exec(value);
    if (!m || !isIpv4(m[1]) || Number(m[2]) > 32) return undefined;
    const prefix = Number(m[2]);
    const size = 2 ** (32 - prefix);
    return { first: Math.floor(ipToInt(m[1]) / size) * size, size, prefix };
}

/** True when two (well-formed) CIDRs share an address. */
export function cidrsOverlap(a: string, b: string): boolean {
    const x = parseCidr(a);
    const y = parseCidr(b);
    return !!x && !!y && x.first < y.first + y.size && y.first < x.first + x.size;
}

/** True when the IPv4 address lies in the CIDR. */
export function cidrContains(cidr: string, ip: string): boolean {
    const c = parseCidr(cidr);
    return !!c && isIpv4(ip) && ipToInt(ip) >= c.first && ipToInt(ip) < c.first + c.size;
}

/** Two distinct random hosts of {@link HEALTH_CHECK_CIDR} (the default health-check addresses). */
export function randomHealthCheckIps(): { local: string; remote: string } {
    const block = parseCidr(HEALTH_CHECK_CIDR)!;
    const pick = (): number => block.first + randomInt(1, block.size - 1);
    const local = pick();
    let remote = pick();
    while (remote === local) remote = pick();
    const toIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
    return { local: toIp(local), remote: toIp(remote) };
}

// ---------------------------------------------------------------------------------------------
// Readers: each names the field by its dotted path in the message, and in `detail.field`.

const err = (code: string, field: string, message: string): TencentError => new TencentError(code, message, { field });

/** `MissingParameter` naming the field. */
export function missing(field: string): TencentError {
    return err("MissingParameter", field, `The request is missing a required parameter \`${field}\`.`);
}

/** `ResourceNotFound` naming the id (each action's codes). */
export function notFound(resource: ResourceKind, id: string): TencentError {
    return new TencentError("ResourceNotFound", `The resource \`${id}\` is not found.`, { resource });
}

function isPlainObject(v: unknown): v is Params {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `UnknownParameter` for a name the action does not define (INFERRED: a common code, not in the actions' lists). */
export function rejectUnknown(obj: Params, allowed: readonly string[], prefix = ""): void {
    for (const key of Object.keys(obj)) {
        if (!allowed.includes(key)) {
            throw err("UnknownParameter", prefix + key, `The parameter \`${prefix + key}\` is not recognized.`);
        }
    }
}

/** Optional string; wrong type is `InvalidParameter`. */
export function optString(obj: Params, key: string, path = key): string | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw err("InvalidParameter", path, `The parameter \`${path}\` must be a string.`);
    return v;
}

/** Required non-empty string: absent → `MissingParameter`, "" → `InvalidParameterValue.Empty`. */
export function reqString(obj: Params, key: string, path = key): string {
    const v = optString(obj, key, path);
    if (v === undefined) throw missing(path);
    if (v.trim() === "") throw err("InvalidParameterValue.Empty", path, `The parameter \`${path}\` must not be empty.`);
    return v;
}

/** Optional integer within `range` (out of range → `InvalidParameterValue.LimitExceeded`, as Modify lists it). */
export function optInt(obj: Params, key: string, path = key, range?: readonly [number, number]): number | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v)) {
        throw err("InvalidParameter", path, `The parameter \`${path}\` must be an integer.`);
    }
    if (range && (v < range[0] || v > range[1])) {
        throw err("InvalidParameterValue.LimitExceeded", path, `The parameter \`${path}\` must be between ${range[0]} and ${range[1]}, got ${v}.`);
    }
    return v;
}

function optBool(obj: Params, key: string, path = key): boolean | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") throw err("InvalidParameter", path, `The parameter \`${path}\` must be a boolean.`);
    return v;
}

/** Optional enum member; not a member → `InvalidParameterValue`. */
export function optEnum(obj: Params, key: string, allowed: readonly string[], path = key): string | undefined {
    const v = optString(obj, key, path);
    if (v !== undefined && !allowed.includes(v)) {
        throw err("InvalidParameterValue", path, `The parameter \`${path}\` must be one of ${allowed.join(", ")}, got \`${v}\`.`);
    }
    return v;
}

function optObject(obj: Params, key: string, path = key): Params | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (!isPlainObject(v)) throw err("InvalidParameter", path, `The parameter \`${path}\` must be an object.`);
    return v;
}

/** Optional array; wrong type is `InvalidParameter`. */
export function optArray(obj: Params, key: string, path = key): unknown[] | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw err("InvalidParameter", path, `The parameter \`${path}\` must be an array.`);
    return v;
}

function optIpv4(obj: Params, key: string, path = key): string | undefined {
    const v = optString(obj, key, path);
    if (v !== undefined && !isIpv4(v)) {
        throw err("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` must be an IPv4 address, got \`${v}\`.`);
    }
    return v;
}

function cidr(value: unknown, path: string): string {
    if (typeof value !== "string") throw err("InvalidParameter", path, `The parameter \`${path}\` must be a string.`);
    if (!parseCidr(value)) throw err("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` is not a valid CIDR block: \`${value}\`.`);
    return value;
}

/** `InvalidParameterValue.Malformed` unless the id looks like `vpnx-xxxxxxxx` (Describe's and Delete's codes). */
export function assertConnectionId(id: string, path: string): void {
    if (!CONNECTION_ID.test(id)) {
        throw err("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` is not a valid VPN connection id: \`${id}\`.`);
    }
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** SecurityPolicyDatabases (`vpc_models.d.ts` SecurityPolicyDatabase): both fields required, CIDRs well-formed, local ∩ remote = ∅. */
export function validateSpd(value: unknown, path = "SecurityPolicyDatabases"): SpdEntry[] {
    if (!Array.isArray(value)) throw err("InvalidParameter", path, `The parameter \`${path}\` must be an array.`);
    return value.map((entry, i) => {
        const at = `${path}.${i}`;
        if (!isPlainObject(entry)) throw err("InvalidParameter", at, `The parameter \`${at}\` must be an object.`);
        rejectUnknown(entry, ["LocalCidrBlock", "RemoteCidrBlock"], `${at}.`);
        if (entry.LocalCidrBlock === undefined) throw missing(`${at}.LocalCidrBlock`);
        const local = cidr(entry.LocalCidrBlock, `${at}.LocalCidrBlock`);
        const remotes = optArray(entry, "RemoteCidrBlock", `${at}.RemoteCidrBlock`);
        if (remotes === undefined) throw missing(`${at}.RemoteCidrBlock`);
        if (remotes.length === 0) throw err("InvalidParameterValue.Empty", `${at}.RemoteCidrBlock`, `The parameter \`${at}.RemoteCidrBlock\` must not be empty.`);
        const remote = remotes.map((r, j) => cidr(r, `${at}.RemoteCidrBlock.${j}`));
        // SPD src/dst overlap is VpnConnSpdCidrConflict (CreateVpnConnection error codes,
        // https://www.tencentcloud.com/document/api/215/17522). PreShareKey has no documented charset: any non-empty string.
        for (const r of remote) {
            if (cidrsOverlap(local, r)) {
                throw err("InvalidParameterValue.VpnConnSpdCidrConflict", at, `The local CIDR \`${local}\` overlaps the remote CIDR \`${r}\` in \`${at}\`.`);
            }
        }
        return { LocalCidrBlock: local, RemoteCidrBlock: remote };
    });
}

function rejectGcmOnOldGateway(value: string | undefined, path: string, gateway: VpnGatewayFixture): void {
    // GCM only on 4.0 gateways (`vpc_models.d.ts`); INFERRED code.
    if (value !== undefined && GCM_ALGORITHMS.includes(value) && Number(gateway.version) < 4) {
        throw err("UnsupportedOperation", path, `\`${value}\` in \`${path}\` needs a 4.0 VPN gateway; \`${gateway.vpnGatewayId}\` is ${gateway.version}.`);
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
    const legacy = optEnum(input, "IntegrityAlgorith", ENUMS.IntegrityAlgorith, `${p}.IntegrityAlgorith`);
    const current = optEnum(input, "IntegrityAlgorithm", ENUMS.IntegrityAlgorithm, `${p}.IntegrityAlgorithm`);
    if (legacy !== undefined && current !== undefined && legacy !== current) {
        // INFERRED: two spellings of one setting may not disagree.
        throw err("InvalidParameterValue", `${p}.IntegrityAlgorithm`, `\`${p}.IntegrityAlgorith\` and \`${p}.IntegrityAlgorithm\` disagree.`);
    }
    next.IntegrityAlgorithm = current ?? legacy ?? next.IntegrityAlgorithm;
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
    if (enable !== 0 && enable !== 1) throw err("InvalidParameterValue", "DpdEnable", `The parameter \`DpdEnable\` must be 0 or 1, got ${enable}.`);
    const timeout = optString(input, "DpdTimeout");
    if (timeout !== undefined) {
        if (enable !== 1) throw err("InvalidParameterValue", "DpdTimeout", "The parameter `DpdTimeout` is only allowed with `DpdEnable` = 1.");
        if (!/^\d+$/.test(timeout)) throw err("InvalidParameterValue.Malformed", "DpdTimeout", `The parameter \`DpdTimeout\` must be a number of seconds, got \`${timeout}\`.`);
        const [min, max] = RANGES.DpdTimeout;
        if (Number(timeout) < min || Number(timeout) > max) {
            throw err("InvalidParameterValue.LimitExceeded", "DpdTimeout", `The parameter \`DpdTimeout\` must be between ${min} and ${max}, got ${timeout}.`);
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
    if (!isPlainObject(value)) throw err("InvalidParameter", "BgpConfig", "The parameter `BgpConfig` must be an object.");
    rejectUnknown(value, ["TunnelCidr", "LocalBgpIp", "RemoteBgpIp"], "BgpConfig.");
    const tunnel = cidr(reqString(value, "TunnelCidr", "BgpConfig.TunnelCidr"), "BgpConfig.TunnelCidr");
    const local = reqString(value, "LocalBgpIp", "BgpConfig.LocalBgpIp");
    const remote = reqString(value, "RemoteBgpIp", "BgpConfig.RemoteBgpIp");
    for (const [name, ip] of [["LocalBgpIp", local], ["RemoteBgpIp", remote]] as const) {
        if (!isIpv4(ip)) throw err("InvalidParameterValue.Malformed", `BgpConfig.${name}`, `The parameter \`BgpConfig.${name}\` must be an IPv4 address.`);
    }
    if (parseCidr(tunnel)!.prefix !== 30) {
        throw err("InvalidParameterValue.VpnConnBgpTunnelCidrMask", "BgpConfig.TunnelCidr", "The parameter `BgpConfig.TunnelCidr` must be a /30 block.");
    }
    if (!cidrContains(tunnel, local) || !cidrContains(tunnel, remote) || local === remote) {
        throw err("InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported", "BgpConfig", "The BGP addresses must be two distinct addresses inside `BgpConfig.TunnelCidr`.");
    }
    return { TunnelCidr: tunnel, LocalBgpIp: local, RemoteBgpIp: remote };
}

/** HealthCheckConfig (CreateVpnConnection): interval 1000–5000 ms, threshold 3–8, timeout 10–5000 ms. */
export function validateHealthCheckConfig(value: unknown, base: HealthCheckSettings | null): HealthCheckSettings {
    const p = "HealthCheckConfig";
    if (!isPlainObject(value)) throw err("InvalidParameter", p, `The parameter \`${p}\` must be an object.`);
    rejectUnknown(value, ["ProbeType", "ProbeInterval", "ProbeThreshold", "ProbeTimeout"], `${p}.`);
    const probeType = optString(value, "ProbeType", `${p}.ProbeType`);
    if (base && probeType !== undefined && probeType !== base.ProbeType) {
        // "ProbeType ... not modifiable" (`vpc_models.d.ts` HealthCheckConfig); INFERRED code.
        throw err("UnsupportedOperation", `${p}.ProbeType`, `The parameter \`${p}.ProbeType\` cannot be changed.`);
    }
    const next: HealthCheckSettings = { ...(base ?? { ProbeType: CONNECTION_DEFAULTS.ProbeType }) };
    if (probeType !== undefined) next.ProbeType = probeType;
    for (const key of ["ProbeInterval", "ProbeThreshold", "ProbeTimeout"] as const) {
        const v = optInt(value, key, `${p}.${key}`, RANGES[key]);
        if (v !== undefined) next[key] = v;
    }
    return next;
}

function validateTags(value: unknown[]): { Key: string; Value: string }[] {
    return value.map((tag, i) => {
        const at = `Tags.${i}`;
        if (!isPlainObject(tag)) throw err("InvalidParameter", at, `The parameter \`${at}\` must be an object.`);
        rejectUnknown(tag, ["Key", "Value"], `${at}.`);
        return { Key: reqString(tag, "Key", `${at}.Key`), Value: optString(tag, "Value", `${at}.Value`) ?? "" };
    });
}

function validateName(value: string): string {
    if ([...value].length > MAX_NAME_LENGTH) {
        throw err("InvalidParameterValue.TooLong", "VpnConnectionName", `The parameter \`VpnConnectionName\` must be at most ${MAX_NAME_LENGTH} characters.`);
    }
    return value;
}

/** Health-check fields over `base`; SPD tunnels cannot health-check (Modify's `UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck`). */
function resolveHealthCheck(
    input: Params,
    base: Pick<ConnectionAttributes, "EnableHealthCheck" | "HealthCheckLocalIp" | "HealthCheckRemoteIp" | "HealthCheckConfig">,
    spd: SpdEntry[],
): Pick<ConnectionAttributes, "EnableHealthCheck" | "HealthCheckLocalIp" | "HealthCheckRemoteIp" | "HealthCheckConfig"> {
    const enable = optBool(input, "EnableHealthCheck") ?? base.EnableHealthCheck;
    const local = optIpv4(input, "HealthCheckLocalIp") ?? base.HealthCheckLocalIp;
    const remote = optIpv4(input, "HealthCheckRemoteIp") ?? base.HealthCheckRemoteIp;
    if (local === remote) {
        throw err("InvalidParameterValue.VpnConnHealthCheckIpConflict", "HealthCheckRemoteIp", "`HealthCheckLocalIp` and `HealthCheckRemoteIp` must differ.");
    }
    if (enable && spd.length > 0) {
        throw err("UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck", "EnableHealthCheck", "Health checks are not supported on tunnels with `SecurityPolicyDatabases`.");
    }
    const config = input.HealthCheckConfig === undefined ? base.HealthCheckConfig : validateHealthCheckConfig(input.HealthCheckConfig, base.HealthCheckConfig);
    return { EnableHealthCheck: enable, HealthCheckLocalIp: local, HealthCheckRemoteIp: remote, HealthCheckConfig: config };
}

// ---------------------------------------------------------------------------------------------
// Actions

/** The fixtures a create or modify must resolve (scoped to the request's region by the caller). */
export interface Lookups {
    vpc(id: string): VpcFixture | undefined;
    gateway(id: string): VpnGatewayFixture | undefined;
    customerGateway(id: string): CustomerGatewayFixture | undefined;
}

/** CreateVpnConnection parameters (https://www.tencentcloud.com/document/api/215/17522) → resolved attributes, API defaults applied. */
export function validateCreate(p: Params, lookups: Lookups): ConnectionAttributes {
    rejectUnknown(p, CREATE_PARAMS);
    const gatewayId = reqString(p, "VpnGatewayId");
    const customerGatewayId = reqString(p, "CustomerGatewayId");
    const name = validateName(reqString(p, "VpnConnectionName"));
    const psk = reqString(p, "PreShareKey");
    const gateway = lookups.gateway(gatewayId);
    if (!gateway) throw notFound("vpnGateway", gatewayId);
    const customerGateway = lookups.customerGateway(customerGatewayId);
    if (!customerGateway) throw notFound("customerGateway", customerGatewayId);
    // VpcId is required for VPC-type gateways, which every fixture is (CreateVpnConnection); INFERRED codes.
    const vpcId = optString(p, "VpcId");
    if (!vpcId) throw missing("VpcId");
    if (!lookups.vpc(vpcId)) throw notFound("vpc", vpcId);
    if (vpcId !== gateway.vpcId) {
        throw err("InvalidParameterValue", "VpcId", `The VPN gateway \`${gatewayId}\` does not belong to \`${vpcId}\`.`);
    }

    const routeType = optEnum(p, "RouteType", ENUMS.RouteType) ?? CONNECTION_DEFAULTS.RouteType;
    const spd = p.SecurityPolicyDatabases === undefined ? [] : validateSpd(p.SecurityPolicyDatabases);
    const bgp = p.BgpConfig === undefined ? null : validateBgp(p.BgpConfig);
    if (routeType === "Bgp" && !bgp) throw missing("BgpConfig"); // INFERRED: a BGP tunnel needs its peering.

    const ikeInput = optObject(p, "IKEOptionsSpecification");
    const ike = ikeInput
        ? resolveIke(ikeInput, { ...IKE_DEFAULTS, LocalAddress: "", RemoteAddress: "" }, gateway)
        : // INFERRED: with no IKE block at all, the remote identity is the customer gateway's address.
          { ...IKE_DEFAULTS, LocalAddress: gateway.publicIpAddress, RemoteAddress: customerGateway.ipAddress };
    const ipsecInput = optObject(p, "IPSECOptionsSpecification");
    const ipsec = ipsecInput ? resolveIpsec(ipsecInput, { ...IPSEC_DEFAULTS }, gateway) : { ...IPSEC_DEFAULTS };

    const defaults = randomHealthCheckIps();
    const health = resolveHealthCheck(
        p,
        { EnableHealthCheck: CONNECTION_DEFAULTS.EnableHealthCheck, HealthCheckLocalIp: defaults.local, HealthCheckRemoteIp: defaults.remote, HealthCheckConfig: null },
        spd,
    );
    const tags = optArray(p, "Tags");
    if (p.Route !== undefined && !isPlainObject(p.Route)) throw err("InvalidParameter", "Route", "The parameter `Route` must be an object.");
    return {
        VpnConnectionName: name,
        VpcId: vpcId,
        VpnGatewayId: gatewayId,
        CustomerGatewayId: customerGatewayId,
        PreShareKey: psk,
        RouteType: routeType,
        SecurityPolicyDatabaseSet: spd,
        IKEOptionsSpecification: ike,
        IPSECOptionsSpecification: ipsec,
        ...health,
        ...resolveDpd(p, { DpdEnable: CONNECTION_DEFAULTS.DpdEnable, DpdTimeout: "", DpdAction: CONNECTION_DEFAULTS.DpdAction }),
        TagSet: tags ? validateTags(tags) : [],
        NegotiationType: optEnum(p, "NegotiationType", ENUMS.NegotiationType) ?? CONNECTION_DEFAULTS.NegotiationType,
        BgpConfig: bgp,
    };
}

/**
 * ModifyVpnConnectionAttribute parameters (https://www.tencentcloud.com/document/api/215/17508) over the current attributes. Given IKE/IPsec
 * fields replace current ones and the rest stay (INFERRED: the doc does not say partial blocks reset).
 */
export function validateModify(p: Params, current: ConnectionAttributes, lookups: Lookups): ConnectionAttributes {
    rejectUnknown(p, MODIFY_PARAMS);
    const gateway = lookups.gateway(current.VpnGatewayId);
    if (!gateway) throw notFound("vpnGateway", current.VpnGatewayId);
    const name = optString(p, "VpnConnectionName");
    if (name !== undefined && name.trim() === "") throw err("InvalidParameterValue.Empty", "VpnConnectionName", "The parameter `VpnConnectionName` must not be empty.");
    const psk = optString(p, "PreShareKey");
    if (psk !== undefined && psk === "") throw err("InvalidParameterValue.Empty", "PreShareKey", "The parameter `PreShareKey` must not be empty.");

    const customerGatewayId = optString(p, "CustomerGatewayId");
    if (customerGatewayId !== undefined) {
        if (!lookups.customerGateway(customerGatewayId)) throw notFound("customerGateway", customerGatewayId);
        // "4.0及以上网关下的通道支持更新" (ModifyVpnConnectionAttribute CustomerGatewayId); INFERRED code.
        if (customerGatewayId !== current.CustomerGatewayId && Number(gateway.version) < 4) {
            throw err("UnsupportedOperation", "CustomerGatewayId", `\`CustomerGatewayId\` can only change on 4.0 VPN gateways; \`${gateway.vpnGatewayId}\` is ${gateway.version}.`);
        }
    }
    const spd = p.SecurityPolicyDatabases === undefined ? current.SecurityPolicyDatabaseSet : validateSpd(p.SecurityPolicyDatabases);
    const ikeInput = optObject(p, "IKEOptionsSpecification");
    const ipsecInput = optObject(p, "IPSECOptionsSpecification");
    return {
        ...current,
        VpnConnectionName: name === undefined ? current.VpnConnectionName : validateName(name),
        PreShareKey: psk ?? current.PreShareKey,
        CustomerGatewayId: customerGatewayId ?? current.CustomerGatewayId,
        SecurityPolicyDatabaseSet: spd,
        IKEOptionsSpecification: ikeInput ? resolveIke(ikeInput, current.IKEOptionsSpecification, gateway) : current.IKEOptionsSpecification,
        IPSECOptionsSpecification: ipsecInput ? resolveIpsec(ipsecInput, current.IPSECOptionsSpecification, gateway) : current.IPSECOptionsSpecification,
        ...resolveHealthCheck(p, current, spd),
        ...resolveDpd(p, current),
        NegotiationType: optEnum(p, "NegotiationType", ENUMS.NegotiationType) ?? current.NegotiationType,
        BgpConfig: p.BgpConfig === undefined ? current.BgpConfig : validateBgp(p.BgpConfig),
    };
}
