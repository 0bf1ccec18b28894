/**
 * Fixed resources and credentials every Alibaba emulator starts with (and returns to on reset).
 * Addresses come from the documentation ranges of RFC 5737 so they can never reach a real host.
 */
import type { ExpiringCredential } from "../core/credentialRegistry";
import type { CustomerGatewayRecord, VpnGatewayRecord } from "./model";

/** The only region the emulator serves. */
export const ALICLOUD_REGION_ID = "cn-hangzhou";

/** The API version every call must carry. */
export const ALICLOUD_API_VERSION = "2016-04-28";

/** Long-term AccessKey pair. */
export const ALICLOUD_ACCESS_KEY_ID = "LTAI5tEmulatorKey0001";
export const ALICLOUD_ACCESS_KEY_SECRET = "emulator-alicloud-secret-0001";

/** Temporary STS credentials: the key only verifies together with its security token. */
export const ALICLOUD_STS_CREDENTIALS = Object.freeze({
    accessKeyId: "STS.EmulatorStsKey0001",
    accessKeySecret: "emulator-alicloud-sts-secret-0001",
    securityToken: "emulator-alicloud-sts-token-0001",
});

/** A credential the emulator accepts; `securityToken` set = STS credential that requires it. */
export interface AlicloudCredential extends ExpiringCredential {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
}

/** Every credential the emulator knows. */
export const ALICLOUD_CREDENTIALS: readonly AlicloudCredential[] = Object.freeze([
    { accessKeyId: ALICLOUD_ACCESS_KEY_ID, accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET },
    { ...ALICLOUD_STS_CREDENTIALS },
]);

/** The STS API version (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole). */
export const ALICLOUD_STS_API_VERSION = "2015-04-01";

/** The emulated Alibaba Cloud account (UID) owning the role and the OIDC provider. */
export const ALICLOUD_ACCOUNT_ID = "1000000000000001";

/** The one RAM role STS lets callers assume: ARN `acs:ram::<account>:role/<name>` (AssumeRole's `RoleArn`). */
export const ALICLOUD_STS_ROLE = Object.freeze({
    arn: `acs:ram::${ALICLOUD_ACCOUNT_ID}:role/emulator-vpn-role`,
    /** `AssumedRoleUser.AssumedRoleId` is `<roleId>:<RoleSessionName>` (the AssumeRole sample response). */
    roleId: "300000000000000001",
    /** The role's MaxSessionDuration, the upper bound of DurationSeconds; 3600 is the default of CreateRole. */
    maxSessionDurationSeconds: 3600,
});

/** The OIDC identity provider registered in RAM, and what its tokens say. */
export const ALICLOUD_OIDC_PROVIDER = Object.freeze({
    arn: `acs:ram::${ALICLOUD_ACCOUNT_ID}:oidc-provider/emulator-oidc`,
    issuer: "https://oidc.emulator.invalid/alicloud",
    /** The provider's client id (`aud` of its tokens). */
    audience: "sts.aliyuncs.com",
    subject: "system:serviceaccount:default:pulumi-ipsec",
});

/** 2024-01-01T00:00:00Z: a stable creation time for fixtures. */
const FIXTURE_CREATE_TIME = 1704067200000;

/** VPN gateways (single-tunnel, active) present at start. */
export const ALICLOUD_VPN_GATEWAYS: readonly Readonly<VpnGatewayRecord>[] = Object.freeze([
    gateway(1, "203.0.113.11"),
    gateway(2, "203.0.113.12"),
    gateway(3, "203.0.113.13"),
]);

/**
 * VPN gateways in dual-tunnel mode (active) present at start. Such a gateway has two public IPs, as
 * DescribeVpnGateway(s) reports them: `InternetIp` and `DisasterRecoveryInternetIp` (with the second
 * vSwitch, `DisasterRecoveryVSwitchId`), https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpngateway-vpns.
 * Its IPsec connections are made of a master and a slave tunnel (CreateVpnConnection,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns).
 */
export const ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS: readonly Readonly<VpnGatewayRecord>[] = Object.freeze([
    dualTunnelGateway(11, "203.0.113.111", "203.0.113.112"),
]);

/** The zones of a dual-tunnel gateway's tunnels (`ZoneNo` of each tunnel): master and slave in two zones of the region. */
export const ALICLOUD_TUNNEL_ZONES: Readonly<Record<"master" | "slave", string>> = Object.freeze({ master: "cn-hangzhou-h", slave: "cn-hangzhou-i" });

/** Customer gateways present at start. */
export const ALICLOUD_CUSTOMER_GATEWAYS: readonly Readonly<CustomerGatewayRecord>[] = Object.freeze([
    customerGateway(1, "198.51.100.21", 65101),
    customerGateway(2, "198.51.100.22", 65102),
    customerGateway(3, "198.51.100.23", 65103),
]);

/**
 * VPN gateways that face Tencent Cloud VPN gateways (see emulator/peering/pairs.ts): a single-tunnel one and a
 * dual-tunnel one, with public IPs in 192.0.2.0/24 (RFC 5737). They are listed by DescribeVpnGateway(s) like the
 * others but reported under the info's `peering`, not `vpnGatewayIds`.
 */
export const ALICLOUD_PEERING_VPN_GATEWAYS: readonly Readonly<VpnGatewayRecord>[] = Object.freeze([
    { ...gateway(21, "192.0.2.21"), Name: "emulator-peering-vpn-gateway-21" },
    { ...dualTunnelGateway(22, "192.0.2.22", "192.0.2.23"), Name: "emulator-peering-dual-tunnel-vpn-gateway-22" },
]);

/** Customer gateways holding the public IPs of the Tencent peering gateways (192.0.2.31–33). */
export const ALICLOUD_PEERING_CUSTOMER_GATEWAYS: readonly Readonly<CustomerGatewayRecord>[] = Object.freeze([
    { ...customerGateway(21, "192.0.2.31", 64571), Name: "emulator-peering-customer-gateway-21" },
    { ...customerGateway(22, "192.0.2.32", 64572), Name: "emulator-peering-customer-gateway-22" },
    { ...customerGateway(23, "192.0.2.33", 64573), Name: "emulator-peering-customer-gateway-23" },
]);

function gateway(n: number, internetIp: string): VpnGatewayRecord {
    const suffix = String(n).padStart(14, "0");
    return {
        VpnGatewayId: `vpn-emu${suffix}`,
        VpcId: `vpc-emu${suffix}`,
        VSwitchId: `vsw-emu${suffix}`,
        InternetIp: internetIp,
        Name: `emulator-vpn-gateway-${n}`,
        Description: "Emulator fixture",
        Spec: "10M",
        CreateTime: FIXTURE_CREATE_TIME,
    };
}

function dualTunnelGateway(n: number, internetIp: string, disasterRecoveryInternetIp: string): VpnGatewayRecord {
    const base = gateway(n, internetIp);
    return {
        ...base,
        DisasterRecoveryInternetIp: disasterRecoveryInternetIp,
        DisasterRecoveryVSwitchId: `vsw-emudr${String(n).padStart(12, "0")}`,
        Name: `emulator-dual-tunnel-vpn-gateway-${n}`,
    };
}

function customerGateway(n: number, ipAddress: string, asn: number): CustomerGatewayRecord {
    return {
        CustomerGatewayId: `cgw-emu${String(n).padStart(14, "0")}`,
        IpAddress: ipAddress,
        Asn: asn,
        Name: `emulator-customer-gateway-${n}`,
        Description: "Emulator fixture",
        CreateTime: FIXTURE_CREATE_TIME,
    };
}
