/**
 * Fixed resources and credentials of the Tencent Cloud emulator.
 *
 * VPCs, VPN gateways and customer gateways are not managed by the project, so they are fixtures:
 * they exist from start, survive `reset()`, and only connections are created against them.
 * Every resource also carries the numeric/legacy id the API 2.0 uses beside the "un" id
 * (DescribeVpnConn doc, https://cloud.tencent.com/document/api/215/5113: `vpcId` "gz_vpc_76",
 * `vpnGwId` 547, `userGwId` 315 beside `unVpcId`/`unVpnGwId`/`unUserGwId`).
 */
import type { ExpiringCredential } from "../core/credentialRegistry";

/** The one region that holds fixtures (legacy short code `gz`). */
export const REGION = "ap-guangzhou";

/**
 * API 2.0 region short codes → API 3.0 regions (the common parameter `Region`, https://tencentcloud.com/zh/document/api/214/11594: "`gz`, `sh`, `bj`…"; the
 * codes past those three are INFERRED). Only `gz` holds fixtures; the others are valid but empty regions.
 */
export const API2_REGIONS: Readonly<Record<string, string>> = {
    gz: "ap-guangzhou",
    sh: "ap-shanghai",
    bj: "ap-beijing",
    cd: "ap-chengdu",
    cq: "ap-chongqing",
    hk: "ap-hongkong",
    sg: "ap-singapore",
    siv: "na-siliconvalley",
    ca: "na-toronto",
    de: "eu-frankfurt",
};

/**
 * Regions accepted by API 3.0 (`X-TC-Region`): the legacy-coded ones plus other public regions without a
 * known short code. Anything else is `UnsupportedRegion` (INFERRED code).
 */
export const REGIONS: ReadonlySet<string> = new Set([
    ...Object.values(API2_REGIONS),
    "ap-nanjing",
    "ap-taipei",
    "ap-tokyo",
    "ap-seoul",
    "ap-bangkok",
    "ap-jakarta",
    "ap-mumbai",
    "na-ashburn",
    "sa-saopaulo",
]);

/** A key pair (and, for temporary STS credentials, the session token that must accompany it). */
export interface EmulatorCredential extends ExpiringCredential {
    secretId: string;
    secretKey: string;
    /** Present for temporary credentials: requests must carry it (`X-TC-Token` / `Token`). */
    token?: string;
}

/** The permanent key pair clients are given through `describe()`. */
export const CREDENTIAL: EmulatorCredential = {
    secretId: "AKIDEmulatorTencent0001",
    secretKey: "emulator-tencent-secret-0001",
};

/** A temporary (STS) key pair: exercises `AuthFailure.TokenFailure`. */
export const STS_CREDENTIAL: EmulatorCredential = {
    secretId: "AKIDEmulatorTencentSts01",
    secretKey: "emulator-tencent-sts-secret-01",
    token: "emulator-tencent-sts-token-01",
};

/** Every credential the emulator knows, by SecretId. */
export const CREDENTIALS: ReadonlyMap<string, EmulatorCredential> = new Map(
    [CREDENTIAL, STS_CREDENTIAL].map((c) => [c.secretId, c]),
);

/** The emulated account (UIN) owning the role and the OIDC provider. */
export const ACCOUNT_UIN = "100000000001";

/**
 * The one CAM role STS lets callers assume, by name (`qcs::cam::uin/<uin>:roleName/<name>`, one of the
 * RoleArn forms of AssumeRole, https://www.tencentcloud.com/document/api/1150/49456).
 */
export const STS_ROLE_ARN = `qcs::cam::uin/${ACCOUNT_UIN}:roleName/emulator-vpn-role`;

/** The OIDC identity provider registered in CAM (`ProviderId` of AssumeRoleWithWebIdentity), and what its tokens say. */
export const OIDC_PROVIDER = Object.freeze({
    providerId: "emulator-oidc",
    issuer: "https://oidc.emulator.invalid/tencentcloud",
    audience: "sts.tencentcloudapi.com",
    subject: "system:serviceaccount:default:pulumi-ipsec",
});

/** Fixture VPC. */
export interface VpcFixture {
    region: string;
    vpcId: string;
    /** API 2.0 `vpcId` (the doc's example form `gz_vpc_76`). */
    api2Id: string;
    name: string;
    cidrBlock: string;
    isDefault: boolean;
    createdTime: string;
}

/** Fixture VPN gateway (VPC type `IPSEC`: connections need a VpcId, https://www.tencentcloud.com/document/api/215/17522). */
export interface VpnGatewayFixture {
    region: string;
    vpnGatewayId: string;
    api2Id: number;
    vpcId: string;
    name: string;
    publicIpAddress: string;
    /** Gateway generation: GCM algorithms and CustomerGatewayId changes need "4.0" (`vpc_models.d.ts` IKEOptionsSpecification, ModifyVpnConnectionAttribute). */
    version: string;
    bgpAsn: number;
    zone: string;
    createdTime: string;
}

/** Fixture customer gateway. */
export interface CustomerGatewayFixture {
    region: string;
    customerGatewayId: string;
    api2Id: number;
    name: string;
    ipAddress: string;
    bgpAsn: number;
    createdTime: string;
}

/** Fixture VPCs (both in the fixture region). */
export const VPCS: readonly VpcFixture[] = [
    { region: REGION, vpcId: "vpc-emu00001", api2Id: "gz_vpc_1001", name: "emu-vpc-1", cidrBlock: "10.0.0.0/16", isDefault: false, createdTime: "2024-01-01 08:00:00" },
    { region: REGION, vpcId: "vpc-emu00002", api2Id: "gz_vpc_1002", name: "emu-vpc-2", cidrBlock: "10.1.0.0/16", isDefault: false, createdTime: "2024-01-01 08:00:00" },
];

/**
 * Fixture VPN gateways, all in `vpc-emu00001` with public IPs in 203.0.113.0/24 (a documentation range).
 * The third is a 4.0 gateway; the first two are older ("2.0", INFERRED label).
 */
export const VPN_GATEWAYS: readonly VpnGatewayFixture[] = [
    { region: REGION, vpnGatewayId: "vpngw-emu0001", api2Id: 2001, vpcId: "vpc-emu00001", name: "emu-vpngw-1", publicIpAddress: "203.0.113.11", version: "2.0", bgpAsn: 64551, zone: "ap-guangzhou-3", createdTime: "2024-01-01 08:10:00" },
    { region: REGION, vpnGatewayId: "vpngw-emu0002", api2Id: 2002, vpcId: "vpc-emu00001", name: "emu-vpngw-2", publicIpAddress: "203.0.113.12", version: "2.0", bgpAsn: 64552, zone: "ap-guangzhou-3", createdTime: "2024-01-01 08:10:00" },
    { region: REGION, vpnGatewayId: "vpngw-emu0003", api2Id: 2003, vpcId: "vpc-emu00001", name: "emu-vpngw-3", publicIpAddress: "203.0.113.13", version: "4.0", bgpAsn: 64553, zone: "ap-guangzhou-4", createdTime: "2024-01-01 08:10:00" },
];

/** Fixture customer gateways (IpAddress in 198.51.100.0/24, a documentation range). */
export const CUSTOMER_GATEWAYS: readonly CustomerGatewayFixture[] = [
    { region: REGION, customerGatewayId: "cgw-emu0001", api2Id: 3001, name: "emu-cgw-1", ipAddress: "198.51.100.11", bgpAsn: 65001, createdTime: "2024-01-01 08:20:00" },
    { region: REGION, customerGatewayId: "cgw-emu0002", api2Id: 3002, name: "emu-cgw-2", ipAddress: "198.51.100.12", bgpAsn: 65002, createdTime: "2024-01-01 08:20:00" },
    { region: REGION, customerGatewayId: "cgw-emu0003", api2Id: 3003, name: "emu-cgw-3", ipAddress: "198.51.100.13", bgpAsn: 65003, createdTime: "2024-01-01 08:20:00" },
];

/**
 * VPN gateways that face Alibaba Cloud VPN gateways (see emulator/peering/pairs.ts), in `vpc-emu00002`, with
 * public IPs in 192.0.2.0/24 (RFC 5737). Listed by DescribeVpnGateways; reported under the info's `peering`.
 */
export const PEERING_VPN_GATEWAYS: readonly VpnGatewayFixture[] = [21, 22, 23].map((n) => ({
    region: REGION,
    vpnGatewayId: `vpngw-emu00${n}`,
    api2Id: 2000 + n,
    vpcId: "vpc-emu00002",
    name: `emu-peering-vpngw-${n}`,
    publicIpAddress: `192.0.2.${n + 10}`,
    version: "4.0",
    bgpAsn: 64550 + n,
    zone: "ap-guangzhou-3",
    createdTime: "2024-01-01 08:10:00",
}));

/** Customer gateways holding the public IPs of the Alibaba peering gateways (192.0.2.21–23; 23 is a dual-tunnel gateway's second IP). */
export const PEERING_CUSTOMER_GATEWAYS: readonly CustomerGatewayFixture[] = [21, 22, 23].map((n) => ({
    region: REGION,
    customerGatewayId: `cgw-emu00${n}`,
    api2Id: 3000 + n,
    name: `emu-peering-cgw-${n}`,
    ipAddress: `192.0.2.${n}`,
    bgpAsn: 65100 + n,
    createdTime: "2024-01-01 08:20:00",
}));

/** Every VPN gateway fixture: the ones in the info's `vpnGatewayIds`, then the peering ones. */
export const ALL_VPN_GATEWAYS: readonly VpnGatewayFixture[] = [...VPN_GATEWAYS, ...PEERING_VPN_GATEWAYS];

/** Every customer gateway fixture. */
export const ALL_CUSTOMER_GATEWAYS: readonly CustomerGatewayFixture[] = [...CUSTOMER_GATEWAYS, ...PEERING_CUSTOMER_GATEWAYS];
