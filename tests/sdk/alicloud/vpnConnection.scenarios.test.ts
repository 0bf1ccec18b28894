import assert from "node:assert/strict";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { alicloud } from "../../../sdk";
import { describeEngineScenarios, Drift } from "../../support/scenarios";

/** BGP on (the baseline leaves it unmanaged, so a replacement's two connections never share a tunnel CIDR). */
const withBgp = () => ({ bgpConfig: { enableBgp: true, localAsn: 65010, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" } });
const BGP_DRIFTS: Drift[] = [
    { path: "bgpConfig.enableBgp", patch: { VpnBgpConfig: { EnableBgp: "false" } }, args: withBgp },
    { path: "bgpConfig.localAsn", patch: { VpnBgpConfig: { LocalAsn: 65020 } }, args: withBgp },
    { path: "bgpConfig.tunnelCidr", patch: { VpnBgpConfig: { TunnelCidr: "169.254.12.0/30" } }, args: withBgp },
    { path: "bgpConfig.localBgpIp", patch: { VpnBgpConfig: { LocalBgpIp: "169.254.11.2" } }, args: withBgp },
];

describeEngineScenarios({
    cloud: "alicloud",
    title: "alicloud.VpnConnection",
    schema: VPN_CONNECTION_SCHEMA,
    args: (cloud) => ({
        vpnGatewayId: cloud.alicloud.vpnGatewayIds[0],
        customerGatewayId: cloud.alicloud.customerGatewayIds[0],
        localSubnets: ["10.0.0.0/16", "10.1.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        preSharedKey: "Scenario-Psk-0001",
        ikeConfig: { localId: "vpn.example.com", remoteId: "office.example.com", ikeMode: "aggressive" },
        healthCheckConfig: { enable: true, dip: "192.168.10.1", sip: "10.0.0.1" },
        tags: { env: "prod", team: "network" },
    }),
    minimalArgs: (cloud) => ({
        vpnGatewayId: cloud.alicloud.vpnGatewayIds[0],
        customerGatewayId: cloud.alicloud.customerGatewayIds[0],
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
    }),
    construct: (name, args) => new alicloud.VpnConnection(name, args as alicloud.VpnConnectionArgs),
    additionalSecretOutputs: ["preSharedKey"],
    inPlaceChange: {
        args: { ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256" }, name: "office-2", tags: { env: "staging", owner: "ops" } },
        verify: (outputs) => {
            assert.equal(outputs.ipsecConfig.ipsecEncAlg, "aes256");
            assert.equal(outputs.name, "office-2");
            assert.deepEqual(outputs.tags, { env: "staging", owner: "ops" });
        },
    },
    replacingChange: (cloud) => ({ customerGatewayId: cloud.alicloud.customerGatewayIds[1] }),
    drifts: [
        { path: "name", patch: { Name: "renamed-in-console" } },
        { path: "localSubnets", patch: { LocalSubnet: "10.0.0.0/16" } },
        { path: "remoteSubnets", patch: { RemoteSubnet: "192.168.10.0/24,192.168.99.0/24" } },
        { path: "preSharedKey", patch: { IkeConfig: { Psk: "Changed-In-Console-1" } } },
        { path: "effectImmediately", patch: { EffectImmediately: true } },
        { path: "enableDpd", patch: { EnableDpd: false } },
        { path: "enableNatTraversal", patch: { EnableNatTraversal: false } },
        { path: "ikeConfig.ikeVersion", patch: { IkeConfig: { IkeVersion: "ikev2" } } },
        { path: "ikeConfig.ikeMode", patch: { IkeConfig: { IkeMode: "main" } } },
        { path: "ikeConfig.ikeEncAlg", patch: { IkeConfig: { IkeEncAlg: "3des" } } },
        { path: "ikeConfig.ikeAuthAlg", patch: { IkeConfig: { IkeAuthAlg: "sha512" } } },
        { path: "ikeConfig.ikePfs", patch: { IkeConfig: { IkePfs: "group5" } } },
        { path: "ikeConfig.ikeLifetime", patch: { IkeConfig: { IkeLifetime: 3600 } } },
        { path: "ikeConfig.localId", patch: { IkeConfig: { LocalId: "203.0.113.99" } } },
        { path: "ikeConfig.remoteId", patch: { IkeConfig: { RemoteId: "198.51.100.99" } } },
        { path: "ipsecConfig.ipsecEncAlg", patch: { IpsecConfig: { IpsecEncAlg: "des" } } },
        { path: "ipsecConfig.ipsecAuthAlg", patch: { IpsecConfig: { IpsecAuthAlg: "sha1" } } },
        { path: "ipsecConfig.ipsecPfs", patch: { IpsecConfig: { IpsecPfs: "disabled" } } },
        { path: "ipsecConfig.ipsecLifetime", patch: { IpsecConfig: { IpsecLifetime: 600 } } },
        { path: "healthCheckConfig.enable", patch: { VcoHealthCheck: { Enable: "false" } } },
        { path: "healthCheckConfig.dip", patch: { VcoHealthCheck: { Dip: "192.168.10.2" } } },
        { path: "healthCheckConfig.sip", patch: { VcoHealthCheck: { Sip: "10.0.0.2" } } },
        { path: "healthCheckConfig.interval", patch: { VcoHealthCheck: { Interval: 10 } } },
        { path: "healthCheckConfig.retry", patch: { VcoHealthCheck: { Retry: 7 } } },
        ...BGP_DRIFTS,
        { path: "tags", patch: { Tags: { Tag: [{ Key: "env", Value: "changed-in-console" }] } } },
    ],
    connections: (state) => state.alicloud.connections,
    writeActions: ["CreateVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection", "TagResources", "UnTagResources"],
    adoptProperty: "adoptConnectionId",
    credentials: (cloud) => [cloud.alicloud.accessKeySecret],
});
