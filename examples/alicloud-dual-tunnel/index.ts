/**
 * One dual-tunnel Alibaba Cloud IPsec-VPN connection: on a VPN gateway in dual-tunnel mode, a master
 * and a slave tunnel, each with its own customer gateway and settings. Credentials, region and (for the
 * emulator) the endpoint come from the environment or the `alicloud:*` stack config; see the repository README.
 * Both tunnels run BGP (the customer gateways need an ASN): `enableTunnelsBgp` switches it on, and each tunnel's
 * `bgpConfig` gives its /30 inside 169.254.0.0/16 (unique among the VPN gateway's tunnels) and the Alibaba Cloud
 * side's ASN and address. The connection is tagged; a tag change is applied in place (TagResources/UnTagResources).
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-ipsec";

const config = new pulumi.Config();
// One key for both tunnels here; omit it to let Alibaba Cloud generate one per tunnel. Stored as a secret either way.
const preSharedKey = config.getSecret("preSharedKey");

const office = new alicloud.VpnConnection("office-dual", {
    vpnGatewayId: config.require("vpnGatewayId"),
    name: "office-dual",
    localSubnets: ["10.0.0.0/16"],
    remoteSubnets: ["192.168.10.0/24"],
    enableTunnelsBgp: true,
    tunnels: [
        {
            role: "master",
            customerGatewayId: config.require("masterCustomerGatewayId"),
            preSharedKey,
            ikeConfig: { ikeVersion: "ikev2", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14" },
            ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14" },
            bgpConfig: { localAsn: 65010, tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1" },
        },
        {
            role: "slave",
            customerGatewayId: config.require("slaveCustomerGatewayId"),
            preSharedKey,
            ikeConfig: { ikeVersion: "ikev2", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14" },
            ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14" },
            bgpConfig: { localAsn: 65010, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" },
        },
    ],
    tags: { team: "network", site: "office" },
});

export const vpnConnectionId = office.vpnConnectionId;
export const state = office.state;
// Secret: the tunnels carry their PSKs (`pulumi stack output --show-secrets` reveals them).
export const tunnels = office.tunnels;
