import assert from "node:assert/strict";
import * as path from "path";
import { alicloudGatewayFor, alicloudGatewayIp, namespacedConfig, REPO_ROOT, scenarioFor } from "../../demo/scenario";
import { SAMPLE_EMULATOR_INFO } from "../support/emulatorInfo";

const INFO = SAMPLE_EMULATOR_INFO;

describe("demo/scenario", () => {
    describe("scenarioFor", () => {
        it("can wire the tunnel example to the emulator's fixtures", () => {
            // WHEN the tunnel scenario is built
            const scenario = scenarioFor(INFO, { example: "tunnel", preSharedKey: "k", alicloudVpnGatewayIp: "203.0.113.11" });
            // THEN it runs examples/tunnel with every gateway id, the gateway IP and a secret PSK
            assert.equal(scenario.exampleDir, path.join(REPO_ROOT, "examples", "tunnel"));
            assert.equal(scenario.project, "ipsec-tunnel-example");
            assert.deepEqual(scenario.config, {
                alicloudVpnGatewayId: "vpn-1",
                alicloudCustomerGatewayId: "cgw-a",
                alicloudVpnGatewayIp: "203.0.113.11",
                tencentcloudVpcId: "vpc-t",
                tencentcloudVpnGatewayId: "vpngw-t",
                tencentcloudCustomerGatewayId: "cgw-t",
                preSharedKey: "k",
            });
            assert.deepEqual(scenario.secretKeys, ["preSharedKey"]);
            assert.deepEqual(scenario.resources.map((r) => r.cloud), ["alicloud", "tencentcloud"]);
            assert.equal(scenario.consoleChange.resourceName, "alicloud-to-tencentcloud");
        });

        it("can wire the cross-cloud example to the first peering pair, drifting on the Tencent end's pre-shared key", () => {
            // WHEN the cross-cloud scenario is built with the peering gateway's IP
            const scenario = scenarioFor(INFO, { example: "cross-cloud", preSharedKey: "Console-Key-1", alicloudVpnGatewayIp: "192.0.2.21" });
            // THEN it runs examples/cross-cloud on the first pair's gateways, with no key of its own to configure
            assert.equal(scenario.exampleDir, path.join(REPO_ROOT, "examples", "cross-cloud"));
            assert.equal(scenario.project, "ipsec-cross-cloud-example");
            assert.deepEqual(scenario.config, {
                alicloudVpnGatewayId: "vpn-p1",
                alicloudCustomerGatewayId: "cgw-p1",
                alicloudVpnGatewayIp: "192.0.2.21",
                tencentcloudVpcId: "vpc-p",
                tencentcloudVpnGatewayId: "vpngw-p1",
                tencentcloudCustomerGatewayId: "cgw-tp1",
                tencentcloudCidr: "10.1.0.0/16",
            });
            assert.deepEqual(scenario.secretKeys, []);
            // AND the story's resources are the component's two connections, whose negotiation it checks
            assert.deepEqual(scenario.resources, [
                { name: "hz-gz-alicloud", cloud: "alicloud" },
                { name: "hz-gz-tencentcloud", cloud: "tencentcloud" },
            ]);
            assert.deepEqual(scenario.tunnel, { alicloud: "hz-gz-alicloud", tencentcloud: "hz-gz-tencentcloud", output: "tunnelStatus" });
            // AND the console sets the given key on the Tencent end, as a secret the story never reads back
            assert.deepEqual(
                { cloud: scenario.consoleChange.cloud, resourceName: scenario.consoleChange.resourceName, patch: scenario.consoleChange.patch, secret: scenario.consoleChange.secret },
                { cloud: "tencentcloud", resourceName: "hz-gz-tencentcloud", patch: { PreShareKey: "Console-Key-1" }, secret: true },
            );
            assert.equal(scenario.consoleChange.driftPath, "preSharedKey");
        });

        it("can name the Alibaba gateway each example uses", () => {
            // WHEN the gateway of the cross-cloud example and of the tunnel is asked for
            // THEN cross-cloud takes the first peering pair's, the others the first plain gateway
            assert.equal(alicloudGatewayFor(INFO, "cross-cloud"), "vpn-p1");
            assert.equal(alicloudGatewayFor(INFO, "tunnel"), "vpn-1");
        });

        it("fails when the cross-cloud example is asked for on an emulator without peering pairs", () => {
            // GIVEN an emulator info listing no peering pairs
            const noPeering = { ...INFO, peering: undefined };
            // WHEN the cross-cloud scenario is built
            // THEN it fails naming the missing pairs
            assert.throws(() => scenarioFor(noPeering, { example: "cross-cloud", preSharedKey: "k", alicloudVpnGatewayIp: "x" }), /peering pairs/);
            assert.throws(() => alicloudGatewayFor(noPeering, "cross-cloud"), /peering pairs/);
        });

        it("can run the Alibaba example without a Tencent front end", () => {
            // WHEN the Alibaba example is chosen on an Alibaba-only emulator
            const scenario = scenarioFor({ ...INFO, tencentcloud: undefined }, { example: "alicloud", preSharedKey: "k" });
            // THEN the story runs examples/alicloud with its one connection
            assert.equal(scenario.example, "alicloud");
            assert.equal(scenario.project, "ipsec-alicloud-example");
            assert.deepEqual(scenario.resources, [{ name: "office", cloud: "alicloud" }]);
            assert.equal(scenario.consoleChange.driftPath, "ikeConfig.ikeEncAlg");
        });

        it("can run the Tencent example, drifting on Tencent's own IKE field", () => {
            // WHEN the Tencent example is chosen
            const scenario = scenarioFor(INFO, { example: "tencentcloud", preSharedKey: "k" });
            // THEN it runs examples/tencentcloud and drifts on Tencent's IKE encryption
            assert.equal(scenario.project, "ipsec-tencentcloud-example");
            assert.equal(scenario.config.vpnGatewayId, "vpngw-t");
            assert.equal(scenario.consoleChange.cloud, "tencentcloud");
            assert.equal(scenario.consoleChange.driftPath, "ikeOptions.propoEncryAlgorithm");
        });

        it("fails when a Tencent example is asked for without a Tencent front end, or the tunnel without the gateway IP", () => {
            // GIVEN an Alibaba-only emulator, and a full one
            const aliOnly = { ...INFO, tencentcloud: undefined };
            // WHEN a scenario needing what is missing is built
            // THEN it fails naming the missing piece
            assert.throws(() => scenarioFor(aliOnly, { example: "tunnel", preSharedKey: "k", alicloudVpnGatewayIp: "x" }), /Tencent Cloud front end/);
            assert.throws(() => scenarioFor(aliOnly, { example: "tencentcloud", preSharedKey: "k" }), /Tencent Cloud front end/);
            assert.throws(() => scenarioFor(INFO, { example: "tunnel", preSharedKey: "k" }), /public IP/);
        });
    });

    describe("helpers", () => {
        it("can namespace config keys to the project, leaving namespaced ones alone", () => {
            // GIVEN a plain key and a namespaced one
            // WHEN namespaced to project p
            // THEN only the plain key gains the prefix
            assert.deepEqual(namespacedConfig("p", { a: "1", "alicloud:region": "r" }), { "p:a": "1", "alicloud:region": "r" });
        });

        it("can find an Alibaba gateway's IP in a state snapshot", () => {
            // GIVEN a snapshot listing one Alibaba gateway
            const state = { alicloud: { connections: [{}], vpnGateways: [{ VpnGatewayId: "vpn-1", InternetIp: "203.0.113.11" }] } };
            // WHEN a listed and an unlisted gateway are looked up
            // THEN the listed one has its IP, the other none
            assert.equal(alicloudGatewayIp(state, "vpn-1"), "203.0.113.11");
            assert.equal(alicloudGatewayIp(state, "vpn-2"), undefined);
        });
    });
});
