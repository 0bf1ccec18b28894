/**
 * Parity with the acceptance tests of `alicloud_vpn_connection` in aliyun/terraform-provider-alicloud
 * (`alicloud/resource_alicloud_vpn_connection_test.go`): every configuration step of the single-tunnel tests
 * TestAccAliCloudVPNConnectionBasic and TestAccAliCloudVPNConnection_basic2, translated into our args and run through
 * the hooks against the emulator with the real pop-core client. Each step: check, then create (first step) or
 * diff + update, then a read whose diff against the step's inputs is empty. Their test data carries over as values
 * (subnets, algorithms, lifetimes, identities, health-check and BGP settings); names are ours.
 *
 * Terraform's configurations accumulate: a step lists only what changes and keeps the rest of the previous step
 * (`REMOVEKEY` drops a key), so each step below spreads the previous one.
 *
 * Not translated (no assertion):
 * - the ImportState steps (`ImportStateVerify`): the nearest thing we have is a read of the ID, run after
 *   every step here; a lookup by ID is covered by vpnConnection.lookup.test.ts.
 * - the VPC, vSwitch, VPN gateway and customer gateway resources of the dependencies: the emulator's fixture
 *   gateways stand in for them.
 * - not managed yet: the dual-tunnel tests (TestAccAliCloudVPNGatewayVpnConnection_basic5678, _basic3783, _basic5663
 *   and their _twin variants) are not translated in this file; see the hand-back note of this change.
 */
import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { setStackConfig } from "../../../provider/core/config";
import { diffResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";

type Live = { id: string; inputs: Props; props: Props };

const GATEWAYS = { vpnGatewayId: "vpn-emu00000000000001", customerGatewayId: "cgw-emu00000000000001" };

describe("alicloud vpnConnection hooks: parity with terraform-provider-alicloud's acceptance tests (emulator, real pop-core)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(async () => {
        await cloud.control.reset();
        setStackConfig(undefined);
    });

    async function checked(olds: Props, news: Props): Promise<Props> {
        const result = await hooks.check(olds, news);
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    }

    /** Reads the connection back and asserts the step left nothing to change. */
    async function settled(id: string, outs: Props, inputs: Props): Promise<Live> {
        const read = await hooks.read(id, outs);
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, []);
        assert.equal((await hooks.diff(id, read.props!, inputs)).changes, false);
        return { id, inputs, props: read.props! };
    }

    async function created(raw: Props): Promise<Live> {
        const inputs = await checked({}, raw);
        const made = await hooks.create(inputs);
        return settled(made.id, made.outs, inputs);
    }

    /** Applies a next step in place; `changed` is what the diff must report (empty: the step is already true). */
    async function updated(live: Live, raw: Props, changed: string[]): Promise<Live> {
        const inputs = await checked(live.inputs, raw);
        const diff = await hooks.diff(live.id, live.props, inputs);
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, live.props, inputs).changedPaths.sort(), [...changed].sort());
        assert.equal(diff.changes, changed.length > 0);
        if (!diff.changes) return settled(live.id, live.props, inputs);
        const result = await hooks.update(live.id, live.props, inputs);
        return settled(live.id, result.outs, inputs);
    }

    const connections = async (): Promise<Props[]> => (await cloud.control.state<any>()).alicloud.connections as Props[];

    describe("TestAccAliCloudVPNConnectionBasic", () => {
        const STEP1: Props = {
            ...GATEWAYS,
            localSubnets: ["172.16.0.0/24", "172.16.1.0/24"],
            remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"],
            name: "tf-parity-basic",
        };
        const STEP3 = { ...STEP1, localSubnets: ["172.16.2.0/24"] };
        const STEP4 = { ...STEP3, remoteSubnets: ["10.4.0.0/24"] };
        const STEP5 = { ...STEP4, name: "tf-parity-basic_change" };
        const STEP6 = { ...STEP5, effectImmediately: true };
        const STEP7 = {
            ...STEP6,
            preSharedKey: "tf-testvpn2",
            ikeConfig: { ikeAuthAlg: "md5", ikeEncAlg: "des", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 86400, ikePfs: "group1", remoteId: "testbob2", localId: "testalice2" },
        };
        const STEP8 = { ...STEP7, ipsecConfig: { ipsecPfs: "group5", ipsecEncAlg: "des", ipsecAuthAlg: "md5", ipsecLifetime: 8640 } };
        // REMOVEKEY of effect_immediately, ike_config and ipsec_config; psk sits inside their ike_config.
        const { effectImmediately: _e, ikeConfig: _i, ipsecConfig: _p, preSharedKey: _k, ...step9Rest } = STEP8;
        const STEP9 = { ...step9Rest, name: "tf-parity-basic", localSubnets: STEP1.localSubnets, remoteSubnets: STEP1.remoteSubnets };

        it("can apply step 1 of TestAccAliCloudVPNConnectionBasic: two local and two remote subnets", async () => {
            // WHEN created
            const live = await created(STEP1);
            // THEN the cloud holds both lists
            assert.deepEqual([live.props.localSubnets, live.props.remoteSubnets], [STEP1.localSubnets, STEP1.remoteSubnets]);
            assert.equal((await connections()).length, 1);
        });

        it("can apply steps 3–9 of TestAccAliCloudVPNConnectionBasic in order, each in place and then without a diff", async () => {
            // GIVEN step 1
            let live = await created(STEP1);
            // WHEN step 3: one local subnet
            live = await updated(live, STEP3, ["localSubnets"]);
            assert.deepEqual(live.props.localSubnets, ["172.16.2.0/24"]);
            // WHEN step 4: one remote subnet
            live = await updated(live, STEP4, ["remoteSubnets"]);
            assert.deepEqual(live.props.remoteSubnets, ["10.4.0.0/24"]);
            // WHEN step 5: renamed
            live = await updated(live, STEP5, ["name"]);
            assert.equal(live.props.name, "tf-parity-basic_change");
            // WHEN step 6: effect immediately
            live = await updated(live, STEP6, ["effectImmediately"]);
            assert.equal(live.props.effectImmediately, true);
            // WHEN step 7: the IKE block (md5/des/ikev2/main/86400/group1, identities) and the key
            live = await updated(live, STEP7, ["preSharedKey", "ikeConfig.ikeEncAlg", "ikeConfig.ikeVersion", "ikeConfig.ikePfs", "ikeConfig.localId", "ikeConfig.remoteId"]);
            assert.deepEqual(live.props.ikeConfig, STEP7.ikeConfig);
            // WHEN step 8: the IPsec block (group5/des/md5/8640)
            live = await updated(live, STEP8, ["ipsecConfig.ipsecPfs", "ipsecConfig.ipsecEncAlg", "ipsecConfig.ipsecLifetime"]);
            assert.deepEqual(live.props.ipsecConfig, STEP8.ipsecConfig);
            // WHEN step 9: back to step 1's name and subnets, the blocks removed. Unlike Terraform's computed
            // ike_config/ipsec_config, our block fields carry the API's documented defaults, so removing the blocks
            // sets them back (ikev1/aes/group2, aes/group2/86400); the identities and the key are computed, so kept.
            live = await updated(live, STEP9, [
                "effectImmediately",
                "ikeConfig.ikeEncAlg",
                "ikeConfig.ikePfs",
                "ikeConfig.ikeVersion",
                "ipsecConfig.ipsecEncAlg",
                "ipsecConfig.ipsecLifetime",
                "ipsecConfig.ipsecPfs",
                "localSubnets",
                "name",
                "remoteSubnets",
            ]);
            assert.deepEqual([live.props.ikeConfig.ikeVersion, live.props.ipsecConfig.ipsecPfs, live.props.effectImmediately], ["ikev1", "group2", false]);
            // THEN still one connection, with step 1's subnets and name
            assert.deepEqual([live.props.name, live.props.localSubnets, live.props.remoteSubnets], [STEP1.name, STEP1.localSubnets, STEP1.remoteSubnets]);
            assert.equal((await connections()).length, 1);
        });
    });
    describe("TestAccAliCloudVPNConnection_basic2", () => {
        const STEP1: Props = {
            ...GATEWAYS,
            localSubnets: ["172.16.0.0/24", "172.16.1.0/24"],
            remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"],
            name: "tf-parity-basic2",
            effectImmediately: false,
            preSharedKey: "tf-testvpn2",
            ikeConfig: { ikeAuthAlg: "md5", ikeEncAlg: "des", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 86400, ikePfs: "group1", remoteId: "testbob2", localId: "testalice2" },
            ipsecConfig: { ipsecPfs: "group5", ipsecEncAlg: "des", ipsecAuthAlg: "md5", ipsecLifetime: 8640 },
        };
        const STEP2 = { ...STEP1, healthCheckConfig: { enable: true, dip: "10.0.0.1", sip: "192.168.1.1", interval: 10, retry: 10 } };
        const STEP3 = { ...STEP2, enableDpd: true };
        const STEP4 = { ...STEP3, enableNatTraversal: true };
        const STEP5 = { ...STEP4, bgpConfig: { enableBgp: true, localAsn: 45014, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" } };
        const STEP6 = { ...STEP5, enableDpd: false, enableNatTraversal: false, healthCheckConfig: { enable: false }, bgpConfig: { enableBgp: false } };

        it("can apply step 1 of TestAccAliCloudVPNConnection_basic2: subnets, key, IKE and IPsec blocks on create", async () => {
            // WHEN created
            const live = await created(STEP1);
            // THEN the cloud holds both blocks as given
            assert.deepEqual([live.props.ikeConfig, live.props.ipsecConfig, live.props.effectImmediately], [STEP1.ikeConfig, STEP1.ipsecConfig, false]);
        });

        it("can apply steps 2–6 of TestAccAliCloudVPNConnection_basic2 in order, each in place and then without a diff", async () => {
            // GIVEN step 1
            let live = await created(STEP1);
            // WHEN step 2: health check on (10.0.0.1 from 192.168.1.1, every 10 s, 10 retries)
            live = await updated(live, STEP2, ["healthCheckConfig.enable", "healthCheckConfig.dip", "healthCheckConfig.sip", "healthCheckConfig.interval", "healthCheckConfig.retry"]);
            assert.deepEqual(live.props.healthCheckConfig, STEP2.healthCheckConfig);
            // WHEN step 3: enable_dpd true, which is already the API's default (CreateVpnConnection EnableDpd), so no change
            live = await updated(live, STEP3, []);
            // WHEN step 4: enable_nat_traversal true, likewise the default (EnableNatTraversal)
            live = await updated(live, STEP4, []);
            // WHEN step 5: BGP on with local ASN 45014 in 169.254.11.0/30
            live = await updated(live, STEP5, ["bgpConfig.enableBgp", "bgpConfig.localAsn", "bgpConfig.tunnelCidr", "bgpConfig.localBgpIp"]);
            assert.deepEqual(live.props.bgpConfig, STEP5.bgpConfig);
            // WHEN step 6: DPD, NAT traversal, health check and BGP off; the health check's interval and retry,
            // left out as in their block, go back to the API's default of 3 (CreateVpnConnection HealthCheckConfig)
            live = await updated(live, STEP6, ["bgpConfig.enableBgp", "enableDpd", "enableNatTraversal", "healthCheckConfig.enable", "healthCheckConfig.interval", "healthCheckConfig.retry"]);
            // THEN all four are off on the one connection
            assert.deepEqual([live.props.enableDpd, live.props.enableNatTraversal, live.props.healthCheckConfig.enable, live.props.bgpConfig.enableBgp], [false, false, false, false]);
            assert.equal((await connections()).length, 1);
        });
    });
});
