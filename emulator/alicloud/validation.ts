/**
 * Server-side parameter rules of the connection actions (the VPC 2016-04-28 API reference:
 * CreateVpnConnection, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns;
 * ModifyVpnConnectionAttribute, https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute).
 * Pure functions from raw RPC parameters to typed requests; each rule failure is an AliApiError.
 *
 * For malformed IkeConfig/IpsecConfig/HealthCheckConfig/BgpConfig values the API reference documents no
 * specific error code: the emulator answers 400 `InvalidParameter` naming the key ([inferred]).
 */
import { cidrContains, networkOf, parseIpv4, parseIpv4Cidr } from "../core/ipv4";
import { AliApiError, invalidParameter, missingParameter } from "./errors";
import { ALICLOUD_REGION_ID } from "./fixtures";
import type { IkeConfigView, IpsecConfigView } from "./model";

type RawParams = Readonly<Record<string, string>>;

/** IkeConfig keys as given (all optional; defaults are applied by the action). */
export type IkeConfigInput = Partial<IkeConfigView>;
/** IpsecConfig keys as given. */
export type IpsecConfigInput = Partial<IpsecConfigView>;

/** HealthCheckConfig keys as given (the API spells them lower-case). */
export interface HealthCheckInput {
    enable?: boolean;
    dip?: string;
    sip?: string;
    interval?: number;
    retry?: number;
}

/** BgpConfig keys as given. */
export interface BgpConfigInput {
    EnableBgp?: boolean;
    LocalAsn?: number;
    TunnelCidr?: string;
    LocalBgpIp?: string;
}

/** Settings shared by Create and Modify; undefined = not given. */
export interface ConnectionSettingsInput {
    name?: string;
    localSubnet?: string;
    remoteSubnet?: string;
    effectImmediately?: boolean;
    enableDpd?: boolean;
    enableNatTraversal?: boolean;
    autoConfigRoute?: boolean;
    ikeConfig?: IkeConfigInput;
    ipsecConfig?: IpsecConfigInput;
    healthCheck?: HealthCheckInput;
    bgpConfig?: BgpConfigInput;
}

export interface CreateConnectionRequest extends ConnectionSettingsInput {
    vpnGatewayId: string;
    customerGatewayId: string;
    localSubnet: string;
    remoteSubnet: string;
    clientToken?: string;
    dryRun: boolean;
}

export interface ModifyConnectionRequest extends ConnectionSettingsInput {
    vpnConnectionId: string;
}

export interface Paging {
    pageNumber: number;
    pageSize: number;
}

/** `RegionId` is required and must be the emulator's region. */
export function checkRegion(params: RawParams): void {
    const regionId = requireParam(params, "RegionId");
    if (regionId !== ALICLOUD_REGION_ID) {
        // [inferred] code: the API reference documents none for an unknown region.
        throw new AliApiError("InvalidRegionId.NotFound", `The specified region "${regionId}" does not exist.`, 400);
    }
}

/** A required, non-empty parameter. */
export function requireParam(params: RawParams, name: string): string {
    const value = params[name];
    if (value === undefined || value === "") {
        throw missingParameter(name);
    }
    return value;
}

/** `ClientToken`: ASCII, at most 64 characters; empty = absent. */
export function parseClientToken(params: RawParams): string | undefined {
    const token = params.ClientToken;
    if (token === undefined || token === "") {
        return undefined;
    }
    if (token.length > 64 || !/^[\x21-\x7e]+$/.test(token)) {
        throw invalidParameter("ClientToken", "must be at most 64 printable ASCII characters");
    }
    return token;
}

/** Parameters of CreateVpnConnection (single-tunnel gateway). */
export function parseCreateConnectionRequest(params: RawParams): CreateConnectionRequest {
    const vpnGatewayId = requireParam(params, "VpnGatewayId");
    // META marks CustomerGatewayId required for single-tunnel gateways, which are all the emulator has.
    const customerGatewayId = requireParam(params, "CustomerGatewayId");
    const localSubnet = parseSubnetList("LocalSubnet", requireParam(params, "LocalSubnet"));
    const remoteSubnet = parseSubnetList("RemoteSubnet", requireParam(params, "RemoteSubnet"));
    return {
        ...parseConnectionSettings(params),
        vpnGatewayId,
        customerGatewayId,
        localSubnet,
        remoteSubnet,
        clientToken: parseClientToken(params),
        dryRun: parseBooleanParam(params, "DryRun") ?? false,
    };
}

/**
 * Parameters of ModifyVpnConnectionAttribute. LocalSubnet and RemoteSubnet are optional: the API reference
 * lists them among the optional parameters of Modify, for single- and dual-tunnel connections alike
 * (https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute); an omitted one keeps its value.
 */
export function parseModifyConnectionRequest(params: RawParams): ModifyConnectionRequest {
    const vpnConnectionId = requireParam(params, "VpnConnectionId");
    const localSubnet = params.LocalSubnet === undefined ? undefined : parseSubnetList("LocalSubnet", params.LocalSubnet);
    const remoteSubnet = params.RemoteSubnet === undefined ? undefined : parseSubnetList("RemoteSubnet", params.RemoteSubnet);
    parseClientToken(params);
    return { ...parseConnectionSettings(params), vpnConnectionId, localSubnet, remoteSubnet };
}

function parseConnectionSettings(params: RawParams): ConnectionSettingsInput {
    return {
        name: params.Name === undefined ? undefined : parseName(params.Name),
        effectImmediately: parseBooleanParam(params, "EffectImmediately"),
        enableDpd: parseBooleanParam(params, "EnableDpd"),
        enableNatTraversal: parseBooleanParam(params, "EnableNatTraversal"),
        autoConfigRoute: parseBooleanParam(params, "AutoConfigRoute"),
        ikeConfig: parseJsonParam(params, "IkeConfig", IKE_CONFIG_RULES),
        ipsecConfig: parseJsonParam(params, "IpsecConfig", IPSEC_CONFIG_RULES),
        healthCheck: parseJsonParam(params, "HealthCheckConfig", HEALTH_CHECK_RULES),
        bgpConfig: checkBgpConfig(parseJsonParam(params, "BgpConfig", BGP_CONFIG_RULES)),
    };
}

/** `Name`: 1–100 characters, not starting with `http://` or `https://` (current API reference). */
export function parseName(name: string): string {
    if (name.length < 1 || name.length > 100 || /^https?:\/\//.test(name)) {
        throw new AliApiError("InvalidName", undefined, 400);
    }
    return name;
}

/** A comma-separated list of IPv4 CIDRs, kept as given; anything else is `IllegalParam.<name>`. */
export function parseSubnetList(name: "LocalSubnet" | "RemoteSubnet", value: string): string {
    if (!value.split(",").every((item) => parseIpv4Cidr(item) !== undefined)) {
        throw new AliApiError(`IllegalParam.${name}`, `The specified "${name}" (${value}) is invalid`, 400);
    }
    return value;
}

/** A Boolean parameter: exactly "true" or "false" (pop-core sends `String(value)`); absent → undefined. */
export function parseBooleanParam(params: RawParams, name: string): boolean | undefined {
    const value = params[name];
    if (value === undefined) {
        return undefined;
    }
    if (value !== "true" && value !== "false") {
        throw invalidParameter(name, "must be true or false");
    }
    return value === "true";
}

/** `PageNumber` (≥ 1, default 1) and `PageSize` (1–50, default 10). Out of range → InvalidParameter [inferred]. */
export function parsePaging(params: RawParams): Paging {
    return {
        pageNumber: params.PageNumber === undefined ? 1 : toInteger("PageNumber", params.PageNumber, 1, Number.MAX_SAFE_INTEGER),
        pageSize: params.PageSize === undefined ? 10 : toInteger("PageSize", params.PageSize, 1, 50),
    };
}

// ---- JSON-string parameters -------------------------------------------------------------------

/** Validates and converts one key's value; `path` names it in errors (e.g. "IkeConfig.IkeEncAlg"). */
type KeyRule = (path: string, value: unknown) => unknown;

/** Rules per key: the set of keys is also the set of allowed keys. */
type BlockRules<T> = { readonly [K in keyof T]-?: KeyRule };

/**
 * Parses a JSON-string parameter into an object, refusing unparsable JSON, non-objects, unknown keys
 * and values outside each key's rule. Absent parameter → undefined.
 */
export function parseJsonParam<T>(params: RawParams, name: string, rules: BlockRules<T>): T | undefined {
    const raw = params[name];
    if (raw === undefined) {
        return undefined;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw invalidParameter(name, "must be a JSON object string");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw invalidParameter(name, "must be a JSON object string");
    }
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) {
        const rule = (rules as Record<string, KeyRule>)[key];
        if (!rule || !Object.prototype.hasOwnProperty.call(rules, key)) {
            throw invalidParameter(`${name}.${key}`, `unknown key; allowed keys are ${Object.keys(rules).join(", ")}`);
        }
        result[key] = rule(`${name}.${key}`, value);
    }
    return result as T;
}

function oneOf(...allowed: string[]): KeyRule {
    return (path, value) => {
        if (typeof value !== "string" || !allowed.includes(value)) {
            throw invalidParameter(path, `must be one of ${allowed.join(", ")}`);
        }
        return value;
    };
}

/** An integer given as a JSON number or a string of digits (the docs show both styles). */
function integerIn(min: number, max: number): KeyRule {
    return (path, value) => {
        if (typeof value !== "number" && typeof value !== "string") {
            throw invalidParameter(path, `must be an integer from ${min} to ${max}`);
        }
        return toInteger(path, String(value), min, max);
    };
}

function toInteger(path: string, text: string, min: number, max: number): number {
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw invalidParameter(path, `must be an integer from ${min} to ${max}`);
    }
    return value;
}

/** A JSON boolean or the strings "true"/"false" (HealthCheckConfig's documented example uses strings). */
const booleanValue: KeyRule = (path, value) => {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    throw invalidParameter(path, "must be true or false");
};

const ipv4Value: KeyRule = (path, value) => {
    if (typeof value !== "string" || parseIpv4(value) === undefined) {
        throw invalidParameter(path, "must be an IPv4 address");
    }
    return value;
};

/**
 * Psk: 1–100 of digits, letters and ~!`@#$%^&*()_-+={}[]\|;:",.<>/? — no spaces (CreateVpnConnection IkeConfig.Psk,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns).
 * Terraform's docs show ' where the TypeScript SDK shows ", so both quotes pass. LocalSubnet and RemoteSubnet may
 * overlap: the same page documents no rule between them.
 */
const PSK = /^[A-Za-z0-9~!`@#$%^&*()_\-+={}[\]\\|;:'",.<>/?]{1,100}$/;

const pskValue: KeyRule = (path, value) => {
    // The value itself never appears in the message: it is a secret.
    if (typeof value !== "string" || !PSK.test(value)) {
        throw invalidParameter(path, "must be 1-100 letters, digits or the documented punctuation, without spaces");
    }
    return value;
};

/** LocalId / RemoteId: an IP or FQDN, at most 100 characters, no spaces. */
const identityValue: KeyRule = (path, value) => {
    if (typeof value !== "string" || value.length < 1 || value.length > 100 || /\s/.test(value)) {
        throw invalidParameter(path, "must be 1-100 characters without spaces");
    }
    return value;
};

const ENC_ALGS = ["aes", "aes192", "aes256", "des", "3des"];
const AUTH_ALGS = ["md5", "sha1", "sha256", "sha384", "sha512"];
const DH_GROUPS = ["group1", "group2", "group5", "group14"];

/** IkeConfig keys and their allowed values (CreateVpnConnection IkeConfig). */
export const IKE_CONFIG_RULES: BlockRules<IkeConfigInput> = {
    Psk: pskValue,
    IkeVersion: oneOf("ikev1", "ikev2"),
    IkeMode: oneOf("main", "aggressive"),
    IkeEncAlg: oneOf(...ENC_ALGS),
    IkeAuthAlg: oneOf(...AUTH_ALGS),
    // The 2019 Chinese DescribeVpnConnections reference lists group24 for IkePfs, beyond CreateVpnConnection's current list.
    IkePfs: oneOf(...DH_GROUPS, "group24"),
    IkeLifetime: integerIn(0, 86400),
    LocalId: identityValue,
    RemoteId: identityValue,
};

/** IpsecConfig keys and their allowed values (CreateVpnConnection IpsecConfig). */
export const IPSEC_CONFIG_RULES: BlockRules<IpsecConfigInput> = {
    IpsecEncAlg: oneOf(...ENC_ALGS),
    IpsecAuthAlg: oneOf(...AUTH_ALGS),
    IpsecPfs: oneOf("disabled", ...DH_GROUPS),
    IpsecLifetime: integerIn(0, 86400),
};

/** HealthCheckConfig keys (lower-case, as documented). Interval/retry bounds are undocumented: ≥ 1. */
export const HEALTH_CHECK_RULES: BlockRules<HealthCheckInput> = {
    enable: booleanValue,
    dip: ipv4Value,
    sip: ipv4Value,
    interval: integerIn(1, Number.MAX_SAFE_INTEGER),
    retry: integerIn(1, Number.MAX_SAFE_INTEGER),
};

/** LocalAsn: 1–4294967295, or "a.b" meaning a×65536+b. */
const asnValue: KeyRule = (path, value) => {
    const text = typeof value === "number" || typeof value === "string" ? String(value) : "";
    const dotted = /^(\d+)\.(\d+)$/.exec(text);
    const asn = dotted ? Number(dotted[1]) * 65536 + Number(dotted[2]) : /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(asn) || asn < 1 || asn > 4294967295 || (dotted && Number(dotted[2]) > 65535)) {
        throw invalidParameter(path, "must be an ASN from 1 to 4294967295 (or a.b)");
    }
    return asn;
};

const tunnelCidrValue: KeyRule = (path, value) => {
    const cidr = typeof value === "string" ? parseIpv4Cidr(value) : undefined;
    const linkLocal = parseIpv4Cidr("169.254.0.0/16")!;
    if (!cidr || cidr.prefix !== 30 || networkOf(cidr) !== cidr.address || !cidrContains(linkLocal, cidr.address)) {
        throw invalidParameter(path, "must be a /30 network inside 169.254.0.0/16");
    }
    if (RESERVED_TUNNEL_CIDRS.some((reserved) => cidrContains(reserved, cidr.address))) {
        throw invalidParameter(path, "must not be one of the reserved 169.254.0.0/30 … 169.254.6.0/30 or 169.254.169.252/30");
    }
    return value;
};

/** Tunnel CIDRs the API reserves: 169.254.0.0/30 … 169.254.6.0/30 and 169.254.169.252/30. */
const RESERVED_TUNNEL_CIDRS = [
    ...[0, 1, 2, 3, 4, 5, 6].map((n) => parseIpv4Cidr(`169.254.${n}.0/30`)!),
    parseIpv4Cidr("169.254.169.252/30")!,
];

/** BgpConfig keys (CreateVpnConnection BgpConfig). */
export const BGP_CONFIG_RULES: BlockRules<BgpConfigInput> = {
    EnableBgp: booleanValue,
    LocalAsn: asnValue,
    TunnelCidr: tunnelCidrValue,
    LocalBgpIp: ipv4Value,
};

/** LocalBgpIp must lie inside TunnelCidr (when both are given). */
function checkBgpConfig(bgp: BgpConfigInput | undefined): BgpConfigInput | undefined {
    if (bgp?.LocalBgpIp !== undefined && bgp.TunnelCidr !== undefined) {
        if (!cidrContains(parseIpv4Cidr(bgp.TunnelCidr)!, parseIpv4(bgp.LocalBgpIp)!)) {
            throw invalidParameter("BgpConfig.LocalBgpIp", "must be inside BgpConfig.TunnelCidr");
        }
    }
    return bgp;
}
