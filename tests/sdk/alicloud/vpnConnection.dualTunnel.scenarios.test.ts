import assert from "node:assert/strict";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { alicloud } from "../../../sdk";
import { describeEngineScenarios } from "../../support/scenarios";
import type { TestCloud } from "../../support/cloudEnv";

type Props = Record<string, any>;

/** The two tunnels of the baseline: every mutable tunnel field set, so drift in it is managed. */
const tunnels = (cloud: TestCloud, slaveGateway = 1, slaveNet = 11): Props[] => [
    {
        role: "master",
        customerGatewayId: cloud.alicloud.customerGatewayIds[0],
        preSharedKey: "Scenario-Master-Psk-1",
        ikeConfig: { localId: "master.example.com", remoteId: "office.example.com", ikeMode: "aggressive" },
    },
    {
        role: "slave",
        customerGatewayId: cloud.alicloud.customerGatewayIds[slaveGateway],
        preSharedKey: "Scenario-Slave-Psk-1",
        ikeConfig: { localId: "slave.example.com", remoteId: "office2.example.com", ikeMode: "aggressive" },
        bgpConfig: { localAsn: 65010, tunnelCidr: `169.254.${slaveNet}.0/30`, localBgpIp: `169.254.${slaveNet}.1` },
    },
];

/** A console change of the slave tunnel (the second item of TunnelOptions). */
const slave = (patch: Props): Props => ({ TunnelOptionsSpecification: { TunnelOptions: [{}, patch] } });
const master = (patch: Props): Props => ({ TunnelOptionsSpecification: { TunnelOptions: [patch] } });

describeEngineScenarios({
    cloud: "alicloud",
    title: "alicloud.VpnConnection (dual-tunnel)",
    schema: VPN_CONNECTION_SCHEMA,
    args: (cloud) => ({
        vpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
        localSubnets: ["10.0.0.0/16", "10.1.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "dual",
        enableTunnelsBgp: true,
        tunnels: tunnels(cloud),
    }),
    construct: (name, args) => new alicloud.VpnConnection(name, args as alicloud.VpnConnectionArgs),
    additionalSecretOutputs: ["preSharedKey", "tunnels"],
    inPlaceChange: {
        args: { name: "dual-2" },
        verify: (outputs) => assert.equal(outputs.name, "dual-2"),
    },
    // A new tunnel CIDR too: the replacement may be created first, and a tunnel CIDR is unique on the gateway.
    replacingChange: (cloud) => ({ tunnels: tunnels(cloud, 2, 12) }),
    drifts: [
        { path: "name", patch: { Name: "renamed-in-console" } },
        { path: "localSubnets", patch: { LocalSubnet: "10.0.0.0/16" } },
        { path: "tunnels[0].preSharedKey", patch: master({ TunnelIkeConfig: { Psk: "Changed-In-Console-2" } }) },
        { path: "tunnels[0].enableDpd", patch: master({ EnableDpd: "false" }) },
        { path: "tunnels[0].ikeConfig.ikeEncAlg", patch: master({ TunnelIkeConfig: { IkeEncAlg: "3des" } }) },
        { path: "tunnels[1].preSharedKey", patch: slave({ TunnelIkeConfig: { Psk: "Changed-In-Console-3" } }) },
        { path: "tunnels[1].enableDpd", patch: slave({ EnableDpd: "false" }) },
        { path: "tunnels[1].enableNatTraversal", patch: slave({ EnableNatTraversal: "false" }) },
        { path: "tunnels[1].ikeConfig.ikeVersion", patch: slave({ TunnelIkeConfig: { IkeVersion: "ikev2" } }) },
        { path: "tunnels[1].ikeConfig.ikeMode", patch: slave({ TunnelIkeConfig: { IkeMode: "main" } }) },
        { path: "tunnels[1].ikeConfig.ikeEncAlg", patch: slave({ TunnelIkeConfig: { IkeEncAlg: "3des" } }) },
        { path: "tunnels[1].ikeConfig.ikeAuthAlg", patch: slave({ TunnelIkeConfig: { IkeAuthAlg: "sha512" } }) },
        { path: "tunnels[1].ikeConfig.ikePfs", patch: slave({ TunnelIkeConfig: { IkePfs: "group5" } }) },
        { path: "tunnels[1].ikeConfig.ikeLifetime", patch: slave({ TunnelIkeConfig: { IkeLifetime: "3600" } }) },
        { path: "tunnels[1].ikeConfig.localId", patch: slave({ TunnelIkeConfig: { LocalId: "203.0.113.99" } }) },
        { path: "tunnels[1].ikeConfig.remoteId", patch: slave({ TunnelIkeConfig: { RemoteId: "198.51.100.99" } }) },
        { path: "tunnels[1].ipsecConfig.ipsecEncAlg", patch: slave({ TunnelIpsecConfig: { IpsecEncAlg: "des" } }) },
        { path: "tunnels[1].ipsecConfig.ipsecAuthAlg", patch: slave({ TunnelIpsecConfig: { IpsecAuthAlg: "sha1" } }) },
        { path: "tunnels[1].ipsecConfig.ipsecPfs", patch: slave({ TunnelIpsecConfig: { IpsecPfs: "disabled" } }) },
        { path: "tunnels[1].ipsecConfig.ipsecLifetime", patch: slave({ TunnelIpsecConfig: { IpsecLifetime: "600" } }) },
        { path: "enableTunnelsBgp", patch: { EnableTunnelsBgp: false } },
        { path: "tunnels[1].bgpConfig.localAsn", patch: slave({ TunnelBgpConfig: { LocalAsn: "65020" } }) },
        { path: "tunnels[1].bgpConfig.localBgpIp", patch: slave({ TunnelBgpConfig: { LocalBgpIp: "169.254.11.2" } }) },
    ],
    connections: (state) => state.alicloud.connections,
    writeActions: ["CreateVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection"],
    adoptProperty: "adoptConnectionId",
    // The enum sweep runs on the single-tunnel suite, over the same IKE/IPsec rows the tunnels reuse.
    sweep: false,
    credentials: (cloud) => [cloud.alicloud.accessKeySecret],
});
