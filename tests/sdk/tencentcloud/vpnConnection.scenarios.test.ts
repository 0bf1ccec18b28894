import assert from "node:assert/strict";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/tencentcloud/schema";
import { tencentcloud } from "../../../sdk";
import { TestCloud } from "../../support/cloudEnv";
import { describeEngineScenarios, Drift, ResourceKit } from "../../support/scenarios";

type Props = Record<string, any>;
const fixtures = (cloud: TestCloud) => cloud.tencentcloud!;

/** Out-of-band changes the two API generations both manage (3.0-shaped console patches). */
const COMMON_DRIFTS: Drift[] = [
    { path: "name", patch: { VpnConnectionName: "renamed-in-console" } },
    { path: "preSharedKey", patch: { PreShareKey: "Changed-In-Console-1" } },
    { path: "securityPolicyDatabases", patch: { SecurityPolicyDatabaseSet: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.10.0/24"] }] } },
    { path: "ikeOptions.propoEncryAlgorithm", patch: { IKEOptionsSpecification: { PropoEncryAlgorithm: "DES-CBC" } } },
    { path: "ikeOptions.propoAuthenAlgorithm", patch: { IKEOptionsSpecification: { PropoAuthenAlgorithm: "MD5" } } },
    { path: "ikeOptions.exchangeMode", patch: { IKEOptionsSpecification: { ExchangeMode: "AGGRESSIVE" } } },
    { path: "ikeOptions.dhGroupName", patch: { IKEOptionsSpecification: { DhGroupName: "GROUP5" } } },
    { path: "ikeOptions.ikeSaLifetimeSeconds", patch: { IKEOptionsSpecification: { IKESaLifetimeSeconds: 3600 } } },
    { path: "ikeOptions.remoteAddress", patch: { IKEOptionsSpecification: { RemoteAddress: "198.51.100.99" } } },
    { path: "ipsecOptions.encryptAlgorithm", patch: { IPSECOptionsSpecification: { EncryptAlgorithm: "DES-CBC" } } },
    { path: "ipsecOptions.integrityAlgorithm", patch: { IPSECOptionsSpecification: { IntegrityAlgorith: "MD5" } } },
    { path: "ipsecOptions.ipsecSaLifetimeSeconds", patch: { IPSECOptionsSpecification: { IPSECSaLifetimeSeconds: 3600 } } },
    { path: "ipsecOptions.pfsDhGroup", patch: { IPSECOptionsSpecification: { PfsDhGroup: "DH-GROUP2" } } },
];

/** API 3.0's health-check probes (API 2.0 has no HealthCheckConfig): each drifts like any field. */
const PROBES = { healthCheckConfig: { probeInterval: 2000, probeThreshold: 5, probeTimeout: 500 } };
/** A BGP tunnel instead of the policy-based baseline (CreateVpnConnection RouteType `Bgp` with its BgpConfig). */
const bgpTunnel = (): Props => ({
    routeType: "Bgp",
    securityPolicyDatabases: undefined,
    bgpConfig: { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1", remoteBgpIp: "169.254.10.2" },
});
const bgpPatch = (patch: Props): Props => ({ BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2", ...patch } });
/** BGP exists only in API 3.0 (AddVpnConnEx has no BGP parameters). */
const BGP_DRIFTS: Drift[] = [
    { path: "bgpConfig.tunnelCidr", patch: bgpPatch({ TunnelCidr: "169.254.20.0/30" }), args: bgpTunnel },
    { path: "bgpConfig.localBgpIp", patch: bgpPatch({ LocalBgpIp: "169.254.10.3" }), args: bgpTunnel },
    { path: "bgpConfig.remoteBgpIp", patch: bgpPatch({ RemoteBgpIp: "169.254.10.3" }), args: bgpTunnel },
];

function kit(apiVersion: "3.0" | "2.0"): ResourceKit {
    const api2 = apiVersion === "2.0";
    return {
        cloud: "tencentcloud",
        title: `tencentcloud.VpnConnection (API ${apiVersion})`,
        schema: VPN_CONNECTION_SCHEMA,
        args: (cloud) => ({
            apiVersion,
            vpcId: fixtures(cloud).vpcIds[0],
            // The 4.0 gateway: GCM proposals (swept below) need one (`vpc_models.d.ts` IKEOptionsSpecification).
            vpnGatewayId: fixtures(cloud).vpnGatewayIds[2],
            customerGatewayId: fixtures(cloud).customerGatewayIds[0],
            name: "office",
            preSharedKey: `Scenario-Psk-Tc-${apiVersion}`,
            securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.11.0/24", "192.168.10.0/24"] }],
            ikeOptions: { remoteAddress: "198.51.100.31", propoEncryAlgorithm: "AES-CBC-256", dhGroupName: "GROUP2" },
            ipsecOptions: { pfsDhGroup: "DH-GROUP14" },
            ...(api2 ? {} : { negotiationType: "active", dpdEnable: true, dpdTimeout: 30, dpdAction: "restart", ...PROBES, tags: { env: "prod", team: "network" } }),
        }),
        minimalArgs: (cloud) => ({
            vpcId: fixtures(cloud).vpcIds[0],
            vpnGatewayId: fixtures(cloud).vpnGatewayIds[2],
            customerGatewayId: fixtures(cloud).customerGatewayIds[0],
            name: "minimal",
            preSharedKey: "Scenario-Psk-Minimal",
            securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.10.0/24"] }],
            // Documented as required while the remote identity is ADDRESS, its default (`vpc_models.d.ts` IKEOptionsSpecification).
            ikeOptions: { remoteAddress: "198.51.100.31" },
        }),
        construct: (name, args) => new tencentcloud.VpnConnection(name, args as tencentcloud.VpnConnectionArgs),
        additionalSecretOutputs: ["preSharedKey"],
        inPlaceChange: {
            args: { name: "office-2", ipsecOptions: { encryptAlgorithm: "AES-CBC-256", pfsDhGroup: "DH-GROUP5" }, ...(api2 ? {} : { tags: { env: "staging" } }) },
            verify: (outputs: Props) => {
                assert.equal(outputs.name, "office-2");
                if (!api2) assert.deepEqual(outputs.tags, { env: "staging" });
                assert.equal(outputs.ipsecOptions.encryptAlgorithm, "AES-CBC-256");
            },
        },
        replacingChange: (cloud) => ({ customerGatewayId: fixtures(cloud).customerGatewayIds[1] }),
        drifts: api2
            ? COMMON_DRIFTS
            : [
                  ...COMMON_DRIFTS,
                  { path: "ikeOptions.ikeVersion", patch: { IKEOptionsSpecification: { IKEVersion: "IKEV2" } } },
                  { path: "ipsecOptions.ipsecSaLifetimeTraffic", patch: { IPSECOptionsSpecification: { IPSECSaLifetimeTraffic: 1843200 } } },
                  { path: "negotiationType", patch: { NegotiationType: "passive" } },
                  { path: "dpdEnable", patch: { DpdEnable: 0 } },
                  { path: "dpdTimeout", patch: { DpdTimeout: "45" } },
                  { path: "dpdAction", patch: { DpdAction: "clear" } },
                  { path: "healthCheckConfig.probeInterval", patch: { HealthCheckConfig: { ProbeInterval: 4000 } } },
                  { path: "healthCheckConfig.probeThreshold", patch: { HealthCheckConfig: { ProbeThreshold: 8 } } },
                  { path: "healthCheckConfig.probeTimeout", patch: { HealthCheckConfig: { ProbeTimeout: 1000 } } },
                  ...BGP_DRIFTS,
                  // The console's tag change replaces the TagSet (the create token goes too: hidden, it never drifts).
                  { path: "tags", patch: { TagSet: [{ Key: "env", Value: "changed-in-console" }] } },
              ],
        connections: (state) => state.tencentcloud.connections,
        writeActions: api2 ? ["AddVpnConnEx", "ModifyVpnConnEx", "DeleteVpnConn"] : ["CreateVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection", "ModifyResourceTags"],
        adoptProperty: "adoptConnectionId",
        // API 2.0 accepts only a subset of the table's (API 3.0) enum values; its values are covered by the drift rows.
        sweep: !api2,
        // Values that need other settings: API generation, FQDN identities (names), route types (BGP, no SPD).
        sweepSkip: ["apiVersion", "ikeOptions.localIdentity", "ikeOptions.remoteIdentity", "routeType"],
        credentials: (cloud) => [fixtures(cloud).secretKey],
    };
}

describeEngineScenarios(kit("3.0"));
describeEngineScenarios(kit("2.0"));
