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
            assert.deepEqual(await propertiesOf(VALID), []);
        });

        it("fails when remoteIdentity is ADDRESS and remoteAddress is missing", async () => {
            const raw = { ...VALID, ikeOptions: {} };
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.remoteAddress"]);
            assert.match(await reasonOf(raw, "ikeOptions.remoteAddress"), /required when ikeOptions\.remoteIdentity is ADDRESS/);
        });

        it("fails when localIdentity is FQDN and localFqdnName is missing", async () => {
            const raw = ike({ localIdentity: "FQDN" });
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.localFqdnName"]);
            assert.match(await reasonOf(raw, "ikeOptions.localFqdnName"), /required when ikeOptions\.localIdentity is FQDN/);
        });

        it("fails when remoteIdentity is FQDN and remoteFqdnName is missing, whatever the local side says", async () => {
            // GIVEN a local ADDRESS identity (Terraform checked LocalIdentity for the remote side, `resource_tc_vpn_connection.go`)
            const raw = { ...VALID, ikeOptions: { localIdentity: "ADDRESS", remoteIdentity: "FQDN" } };
            // THEN the remote FQDN name is what is missing
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.remoteFqdnName"]);
        });

        it("can use FQDN identities on both sides", async () => {
            const raw = { ...VALID, ikeOptions: { localIdentity: "fqdn", localFqdnName: "vpc.example.com", remoteIdentity: "FQDN", remoteFqdnName: "idc.example.com", exchangeMode: "AGGRESSIVE" } };
            assert.deepEqual(await propertiesOf(raw), []);
        });

        it("fails when an identity value of the other identity type is given", async () => {
            assert.deepEqual(await propertiesOf(ike({ localFqdnName: "vpc.example.com" })), ["ikeOptions.localFqdnName"]);
            const raw = { ...VALID, ikeOptions: { remoteIdentity: "FQDN", remoteFqdnName: "idc.example.com", remoteAddress: "198.51.100.11" } };
            assert.deepEqual(await propertiesOf(raw), ["ikeOptions.remoteAddress"]);
        });
    });

    describe("traffic selectors", () => {
        it("can judge policies of any shape without throwing (the field table names what is wrong)", () => {
            // GIVEN normalized inputs whose policies lost their lists or hold non-strings
            const shapes = [[{ localCidrBlock: "10.0.0.0/24" }], [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: [null, 7] }], [null], [{ localCidrBlock: 5, remoteCidrBlocks: "x" }]];
            // THEN the cross-field rules skip them instead of throwing
            for (const securityPolicyDatabases of shapes) assert.deepEqual(trafficRules({ securityPolicyDatabases, routeType: "STATIC" }), [], JSON.stringify(securityPolicyDatabases));
        });

        it("fails when routeType is Bgp, listing the supported route types", async () => {
            const raw = { ...VALID, routeType: "Bgp" };
            assert.deepEqual(await propertiesOf(raw), ["routeType"]);
            assert.match(await reasonOf(raw, "routeType"), /must be one of STATIC, StaticRoute, Policy: Bgp is not supported yet \(a BGP tunnel needs BgpConfig/);
        });

        it("fails when neither securityPolicyDatabases nor userGwCidrBlocks is given (AddVpnConnEx)", async () => {
            const raw = { ...VALID, securityPolicyDatabases: undefined };
            assert.deepEqual(await propertiesOf(raw), ["securityPolicyDatabases"]);
            assert.match(await reasonOf(raw, "securityPolicyDatabases"), /or userGwCidrBlocks is required/);
        });

        it("can route by destination or BGP without policies", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, securityPolicyDatabases: undefined, routeType: "StaticRoute" }), []);
        });

        it("can use userGwCidrBlocks instead of policies", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24"] }), []);
        });

        it("fails when both securityPolicyDatabases and userGwCidrBlocks are given", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, userGwCidrBlocks: ["10.56.20.0/24"] }), ["userGwCidrBlocks"]);
        });

        it("fails when a local CIDR repeats or overlaps its remote CIDRs", async () => {
            const raw = {
                ...VALID,
                securityPolicyDatabases: [
                    { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] },
                    { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["10.0.0.0/16"] },
                ],
            };
            assert.deepEqual((await propertiesOf(raw)).sort(), ["securityPolicyDatabases[0].remoteCidrBlocks[0]", "securityPolicyDatabases[1].localCidrBlock"]);
            assert.match(await reasonOf(raw, "securityPolicyDatabases[0].remoteCidrBlocks[0]"), /overlaps/);
        });

        it("fails when userGwCidrBlocks has no VPC to pair with in API 3.0", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, vpcId: undefined, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24"] }), ["vpcId"]);
        });
    });

    describe("DPD and health checks", () => {
        it("fails when dpdTimeout or dpdAction is set while DPD is off", async () => {
            const raw = { ...VALID, dpdTimeout: 30, dpdAction: "clear" };
            assert.deepEqual(await propertiesOf(raw), ["dpdTimeout", "dpdAction"]);
            assert.match(await reasonOf(raw, "dpdTimeout"), /only allowed when dpdEnable is true/);
            assert.deepEqual(await propertiesOf({ ...raw, dpdEnable: true }), []);
        });

        it("fails when health checks are on for a policy-based tunnel", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, enableHealthCheck: true }), ["enableHealthCheck"]);
            assert.deepEqual(await propertiesOf({ ...VALID, securityPolicyDatabases: undefined, routeType: "StaticRoute", enableHealthCheck: true }), []);
        });

        it("fails when both health-check addresses are the same", async () => {
            assert.deepEqual(await propertiesOf({ ...VALID, healthCheckLocalIp: "169.254.128.1", healthCheckRemoteIp: "169.254.128.1" }), ["healthCheckRemoteIp"]);
        });
    });

    describe("apiVersion 2.0", () => {
        const withApi2 = (extra: Props): Props => ({ ...VALID, apiVersion: "2.0", ...extra });

        it("can accept what AddVpnConnEx allows", async () => {
            assert.deepEqual(await propertiesOf(withApi2({ ipsecOptions: { ipsecSaLifetimeTraffic: 604800, integrityAlgorithm: "md5" } })), []);
        });

        it("fails when an algorithm or group exists only in API 3.0, naming 2.0's values", async () => {
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
                assert.deepEqual(await propertiesOf(withApi2(extra)), [property], property);
                assert.match(await reasonOf(withApi2(extra), property), allowed);
            }
        });

        it("fails when a 3.0-only property is set to anything but its default", async () => {
            const raw = withApi2({ routeType: "Policy", negotiationType: "passive", dpdEnable: true, ikeOptions: { remoteAddress: "198.51.100.11", ikeVersion: "IKEV2" } });
            assert.deepEqual((await propertiesOf(raw)).sort(), ["dpdEnable", "ikeOptions.ikeVersion", "negotiationType", "routeType"]);
            assert.match(await reasonOf(raw, "routeType"), /not supported by API 2\.0.*leave it unset or "STATIC", or use apiVersion "3\.0"/);
            assert.deepEqual(await propertiesOf(withApi2({ healthCheckLocalIp: "169.254.128.1" })), ["healthCheckLocalIp"]);
        });

        it("fails when vpcId is missing or the region has no 2.0 code", async () => {
            assert.deepEqual(await propertiesOf(withApi2({ vpcId: undefined })), ["vpcId"]);
            const raw = withApi2({ region: "ap-tokyo" });
            assert.deepEqual(await propertiesOf(raw), ["region"]);
            assert.match(await reasonOf(raw, "region"), /ap-guangzhou/);
        });
    });

    it("can skip rules on values unknown during a preview", async () => {
        const raw = { ...VALID, securityPolicyDatabases: UNKNOWN, ikeOptions: { remoteIdentity: UNKNOWN } };
        assert.deepEqual(await propertiesOf(raw), []);
    });
});
