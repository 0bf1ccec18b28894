/**
 * One site-to-site IPsec tunnel between an Alibaba Cloud VPC and a Tencent Cloud VPC: each cloud
 * gets one VPN connection, and the two are mirror images — one pre-shared key, each side's local
 * subnet is the other's remote subnet, and both negotiate the same IKE/IPsec proposal (spelled in
 * each cloud's own vocabulary).
 *
 * Before `pulumi up`, register each VPN gateway's public IP as a customer gateway in the other
 * cloud and put the IDs in the stack config (see Pulumi.yaml), plus the shared key:
 *
 *     pulumi config set --secret preSharedKey '<key>'
 *
 * Credentials, regions and (for the emulator) endpoints come from the environment or the
 * `alicloud:*` / `tencentcloud:*` stack config; see the repository README.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud } from "pulumi-ipsec";

const config = new pulumi.Config();

/** Both ends must hold the same key; it stays a secret in both resources' state. */
const preSharedKey = config.requireSecret("preSharedKey");

/**
 * The Alibaba VPN gateway's public IP: the Tencent side's remote IKE identity. (The Alibaba side's
 * remote identity defaults to its customer gateway's IP, which is the Tencent gateway's, and each
 * side's local identity to its own gateway's IP.)
 */
const alicloudVpnGatewayIp = config.require("alicloudVpnGatewayIp");

/** The two VPCs' address space; an IPsec tunnel needs them disjoint. */
const alicloudCidr = config.get("alicloudCidr") ?? "172.16.0.0/16";
const tencentcloudCidr = config.get("tencentcloudCidr") ?? "10.0.0.0/16";

/**
 * The one proposal both ends negotiate: IKEv2 main mode, AES-256 / SHA-256 / DH group 14 with PFS,
 * one-day IKE SAs and one-hour IPsec SAs. A mismatch in any of these keeps the tunnel down, which
 * is why they are written side by side here rather than in two places. Each block `satisfies` its
 * SDK type, so a value outside a cloud's enum fails to compile (the enums are typed as unions of
 * their canonical spellings; a plain `string` object would not be accepted).
 */
const proposal = {
    ikeLifetimeSeconds: 86400,
    ipsecLifetimeSeconds: 3600,
    alicloud: {
        ike: { ikeVersion: "ikev2", ikeMode: "main", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14" } satisfies alicloud.IkeConfigArgs,
        ipsec: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14" } satisfies alicloud.IpsecConfigArgs,
    },
    tencentcloud: {
        ike: {
            ikeVersion: "IKEV2",
            exchangeMode: "MAIN",
            propoEncryAlgorithm: "AES-CBC-256",
            propoAuthenAlgorithm: "SHA-256",
            dhGroupName: "GROUP14",
        } satisfies tencentcloud.IkeOptionsArgs,
        ipsec: { encryptAlgorithm: "AES-CBC-256", integrityAlgorithm: "SHA-256", pfsDhGroup: "DH-GROUP14" } satisfies tencentcloud.IpsecOptionsArgs,
    },
};

const alibabaSide = new alicloud.VpnConnection("alicloud-to-tencentcloud", {
    vpnGatewayId: config.require("alicloudVpnGatewayId"),
    customerGatewayId: config.require("alicloudCustomerGatewayId"),
    name: "to-tencentcloud",
    localSubnets: [alicloudCidr],
    remoteSubnets: [tencentcloudCidr],
    preSharedKey,
    ikeConfig: { ...proposal.alicloud.ike, ikeLifetime: proposal.ikeLifetimeSeconds },
    ipsecConfig: { ...proposal.alicloud.ipsec, ipsecLifetime: proposal.ipsecLifetimeSeconds },
});

const tencentSide = new tencentcloud.VpnConnection("tencentcloud-to-alicloud", {
    vpcId: config.require("tencentcloudVpcId"),
    vpnGatewayId: config.require("tencentcloudVpnGatewayId"),
    customerGatewayId: config.require("tencentcloudCustomerGatewayId"),
    name: "to-alicloud",
    preSharedKey,
    // Policy-based routing: traffic from the Tencent VPC to the Alibaba VPC enters the tunnel.
    securityPolicyDatabases: [{ localCidrBlock: tencentcloudCidr, remoteCidrBlocks: [alicloudCidr] }],
    ikeOptions: { ...proposal.tencentcloud.ike, ikeSaLifetimeSeconds: proposal.ikeLifetimeSeconds, remoteAddress: alicloudVpnGatewayIp },
    ipsecOptions: { ...proposal.tencentcloud.ipsec, ipsecSaLifetimeSeconds: proposal.ipsecLifetimeSeconds },
});

export const alicloudConnectionId = alibabaSide.vpnConnectionId;
export const alicloudState = alibabaSide.state;
export const alicloudNegotiationStatus = alibabaSide.status;
export const tencentcloudConnectionId = tencentSide.vpnConnectionId;
export const tencentcloudState = tencentSide.state;
export const tencentcloudTunnelStatus = tencentSide.netStatus;
