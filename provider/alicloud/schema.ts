/**
 * The Alibaba Cloud IPsec connection's fields, declared once. Values, ranges and defaults follow
 * the VPC API 2016-04-28 (CreateVpnConnection,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns;
 * DescribeVpnConnections, https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections):
 * a field's `default` is the API's own, so leaving
 * it unset and reading the connection back never differ.
 */
import { parseCidr } from "../core/cidr";
import { ApiBinding, Field, OutputSchema, Schema, StringField } from "../core/schema";
import { idempotencyKeyField } from "../core/idempotency";
import { adoptConnectionIdField } from "../core/resource";
import { REGION_FIELD } from "../core/endpoint";
import { TIMEOUTS_FIELD } from "../core/timing";
import { fromTagList, tagsField, toTagList } from "../core/tags";

const ALGORITHMS_ENC = ["aes", "aes192", "aes256", "des", "3des"] as const;
const ALGORITHMS_AUTH = ["md5", "sha1", "sha256", "sha384", "sha512"] as const;
const DH_GROUPS = ["group1", "group2", "group5", "group14"] as const;

/**
 * PSK charset of CreateVpnConnection's IkeConfig.Psk: digits, letters and these symbols, no spaces
 * (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns).
 * Tencent Cloud documents no charset for its PSK: the difference is the clouds'.
 */
const PSK_PATTERN = /^[0-9A-Za-z~!`@#$%^&*()_\-+={}[\]\\|;:'",.<>/?]+$/;
/** The symbols of {@link PSK_PATTERN}, for messages and docs. */
const PSK_SYMBOLS = "~!`@#$%^&*()_-+={}[]\\|;:'\",.<>/?";

const commaList = {
    encode: (value: unknown) => (value as string[]).join(","),
    decode: (value: unknown) =>
        String(value)
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
            .map((s) => {
                const parsed = parseCidr(s);
                return parsed.ok ? parsed.canonical : s;
            }),
};

/**
 * Health check values travel as strings in the request JSON (CreateVpnConnection's HealthCheckConfig
 * example), with the lower-case keys it documents. Modify is sent the same keys: ModifyVpnConnectionAttribute
 * names the same parameter (https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute);
 * Terraform capitalises them on update (aliyun/terraform-provider-alicloud
 * `alicloud/resource_alicloud_vpn_connection.go`), which no document backs (unverified).
 */
const asString = { encode: (value: unknown) => String(value) };

const at = (path: string, extra: Omit<ApiBinding, "path"> = {}): Record<string, ApiBinding> => ({
    default: { path, ...extra },
});

/**
 * Modify must always carry both subnet lists (Terraform PR #5078). CreateVpnConnection documents no
 * rule between LocalSubnet and RemoteSubnet (link above), so overlapping lists pass here, while
 * Tencent Cloud refuses overlapping SPD CIDRs (`InvalidParameterValue.VpnConnSpdCidrConflict`).
 */
const subnets = (path: string, doc: string): Field => ({
    kind: "list",
    required: true,
    set: true,
    minItems: 1,
    maxItems: 10,
    items: { kind: "string", format: "cidr" },
    api: at(path, { ...commaList, sendOnModify: true }),
    doc,
});

const identity = (path: string, doc: string, defaultDoc: string): StringField => ({
    kind: "string",
    maxLength: 100,
    noWhitespace: true,
    computed: true,
    api: at(path),
    doc: `${doc} (IP address or FQDN); unset, the cloud's value is not managed.`,
    defaultDoc,
});

export const VPN_CONNECTION_SCHEMA: Schema = {
    // RegionId, which also names the default endpoint's host (see REGION_ID in core/endpoint.ts).
    region: {
        ...REGION_FIELD,
        api: at("RegionId"),
        lookup: true,
        doc: "Region ID of the VPN gateway, e.g. `cn-hangzhou` (see the README's Configuration).",
        defaultDoc: "the `alicloud:region` stack config, else `ALIBABA_CLOUD_REGION`",
    },
    vpnGatewayId: { kind: "string", required: true, replaceOnChange: true, noWhitespace: true, api: at("VpnGatewayId"), doc: "VPN gateway ID (`vpn-…`)." },
    customerGatewayId: { kind: "string", required: true, replaceOnChange: true, noWhitespace: true, api: at("CustomerGatewayId"), doc: "Customer gateway ID (`cgw-…`)." },
    localSubnets: subnets("LocalSubnet", "VPC-side CIDR blocks."),
    remoteSubnets: subnets("RemoteSubnet", "On-premises CIDR blocks."),
    name: {
        kind: "string",
        minLength: 1,
        maxLength: 100,
        computed: true,
        rules: [(v: string) => (/^https?:\/\//i.test(v) ? "must not start with http:// or https://" : undefined)],
        api: at("Name"),
        doc: "Connection name, not starting with `http://` or `https://`.",
        defaultDoc: "assigned by Alibaba Cloud",
    },
    preSharedKey: {
        kind: "string",
        minLength: 1,
        maxLength: 100,
        noWhitespace: true,
        secret: true,
        computed: true,
        rules: [(v: string) => (PSK_PATTERN.test(v) ? undefined : `may contain only letters, digits and ${PSK_SYMBOLS}`)],
        api: at("IkeConfig.Psk"),
        doc: `Pre-shared key: letters, digits and \`\`${PSK_SYMBOLS}\`\`.`,
        defaultDoc: "generated by Alibaba Cloud, exposed as the secret output `preSharedKey`",
    },
    effectImmediately: {
        kind: "boolean",
        default: false,
        api: at("EffectImmediately"),
        doc: "Negotiate right after a configuration change (renegotiating the tunnel) instead of on traffic.",
    },
    enableDpd: { kind: "boolean", default: true, api: at("EnableDpd"), doc: "Dead peer detection." },
    enableNatTraversal: { kind: "boolean", default: true, api: at("EnableNatTraversal"), doc: "NAT traversal." },
    autoConfigRoute: {
        kind: "boolean",
        default: true,
        writeOnly: true,
        api: at("AutoConfigRoute"),
        doc: "Add routes for the connection automatically. Not reported by the API, so it never drifts.",
    },
    ikeConfig: {
        kind: "object",
        typeName: "IkeConfig",
        doc: "Phase-one (IKE) negotiation settings.",
        defaultDoc: "the API's defaults, listed per field",
        fields: {
            ikeVersion: { kind: "string", enum: ["ikev1", "ikev2"], default: "ikev1", api: at("IkeConfig.IkeVersion"), doc: "IKE version." },
            ikeMode: {
                kind: "string",
                enum: ["main", "aggressive"],
                default: "main",
                api: at("IkeConfig.IkeMode"),
                doc: "Negotiation mode; use `aggressive` with FQDN identities or behind NAT.",
            },
            ikeEncAlg: { kind: "string", enum: ALGORITHMS_ENC, default: "aes", api: at("IkeConfig.IkeEncAlg"), doc: "IKE encryption algorithm." },
            ikeAuthAlg: {
                kind: "string",
                enum: ALGORITHMS_AUTH,
                default: "md5",
                api: at("IkeConfig.IkeAuthAlg"),
                doc: "IKE authentication algorithm.",
                defaultNote: "the API's default; old Terraform releases said `sha1` and drifted",
            },
            // The 2019 Chinese DescribeVpnConnections reference lists group24 for IkePfs (the current
            // CreateVpnConnection page only group1–14); IPsec PFS stays without it.
            ikePfs: {
                kind: "string",
                enum: [...DH_GROUPS, "group24"],
                default: "group2",
                api: at("IkeConfig.IkePfs"),
                doc: "Diffie-Hellman group of phase one (`group24` as the 2019 Chinese DescribeVpnConnections reference lists it).",
            },
            ikeLifetime: { kind: "integer", min: 0, max: 86400, default: 86400, api: at("IkeConfig.IkeLifetime"), doc: "IKE SA lifetime in seconds." },
            localId: identity("IkeConfig.LocalId", "Local identity", "the VPN gateway's public IP"),
            remoteId: identity("IkeConfig.RemoteId", "Remote identity", "the customer gateway's IP"),
        },
    },
    ipsecConfig: {
        kind: "object",
        typeName: "IpsecConfig",
        doc: "Phase-two (IPsec) negotiation settings.",
        defaultDoc: "the API's defaults, listed per field",
        fields: {
            ipsecEncAlg: { kind: "string", enum: ALGORITHMS_ENC, default: "aes", api: at("IpsecConfig.IpsecEncAlg"), doc: "IPsec encryption algorithm." },
            ipsecAuthAlg: { kind: "string", enum: ALGORITHMS_AUTH, default: "md5", api: at("IpsecConfig.IpsecAuthAlg"), doc: "IPsec authentication algorithm." },
            ipsecPfs: {
                kind: "string",
                enum: ["disabled", ...DH_GROUPS],
                default: "group2",
                api: at("IpsecConfig.IpsecPfs"),
                doc: "Perfect forward secrecy: `disabled` or a Diffie-Hellman group.",
            },
            ipsecLifetime: { kind: "integer", min: 0, max: 86400, default: 86400, api: at("IpsecConfig.IpsecLifetime"), doc: "IPsec SA lifetime in seconds." },
        },
    },
    healthCheckConfig: {
        kind: "object",
        typeName: "HealthCheckConfig",
        doc: "Tunnel health check; `dip` and `sip` are required when `enable` is true.",
        defaultDoc: "disabled",
        rules: [
            (v: { enable?: boolean; dip?: string; sip?: string }) =>
                v.enable === true && (!v.dip || !v.sip) ? "needs `dip` and `sip` when `enable` is true" : undefined,
        ],
        fields: {
            enable: {
                kind: "boolean",
                default: false,
                api: at("HealthCheckConfig.enable", { readPath: "VcoHealthCheck.Enable", ...asString }),
                doc: "Turn the health check on.",
            },
            dip: {
                kind: "string",
                format: "ipv4",
                api: at("HealthCheckConfig.dip", { readPath: "VcoHealthCheck.Dip" }),
                doc: "Destination address probed through the tunnel.",
                defaultDoc: "none",
            },
            sip: { kind: "string", format: "ipv4", api: at("HealthCheckConfig.sip", { readPath: "VcoHealthCheck.Sip" }), doc: "Source address of the probes.", defaultDoc: "none" },
            interval: {
                kind: "integer",
                min: 1,
                max: 2147483647,
                default: 3,
                api: at("HealthCheckConfig.interval", { readPath: "VcoHealthCheck.Interval", ...asString }),
                doc: "Seconds between probes.",
            },
            retry: {
                kind: "integer",
                min: 1,
                max: 2147483647,
                default: 3,
                api: at("HealthCheckConfig.retry", { readPath: "VcoHealthCheck.Retry", ...asString }),
                doc: "Failed probes before the tunnel counts as down.",
            },
        },
    },
    // Tags on create (`Tags.N.Key`/`Tags.N.Value`: at most 20, key 1–64 and value 0–128 characters, neither starting
    // with `aliyun` or `acs:` nor containing `http://` or `https://`, CreateVpnConnection, link above); changed through
    // TagResources/UnTagResources (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-tagresources-vpns),
    // read from DescribeVpnConnections' `Tag.Tag` (aliyun/alibabacloud-typescript-sdk `vpc-20160428` DescribeVpnConnectionsResponseBody).
    tags: tagsField(
        { maxEntries: 20, keyMaxLength: 64, valueMaxLength: 128, reservedPrefixes: ["aliyun", "acs:"], valuesToo: true, forbiddenText: ["http://", "https://"] },
        at("Tags", { readPath: "Tag.Tag", encode: toTagList, decode: (value) => fromTagList(value) }),
        "Tags of the connection; a change is applied in place through the tag actions.",
    ),
    idempotencyKey: idempotencyKeyField("Seed of the ClientToken that makes a create idempotent across retries and re-runs"),
    adoptConnectionId: adoptConnectionIdField("`vco-…`", "`vpnGatewayId` and `customerGatewayId`"),
    timeouts: TIMEOUTS_FIELD,
};

/** What the cloud computes about the connection (DescribeVpnConnections), beyond the inputs. */
export const VPN_CONNECTION_OUTPUTS: OutputSchema = {
    vpnConnectionId: { kind: "string", doc: "The connection ID (`vco-…`), also the resource's ID." },
    state: { kind: "string", doc: "Lifecycle state reported by the cloud (`active`, `updating`, …)." },
    status: {
        kind: "string",
        doc: "IPsec negotiation status (`ike_sa_not_established` … `ipsec_sa_established`), read from `Status` or the 2019 samples' lower-case `status`.",
    },
    createTime: { kind: "integer", doc: "Creation time in ms since the epoch." },
    healthCheckStatus: { kind: "string", nullable: true, doc: "Health check result (`success` or `failed`) while health checks are on." },
};

/** Request keys whose values are JSON documents in the API (pop-core would send objects as "[object Object]"). */
export const JSON_BLOCK_PARAMS: readonly string[] = ["IkeConfig", "IpsecConfig", "HealthCheckConfig"];
