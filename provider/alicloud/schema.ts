/**
 * The Alibaba Cloud IPsec connection's fields, declared once. Values, ranges and defaults follow
 * the VPC API 2016-04-28 (CreateVpnConnection,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns;
 * DescribeVpnConnections, https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections):
 * a field's `default` is the API's own, so leaving
 * it unset and reading the connection back never differ.
 */
import { parseCidr } from "../core/cidr";
import { ApiBinding, Field, Schema, StringField } from "../core/schema";
import { IDEMPOTENCY_KEY_FIELD } from "../core/resource";
import { TIMEOUTS_FIELD } from "../core/timing";

const ALGORITHMS_ENC = ["aes", "aes192", "aes256", "des", "3des"] as const;
const ALGORITHMS_AUTH = ["md5", "sha1", "sha256", "sha384", "sha512"] as const;
const DH_GROUPS = ["group1", "group2", "group5", "group14"] as const;

/**
 * PSK charset of CreateVpnConnection's IkeConfig.Psk: digits, letters and these symbols, no spaces
 * (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns).
 * Tencent Cloud documents no charset for its PSK: the difference is the clouds'.
 */
const PSK_PATTERN = /^[0-9A-Za-z~!`@#$%^&*()_\-+={}[\]\\|;:'",.<>/?]+$/;

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
const subnets = (path: string): Field => ({
    kind: "list",
    required: true,
    set: true,
    minItems: 1,
    maxItems: 10,
    items: { kind: "string", format: "cidr" },
    api: at(path, { ...commaList, sendOnModify: true }),
});

const identity = (path: string): StringField => ({ kind: "string", maxLength: 100, noWhitespace: true, computed: true, api: at(path) });

export const VPN_CONNECTION_SCHEMA: Schema = {
    // RegionId, which also names the default endpoint's host (see REGION_ID in core/endpoint.ts).
    region: { kind: "string", required: true, replaceOnChange: true, writeOnly: true, format: "regionId", api: at("RegionId") },
    vpnGatewayId: { kind: "string", required: true, replaceOnChange: true, noWhitespace: true, api: at("VpnGatewayId") },
    customerGatewayId: { kind: "string", required: true, replaceOnChange: true, noWhitespace: true, api: at("CustomerGatewayId") },
    localSubnets: subnets("LocalSubnet"),
    remoteSubnets: subnets("RemoteSubnet"),
    name: {
        kind: "string",
        minLength: 1,
        maxLength: 100,
        computed: true,
        rules: [(v: string) => (/^https?:\/\//i.test(v) ? "must not start with http:// or https://" : undefined)],
        api: at("Name"),
    },
    preSharedKey: {
        kind: "string",
        minLength: 1,
        maxLength: 100,
        noWhitespace: true,
        secret: true,
        computed: true,
        rules: [(v: string) => (PSK_PATTERN.test(v) ? undefined : "may contain only letters, digits and ~!`@#$%^&*()_-+={}[]\\|;:'\",.<>/?")],
        api: at("IkeConfig.Psk"),
    },
    effectImmediately: { kind: "boolean", default: false, api: at("EffectImmediately") },
    enableDpd: { kind: "boolean", default: true, api: at("EnableDpd") },
    enableNatTraversal: { kind: "boolean", default: true, api: at("EnableNatTraversal") },
    autoConfigRoute: { kind: "boolean", default: true, writeOnly: true, api: at("AutoConfigRoute") },
    ikeConfig: {
        kind: "object",
        fields: {
            ikeVersion: { kind: "string", enum: ["ikev1", "ikev2"], default: "ikev1", api: at("IkeConfig.IkeVersion") },
            ikeMode: { kind: "string", enum: ["main", "aggressive"], default: "main", api: at("IkeConfig.IkeMode") },
            ikeEncAlg: { kind: "string", enum: ALGORITHMS_ENC, default: "aes", api: at("IkeConfig.IkeEncAlg") },
            ikeAuthAlg: { kind: "string", enum: ALGORITHMS_AUTH, default: "md5", api: at("IkeConfig.IkeAuthAlg") },
            // The 2019 Chinese DescribeVpnConnections reference lists group24 for IkePfs (the current
            // CreateVpnConnection page only group1–14); IPsec PFS stays without it.
            ikePfs: { kind: "string", enum: [...DH_GROUPS, "group24"], default: "group2", api: at("IkeConfig.IkePfs") },
            ikeLifetime: { kind: "integer", min: 0, max: 86400, default: 86400, api: at("IkeConfig.IkeLifetime") },
            localId: identity("IkeConfig.LocalId"),
            remoteId: identity("IkeConfig.RemoteId"),
        },
    },
    ipsecConfig: {
        kind: "object",
        fields: {
            ipsecEncAlg: { kind: "string", enum: ALGORITHMS_ENC, default: "aes", api: at("IpsecConfig.IpsecEncAlg") },
            ipsecAuthAlg: { kind: "string", enum: ALGORITHMS_AUTH, default: "md5", api: at("IpsecConfig.IpsecAuthAlg") },
            ipsecPfs: { kind: "string", enum: ["disabled", ...DH_GROUPS], default: "group2", api: at("IpsecConfig.IpsecPfs") },
            ipsecLifetime: { kind: "integer", min: 0, max: 86400, default: 86400, api: at("IpsecConfig.IpsecLifetime") },
        },
    },
    healthCheckConfig: {
        kind: "object",
        rules: [
            (v: { enable?: boolean; dip?: string; sip?: string }) =>
                v.enable === true && (!v.dip || !v.sip) ? "needs `dip` and `sip` when `enable` is true" : undefined,
        ],
        fields: {
            enable: { kind: "boolean", default: false, api: at("HealthCheckConfig.enable", { readPath: "VcoHealthCheck.Enable", ...asString }) },
            dip: { kind: "string", format: "ipv4", api: at("HealthCheckConfig.dip", { readPath: "VcoHealthCheck.Dip" }) },
            sip: { kind: "string", format: "ipv4", api: at("HealthCheckConfig.sip", { readPath: "VcoHealthCheck.Sip" }) },
            interval: { kind: "integer", min: 1, max: 2147483647, default: 3, api: at("HealthCheckConfig.interval", { readPath: "VcoHealthCheck.Interval", ...asString }) },
            retry: { kind: "integer", min: 1, max: 2147483647, default: 3, api: at("HealthCheckConfig.retry", { readPath: "VcoHealthCheck.Retry", ...asString }) },
        },
    },
    idempotencyKey: IDEMPOTENCY_KEY_FIELD,
    adoptConnectionId: { kind: "string", local: true, noWhitespace: true, maxLength: 64 },
    timeouts: TIMEOUTS_FIELD,
};

/** Request keys whose values are JSON documents in the API (pop-core would send objects as "[object Object]"). */
export const JSON_BLOCK_PARAMS: readonly string[] = ["IkeConfig", "IpsecConfig", "HealthCheckConfig"];
