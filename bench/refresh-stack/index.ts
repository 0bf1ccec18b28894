/**
 * The stack `npm run bench` refreshes through the Pulumi CLI: `connections` Alibaba Cloud connections
 * spread round-robin over the VPN gateways in `vpnGatewayIds`, each with its own local subnet and a
 * PSK the cloud generates. It runs from the repository, which resolves `pulumi-ipsec` to itself.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-ipsec";

const config = new pulumi.Config();
const count = config.requireNumber("connections");
const gateways = config.require("vpnGatewayIds").split(",");
const customerGatewayId = config.require("customerGatewayId");

for (let i = 0; i < count; i++) {
    new alicloud.VpnConnection(`bench-${i}`, {
        vpnGatewayId: gateways[i % gateways.length],
        customerGatewayId,
        name: `bench-${i}`,
        localSubnets: [`10.${Math.floor(i / 250)}.${i % 250}.0/24`],
        remoteSubnets: ["192.168.0.0/24"],
    });
}
