import assert from "node:assert/strict";
import { Report } from "../../demo/report";
import { scenarioFor } from "../../demo/scenario";
import type { ApplyOutcome, DriftOutcome, StackDriver } from "../../demo/stackDriver";
import { ControlApi, countConnections, tellStory } from "../../demo/story";
import { SAMPLE_EMULATOR_INFO } from "../support/emulatorInfo";

const INFO = SAMPLE_EMULATOR_INFO;

describe("demo/story", () => {
    describe("helpers", () => {
        it("can count connections across clouds in a state snapshot", () => {
            // GIVEN snapshots with connections in both clouds, and with none
            const state = { alicloud: { connections: [{}] }, tencentcloud: { connections: [{}, {}] } };
            // WHEN counted
            // THEN every cloud's connections add up
            assert.equal(countConnections(state), 3);
            assert.equal(countConnections({ alicloud: { connections: [] } }), 0);
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

    describe("tellStory, cross-cloud", () => {
        const CONSOLE_KEY = "Console-Key-1";
        const scenario = scenarioFor(INFO, { example: "cross-cloud", preSharedKey: CONSOLE_KEY, alicloudVpnGatewayIp: "192.0.2.21" });

        /**
         * Two facing ends that negotiate as the emulator's peering does: up while both exist and share
         * one key. The control API masks the key, as the emulator's does.
         */
        class FakePeering implements ControlApi {
            exists = false;
            programKey = "generated";
            tencentKey = "generated";
            /** Whether a key change brings the tunnel down (a broken negotiation model would not). */
            keyMatters = true;
            /** Whether the ends can ever agree (a proposal mismatch would not). */
            agree = true;
            get up(): boolean {
                return this.exists && this.agree && (!this.keyMatters || this.tencentKey === this.programKey);
            }
            async call<T>(method: string, route: string, body?: unknown): Promise<T> {
                if (route === "/state") return { alicloud: { connections: this.exists ? [{}] : [] }, tencentcloud: { connections: this.exists ? [{}] : [] } } as T;
                if (route === "/alicloud/connections/vco-1") return { Status: this.up ? "ipsec_sa_established" : "ike_sa_not_established" } as T;
                if (route === "/tencentcloud/connections/vpnx-1") {
                    if (method === "PATCH") this.tencentKey = (body as { PreShareKey: string }).PreShareKey;
                    return { NetStatus: this.up ? "AVAILABLE" : "UNAVAILABLE", PreShareKey: "***" } as T;
                }
                throw new Error(`unexpected control call ${method} ${route}`);
            }
        }

        /**
         * A CLI-like driver of the component program: the connections, the generated key beside them,
         * and a `tunnelStatus` output as stale as the real one (an update re-reads only the changed end).
         */
        class FakeComponentDriver implements StackDriver {
            readonly kind = "cli";
            private alicloudSeen = "";
            /** `staleAtUp`: the Alibaba end is read at its create before the Tencent end exists (concurrent creates). */
            constructor(
                private readonly cloud: FakePeering,
                private readonly staleAtUp = false,
            ) {}
            private outcome(ops: Record<string, string>, tencentSeen: boolean): ApplyOutcome {
                const status = this.alicloudSeen === "up" && tencentSeen ? "established" : this.alicloudSeen === "up" || tencentSeen ? "partial" : "down";
                return {
                    operations: ops,
                    resources: [
                        { name: "hz-gz-psk", type: "pulumi-nodejs:dynamic/pulumi-ipsec/crossCloud:PresharedKey", id: "psk-1", outputs: {} },
                        { name: "hz-gz-alicloud", type: "a", id: "vco-1", outputs: { state: "active" } },
                        { name: "hz-gz-tencentcloud", type: "t", id: "vpnx-1", outputs: { state: "AVAILABLE" } },
                    ],
                    outputs: { tunnelStatus: status },
                };
            }
            async up() {
                this.cloud.exists = true;
                this.alicloudSeen = this.cloud.up && !this.staleAtUp ? "up" : "down";
                return this.outcome({ "hz-gz-psk": "create", "hz-gz-alicloud": "create", "hz-gz-tencentcloud": "create" }, this.cloud.up);
            }
            async previewRefresh(): Promise<DriftOutcome> {
                const drifted = this.cloud.tencentKey !== this.cloud.programKey;
                return { drift: drifted, findings: drifted ? [{ id: "vpnx-1", paths: ["preSharedKey"] }] : [] };
            }
            async upWithRefresh() {
                // The refresh reads both ends as they are; the update then puts the program's key back on the Tencent end.
                this.alicloudSeen = this.cloud.up ? "up" : "down";
                const drifted = this.cloud.tencentKey !== this.cloud.programKey;
                this.cloud.tencentKey = this.cloud.programKey;
                return this.outcome({ "hz-gz-psk": "same", "hz-gz-alicloud": "same", "hz-gz-tencentcloud": drifted ? "update" : "same" }, this.cloud.up);
            }
            async destroy() {
                this.cloud.exists = false;
                return { operations: { "hz-gz-psk": "delete", "hz-gz-alicloud": "delete", "hz-gz-tencentcloud": "delete" }, resources: [] };
            }
            async dispose() {}
        }

        async function tell(cloud: FakePeering, staleAtUp = false): Promise<{ report: Report; lines: string[] }> {
            const lines: string[] = [];
            const report = new Report((l) => lines.push(l));
            await tellStory({ scenario, openDriver: async () => new FakeComponentDriver(cloud, staleAtUp), control: cloud }, report.step);
            return { report, lines };
        }

        it("can tell established → down after the console's key change → established again, never printing the key", async () => {
            // GIVEN two ends that negotiate, and a driver with the generated key beside the connections
            const cloud = new FakePeering();
            // WHEN the cross-cloud story is told
            const { report, lines } = await tell(cloud);
            // THEN every step passes
            assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ["up:passed", "outputs:passed", "console:passed", "drift:passed", "converge:passed", "destroy:passed"], lines.join("\n"));
            // AND the tunnel is established after up, down at the drift check and established after converging
            assert.deepEqual(report.steps.filter((s) => s.facts?.tunnel).map((s) => `${s.id}:${s.facts!.tunnel!.status}`), ["up:established", "drift:down", "converge:established"]);
            assert.match(lines.find((l) => l.includes(" up "))!, /tunnel established \(Status ipsec_sa_established, NetStatus AVAILABLE; tunnelStatus = established\)/);
            assert.match(lines.find((l) => l.includes(" drift "))!, /vpnx-1 differs in preSharedKey; in sync: hz-gz-alicloud; tunnel down \(Status ike_sa_not_established, NetStatus UNAVAILABLE\)/);
            assert.match(lines.find((l) => l.includes(" converge "))!, /updated hz-gz-tencentcloud .*established again .*tunnelStatus = established after a further up --refresh/);
            assert.equal(report.steps.find((s) => s.id === "converge")!.facts!.stackOutputs!.tunnelStatus, "established");
            // AND the generated key is neither listed among the connections nor counted, and the console's key is never shown
            assert.doesNotMatch(lines.find((l) => l.includes(" outputs "))!, /psk/);
            assert.ok(lines.every((l) => !l.includes(CONSOLE_KEY)), lines.join("\n"));
            assert.match(lines.find((l) => l.includes(" destroy "))!, /2 connection\(s\) deleted/);
        });

        it("can re-read a tunnelStatus output left partial by concurrent creates with one up --refresh, saying so", async () => {
            // GIVEN a first up whose Alibaba end was read before the Tencent end existed
            const cloud = new FakePeering();
            // WHEN the story is told
            const { report, lines } = await tell(cloud, true);
            // THEN the up step re-reads both ends, names the stale value, and the story passes
            assert.ok(report.ok, lines.join("\n"));
            assert.match(lines.find((l) => l.includes(" up "))!, /tunnelStatus = established after a further up --refresh \(was partial\)/);
        });

        it("fails the up step when the two ends do not establish the tunnel", async () => {
            // GIVEN two ends that cannot agree
            const cloud = new FakePeering();
            cloud.agree = false;
            // WHEN the story is told
            const { report, lines } = await tell(cloud);
            // THEN up fails naming what the emulator reports, and the rest is skipped
            assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ["up:failed", "outputs:skipped", "console:skipped", "drift:skipped", "converge:skipped", "destroy:skipped"]);
            assert.match(lines[0], /^✘ up +the emulator reports the tunnel down \(Status ike_sa_not_established, NetStatus UNAVAILABLE\), expected established/);
        });

        it("fails the drift step when the tunnel stays up after the console's key change", async () => {
            // GIVEN ends whose negotiation ignores the key
            const cloud = new FakePeering();
            cloud.keyMatters = false;
            // WHEN the story is told
            const { report, lines } = await tell(cloud);
            // THEN the drift is named, but the step fails because the tunnel is still established
            assert.equal(report.steps.find((s) => s.id === "drift")!.status, "failed");
            assert.match(lines.find((l) => l.startsWith("✘"))!, /^✘ drift +the emulator reports the tunnel established .*, expected down/);
        });
    });
});
