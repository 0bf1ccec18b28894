/**
 * One Alibaba Cloud IPsec-VPN connection. Credentials, region and (for the emulator) the endpoint
 * come from the environment or the `alicloud:*` stack config; see the repository README.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-ipsec";

const config = new pulumi.Config();

const office = new alicloud.VpnConnection("office", {
    vpnGatewayId: config.require("vpnGatewayId"),
    customerGatewayId: config.require("customerGatewayId"),
    name: "office",
    localSubnets: ["10.0.0.0/16", "10.1.0.0/16"],
    remoteSubnets: ["192.168.10.0/24"],
    // Omit it to let Alibaba Cloud generate one; either way it is stored as a secret.
    preSharedKey: config.getSecret("preSharedKey"),
    ikeConfig: { ikeVersion: "ikev2", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14" },
    ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14" },
});

export const vpnConnectionId = office.vpnConnectionId;
export const state = office.state;
export const negotiationStatus = office.status;
export const preSharedKey = office.preSharedKey;
