/**
 * Parity with the acceptance test of `tencentcloud_vpn_connection` in tencentcloudstack/terraform-provider-tencentcloud
 * (`tencentcloud/services/vpn/resource_tc_vpn_connection_test.go`, TestAccTencentCloudVpnConnectionResource_basic):
 * its four configurations, translated into our args and run in order through the hooks against the emulator with the
 * real tencentcloud-sdk-nodejs client. Each step: check, then create (first step) or diff + update (or replace, where
 * our schema forces a new connection), then a read whose diff against the step's inputs is empty. Their values carry
 * over (algorithms, lifetimes, DPD, policy CIDRs, tags); names and gateways are the emulator's.
 *
 * Refused: step 2 sets `dpd_timeout`/`dpd_action` with `dpd_enable = 0`. CreateVpnConnection documents both as taking
 * effect only when DpdEnable is 1 (https://www.tencentcloud.com/document/api/215/17522), so `check` refuses them there;
 * the step is then applied without them.
 *
 * Not translated (no assertion):
 * - the customer gateway's `public_ip_address`, which changes in every step (10.3.3.14 → .15 → .16 → .17) and so
 *   replaces their `tencentcloud_vpn_customer_gateway`: customer gateways are not a resource of ours, the emulator's
 *   fixture gateway stands in, and `ikeOptions.remoteAddress` follows its address (198.51.100.11) in every step.
 * - the VPC data source and the VPN gateway resource: the emulator's fixtures (`vpc-emu00001`, `vpngw-emu0001`,
 *   public IP 203.0.113.11, which `ike_local_address` refers to).
 */
import assert from "node:assert/strict";
import { stepRunner } from "../../support/terraformSteps";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";

// Test data: records of any values (the core `Props` is `unknown`-valued).
type Props = Record<string, any>;

const PROVIDER = "serialized-provider-text";

const STEP1: Props = {
    region: "ap-guangzhou",
    name: "vpn_connection_test",
    vpcId: "vpc-emu00001",
    vpnGatewayId: "vpngw-emu0001",
    customerGatewayId: "cgw-emu0001",
    preSharedKey: "test",
    ikeOptions: {
        propoEncryAlgorithm: "3DES-CBC",
        propoAuthenAlgorithm: "MD5",
        localIdentity: "ADDRESS",
        localAddress: "203.0.113.11",
        remoteIdentity: "ADDRESS",
        remoteAddress: "198.51.100.11",
        dhGroupName: "GROUP1",
        ikeSaLifetimeSeconds: 86400,
        ikeVersion: "IKEV1",
    },
    ipsecOptions: { encryptAlgorithm: "3DES-CBC", integrityAlgorithm: "MD5", ipsecSaLifetimeSeconds: 3600, pfsDhGroup: "DH-GROUP1", ipsecSaLifetimeTraffic: 2560 },
    dpdEnable: true,
    dpdTimeout: 30,
    dpdAction: "clear",
    securityPolicyDatabases: [{ localCidrBlock: "172.16.0.0/16", remoteCidrBlocks: ["3.3.3.0/32"] }],
    tags: { test: "test" },
};
const STEP2: Props = {
    ...STEP1,
    name: "vpn_connection_test2",
    preSharedKey: "testt",
    ikeOptions: { ...STEP1.ikeOptions, propoAuthenAlgorithm: "SHA", exchangeMode: "AGGRESSIVE", dhGroupName: "GROUP2", ikeVersion: "IKEV2", ikeSaLifetimeSeconds: 86401 },
    ipsecOptions: { ...STEP1.ipsecOptions, integrityAlgorithm: "SHA1", ipsecSaLifetimeSeconds: 7200, pfsDhGroup: "NULL", ipsecSaLifetimeTraffic: 2570 },
    dpdEnable: false,
    dpdTimeout: 30,
    dpdAction: "clear",
    securityPolicyDatabases: [{ localCidrBlock: "172.16.0.0/16", remoteCidrBlocks: ["3.3.3.0/26"] }],
    tags: { test: "testt" },
    enableHealthCheck: false,
};
const { dpdTimeout: _t, dpdAction: _a, ...STEP2_ALLOWED } = STEP2;
const STEP3: Props = { ...STEP2, dpdEnable: true, dpdTimeout: 40, dpdAction: "restart" };
const { securityPolicyDatabases: _s, ...step3Rest } = STEP3;
const STEP4: Props = { ...step3Rest, routeType: "StaticRoute" };

describe("tencentcloud VpnConnection hooks: parity with terraform-provider-tencentcloud's acceptance test (emulator, real SDK)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(() => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const { checked, settled, created, updated } = stepRunner(hooks, SCHEMA);

    const connections = async (): Promise<Props[]> => (await cloud.control.state<any>()).tencentcloud.connections as Props[];

    it("can apply step 1 of TestAccTencentCloudVpnConnectionResource_basic: 3DES/MD5 IKEv1 and IPsec, DPD clear after 30 s, one policy, a tag", async () => {
        // WHEN created
        const live = await created(STEP1);
        // THEN the cloud holds the step's settings
        assert.deepEqual([live.props.ikeOptions.dhGroupName, live.props.ipsecOptions.pfsDhGroup, live.props.dpdTimeout, live.props.dpdAction], ["GROUP1", "DH-GROUP1", 30, "clear"]);
        assert.deepEqual(live.props.tags, { test: "test" });
        assert.equal((await connections()).length, 1);
    });

    it("fails at step 2 of TestAccTencentCloudVpnConnectionResource_basic: dpdTimeout and dpdAction with dpdEnable false, naming both", async () => {
        // GIVEN step 1
        const live = await created(STEP1);
        // WHEN step 2 is checked as written (dpd_enable = 0 beside dpd_timeout = 30, dpd_action = clear)
        const result = await hooks.check(live.inputs, { ...STEP2, __provider: PROVIDER });
        // THEN both are refused: they apply only with DpdEnable 1 (https://www.tencentcloud.com/document/api/215/17522)
        assert.deepEqual((result.failures ?? []).map((failure) => failure.property).sort(), ["dpdAction", "dpdTimeout"]);
    });

    it("can apply steps 2–3 of TestAccTencentCloudVpnConnectionResource_basic in place, then step 4 by replacement", async () => {
        // GIVEN step 1
        let live = await created(STEP1);
        // WHEN step 2, without the DPD settings refused above: renamed, new key, SHA/aggressive/GROUP2/IKEv2/86401 s,
        // SHA1/no PFS/7200 s/2570 KB, DPD off, a /26 remote policy, the tag changed, health check off (its default)
        live = await updated(live, STEP2_ALLOWED, [
            "name",
            "preSharedKey",
            "ikeOptions.propoAuthenAlgorithm",
            "ikeOptions.exchangeMode",
            "ikeOptions.dhGroupName",
            "ikeOptions.ikeVersion",
            "ikeOptions.ikeSaLifetimeSeconds",
            "ipsecOptions.integrityAlgorithm",
            "ipsecOptions.ipsecSaLifetimeSeconds",
            "ipsecOptions.pfsDhGroup",
            "ipsecOptions.ipsecSaLifetimeTraffic",
            "dpdEnable",
            "securityPolicyDatabases",
            "tags",
        ]);
        assert.deepEqual([live.props.ikeOptions.ikeVersion, live.props.ipsecOptions.pfsDhGroup, live.props.dpdEnable], ["IKEV2", "NULL", false]);
        // WHEN step 3: DPD on again, restart after 40 s
        live = await updated(live, STEP3, ["dpdEnable", "dpdTimeout", "dpdAction"]);
        assert.deepEqual([live.props.dpdEnable, live.props.dpdTimeout, live.props.dpdAction], [true, 40, "restart"]);
        // WHEN step 4: destination routing (StaticRoute) without policies; RouteType is not among
        // ModifyVpnConnectionAttribute's parameters (https://www.tencentcloud.com/document/api/215/17508), so it replaces
        const inputs = await checked(live.inputs, STEP4);
        const diff = await hooks.diff(live.id, live.props, inputs);
        assert.ok(diff.replaces?.includes("routeType"), `replaces ${JSON.stringify(diff.replaces)}`);
        const made = await hooks.create(inputs);
        await hooks.remove(live.id, live.props);
        const replaced = await settled(made.id, made.outs, inputs);
        // THEN one connection remains, the new one, destination-routed with step 3's DPD settings
        assert.deepEqual([replaced.props.routeType, replaced.props.dpdTimeout, replaced.props.dpdAction], ["StaticRoute", 40, "restart"]);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [made.id]);
    });
});
