/**
 * The Tencent Cloud IPsec connection's fields, declared once, each with its binding in both API
 * generations: `default` = API 3.0 (VPC 2017-03-12: CreateVpnConnection,
 * https://www.tencentcloud.com/document/api/215/17522, and the models of tencentcloud-sdk-nodejs `vpc_models.d.ts`),
 * `api2` = API 2.0 (AddVpnConnEx https://cloud.tencent.com/document/product/215/5110, ModifyVpnConnEx
 * https://cloud.tencent.com/document/api/215/5112, DescribeVpnConn https://cloud.tencent.com/document/api/215/5113). A field's `default`
 * is API 3.0's documented default (`vpc_models.d.ts` — never Terraform's), so an unset
 * field and the connection read back never differ. A `legacy` binding's `enum` and `range` are API
 * 2.0's narrower value sets (the AddVpnConnEx and ModifyVpnConnEx tables); a field without a
 * `legacy` binding accepts only its default with "2.0" (see `legacyRules` in `rules.ts`).
 */
import { credentialsField } from "../core/credentials";
import { Field, OutputSchema, Props, Schema, StringField } from "../core/schema";
import { idempotencyKeyField } from "../core/idempotency";
import { adoptConnectionIdField } from "../core/resource";
import { REGION_FIELD } from "../core/endpoint";
import { TIMEOUTS_FIELD } from "../core/timing";
import { API_2, API_3, bind } from "./bindings";
import { BGP_CONFIG_FIELD, HEALTH_CHECK_CONFIG } from "./blocks";
import { fromTagList, tagsField, toTagList } from "../core/tags";
import { CREATE_TOKEN_TAG } from "./tokenTag";
import { canonicalCidr, Codec, emptyAsAbsent, lowerCase, numericString, policies2, policies3, userGwCidrs3, zeroOne } from "./codecs";

export type { SecurityPolicy } from "./codecs";
export { userGwPolicy } from "./codecs";

export { API_2, API_3 } from "./bindings";

/** `apiVersion` values; "3.0" is the default (API 2.0 was retired in 2023, https://cloud.tencent.com/document/product/1278/82311). */
export const API_VERSIONS = ["3.0", "2.0"] as const;


const cidrList = (extra: Partial<Field> = {}): Field => ({ kind: "list", set: true, minItems: 1, items: { kind: "string", format: "cidr" }, ...extra } as Field);

const ike = (key: string, api2Key: string | undefined, codec: Codec = {}) =>
    bind({ path: `IKEOptionsSpecification.${key}` }, api2Key === undefined ? undefined : { path: `IKESet.${api2Key}`, ...codec });
const ipsec = (key: string, api2Key: string | undefined, codec: Codec = {}) =>
    bind({ path: `IPSECOptionsSpecification.${key}` }, api2Key === undefined ? undefined : { path: `IPsecSet.${api2Key}`, ...codec });

const identityText = (key: string, api2Key: string, doc: string, extra: Partial<StringField> = {}): StringField => ({
    kind: "string",
    noWhitespace: true,
    computed: true,
    api: { [API_3]: { path: `IKEOptionsSpecification.${key}`, ...emptyAsAbsent }, [API_2]: { path: `IKESet.${api2Key}`, ...emptyAsAbsent } },
    doc: `${doc}; unset, the cloud's value is not managed.`,
    defaultDoc: "none",
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
 * `StaticRoute`, `Policy` and `Bgp` (https://www.tencentcloud.com/document/api/215/17522). `Bgp`
 * needs a `BgpConfig` (`bgpConfig`, required with it by `bgpRules` in rules.ts).
 */
export const ROUTE_TYPES = ["STATIC", "StaticRoute", "Policy", "Bgp"] as const;
/** The dynamic route type: BGP peering inside the tunnel. */
export const BGP_ROUTE_TYPE = "Bgp";
/** Route types that do not use security policies (Terraform PR #3763: SPD not read for `StaticRoute` and `Bgp`). */
export const ROUTED_TYPES: readonly string[] = ["StaticRoute", BGP_ROUTE_TYPE];

/** API 2.0's subsets (AddVpnConnEx and ModifyVpnConnEx tables) of the API 3.0 enums above, in 3.0 spelling. */
const API_2_ENCRYPTION = ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC"] as const;
const API_2_DH_GROUPS = ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP24"] as const;

/** Tag text by the Tag "Use Limits" (https://www.tencentcloud.com/document/product/651/13354); `check` refuses surrounding spaces already. */
const TAG_TEXT = /^[A-Za-z0-9\p{Script=Han} +\-=._:/@()[\],;><＋－＝／＠（）【】：]*$/u;

/** What the cloud picks for a health-check address left unset (CreateVpnConnection). */
const RANDOM_HEALTH_CHECK_IP = "a random address in 169.254.128.0/17";

export const VPN_CONNECTION_SCHEMA: Schema = {
    // The common parameter Region, sent as X-TC-Region (VPC Common Params, https://www.tencentcloud.com/document/product/215/15758).
    region: {
        ...REGION_FIELD,
        lookup: true,
        doc: "Region ID, e.g. `ap-guangzhou`; API 2.0 needs a region with a 2.0 code (`ap-guangzhou` is `gz`, …).",
        defaultDoc: "the `tencentcloud:region` stack config, else `TENCENTCLOUD_REGION`",
    },
    vpcId: {
        kind: "string",
        noWhitespace: true,
        replaceOnChange: true,
        computed: true,
        api: bind({ path: "VpcId", ...emptyAsAbsent }, { path: "vpcId", readPath: "unVpcId" }),
        doc: "VPC ID (`vpc-…`); the cloud requires it for VPC-type gateways (CCN-type gateways take none), `check` with API 2.0 and with `userGwCidrBlocks`.",
        defaultDoc: "none (CCN-type gateways)",
    },
    vpnGatewayId: {
        kind: "string",
        required: true,
        noWhitespace: true,
        replaceOnChange: true,
        api: bind("VpnGatewayId", { path: "vpnGwId", readPath: "unVpnGwId" }),
        doc: "VPN gateway ID (`vpngw-…`).",
    },
    customerGatewayId: {
        kind: "string",
        required: true,
        noWhitespace: true,
        replaceOnChange: true,
        api: bind("CustomerGatewayId", { path: "userGwId", readPath: "unUserGwId" }),
        doc: "Customer gateway ID (`cgw-…`).",
    },
    name: { kind: "string", required: true, minLength: 1, maxLength: 60, api: bind("VpnConnectionName", "vpnConnName"), doc: "Connection name." },
    // CreateVpnConnection documents `PreShareKey` as "the pre-shared key" with no charset or length
    // (https://www.tencentcloud.com/document/api/215/17522), unlike Alibaba Cloud's IkeConfig.Psk:
    // only an empty key and surrounding whitespace are refused.
    preSharedKey: {
        kind: "string",
        required: true,
        secret: true,
        api: bind("PreShareKey", "preSharedKey"),
        doc: "Pre-shared key (the API returns it in plaintext); no charset or length is documented, but it must not be empty or have surrounding whitespace.",
    },
    securityPolicyDatabases: {
        kind: "list",
        set: true,
        minItems: 1,
        items: {
            kind: "object",
            typeName: "SecurityPolicyDatabase",
            doc: "One security policy: which VPC CIDR may reach which on-premises CIDRs.",
            fields: {
                localCidrBlock: { kind: "string", required: true, format: "cidr", doc: "VPC-side CIDR block." },
                remoteCidrBlocks: cidrList({ required: true, doc: "On-premises CIDR blocks; none may overlap `localCidrBlock` (`VpnConnSpdCidrConflict`)." }),
            },
        },
        api: bind({ path: "SecurityPolicyDatabases", ...policies3 }, { path: "spdAcl", ...policies2 }),
        doc:
            "Security policies (SPD): which VPC CIDRs talk to which on-premises CIDRs, compared as a set of sets. This or " +
            "`userGwCidrBlocks` is required unless `routeType` is `StaticRoute` or `Bgp`.",
        defaultDoc: "none",
    },
    userGwCidrBlocks: cidrList({
        api: bind({ path: "SecurityPolicyDatabases", ...userGwCidrs3 }, { path: "userGwCidrBlock", readPath: "destinationCidr", decode: (v) => (Array.isArray(v) ? v.map(canonicalCidr) : undefined) }),
        doc:
            "On-premises CIDR blocks the whole VPC may reach (API 2.0's `userGwCidrBlock.n`); with API 3.0 sent as one security " +
            "policy from the VPC's CIDR to these blocks. Not combinable with `securityPolicyDatabases`.",
        defaultDoc: "none",
    }),
    ikeOptions: {
        kind: "object",
        typeName: "IkeOptions",
        doc: "Phase-one (IKE) negotiation settings.",
        defaultDoc: "the API's defaults, listed per field",
        fields: {
            propoEncryAlgorithm: {
                kind: "string",
                enum: IKE_ENCRYPTION,
                default: "3DES-CBC",
                api: ike("PropoEncryAlgorithm", "propoEncryAlgorithm", { ...lowerCase(), enum: API_2_ENCRYPTION }),
                doc: "IKE encryption algorithm; the GCM ones need a 4.0 gateway.",
            },
            propoAuthenAlgorithm: {
                kind: "string",
                enum: IKE_AUTHENTICATION,
                default: "SHA",
                api: ike("PropoAuthenAlgorithm", "propoAuthenAlgorithm", { ...lowerCase(), enum: ["MD5", "SHA"] }),
                doc: "IKE authentication algorithm.",
                defaultNote: "the API's default; Terraform's `MD5` drifted",
            },
            exchangeMode: { kind: "string", enum: ["AGGRESSIVE", "MAIN"], default: "MAIN", api: ike("ExchangeMode", "exchangeMode", lowerCase()), doc: "Negotiation mode." },
            localIdentity: {
                kind: "string",
                enum: ["ADDRESS", "FQDN"],
                default: "ADDRESS",
                api: ike("LocalIdentity", "localIdentity", lowerCase()),
                doc: "Local identity type; `FQDN` needs `localFqdnName`.",
            },
            remoteIdentity: {
                kind: "string",
                enum: ["ADDRESS", "FQDN"],
                default: "ADDRESS",
                api: ike("RemoteIdentity", "remoteIdentity", lowerCase()),
                doc: "Remote identity type; `ADDRESS` needs `remoteAddress`, `FQDN` needs `remoteFqdnName`.",
            },
            localAddress: identityText("LocalAddress", "localAddress", "Local IPv4 identity, with `localIdentity` `ADDRESS`", { format: "ipv4", defaultDoc: "the VPN gateway's public IP" }),
            remoteAddress: identityText("RemoteAddress", "remoteAddress", "Remote IPv4 identity; required with `remoteIdentity` `ADDRESS`", { format: "ipv4" }),
            localFqdnName: identityText("LocalFqdnName", "localFqdnName", "Local FQDN identity; required with `localIdentity` `FQDN`", { maxLength: 255 }),
            remoteFqdnName: identityText("RemoteFqdnName", "remoteFqdnName", "Remote FQDN identity; required with `remoteIdentity` `FQDN`", { maxLength: 255 }),
            dhGroupName: {
                kind: "string",
                enum: DH_GROUPS,
                default: "GROUP1",
                api: ike("DhGroupName", "dhGroupName", { ...lowerCase(), enum: API_2_DH_GROUPS }),
                doc: "Diffie-Hellman group.",
            },
            ikeSaLifetimeSeconds: {
                kind: "integer",
                min: 60,
                max: 604800,
                default: 86400,
                api: ike("IKESaLifetimeSeconds", "ikeSaLifetimeSeconds"),
                doc: "IKE SA lifetime in seconds.",
            },
            // API 2.0 has no IKE version: its connections are IKEv1.
            ikeVersion: { kind: "string", enum: ["IKEV1", "IKEV2"], default: "IKEV1", api: ike("IKEVersion", undefined), doc: "IKE version (API 2.0 connections are IKEv1)." },
        },
    },
    ipsecOptions: {
        kind: "object",
        typeName: "IpsecOptions",
        doc: "Phase-two (IPsec) negotiation settings.",
        defaultDoc: "the API's defaults, listed per field",
        fields: {
            // AddVpnConnEx and ModifyVpnConnEx file the IPsec algorithm under IKESet; DescribeVpnConn reports it under IPsecSet.
            encryptAlgorithm: {
                kind: "string",
                enum: IPSEC_ENCRYPTION,
                default: "AES-CBC-128",
                api: bind(
                    { path: "IPSECOptionsSpecification.EncryptAlgorithm" },
                    { path: "IKESet.encryptAlgorithm", readPath: "IPsecSet.encryptAlgorithm", ...lowerCase(), enum: [...API_2_ENCRYPTION, "NULL"] },
                ),
                doc: "IPsec encryption algorithm; the GCM ones need a 4.0 gateway.",
                defaultNote: "the API's default, not Terraform's `3DES-CBC`",
            },
            // Sent as the deprecated `IntegrityAlgorith` (sic): its enum is the wider one and it is
            // what the Terraform provider sends; the read view falls back to the new name (`vpc_models.d.ts`).
            integrityAlgorithm: {
                kind: "string",
                enum: IPSEC_INTEGRITY,
                default: "SHA1",
                api: ipsec("IntegrityAlgorith", "integrityAlgorith", { ...lowerCase({ SHA1: "sha" }), enum: ["MD5", "SHA1"] }),
                doc: "IPsec integrity algorithm.",
                defaultNote: "the API's default, not Terraform's `MD5`",
            },
            ipsecSaLifetimeSeconds: {
                kind: "integer",
                min: 180,
                max: 604800,
                default: 14400,
                api: ipsec("IPSECSaLifetimeSeconds", "ipsecSaLifetimeSeconds"),
                doc: "IPsec SA lifetime in seconds.",
                defaultNote: "the API's default, not Terraform's 3600",
            },
            pfsDhGroup: {
                kind: "string",
                enum: PFS_GROUPS,
                default: "NULL",
                api: ipsec("PfsDhGroup", "pfsDhGroup", { ...lowerCase(), enum: ["NULL", ...API_2_DH_GROUPS.map((g) => `DH-${g}`)] }),
                doc: "Perfect forward secrecy: `NULL` (off) or a Diffie-Hellman group.",
            },
            ipsecSaLifetimeTraffic: {
                kind: "integer",
                min: 2560,
                max: 4294967295,
                default: 4096000000,
                api: ipsec("IPSECSaLifetimeTraffic", "ipsecSaLifetimeTraffic", {
                    // 2.0's documented range ends at 604800 KB (AddVpnConnEx, sic) and cannot carry the 3.0
                    // default: left out, AddVpnConnEx keeps the cloud's own default — the same value — but
                    // ModifyVpnConnEx keeps the current one, so `api2LifetimeResetRules` (rules.ts) refuses a reset.
                    encode: (value) => (value === 4096000000 ? undefined : value),
                    range: [2560, 604800],
                }),
                doc: "IPsec SA lifetime in KB; with API 2.0 another value cannot be changed back to the default (ModifyVpnConnEx cannot send it; `check` refuses such a change).",
                defaultNote: "not Terraform's 1843200",
            },
        },
    },
    routeType: {
        kind: "string",
        enum: ROUTE_TYPES,
        default: "STATIC",
        replaceOnChange: true,
        api: bind("RouteType"),
        doc: "`STATIC`, `StaticRoute` (destination routing), `Policy` (SPD) or `Bgp` (dynamic routing; needs `bgpConfig`). One VPN gateway cannot mix `Bgp` and the others (`UnsupportedOperation.VpnConnRouteTypeMixed`).",
        defaultNote: "the API's default",
    },
    bgpConfig: BGP_CONFIG_FIELD,
    negotiationType: { kind: "string", enum: ["active", "passive", "flowTrigger"], default: "active", api: bind("NegotiationType"), doc: "Who starts the negotiation." },
    dpdEnable: { kind: "boolean", default: false, api: bind({ path: "DpdEnable", ...zeroOne }), doc: "Dead peer detection." },
    // Default 30 s applies only once DPD is on (CreateVpnConnection), so the cloud fills it: computed.
    dpdTimeout: {
        kind: "integer",
        min: 30,
        max: 60,
        computed: true,
        optionalOutput: true,
        api: bind({ path: "DpdTimeout", ...numericString }),
        doc: "DPD timeout in seconds; only with `dpdEnable`.",
        defaultDoc: "30, set by the cloud once DPD is on",
    },
    // The SDK's comments disagree on the default (restart vs clear, `vpc_models.d.ts` CreateVpnConnectionRequest and VpnConnection): computed.
    dpdAction: {
        kind: "string",
        enum: ["clear", "restart"],
        computed: true,
        optionalOutput: true,
        api: bind("DpdAction"),
        doc: "What DPD does with a dead peer; only with `dpdEnable`.",
        defaultDoc: "chosen by the cloud (documented as `restart`)",
    },
    enableHealthCheck: { kind: "boolean", default: false, api: bind("EnableHealthCheck"), doc: "Tunnel health check; not on policy-based tunnels." },
    // Random addresses in 169.254.128.0/17 unless given (CreateVpnConnection): computed.
    healthCheckLocalIp: {
        kind: "string",
        format: "ipv4",
        computed: true,
        api: bind({ path: "HealthCheckLocalIp", ...emptyAsAbsent }),
        doc: "Local health-check address.",
        defaultDoc: RANDOM_HEALTH_CHECK_IP,
    },
    healthCheckRemoteIp: {
        kind: "string",
        format: "ipv4",
        computed: true,
        api: bind({ path: "HealthCheckRemoteIp", ...emptyAsAbsent }),
        doc: "Remote health-check address; must differ from `healthCheckLocalIp`.",
        defaultDoc: RANDOM_HEALTH_CHECK_IP,
    },
    healthCheckConfig: HEALTH_CHECK_CONFIG,
    // Which API generation the hooks call. Not local: switching it is recorded by a (call-free) update,
    // so later reads and deletes use the new generation too.
    apiVersion: {
        kind: "string",
        enum: API_VERSIONS,
        default: "3.0",
        lookup: true,
        doc:
            "Which API generation the operations call: 3.0, or the legacy 2.0 (retired by Tencent Cloud in 2023; fewer " +
            "parameters and values). Switching it keeps the connection: the same cloud object is read and changed either way.",
    },
    // `Tags` on CreateVpnConnection (link above); changed through the Tag service's ModifyResourceTags
    // (tencentcloud-sdk-nodejs `tag/v20180813/tag_models.d.ts` ModifyResourceTagsRequest), read from DescribeVpnConnections' `TagSet`.
    // Limits (Tag "Use Limits", https://www.tencentcloud.com/document/product/651/13354): key 1–127 and value at most 255
    // characters of Chinese and English letters, digits 0–9, spaces (not first or last) and the special characters
    // `+ - = . _ : / @ ( ) [ ] , ; > <` and the Chinese `＋ － ＝ ／ ＠ （ ） 【 】 ：`; keys starting with `qcs:`, `project` or
    // `项目` are reserved, and so are `qcloud` and `tencent` (the Tag API's `ReservedTagKey` codes,
    // https://www.tencentcloud.com/document/product/651/33015); at most 50 tags a resource (https://cloud.tencent.com/document/product/597/33355).
    // The provider's own create token tag is hidden and refused as a user key. API 2.0 has no tags (AddVpnConnEx).
    tags: tagsField(
        {
            maxEntries: 50,
            keyMaxLength: 127,
            valueMaxLength: 255,
            reservedPrefixes: ["qcs:", "project", "项目", "qcloud", "tencent"],
            valuesToo: false,
            forbiddenText: [],
            ownKeys: [CREATE_TOKEN_TAG],
            charset: { pattern: TAG_TEXT, doc: "Chinese and English letters, digits, spaces and + - = . _ : / @ ( ) [ ] , ; > < ＋ － ＝ ／ ＠ （ ） 【 】 ：" },
        },
        bind({ path: "Tags", readPath: "TagSet", encode: toTagList, decode: (value) => fromTagList(value, [CREATE_TOKEN_TAG]) }),
        "Tags of the connection (API 3.0); a change is applied in place through the Tag service. The provider's own `pulumi-ipsec:create-token` tag is never listed here.",
    ),
    idempotencyKey: idempotencyKeyField("Seed of the create token that lets a retried or re-run create adopt the connection an earlier attempt made instead of making a second"),
    adoptConnectionId: adoptConnectionIdField("`vpnx-…`", "`vpnGatewayId`, `customerGatewayId` (and `vpcId` when set)"),
    timeouts: TIMEOUTS_FIELD,
    credentials: credentialsField("Tencent Cloud", undefined),
};

/** What the cloud computes about the connection (`vpc_models.d.ts` VpnConnection, DescribeVpnConn), beyond the inputs. */
export const VPN_CONNECTION_OUTPUTS: OutputSchema = {
    vpnConnectionId: { kind: "string", doc: "The connection ID (`vpnx-…`), also the resource's ID." },
    state: { kind: "string", doc: "Lifecycle state: `PENDING`, `AVAILABLE` or `DELETING`." },
    netStatus: { kind: "string", nullable: true, doc: "Tunnel status (`AVAILABLE` or `UNAVAILABLE`)." },
    createdTime: { kind: "string", nullable: true, doc: "Creation time as the cloud prints it (`YYYY-MM-DD hh:mm:ss`)." },
    vpnProto: { kind: "string", nullable: true, doc: "Tunnel protocol (`IPSEC`)." },
    encryptProto: { kind: "string", nullable: true, doc: "Key exchange protocol (`IKE`)." },
    healthCheckStatus: { kind: "string", nullable: true, doc: "Health check result (`AVAILABLE` or `UNAVAILABLE`) while health checks are on." },
    bgpLocalAsn: { kind: "string", nullable: true, doc: "The VPN gateway's BGP ASN on a `Bgp` tunnel (`BgpConfig.LocalBgpAsn`)." },
    bgpRemoteAsn: { kind: "string", nullable: true, doc: "The customer gateway's BGP ASN on a `Bgp` tunnel (`BgpConfig.RemoteBgpAsn`)." },
};

/** The API generation a resource's (normalized) properties select. */
export function dialectOf(props: Props): typeof API_3 | typeof API_2 {
    return props.apiVersion === "2.0" ? API_2 : API_3;
}
