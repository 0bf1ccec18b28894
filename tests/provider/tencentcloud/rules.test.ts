import assert from "node:assert/strict";
import { Props, UNKNOWN } from "../../../provider/core/schema";
import { trafficRules } from "../../../provider/tencentcloud/rules";
import { check } from "../../../provider/tencentcloud/vpnConnection";
import { VALID } from "./fixtures";

async function failures(raw: Props): Promise<{ property: string; reason: string }[]> {
    return (await check({}, raw)).failures ?? [];
}
const propertiesOf = async (raw: Props) => (await failures(raw)).map((f) => f.property);
const reasonOf = async (raw: Props, property: string) => (await failures(raw)).find((f) => f.property === property)?.reason ?? "";
const ike = (extra: Props): Props => ({ ...VALID, ikeOptions: { ...(VALID.ikeOptions as Props), ...extra } });

describe("tencentcloud rules", () => {
    describe("IKE identities", () => {
        it("can leave localAddress unset with ADDRESS (it defaults to the gateway's public IP, AddVpnConnEx)", async () => {
            // GIVEN the smallest valid inputs, which set no localAddress
            // WHEN checked
            // THEN nothing fails
            assert.deepEqual(await propertiesOf(VALID), []);
        });

        it("fails when remoteIdentity is ADDRESS and remoteAddress is missing", async () => {
            // GIVEN IKE options without a remote address (remoteIdentity defaults to ADDRESS)
            const raw = { ...VALID, ikeOptions: {} };
            // WHEN checked
            // THEN remoteAddress is named, with the rule
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.remoteAddress"]);
            assert.match(await reasonOf(raw, "ikeOptions.remoteAddress"), /required when ikeOptions\.remoteIdentity is ADDRESS/);
        });

        it("fails when localIdentity is FQDN and localFqdnName is missing", async () => {
            // GIVEN a local FQDN identity without its name
            const raw = ike({ localIdentity: "FQDN" });
            // WHEN checked
            // THEN localFqdnName is named, with the rule
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.localFqdnName"]);
            assert.match(await reasonOf(raw, "ikeOptions.localFqdnName"), /required when ikeOptions\.localIdentity is FQDN/);
        });

        it("fails when remoteIdentity is FQDN and remoteFqdnName is missing, whatever the local side says", async () => {
            // GIVEN a local ADDRESS identity (Terraform checked LocalIdentity for the remote side, `resource_tc_vpn_connection.go`)
            const raw = { ...VALID, ikeOptions: { localIdentity: "ADDRESS", remoteIdentity: "FQDN" } };
            // WHEN checked
            // THEN the remote FQDN name is what is missing
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.remoteFqdnName"]);
        });

        it("can use FQDN identities on both sides", async () => {
            // GIVEN FQDN identities with their names on both sides (one spelled in lower case)
            const raw = { ...VALID, ikeOptions: { localIdentity: "fqdn", localFqdnName: "vpc.example.com", remoteIdentity: "FQDN", remoteFqdnName: "idc.example.com", exchangeMode: "AGGRESSIVE" } };
            // WHEN checked
            // THEN nothing fails
            assert.deepEqual(await propertiesOf(raw), []);
        });

        it("fails when an identity value of the other identity type is given", async () => {
            // GIVEN a local FQDN name beside an ADDRESS identity, and a remote address beside an FQDN identity
            const local = ike({ localFqdnName: "vpc.example.com" });
            const remote = { ...VALID, ikeOptions: { remoteIdentity: "FQDN", remoteFqdnName: "idc.example.com", remoteAddress: "198.51.100.11" } };
            // WHEN checked
            // THEN the value of the wrong type is named
            assert.deepEqual(await propertiesOf(local), ["ikeOptions.localFqdnName"]);
            assert.deepEqual(await propertiesOf(remote), ["ikeOptions.remoteAddress"]);
        });
    });

    describe("traffic selectors", () => {
        it("can judge policies of any shape without throwing (the field table names what is wrong)", () => {
            // GIVEN normalized inputs whose policies lost their lists or hold non-strings
            const shapes = [[{ localCidrBlock: "10.0.0.0/24" }], [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: [null, 7] }], [null], [{ localCidrBlock: 5, remoteCidrBlocks: "x" }]];
            for (const securityPolicyDatabases of shapes) {
                // WHEN the cross-field rules judge them
                // THEN they skip them instead of throwing
                assert.deepEqual(trafficRules({ securityPolicyDatabases, routeType: "STATIC" }), [], JSON.stringify(securityPolicyDatabases));
            }
        });

        it("fails when routeType is Bgp without bgpConfig, naming bgpConfig", async () => {
            // GIVEN a BGP route type and no peering
            const raw = { ...VALID, securityPolicyDatabases: undefined, routeType: "Bgp" };
            // WHEN checked
            // THEN bgpConfig is required, with its fields
            assert.deepEqual(await propertiesOf(raw), ["bgpConfig"]);
            assert.match(await reasonOf(raw, "bgpConfig"), /is required when routeType is Bgp \(give tunnelCidr, localBgpIp and remoteBgpIp\)/);
        });

        it("can route by BGP with a complete bgpConfig and no policies", async () => {
            // GIVEN a BGP tunnel
            const raw = { ...VALID, securityPolicyDatabases: undefined, routeType: "bgp", bgpConfig: { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1", remoteBgpIp: "169.254.10.2" } };
            // WHEN checked
            const out = await check({}, raw);
            // THEN nothing fails and the route type takes its canonical spelling
            assert.deepEqual(out.failures ?? [], []);
            assert.equal(out.inputs.routeType, "Bgp");
        });

        it("fails when neither securityPolicyDatabases nor userGwCidrBlocks is given (AddVpnConnEx)", async () => {
            // GIVEN a policy-routed tunnel without traffic selectors
            const raw = { ...VALID, securityPolicyDatabases: undefined };
            // WHEN checked
            // THEN the policies are named, with the alternative
            assert.deepEqual(await propertiesOf(raw), ["securityPolicyDatabases"]);
            assert.match(await reasonOf(raw, "securityPolicyDatabases"), /or userGwCidrBlocks is required/);
        });

        it("can route by destination or BGP without policies", async () => {
            // GIVEN a route-based tunnel without policies
            const raw = { ...VALID, securityPolicyDatabases: undefined, routeType: "StaticRoute" };
            // WHEN checked
            // THEN nothing fails
            assert.deepEqual(await propertiesOf(raw), []);
        });

        it("can use userGwCidrBlocks instead of policies", async () => {
            // GIVEN IDC CIDRs in place of policies
            const raw = { ...VALID, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24"] };
            // WHEN checked
            // THEN nothing fails
            assert.deepEqual(await propertiesOf(raw), []);
        });

        it("fails when both securityPolicyDatabases and userGwCidrBlocks are given", async () => {
            // GIVEN policies and IDC CIDRs together
            const raw = { ...VALID, userGwCidrBlocks: ["10.56.20.0/24"] };
            // WHEN checked
            // THEN the second form is named
            assert.deepEqual(await propertiesOf(raw), ["userGwCidrBlocks"]);
        });

        it("fails when a local CIDR repeats or overlaps its remote CIDRs", async () => {
            // GIVEN two policies for the same local CIDR, the second reaching a range that holds it
            const raw = {
                ...VALID,
                securityPolicyDatabases: [
                    { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] },
                    { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["10.0.0.0/16"] },
                ],
            };
            // WHEN checked
            // THEN the repeated local CIDR and the overlapping remote one are named
            assert.deepEqual((await propertiesOf(raw)).sort(), ["securityPolicyDatabases[0].remoteCidrBlocks[0]", "securityPolicyDatabases[1].localCidrBlock"]);
            assert.match(await reasonOf(raw, "securityPolicyDatabases[0].remoteCidrBlocks[0]"), /overlaps/);
        });

        it("fails when userGwCidrBlocks has no VPC to pair with in API 3.0", async () => {
            // GIVEN IDC CIDRs and no VPC
            const raw = { ...VALID, vpcId: undefined, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24"] };
            // WHEN checked
            // THEN vpcId is named
            assert.deepEqual(await propertiesOf(raw), ["vpcId"]);
        });
    });

    describe("DPD and health checks", () => {
        it("fails when dpdTimeout or dpdAction is set while DPD is off", async () => {
            // GIVEN DPD settings without dpdEnable
            const raw = { ...VALID, dpdTimeout: 30, dpdAction: "clear" };
            // WHEN checked, then checked with DPD on
            // THEN both settings are named until DPD is enabled
            assert.deepEqual(await propertiesOf(raw), ["dpdTimeout", "dpdAction"]);
            assert.match(await reasonOf(raw, "dpdTimeout"), /only allowed when dpdEnable is true/);
            assert.deepEqual(await propertiesOf({ ...raw, dpdEnable: true }), []);
        });

        it("fails when health checks are on for a policy-based tunnel", async () => {
            // GIVEN health checks on a policy-based tunnel, and on a route-based one
            const policyBased = { ...VALID, enableHealthCheck: true };
            const routeBased = { ...VALID, securityPolicyDatabases: undefined, routeType: "StaticRoute", enableHealthCheck: true };
            // WHEN checked
            // THEN only the policy-based one fails
            assert.deepEqual(await propertiesOf(policyBased), ["enableHealthCheck"]);
            assert.deepEqual(await propertiesOf(routeBased), []);
        });

        it("fails when both health-check addresses are the same", async () => {
            // GIVEN the same local and remote health-check address
            const raw = { ...VALID, healthCheckLocalIp: "169.254.128.1", healthCheckRemoteIp: "169.254.128.1" };
            // WHEN checked
            // THEN the remote address is named
            assert.deepEqual(await propertiesOf(raw), ["healthCheckRemoteIp"]);
        });
    });

    describe("apiVersion 2.0", () => {
        const withApi2 = (extra: Props): Props => ({ ...VALID, apiVersion: "2.0", ...extra });

        it("can accept what AddVpnConnEx allows", async () => {
            // GIVEN an API 2.0 connection with a traffic lifetime and an algorithm only 2.0 documents
            const raw = withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 604800, integrityAlgorithm: "md5" } });
            // WHEN checked
            // THEN nothing fails
            assert.deepEqual(await propertiesOf(raw), []);
        });

        it("fails when an algorithm or group exists only in API 3.0, naming 2.0's values", async () => {
            // GIVEN one 3.0-only value per field, with 2.0's allowed values
            const cases: [Props, string, RegExp][] = [
                [{ ikeOptions: { remoteAddress: "198.51.100.11", propoEncryAlgorithm: "AES128GCM128" } }, "ikeOptions.propoEncryAlgorithm", /3DES-CBC, AES-CBC-128, AES-CBC-192, AES-CBC-256, DES-CBC with apiVersion "2\.0"/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", propoAuthenAlgorithm: "SHA-256" } }, "ikeOptions.propoAuthenAlgorithm", /MD5, SHA with/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", dhGroupName: "GROUP19" } }, "ikeOptions.dhGroupName", /GROUP1, GROUP2, GROUP5, GROUP14, GROUP24/],
                [{ ipsecOptions: { encryptAlgorithm: "SM4" } }, "ipsecOptions.encryptAlgorithm", /NULL with/],
                [{ ipsecOptions: { integrityAlgorithm: "SHA-256" } }, "ipsecOptions.integrityAlgorithm", /MD5, SHA1 with/],
                [{ ipsecOptions: { pfsDhGroup: "DH-GROUP19" } }, "ipsecOptions.pfsDhGroup", /DH-GROUP24 with/],
                [{ ipsecOptions: { ipsecSaLifetimeTraffic: 604801 } }, "ipsecOptions.ipsecSaLifetimeTraffic", /between 2560 and 604800 .* or the API default 4096000000/],
            ];
            for (const [extra, property, allowed] of cases) {
                // WHEN checked with API 2.0
                // THEN the field is named with the values 2.0 allows
                assert.deepEqual(await propertiesOf(withApi2(extra)), [property], property);
                assert.match(await reasonOf(withApi2(extra), property), allowed);
            }
        });

        it("fails when a 3.0-only property is set to anything but its default", async () => {
            // GIVEN API 2.0 inputs setting four 3.0-only properties
            const raw = withApi2({ routeType: "Policy", negotiationType: "passive", dpdEnable: true, ikeOptions: { remoteAddress: "198.51.100.11", ikeVersion: "IKEV2" } });
            // WHEN checked, and a health-check address alone
            // THEN each is named, saying how to keep it or switch to 3.0
            assert.deepEqual((await propertiesOf(raw)).sort(), ["dpdEnable", "ikeOptions.ikeVersion", "negotiationType", "routeType"]);
            assert.match(await reasonOf(raw, "routeType"), /not supported by API 2\.0.*leave it unset or "STATIC", or use apiVersion "3\.0"/);
            assert.deepEqual(await propertiesOf(withApi2({ healthCheckLocalIp: "169.254.128.1" })), ["healthCheckLocalIp"]);
        });

        it("fails when ipsecSaLifetimeTraffic goes back to its default (ModifyVpnConnEx cannot send it)", async () => {
            // GIVEN an API 2.0 connection whose previous inputs set a traffic lifetime, and new inputs that leave it unset or give the default
            const olds = (await check({}, withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 500000 } }))).inputs!;
            for (const ipsecOptions of [undefined, { ipsecSaLifetimeTraffic: 4096000000 }]) {
                // WHEN checked against those previous inputs
                const result = await check(olds, withApi2({ ipsecOptions }));
                // THEN the field is named, saying why and what to do instead
                const failures = result.failures ?? [];
                assert.deepEqual(failures.map((f) => f.property), ["ipsecOptions.ipsecSaLifetimeTraffic"]);
                assert.match(failures[0].reason, /API 2\.0|apiVersion "2\.0"/);
                assert.match(failures[0].reason, /ModifyVpnConnEx cannot send 4096000000 \(its range is 2560–604800\)/);
                assert.match(failures[0].reason, /set a value in 2560–604800, or use apiVersion "3\.0"/);
            }
        });

        it("can leave ipsecSaLifetimeTraffic at its default, change it in range, or reset it with API 3.0", async () => {
            // GIVEN previous API 2.0 inputs at the default and at 500000
            const atDefault = (await check({}, withApi2({}))).inputs!;
            const set = (await check({}, withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 500000 } }))).inputs!;
            // WHEN checked: unchanged default, a new in-range value, a reset with API 3.0, and a new resource
            const results = [
                await check(atDefault, withApi2({})),
                await check(set, withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 2560 } })),
                await check(set, { ...VALID }),
                await check({}, withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 4096000000 } })),
            ];
            // THEN none fails
            assert.deepEqual(results.map((r) => r.failures ?? []), [[], [], [], []]);
        });

        it("fails when vpcId is missing or the region has no 2.0 code", async () => {
            // GIVEN API 2.0 inputs without a VPC, and in a region 2.0 has no code for
            const noVpc = withApi2({ vpcId: undefined });
            const raw = withApi2({ region: "ap-tokyo" });
            // WHEN checked
            // THEN vpcId, then region (with a region that has a code) are named
            assert.deepEqual(await propertiesOf(noVpc), ["vpcId"]);
            assert.deepEqual(await propertiesOf(raw), ["region"]);
            assert.match(await reasonOf(raw, "region"), /ap-guangzhou/);
        });
    });

    it("can skip rules on values unknown during a preview", async () => {
        // GIVEN policies and an identity not known yet
        const raw = { ...VALID, securityPolicyDatabases: UNKNOWN, ikeOptions: { remoteIdentity: UNKNOWN } };
        // WHEN checked
        // THEN no rule fails on them
        assert.deepEqual(await propertiesOf(raw), []);
    });
});
