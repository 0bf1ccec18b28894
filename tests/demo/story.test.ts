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
});
