import assert from "node:assert/strict";
import * as path from "path";
import { Report } from "../../demo/report";
import { SAMPLE_EMULATOR_INFO } from "../support/emulatorInfo";
import {
    alicloudGatewayIp,
    ApplyOutcome,
    ControlApi,
    countConnections,
    desiredDrift,
    DriftOutcome,
    namespacedConfig,
    parseDriftMessages,
    REPO_ROOT,
    scenarioFor,
    StackDriver,
    tellStory,
} from "../../demo/story";

const INFO = SAMPLE_EMULATOR_INFO;

describe("demo/story", () => {
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
            const scenario = scenarioFor(INFO, { example: "tencentcloud", preSharedKey: "k" });
            assert.equal(scenario.project, "ipsec-tencentcloud-example");
            assert.equal(scenario.config.vpnGatewayId, "vpngw-t");
            assert.equal(scenario.consoleChange.cloud, "tencentcloud");
            assert.equal(scenario.consoleChange.driftPath, "ikeOptions.propoEncryAlgorithm");
        });

        it("fails when a Tencent example is asked for without a Tencent front end, or the tunnel without the gateway IP", () => {
            assert.throws(() => scenarioFor({ ...INFO, tencentcloud: undefined }, { example: "tunnel", preSharedKey: "k", alicloudVpnGatewayIp: "x" }), /Tencent Cloud front end/);
            assert.throws(() => scenarioFor({ ...INFO, tencentcloud: undefined }, { example: "tencentcloud", preSharedKey: "k" }), /Tencent Cloud front end/);
            assert.throws(() => scenarioFor(INFO, { example: "tunnel", preSharedKey: "k" }), /public IP/);
        });
    });

    describe("helpers", () => {
        it("can namespace config keys to the project, leaving namespaced ones alone", () => {
            assert.deepEqual(namespacedConfig("p", { a: "1", "alicloud:region": "r" }), { "p:a": "1", "alicloud:region": "r" });
        });

        it("can parse the provider's drift lines, merging paths per id", () => {
            // GIVEN plugin stderr lines and CLI diagnostics (which end in a newline)
            const lines = ["some other line", "pulumi-ipsec: vco-1 differs in ikeConfig.ikeEncAlg, name\n", "pulumi-ipsec: vco-1 differs in name", "pulumi-ipsec: vpnx-2 differs in ipsecOptions.pfsDhGroup"];
            // THEN each id is listed once with its distinct paths
            assert.deepEqual(parseDriftMessages(lines), [
                { id: "vco-1", paths: ["ikeConfig.ikeEncAlg", "name"] },
                { id: "vpnx-2", paths: ["ipsecOptions.pfsDhGroup"] },
            ]);
        });

        it("can compare desired inputs with refreshed ones without flagging cloud-filled fields", () => {
            // GIVEN stored inputs and the inputs `read` returned after a console change (shapes as the Alibaba provider has them)
            const desired = {
                __provider: "text",
                preSharedKey: "psk",
                healthCheckConfig: { enable: false, interval: 3, retry: 3 },
                ikeConfig: { ikeEncAlg: "aes256", ikeVersion: "ikev2" },
                localSubnets: ["10.1.0.0/16", "10.0.0.0/16"],
            };
            const refreshed = {
                __provider: "other",
                healthCheckConfig: { dip: "", enable: false, interval: 3, retry: 3, sip: "" },
                ikeConfig: { ikeEncAlg: "aes", ikeVersion: "IKEv2", localId: "203.0.113.11" },
                localSubnets: ["10.0.0.0/16", "10.1.0.0/16"],
            };
            // THEN only the changed desired value is reported (no secret, no computed field, no case or order noise)
            assert.deepEqual(desiredDrift(desired, refreshed), ["ikeConfig.ikeEncAlg"]);
        });

        it("can count connections across clouds and find an Alibaba gateway's IP in a state snapshot", () => {
            const state = {
                alicloud: { connections: [{}], vpnGateways: [{ VpnGatewayId: "vpn-1", InternetIp: "203.0.113.11" }] },
                tencentcloud: { connections: [{}, {}] },
            };
            assert.equal(countConnections(state), 3);
            assert.equal(countConnections({ alicloud: { connections: [] } }), 0);
            assert.equal(alicloudGatewayIp(state, "vpn-1"), "203.0.113.11");
            assert.equal(alicloudGatewayIp(state, "vpn-2"), undefined);
        });
    });

    describe("tellStory", () => {
        /** A cloud holding one Alibaba connection, changed by PATCH and converged by the driver. */
        class FakeCloud implements ControlApi {
            encryption = "aes256";
            connections = 0;
            async call<T>(method: string, route: string, body?: unknown): Promise<T> {
                if (route === "/state") return { alicloud: { connections: new Array(this.connections).fill({}) } } as T;
                if (method === "PATCH") this.encryption = (body as { IkeConfig: { IkeEncAlg: string } }).IkeConfig.IkeEncAlg;
                return { IkeConfig: { IkeEncAlg: this.encryption } } as T;
            }
        }

        class FakeDriver implements StackDriver {
            readonly kind = "plugin";
            disposed = false;
            constructor(
                private readonly cloud: FakeCloud,
                private readonly reportDrift = true,
            ) {}
            private outcome(op: string): ApplyOutcome {
                return { operations: { office: op }, resources: [{ name: "office", type: "t", id: "vco-1", outputs: { state: "active" } }] };
            }
            async up() {
                this.cloud.connections = 1;
                return this.outcome("create");
            }
            async previewRefresh(): Promise<DriftOutcome> {
                const drifted = this.reportDrift && this.cloud.encryption !== "aes256";
                return { drift: drifted, findings: drifted ? [{ id: "vco-1", paths: ["ikeConfig.ikeEncAlg"] }] : [] };
            }
            async upWithRefresh() {
                this.cloud.encryption = "aes256";
                return this.outcome("update");
            }
            async destroy() {
                this.cloud.connections = 0;
                return { operations: { office: "delete" }, resources: [] };
            }
            async dispose() {
                this.disposed = true;
            }
        }

        const scenario = scenarioFor({ ...INFO, tencentcloud: undefined }, { example: "alicloud", preSharedKey: "k" });

        it("can pass every step when the driver and the cloud behave", async () => {
            // GIVEN a well-behaved driver and cloud
            const cloud = new FakeCloud();
            const lines: string[] = [];
            const report = new Report((l) => lines.push(l));
            // WHEN the story is told
            await tellStory({ scenario, openDriver: async () => new FakeDriver(cloud), control: cloud }, report.step);
            // THEN the middle of the story passes, in order, and the drift step names the field
            assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ["up:passed", "outputs:passed", "console:passed", "drift:passed", "converge:passed", "destroy:passed"]);
            assert.match(lines.find((l) => l.includes("drift"))!, /^✔ drift +drift detected: vco-1 differs in ikeConfig\.ikeEncAlg/);
            assert.match(lines.find((l) => l.includes("outputs"))!, /vco-1 \(active\)/);
        });

        it("fails the drift step and skips the rest when no drift is reported", async () => {
            // GIVEN a driver whose refresh preview never sees drift
            const cloud = new FakeCloud();
            const lines: string[] = [];
            const report = new Report((l) => lines.push(l));
            // WHEN the story is told
            await tellStory({ scenario, openDriver: async () => new FakeDriver(cloud, false), control: cloud }, report.step);
            // THEN the drift step fails with the reason, and later steps are skipped rather than run
            assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ["up:passed", "outputs:passed", "console:passed", "drift:failed", "converge:skipped", "destroy:skipped"]);
            assert.match(lines.find((l) => l.startsWith("✘"))!, /^✘ drift +refresh preview reported no drift after the console change/);
            assert.match(lines[lines.length - 1], /^– destroy +skipped$/);
            assert.equal(cloud.encryption, "aes", "converge did not run");
            assert.equal(report.ok, false);
        });

        it("fails the up step when the driver cannot start", async () => {
            // GIVEN a driver that fails to open
            const cloud = new FakeCloud();
            const report = new Report(() => undefined);
            // WHEN the story is told
            await tellStory({ scenario, openDriver: async () => Promise.reject(new Error("plugin did not announce a port\nmore")), control: cloud }, report.step);
            // THEN up fails with the first line of the error and nothing else runs
            assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}:${s.detail}`), ["up:failed:plugin did not announce a port", "outputs:skipped:skipped", "console:skipped:skipped", "drift:skipped:skipped", "converge:skipped:skipped", "destroy:skipped:skipped"]);
        });
    });
});
