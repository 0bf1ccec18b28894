/**
 * The Tencent Cloud IPsec connection's fields, declared once, each with its binding in both API
 * generations: `default` = API 3.0 (VPC 2017-03-12: CreateVpnConnection,
 * https://www.tencentcloud.com/document/api/215/17522, and the models of tencentcloud-sdk-nodejs `vpc_models.d.ts`),
 * `legacy` = API 2.0 (AddVpnConnEx https://cloud.tencent.com/document/product/215/5110, ModifyVpnConnEx
 * https://cloud.tencent.com/document/api/215/5112, DescribeVpnConn https://cloud.tencent.com/document/api/215/5113). A field's `default`
 * is API 3.0's documented default (`vpc_models.d.ts` — never Terraform's), so an unset
 * field and the connection read back never differ.
 */
import { parseCidr } from "../core/cidr";
import { ApiBinding, Field, ownEntry, Props, Schema, StringField } from "../core/schema";
import { IDEMPOTENCY_KEY_FIELD } from "../core/resource";
import { TIMEOUTS_FIELD } from "../core/timing";

/** Dialect names of the field table's bindings. */
export const API_3 = "default";
export const API_2 = "legacy";

/** `apiVersion` values; "3.0" is the default (API 2.0 was retired in 2023, https://cloud.tencent.com/document/product/1278/82311). */
export const API_VERSIONS = ["3.0", "2.0"] as const;

type Codec = Pick<ApiBinding, "encode" | "decode" | "readPath">;

const bind = (v3: string | ApiBinding, v2?: string | ApiBinding): Record<string, ApiBinding> => ({
    [API_3]: typeof v3 === "string" ? { path: v3 } : v3,
    ...(v2 === undefined ? {} : { [API_2]: typeof v2 === "string" ? { path: v2 } : v2 }),
});

/** Optional strings come back as "" when unset (DescribeVpnConnections' examples, https://www.tencentcloud.com/document/api/215/17515): "" means absent. */
const emptyAsAbsent: Codec = { decode: (value) => (value === "" ? undefined : value) };

/**
 * API 2.0 spells enums in lower case (AddVpnConnEx: `3des-cbc`, `sha`, `dh-group2`); API 3.0 in upper
 * case. `renames` covers values whose spelling differs beyond case (IPsec `SHA1` is 2.0's `sha`).
 */
const lowerCase = (renames: Readonly<Record<string, string>> = {}): Codec => {
    const back = Object.fromEntries(Object.entries(renames).map(([v3, v2]) => [v2.toLowerCase(), v3]));
    return {
        encode: (value) => (ownEntry(renames, String(value)) ?? String(value)).toLowerCase(),
        // The response's value is looked up as an own key only (a cloud answering `constructor` is not a rename).
        decode: (value) => (value === null || value === "" ? undefined : (ownEntry(back, String(value).toLowerCase()) ?? String(value).toUpperCase())),
    };
};

const canonicalCidr = (text: unknown): unknown => {
    const parsed = parseCidr(String(text));
    return parsed.ok ? parsed.canonical : text;
};

/** One security policy: a VPC-side CIDR and the on-premises CIDRs it may talk to (`vpc_models.d.ts` SecurityPolicyDatabase). */
export interface SecurityPolicy {
    localCidrBlock: string;
    remoteCidrBlocks: string[];
}

interface ApiPolicy {
    LocalCidrBlock: string;
    RemoteCidrBlock: string[];
}

/** API 3.0 `SecurityPolicyDatabases` ↔ `securityPolicyDatabases`. */
const policies3: Codec = {
    readPath: "SecurityPolicyDatabaseSet",
    encode: (value) => (value as SecurityPolicy[]).map((p): ApiPolicy => ({ LocalCidrBlock: p.localCidrBlock, RemoteCidrBlock: p.remoteCidrBlocks })),
    decode: (value) =>
        Array.isArray(value)
            ? (value as ApiPolicy[]).map((p) => ({ localCidrBlock: canonicalCidr(p.LocalCidrBlock), remoteCidrBlocks: (p.RemoteCidrBlock ?? []).map(canonicalCidr) }))
            : undefined,
};

/**
 * API 2.0 `spdAcl`: one JSON object of local CIDR → remote CIDRs (AddVpnConnEx). DescribeVpnConn has no
 * SPD, only `sourceCidr`/`destinationCidr`: the read view rebuilds the policy as `spd` when there
 * is exactly one local CIDR (see `view2` in `views.ts`); with several the pairing is lost.
 */
const policies2: Codec = {
    readPath: "spd",
    encode: (value) => JSON.stringify(Object.fromEntries((value as SecurityPolicy[]).map((p) => [p.localCidrBlock, p.remoteCidrBlocks]))),
    decode: policies3.decode,
};

/**
 * `userGwCidrBlocks` in API 3.0: 2.0's `userGwCidrBlock.n` is "which IDC CIDRs the VPC may reach"
 * (AddVpnConnEx), i.e. one policy from the VPC's CIDR to these blocks — what the cloud stores and
 * 3.0 reads back. Writing needs the VPC's CIDR, so the hook rewrites the field into that policy
 * before building a 3.0 request ({@link userGwPolicy}); reading takes every policy's remote side.
 */
const userGwCidrs3: Codec = {
    readPath: "SecurityPolicyDatabaseSet",
    encode: () => {
        throw new Error("userGwCidrBlocks must be rewritten with userGwPolicy() before building an API 3.0 request");
    },
    decode: (value) => (Array.isArray(value) ? [...new Set((value as ApiPolicy[]).flatMap((p) => p.RemoteCidrBlock ?? []).map(canonicalCidr))] : undefined),
};

/** The API 3.0 policy equivalent to API 2.0's `userGwCidrBlock.n` (see `userGwCidrs3`). */
export function userGwPolicy(vpcCidrBlock: string, userGwCidrBlocks: string[]): SecurityPolicy {
    return { localCidrBlock: vpcCidrBlock, remoteCidrBlocks: userGwCidrBlocks };
}

const cidrList = (extra: Partial<Field> = {}): Field => ({ kind: "list", set: true, minItems: 1, items: { kind: "string", format: "cidr" }, ...extra } as Field);

/** DpdEnable is a number 0/1 in the API (`vpc_models.d.ts` CreateVpnConnectionRequest). */
const zeroOne: Codec = { encode: (value) => (value ? 1 : 0), decode: (value) => Number(value) === 1 };
/** DpdTimeout is a string in the API, "" while DPD is off (`vpc_models.d.ts` VpnConnection, Terraform PR #1597). */
const numericString: Codec = { encode: (value) => String(value), decode: (value) => (value === "" || value === null ? undefined : Number(value)) };

const ike = (key: string, legacyKey: string | undefined, codec: Codec = {}) =>
    bind({ path: `IKEOptionsSpecification.${key}` }, legacyKey === undefined ? undefined : { path: `IKESet.${legacyKey}`, ...codec });
const ipsec = (key: string, legacyKey: string | undefined, codec: Codec = {}) =>
    bind({ path: `IPSECOptionsSpecification.${key}` }, legacyKey === undefined ? undefined : { path: `IPsecSet.${legacyKey}`, ...codec });

const identityText = (key: string, legacyKey: string, extra: Partial<StringField> = {}): StringField => ({
    kind: "string",
    noWhitespace: true,
    computed: true,
    api: { [API_3]: { path: `IKEOptionsSpecification.${key}`, ...emptyAsAbsent }, [API_2]: { path: `IKESet.${legacyKey}`, ...emptyAsAbsent } },
    ...extra,
});

/** API 3.0 IKE encryption algorithms (`vpc_models.d.ts` IKEOptionsSpecification); GCM needs a 4.0 gateway. */
export const IKE_ENCRYPTION = ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", "AES128GCM128", "AES192GCM128", "AES256GCM128"] as const;
export const IKE_AUTHENTICATION = ["MD5", "SHA", "SHA-256", "SHA-512"] as const;
export const DH_GROUPS = ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP15", "GROUP16", "GROUP19", "GROUP20", "GROUP21", "GROUP24"] as const;
/** API 3.0 IPsec encryption algorithms (`vpc_models.d.ts` IPSECOptionsSpecification). */
export const IPSEC_ENCRYPTION = [...IKE_ENCRYPTION.slice(0, 6), "NULL", ...IKE_ENCRYPTION.slice(6)] as const;
/** The deprecated `IntegrityAlgorith` (sic) enum, a superset of the new `IntegrityAlgorithm`'s (`vpc_models.d.ts` IPSECOptionsSpecification). */
export const IPSEC_INTEGRITY = ["MD5", "SHA1", "SHA-256", "SHA-512", "SHA-384", "SM3"] as const;
export const PFS_GROUPS = ["NULL", ...DH_GROUPS.map((g) => `DH-${g}`)] as const;
/**
 * Supported `RouteType`s: `STATIC` is the API's default; CreateVpnConnection also documents
 * `StaticRoute`, `Policy` and `Bgp` (https://www.tencentcloud.com/document/api/215/17522).
 */
export const ROUTE_TYPES = ["STATIC", "StaticRoute", "Policy"] as const;
/**
 * `Bgp` needs a `BgpConfig` (the create answers `MissingParameter` without one), which this resource
 * does not manage yet: refused by `check` rather than at the cloud.
 */
const UNSUPPORTED_ROUTE_TYPES = { Bgp: "a BGP tunnel needs BgpConfig, which this resource does not manage" } as const;
/** Route types that do not use security policies (Terraform PR #3763: SPD not read for them). */
export const ROUTED_TYPES: readonly string[] = ["StaticRoute"];

export const VPN_CONNECTION_SCHEMA: Schema = {
    // The common parameter Region, sent as X-TC-Region (VPC Common Params, https://www.tencentcloud.com/document/product/215/15758).
    region: { kind: "string", required: true, replaceOnChange: true, writeOnly: true, format: "regionId" },
    vpcId: { kind: "string", noWhitespace: true, replaceOnChange: true, computed: true, api: bind({ path: "VpcId", ...emptyAsAbsent }, { path: "vpcId", readPath: "unVpcId" }) },
    vpnGatewayId: { kind: "string", required: true, noWhitespace: true, replaceOnChange: true, api: bind("VpnGatewayId", { path: "vpnGwId", readPath: "unVpnGwId" }) },
    customerGatewayId: { kind: "string", required: true, noWhitespace: true, replaceOnChange: true, api: bind("CustomerGatewayId", { path: "userGwId", readPath: "unUserGwId" }) },
    name: { kind: "string", required: true, minLength: 1, maxLength: 60, api: bind("VpnConnectionName", "vpnConnName") },
    // CreateVpnConnection documents `PreShareKey` as "the pre-shared key" with no charset or length
    // (https://www.tencentcloud.com/document/api/215/17522), unlike Alibaba Cloud's IkeConfig.Psk:
    // only an empty key and surrounding whitespace are refused.
    preSharedKey: { kind: "string", required: true, secret: true, api: bind("PreShareKey", "preSharedKey") },
    securityPolicyDatabases: {
        kind: "list",
        set: true,
        minItems: 1,
        items: {
            kind: "object",
            fields: {
                localCidrBlock: { kind: "string", required: true, format: "cidr" },
                remoteCidrBlocks: cidrList({ required: true }),
            },
        },
        api: bind({ path: "SecurityPolicyDatabases", ...policies3 }, { path: "spdAcl", ...policies2 }),
    },
    userGwCidrBlocks: cidrList({ api: bind({ path: "SecurityPolicyDatabases", ...userGwCidrs3 }, { path: "userGwCidrBlock", readPath: "destinationCidr", decode: (v) => (Array.isArray(v) ? v.map(canonicalCidr) : undefined) }) }),
    ikeOptions: {
        kind: "object",
        fields: {
            propoEncryAlgorithm: { kind: "string", enum: IKE_ENCRYPTION, default: "3DES-CBC", api: ike("PropoEncryAlgorithm", "propoEncryAlgorithm", lowerCase()) },
            propoAuthenAlgorithm: { kind: "string", enum: IKE_AUTHENTICATION, default: "SHA", api: ike("PropoAuthenAlgorithm", "propoAuthenAlgorithm", lowerCase()) },
            exchangeMode: { kind: "string", enum: ["AGGRESSIVE", "MAIN"], default: "MAIN", api: ike("ExchangeMode", "exchangeMode", lowerCase()) },
            localIdentity: { kind: "string", enum: ["ADDRESS", "FQDN"], default: "ADDRESS", api: ike("LocalIdentity", "localIdentity", lowerCase()) },
            remoteIdentity: { kind: "string", enum: ["ADDRESS", "FQDN"], default: "ADDRESS", api: ike("RemoteIdentity", "remoteIdentity", lowerCase()) },
            localAddress: identityText("LocalAddress", "localAddress", { format: "ipv4" }),
            remoteAddress: identityText("RemoteAddress", "remoteAddress", { format: "ipv4" }),
            localFqdnName: identityText("LocalFqdnName", "localFqdnName", { maxLength: 255 }),
            remoteFqdnName: identityText("RemoteFqdnName", "remoteFqdnName", { maxLength: 255 }),
            dhGroupName: { kind: "string", enum: DH_GROUPS, default: "GROUP1", api: ike("DhGroupName", "dhGroupName", lowerCase()) },
            ikeSaLifetimeSeconds: { kind: "integer", min: 60, max: 604800, default: 86400, api: ike("IKESaLifetimeSeconds", "ikeSaLifetimeSeconds") },
            // API 2.0 has no IKE version: its connections are IKEv1.
            ikeVersion: { kind: "string", enum: ["IKEV1", "IKEV2"], default: "IKEV1", api: ike("IKEVersion", undefined) },
        },
    },
    ipsecOptions: {
        kind: "object",
        fields: {
            // AddVpnConnEx and ModifyVpnConnEx file the IPsec algorithm under IKESet; DescribeVpnConn reports it under IPsecSet.
            encryptAlgorithm: {
                kind: "string",
                enum: IPSEC_ENCRYPTION,
                default: "AES-CBC-128",
                api: bind({ path: "IPSECOptionsSpecification.EncryptAlgorithm" }, { path: "IKESet.encryptAlgorithm", readPath: "IPsecSet.encryptAlgorithm", ...lowerCase() }),
            },
            // Sent as the deprecated `IntegrityAlgorith` (sic): its enum is the wider one and it is
            // what the Terraform provider sends; the read view falls back to the new name (`vpc_models.d.ts`).
            integrityAlgorithm: { kind: "string", enum: IPSEC_INTEGRITY, default: "SHA1", api: ipsec("IntegrityAlgorith", "integrityAlgorith", lowerCase({ SHA1: "sha" })) },
            ipsecSaLifetimeSeconds: { kind: "integer", min: 180, max: 604800, default: 14400, api: ipsec("IPSECSaLifetimeSeconds", "ipsecSaLifetimeSeconds") },
            pfsDhGroup: { kind: "string", enum: PFS_GROUPS, default: "NULL", api: ipsec("PfsDhGroup", "pfsDhGroup", lowerCase()) },
            ipsecSaLifetimeTraffic: {
                kind: "integer",
                min: 2560,
                max: 4294967295,
                default: 4096000000,
                api: ipsec("IPSECSaLifetimeTraffic", "ipsecSaLifetimeTraffic", {
                    // 2.0's documented range ends at 604800 KB (AddVpnConnEx, sic) and cannot carry the 3.0
                    // default: left out, the cloud keeps its own default — the same value.
                    encode: (value) => (value === 4096000000 ? undefined : value),
                }),
            },
        },
    },
    routeType: { kind: "string", enum: ROUTE_TYPES, unsupported: UNSUPPORTED_ROUTE_TYPES, default: "STATIC", replaceOnChange: true, api: bind("RouteType") },
    negotiationType: { kind: "string", enum: ["active", "passive", "flowTrigger"], default: "active", api: bind("NegotiationType") },
    dpdEnable: { kind: "boolean", default: false, api: bind({ path: "DpdEnable", ...zeroOne }) },
    // Default 30 s applies only once DPD is on (CreateVpnConnection), so the cloud fills it: computed.
    dpdTimeout: { kind: "integer", min: 30, max: 60, computed: true, api: bind({ path: "DpdTimeout", ...numericString }) },
    // The SDK's comments disagree on the default (restart vs clear, `vpc_models.d.ts` CreateVpnConnectionRequest and VpnConnection): computed.
    dpdAction: { kind: "string", enum: ["clear", "restart"], computed: true, api: bind("DpdAction") },
    enableHealthCheck: { kind: "boolean", default: false, api: bind("EnableHealthCheck") },
    // Random addresses in 169.254.128.0/17 unless given (CreateVpnConnection): computed.
    healthCheckLocalIp: { kind: "string", format: "ipv4", computed: true, api: bind({ path: "HealthCheckLocalIp", ...emptyAsAbsent }) },
    healthCheckRemoteIp: { kind: "string", format: "ipv4", computed: true, api: bind({ path: "HealthCheckRemoteIp", ...emptyAsAbsent }) },
    // Which API generation the hooks call. Not local: switching it is recorded by a (call-free) update,
    // so later reads and deletes use the new generation too.
    apiVersion: { kind: "string", enum: API_VERSIONS, default: "3.0" },
    idempotencyKey: IDEMPOTENCY_KEY_FIELD,
    adoptConnectionId: { kind: "string", local: true, noWhitespace: true, maxLength: 64 },
    timeouts: TIMEOUTS_FIELD,
};

/**
 * Values API 2.0 accepts where its enum is narrower than 3.0's (AddVpnConnEx and ModifyVpnConnEx tables), in 3.0
 * spelling. Fields without an API 2.0 binding accept only their default (or nothing) with "2.0".
 */
export const LEGACY_ENUMS: Readonly<Record<string, readonly string[]>> = {
    "ikeOptions.propoEncryAlgorithm": ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC"],
    "ikeOptions.propoAuthenAlgorithm": ["MD5", "SHA"],
    "ikeOptions.dhGroupName": ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP24"],
    "ipsecOptions.encryptAlgorithm": ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "NULL"],
    "ipsecOptions.integrityAlgorithm": ["MD5", "SHA1"],
    "ipsecOptions.pfsDhGroup": ["NULL", "DH-GROUP1", "DH-GROUP2", "DH-GROUP5", "DH-GROUP14", "DH-GROUP24"],
};

/** API 2.0 integer ranges narrower than 3.0's (AddVpnConnEx: traffic "2560-604800", sic), besides the default. */
export const LEGACY_RANGES: Readonly<Record<string, readonly [number, number]>> = {
    "ipsecOptions.ipsecSaLifetimeTraffic": [2560, 604800],
};

/** The API generation a resource's (normalized) properties select. */
export function dialectOf(props: Props): typeof API_3 | typeof API_2 {
    return props.apiVersion === "2.0" ? API_2 : API_3;
}
