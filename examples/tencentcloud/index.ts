/**
 * One Tencent Cloud IPsec VPN connection. Credentials, region and (for the emulator) the endpoint
 * come from the environment or the `tencentcloud:*` stack config; see the repository README.
 *
 *     pulumi config set --secret preSharedKey '<key>'
 */
import * as pulumi from "@pulumi/pulumi";
import { tencentcloud } from "pulumi-ipsec";

const config = new pulumi.Config();

const office = new tencentcloud.VpnConnection("office", {
    vpcId: config.require("vpcId"),
    vpnGatewayId: config.require("vpnGatewayId"),
    customerGatewayId: config.require("customerGatewayId"),
    name: "office",
    // Tencent Cloud has no generated key: the connection needs one, stored as a secret.
    preSharedKey: config.requireSecret("preSharedKey"),
    // The VPC side (10.0.0.0/16) may reach the office networks through the tunnel.
    securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.10.0/24", "192.168.20.0/24"] }],
    ikeOptions: {
        ikeVersion: "IKEV2",
        exchangeMode: "MAIN",
        propoEncryAlgorithm: "AES-CBC-256",
        propoAuthenAlgorithm: "SHA-256",
        dhGroupName: "GROUP14",
        ikeSaLifetimeSeconds: 86400,
        // The peer's IKE identity: Tencent Cloud has no default for it.
        remoteAddress: config.require("customerGatewayIp"),
    },
    ipsecOptions: { encryptAlgorithm: "AES-CBC-256", integrityAlgorithm: "SHA-256", pfsDhGroup: "DH-GROUP14", ipsecSaLifetimeSeconds: 3600 },
    // Tags are managed once set (API 3.0); the provider's own create-token tag never shows here.
    tags: { team: "network", site: "office" },
});

export const vpnConnectionId = office.vpnConnectionId;
export const state = office.state;
export const tunnelStatus = office.netStatus;
export const preSharedKey = office.preSharedKey;
