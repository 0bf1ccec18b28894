/**
 * Parity with the acceptance tests of `alicloud_vpn_connection` in aliyun/terraform-provider-alicloud
 * (`alicloud/resource_alicloud_vpn_connection_test.go`): the configuration steps of TestAccAliCloudVPNConnectionBasic,
 * _basic2, TestAccAliCloudVPNGatewayVpnConnection_basic5678, _basic3783, _basic5663 and the three _twin tests,
 * translated into our args and run in order through the hooks against the emulator with the real pop-core client.
 * Each step: check, then create (first step) or diff + update (or a replacement where our schema forces one), then a
 * read whose diff against the step's inputs is empty. Their values carry over; names and gateways are the emulator's.
 *
 * Terraform's configurations accumulate: a step lists only what changes and keeps the rest of the previous step
 * (`REMOVEKEY` drops a key), so each step below spreads the previous one. Nothing in them is refused by our checks.
 *
 * Not translated (no assertion):
 * - the ImportState steps (`ImportStateVerify`; e.g. step 2 of Basic, step 7 of basic2, the last of every other
 *   test): the nearest thing we have is a read of the ID, run after every step here; lookups by ID are covered by
 *   vpnConnection.lookup.test.ts.
 * - the VPC, vSwitch, VPN gateway and customer gateway resources of the dependencies: the emulator's fixtures stand in.
 * - not managed as an input: `network_type` (step 1 `public`, step 3 `private` of basic5678); ours is an output, since
 *   a connection made by CreateVpnConnection is reported, not chosen. Step 3 sets only it, so it asserts nothing.
 */
import assert from "node:assert/strict";
import { stepRunner } from "../../support/terraformSteps";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { diffResource } from "../../../provider/core/resource";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { TestCloud } from "../../support/cloudEnv";
import { useTestCloud } from "../../support/hookSuite";
import { BASIC_5663_STEPS, TUNNEL_BGP_30, TUNNEL_BGP_40 } from "./terraformParitySteps";

// Test data: records of any values (the core `Props` is `unknown`-valued).
type Props = Record<string, any>;


const GATEWAYS = { vpnGatewayId: "vpn-emu00000000000001", customerGatewayId: "cgw-emu00000000000001" };

describe("alicloud vpnConnection hooks: parity with terraform-provider-alicloud's acceptance tests (emulator, real pop-core)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;
    useTestCloud((started) => (cloud = started));

    const { checked, settled, created, updated } = stepRunner(hooks, VPN_CONNECTION_SCHEMA);

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
    describe("TestAccAliCloudVPNGatewayVpnConnection_basic5678", () => {
        const tunnel = (role: string, ike: Props, ipsec: Props, bgpConfig: Props): Props => ({
            role,
            bgpConfig,
            customerGatewayId: cloud.alicloud.customerGatewayIds[0],
            preSharedKey: "12345678",
            ikeConfig: { ikeAuthAlg: "md5", ikeEncAlg: "aes256", ikeMode: "aggressive", ikeVersion: "ikev2", localId: "localid_tunnel2", ...ike },
            ipsecConfig: { ipsecAuthAlg: "md5", ipsecEncAlg: "aes256", ...ipsec },
        });
        const step1 = (): Props => ({
            vpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
            localSubnets: ["3.0.0.0/24"],
            remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"],
            name: "tf-parity-5678",
            tunnels: [
                tunnel("master", { ikeLifetime: 3600, ikePfs: "group14", remoteId: "remote2" }, { ipsecLifetime: 16400, ipsecPfs: "group5" }, TUNNEL_BGP_30),
                tunnel("slave", { ikeLifetime: 27000, ikePfs: "group5", remoteId: "remote24" }, { ipsecLifetime: 2700, ipsecPfs: "group14" }, TUNNEL_BGP_40),
            ],
        });

        it("can apply step 1 of TestAccAliCloudVPNGatewayVpnConnection_basic5678: two tunnels to one customer gateway, aes256 and aggressive mode", async () => {
            // WHEN created
            const live = await created(step1());
            // THEN both tunnels hold their own lifetimes, groups and BGP settings
            const [master, slave] = live.props.tunnels;
            assert.deepEqual([master.ikeConfig.ikeLifetime, master.ipsecConfig.ipsecPfs, slave.ikeConfig.ikePfs, slave.ipsecConfig.ipsecLifetime, master.bgpConfig, slave.bgpConfig], [3600, "group5", "group5", 2700, TUNNEL_BGP_30, TUNNEL_BGP_40]);
        });

        it("can apply step 1 of TestAccAliCloudVPNGatewayVpnConnection_basic5678_twin: the two tunnels with DPD and NAT traversal stated and two tags", async () => {
            // GIVEN step 1 of basic5678 with tunnel BGP on, the master's switches stated and tags
            const [master, slave] = step1().tunnels;
            const raw = { ...step1(), enableTunnelsBgp: true, tunnels: [{ ...master, enableDpd: true, enableNatTraversal: true }, slave], tags: { Created: "TF", For: "Test" } };
            // WHEN created
            const live = await created(raw);
            // THEN the tags, the master's switches and tunnel BGP are held
            const [m, bgp] = [live.props.tunnels[0], live.props.tunnels.map((t: Props) => t.bgpConfig)];
            assert.deepEqual([live.props.tags, m.enableDpd, m.enableNatTraversal, live.props.enableTunnelsBgp, bgp], [{ Created: "TF", For: "Test" }, true, true, true, [TUNNEL_BGP_30, TUNNEL_BGP_40]]);
        });

        it("can apply steps 2–11 of TestAccAliCloudVPNGatewayVpnConnection_basic5678 in order, each in place and then without a diff", async () => {
            // GIVEN step 1
            let live = await created(step1());
            // WHEN step 2: BGP on for both tunnels (step 3 sets only network_type, an output here, see the top of the file)
            const STEP2 = { ...step1(), enableTunnelsBgp: true };
            live = await updated(live, STEP2, ["enableTunnelsBgp"]);
            assert.deepEqual([live.props.enableTunnelsBgp, live.props.tunnels.map((t: Props) => t.bgpConfig)], [true, [TUNNEL_BGP_30, TUNNEL_BGP_40]]);
            // WHEN step 4: renamed; step 5 re-applies it unchanged
            const STEP4 = { ...STEP2, name: "tf-parity-5678_update" };
            live = await updated(live, STEP4, ["name"]);
            live = await updated(live, STEP4, []);
            // WHEN step 6: effect immediately; step 7 re-applies it unchanged
            const STEP6 = { ...STEP4, effectImmediately: true };
            live = await updated(live, STEP6, ["effectImmediately"]);
            live = await updated(live, STEP6, []);
            // WHEN step 8: the same tunnels (with their BGP settings), BGP switch, name and subnets re-stated
            live = await updated(live, { ...STEP6, enableTunnelsBgp: true, tunnels: step1().tunnels }, []);
            // WHEN step 9: two tags; step 10: both values changed; step 11: tags removed
            const STEP9 = { ...STEP6, tags: { Created: "TF", For: "Test" } };
            live = await updated(live, STEP9, ["tags"]);
            live = await updated(live, { ...STEP9, tags: { Created: "TF-update", For: "Test-update" } }, ["tags"]);
            assert.deepEqual(live.props.tags, { Created: "TF-update", For: "Test-update" });
            // (tags left out are not managed, so Terraform's REMOVEKEY of all tags is an empty map here)
            live = await updated(live, { ...STEP6, tags: {} }, ["tags"]);
            // THEN one connection, renamed, with no tags left
            assert.equal(live.props.name, "tf-parity-5678_update");
            assert.deepEqual(live.props.tags ?? {}, {});
            assert.equal((await connections()).length, 1);
        });
    });
    describe("TestAccAliCloudVPNGatewayVpnConnection_basic3783", () => {
        const ike = (lifetime: number, pfs: string, remoteId: string): Props => ({ ikeAuthAlg: "md5", ikeEncAlg: "aes256", ikeLifetime: lifetime, ikeMode: "aggressive", ikePfs: pfs, ikeVersion: "ikev2", localId: "localid_tunnel2", remoteId });
        const ipsec = (lifetime: number, pfs: string): Props => ({ ipsecAuthAlg: "md5", ipsecEncAlg: "aes256", ipsecLifetime: lifetime, ipsecPfs: pfs });
        const step1 = (): Props => ({
            vpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
            localSubnets: ["3.0.0.0/24"],
            remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"],
            name: "tf-parity-3783",
            tunnels: [
                { role: "master", customerGatewayId: cloud.alicloud.customerGatewayIds[0], preSharedKey: "12345678", ikeConfig: ike(3600, "group14", "remote2"), ipsecConfig: ipsec(16400, "group5"), bgpConfig: TUNNEL_BGP_30 },
                { role: "slave", customerGatewayId: cloud.alicloud.customerGatewayIds[0], preSharedKey: "12345678", ikeConfig: ike(27000, "group5", "remote24"), ipsecConfig: ipsec(2700, "group14"), bgpConfig: TUNNEL_BGP_40 },
            ],
        });

        it("can apply step 1 of TestAccAliCloudVPNGatewayVpnConnection_basic3783_twin: step 1 of basic3783 with tunnel BGP on and two tags", async () => {
            // WHEN created with tunnel BGP on and tags
            const live = await created({ ...step1(), enableTunnelsBgp: true, tags: { Created: "TF", For: "Test" } });
            // THEN the tags, both tunnels and their BGP settings are held
            assert.deepEqual([live.props.tags, live.props.enableTunnelsBgp, live.props.tunnels.map((t: Props) => [t.role, t.bgpConfig])], [{ Created: "TF", For: "Test" }, true, [["master", TUNNEL_BGP_30], ["slave", TUNNEL_BGP_40]]]);
        });

        it("can apply steps 1–11 of TestAccAliCloudVPNGatewayVpnConnection_basic3783 in order, the customer gateway change by replacement", async () => {
            // GIVEN step 1; WHEN step 2: BGP on for both tunnels, in place; step 3 re-applies it unchanged
            let live = await created(step1());
            const STEP2 = { ...step1(), enableTunnelsBgp: true };
            live = await updated(live, STEP2, ["enableTunnelsBgp"]);
            live = await updated(live, STEP2, []);
            // WHEN step 4: renamed; step 5: effect immediately
            const STEP5 = { ...STEP2, name: "tf-parity-3783_update", effectImmediately: true };
            live = await updated(live, { ...STEP2, name: STEP5.name }, ["name"]);
            live = await updated(live, STEP5, ["effectImmediately"]);
            // WHEN step 6: both tunnels move to the second customer gateway, swap their settings and take a new key.
            // A tunnel's customer gateway is not among ModifyVpnConnectionAttribute's tunnel parameters (request model
            // ModifyVpnConnectionAttributeRequestTunnelOptionsSpecification, aliyun/alibabacloud-typescript-sdk
            // vpc-20160428), so it is replaced, deleting first: the swapped tunnel CIDRs would clash on the same gateway
            const moved = cloud.alicloud.customerGatewayIds[1];
            const STEP6 = {
                ...STEP5,
                tunnels: [
                    { role: "master", customerGatewayId: moved, enableDpd: true, enableNatTraversal: true, preSharedKey: "12345679", ikeConfig: ike(27000, "group5", "remote24"), ipsecConfig: ipsec(2700, "group14"), bgpConfig: TUNNEL_BGP_40 },
                    { role: "slave", customerGatewayId: moved, preSharedKey: "12345679", ikeConfig: ike(3600, "group14", "remote2"), ipsecConfig: ipsec(16400, "group5"), bgpConfig: TUNNEL_BGP_30 },
                ],
            };
            const inputs6 = await checked(live.inputs, STEP6);
            const diff6 = await hooks.diff(live.id, live.props, inputs6);
            assert.deepEqual([diff6.replaces, diff6.deleteBeforeReplace], [["tunnels"], true]);
            await hooks.remove(live.id, live.props);
            const made = await hooks.create(inputs6);
            live = await settled(made.id, made.outs, inputs6);
            assert.deepEqual([live.props.enableTunnelsBgp, live.props.tunnels.map((t: Props) => t.bgpConfig)], [true, [TUNNEL_BGP_40, TUNNEL_BGP_30]]);
            assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [made.id]);
            // WHEN step 7: the master's DPD and NAT traversal off, the old key back, the slave's lifetimes changed
            const [master6, slave6] = STEP6.tunnels;
            const STEP7 = {
                ...STEP6,
                tunnels: [
                    { ...master6, enableDpd: false, enableNatTraversal: false, preSharedKey: "12345678" },
                    { ...slave6, preSharedKey: "12345678", ikeConfig: ike(36000, "group14", "remote2"), ipsecConfig: ipsec(1640, "group5") },
                ],
            };
            live = await updated(live, STEP7, [
                "tunnels[0].enableDpd",
                "tunnels[0].enableNatTraversal",
                "tunnels[0].preSharedKey",
                "tunnels[1].preSharedKey",
                "tunnels[1].ikeConfig.ikeLifetime",
                "tunnels[1].ipsecConfig.ipsecLifetime",
            ]);
            // WHEN steps 8–10: two tags, both changed, all removed (`{}`: tags left out are not managed)
            live = await updated(live, { ...STEP7, tags: { Created: "TF", For: "Test" } }, ["tags"]);
            live = await updated(live, { ...STEP7, tags: { Created: "TF-update", For: "Test-update" } }, ["tags"]);
            live = await updated(live, { ...STEP7, tags: {} }, ["tags"]);
            // THEN (step 11 is an import: the read above) the one connection holds step 7's tunnels and no tags
            const [master, slave] = live.props.tunnels;
            assert.deepEqual([master.customerGatewayId, master.enableDpd, slave.ikeConfig.ikeLifetime, slave.ipsecConfig.ipsecLifetime], [moved, false, 36000, 1640]);
            assert.deepEqual(live.props.tags ?? {}, {});
            assert.equal((await connections()).length, 1);
        });
    });
    describe("TestAccAliCloudVPNGatewayVpnConnection_basic5663", () => {
        const STEP1: Props = {
            ...GATEWAYS,
            localSubnets: ["3.0.0.0/24"],
            remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"],
            name: "tf-parity-5663",
            autoConfigRoute: true,
            effectImmediately: true,
            enableNatTraversal: true,
            enableDpd: true,
            healthCheckConfig: { enable: true, dip: "1.1.1.1", sip: "3.3.3.3", interval: 3, retry: 3 },
            bgpConfig: { enableBgp: true, localAsn: 1219002, tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1" },
            preSharedKey: "12345678",
            ipsecConfig: { ipsecPfs: "group2", ipsecEncAlg: "aes", ipsecAuthAlg: "sha1", ipsecLifetime: 86400 },
            ikeConfig: { ikeAuthAlg: "sha1", ikeEncAlg: "aes", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 86400, ikePfs: "group2", localId: "localid1", remoteId: "remoteId2" },
            tags: { Created: "TF", For: "Test" },
        };

        it("can apply step 1 of TestAccAliCloudVPNGatewayVpnConnection_basic5663_twin: the same configuration as step 1 of basic5663", async () => {
            // WHEN created
            const live = await created(STEP1);
            // THEN every block is held as given
            assert.deepEqual([live.props.healthCheckConfig, live.props.bgpConfig, live.props.ipsecConfig, live.props.ikeConfig], [STEP1.healthCheckConfig, STEP1.bgpConfig, STEP1.ipsecConfig, STEP1.ikeConfig]);
            assert.deepEqual(live.props.tags, STEP1.tags);
        });

        it("can apply steps 1–41 of TestAccAliCloudVPNGatewayVpnConnection_basic5663 in order, each in place and then without a diff", async () => {
            // GIVEN step 1: every single-tunnel block at once, with BGP and two tags
            let live = await created(STEP1);
            assert.deepEqual(live.props.bgpConfig, STEP1.bgpConfig);
            let raw = STEP1;
            const inPlace: number[] = [];
            for (const [step, patch] of BASIC_5663_STEPS) {
                // WHEN the step's values are applied over the previous step
                raw = { ...raw, ...patch };
                const before = live.props;
                const inputs = await checked(live.inputs, raw);
                const diff = await hooks.diff(live.id, before, inputs);
                // THEN it is in place and changes only what the step sets, and the read-back has no diff
                assert.deepEqual(diff.replaces, [], `step ${step}`);
                const changed = diffResource(VPN_CONNECTION_SCHEMA, before, inputs).changedPaths;
                for (const path of changed) assert.ok(Object.keys(patch).includes(path.split(/[.[]/)[0]), `step ${step} changed ${path}`);
                if (diff.changes) inPlace.push(step);
                live = diff.changes ? await settled(live.id, (await hooks.update(live.id, before, inputs)).outs, inputs) : await settled(live.id, before, inputs);
            }
            // THEN the steps that restate a value already held (3, 5, 7, 8, 26, 36, the re-applies, …) change nothing
            assert.deepEqual(inPlace, [6, 9, 10, 11, 12, 14, 15, 17, 20, 22, 23, 24, 25, 28, 29, 32, 33, 34, 35, 38, 40, 41]);
            // THEN one connection holds step 41: step 38's settings again, no tags
            assert.deepEqual([live.props.name, live.props.localSubnets, live.props.ikeConfig.localId, live.props.bgpConfig.localAsn], ["tf-parity-5663_update", ["3.0.0.0/24"], "localid1", 1219002]);
            assert.deepEqual(live.props.tags ?? {}, {});
            assert.equal((await connections()).length, 1);
        });
    });
});
