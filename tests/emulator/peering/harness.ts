/**
 * Test support for peering: one emulator serving both clouds, the REAL pop-core client (through the Alibaba
 * harness) and the REAL tencentcloud-sdk-nodejs VPC client, plus parameters that two facing connections agree on.
 */
import * as http from "http";
import { Client as VpcClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client";
import type { PeeringPair } from "../../../emulator";
import { startAlicloudHarness } from "../alicloud/harness";
import type { AlicloudHarness } from "../alicloud/harness";

export interface PeeringHarness {
    ali: AlicloudHarness;
    vpc: VpcClient;
    pairs: PeeringPair[];
    /** Creates an Alibaba single-tunnel connection on `pair` (compatible parameters unless overridden), settled. */
    createAlicloud(pair: PeeringPair, overrides?: Overrides): Promise<string>;
    /** Creates a Tencent connection on `pair`, settled; returns its id. */
    createTencent(pair: PeeringPair, overrides?: Overrides): Promise<string>;
    alicloudStatus(id: string): Promise<string>;
    tencentNetStatus(id: string): Promise<string>;
    /** Ends every running transition on both clouds. */
    settle(): Promise<void>;
}

/** Changes to the compatible parameters: IKE and IPsec members, or top-level parameters. */
export interface Overrides {
    ike?: Record<string, unknown>;
    ipsec?: Record<string, unknown>;
    [parameter: string]: unknown;
}

export const PSK = "peering-Psk_1";

/** Alibaba IkeConfig both sides agree on (LocalId/RemoteId default to the gateway and customer gateway IPs). */
export const ALICLOUD_IKE = { Psk: PSK, IkeVersion: "ikev2", IkeMode: "main", IkeEncAlg: "aes256", IkeAuthAlg: "sha256", IkePfs: "group14", IkeLifetime: 28800 };
export const ALICLOUD_IPSEC = { IpsecEncAlg: "aes256", IpsecAuthAlg: "sha256", IpsecPfs: "group14", IpsecLifetime: 3600 };
/** The Alibaba VPC side and the Tencent VPC side (`vpc-emu00002`, 10.1.0.0/16). */
export const ALICLOUD_SUBNET = "10.20.0.0/16";
export const TENCENT_SUBNET = "10.1.0.0/16";

/** The same settings in Tencent's vocabulary. */
export const TENCENT_IKE = {
    IKEVersion: "IKEV2",
    ExchangeMode: "MAIN",
    PropoEncryAlgorithm: "AES-CBC-256",
    PropoAuthenAlgorithm: "SHA-256",
    DhGroupName: "GROUP14",
    IKESaLifetimeSeconds: 28800,
    LocalIdentity: "ADDRESS",
    RemoteIdentity: "ADDRESS",
};
export const TENCENT_IPSEC = { EncryptAlgorithm: "AES-CBC-256", IntegrityAlgorithm: "SHA-256", PfsDhGroup: "DH-GROUP14", IPSECSaLifetimeSeconds: 3600 };

/** Alibaba CreateVpnConnection parameters on `pair`. */
export function alicloudParams(pair: PeeringPair, { ike = {}, ipsec = {}, ...rest }: Overrides = {}): Record<string, unknown> {
    return {
        VpnGatewayId: pair.alicloud.vpnGatewayId,
        CustomerGatewayId: pair.alicloud.customerGatewayId,
        LocalSubnet: ALICLOUD_SUBNET,
        RemoteSubnet: TENCENT_SUBNET,
        IkeConfig: JSON.stringify({ ...ALICLOUD_IKE, ...ike }),
        IpsecConfig: JSON.stringify({ ...ALICLOUD_IPSEC, ...ipsec }),
        ...rest,
    };
}

/** Tencent CreateVpnConnection request on `pair`; the IKE addresses are the two gateways' public IPs. */
export function tencentRequest(pair: PeeringPair, addresses: { local: string; remote: string }, { ike = {}, ipsec = {}, ...rest }: Overrides = {}): Record<string, unknown> {
    return {
        VpcId: pair.tencentcloud.vpcId,
        VpnGatewayId: pair.tencentcloud.vpnGatewayId,
        CustomerGatewayId: pair.tencentcloud.customerGatewayId,
        VpnConnectionName: `peering-${pair.tencentcloud.vpnGatewayId}`,
        PreShareKey: PSK,
        SecurityPolicyDatabases: [{ LocalCidrBlock: TENCENT_SUBNET, RemoteCidrBlock: [ALICLOUD_SUBNET] }],
        IKEOptionsSpecification: { ...TENCENT_IKE, LocalAddress: addresses.local, RemoteAddress: addresses.remote, ...ike },
        IPSECOptionsSpecification: { ...TENCENT_IPSEC, ...ipsec },
        ...rest,
    };
}

/**
 * Registers mocha hooks for the enclosing `describe`: one emulator with both clouds, reset after each test,
 * stopped at the end. `use` receives the harness.
 */
export function withPeeringEmulator(use: (harness: PeeringHarness) => void): void {
    let ali: AlicloudHarness | undefined;
    const agent = new http.Agent({ keepAlive: false });
    before(async () => {
        ali = await startAlicloudHarness();
        use(peeringHarness(ali, agent));
    });
    afterEach(async () => {
        await ali?.control.reset();
    });
    after(async () => {
        agent.destroy();
        await ali?.stop();
    });
}

function peeringHarness(ali: AlicloudHarness, agent: http.Agent): PeeringHarness {
    const info = ali.emulator.info;
    const tencent = info.tencentcloud!;
    const vpc = new VpcClient({
        credential: { secretId: tencent.secretId, secretKey: tencent.secretKey },
        region: tencent.region,
        // Always an agent: without one the SDK routes through $http_proxy.
        profile: { httpProfile: { endpoint: tencent.endpoint.replace(/^http:\/\//, ""), protocol: "http://", reqTimeout: 5, agent } },
    });
    const publicIp = async (pair: PeeringPair) => {
        const gateways = await vpc.DescribeVpnGateways({ VpnGatewayIds: [pair.tencentcloud.vpnGatewayId] });
        const customerGateways = await vpc.DescribeCustomerGateways({ CustomerGatewayIds: [pair.tencentcloud.customerGatewayId] });
        return { local: gateways.VpnGatewaySet![0].PublicIpAddress!, remote: customerGateways.CustomerGatewaySet![0].IpAddress! };
    };
    return {
        ali,
        vpc,
        pairs: info.peering!,
        async createAlicloud(pair, overrides) {
            const created = await ali.call("CreateVpnConnection", alicloudParams(pair, overrides));
            await ali.settle();
            return created.VpnConnectionId as string;
        },
        async createTencent(pair, overrides) {
            const request = tencentRequest(pair, await publicIp(pair), overrides);
            await vpc.CreateVpnConnection(request as never);
            const found = await vpc.DescribeVpnConnections({
                Filters: [
                    { Name: "vpn-gateway-id", Values: [pair.tencentcloud.vpnGatewayId] },
                    { Name: "vpn-connection-name", Values: [request.VpnConnectionName as string] },
                ],
            });
            await ali.settle();
            return found.VpnConnectionSet![0].VpnConnectionId!;
        },
        async alicloudStatus(id) {
            return (await ali.call("DescribeVpnConnection", { VpnConnectionId: id })).Status as string;
        },
        async tencentNetStatus(id) {
            return (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0].NetStatus!;
        },
        settle: () => ali.settle(),
    };
}
