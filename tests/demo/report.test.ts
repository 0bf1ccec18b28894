import assert from "node:assert/strict";
import { errorText, formatDuration, formatStep, Report } from "../../demo/report";

describe("demo/report", () => {
    it("can format durations and step lines", () => {
        assert.equal(formatDuration(42.4), "42 ms");
        assert.equal(formatDuration(2440), "2.4 s");
        assert.equal(formatStep({ id: "drift", status: "passed", detail: "drift detected", elapsedMs: 35 }), "✔ drift     drift detected  (35 ms)");
        assert.equal(formatStep({ id: "destroy", status: "skipped", detail: "skipped", elapsedMs: 0 }), "– destroy   skipped");
    });

    it("can keep an error to its first line", () => {
        assert.equal(errorText(new Error("\nCreate failed: boom\n    at stack")), "Create failed: boom");
        assert.equal(errorText("x".repeat(400)).length, 300);
    });

    it("can record a failure, skip later steps but still run cleanup, and print the verdict", async () => {
        // GIVEN a report
        const lines: string[] = [];
        const report = new Report((l) => lines.push(l));
        // WHEN a step fails, another is attempted, and cleanup runs
        await report.step("up", async () => ({ detail: "created" }));
        await report.step("outputs", async () => {
            throw new Error("no outputs");
        });
        let ran = false;
        await report.step("console", async () => {
            ran = true;
            return { detail: "changed" };
        });
        await report.always("cleanup", async () => ({ detail: "emulator stopped" }));
        report.finish("plugin driver");
        // THEN the failed step's reason is shown, the later body never ran, cleanup did, and the verdict names the failure
        assert.equal(ran, false);
        assert.deepEqual(report.steps.map((s) => s.status), ["passed", "failed", "skipped", "passed"]);
        assert.match(lines[1], /^✘ outputs +no outputs/);
        assert.match(lines[4], /^FAILED at outputs after .* \(plugin driver\)$/);
        assert.equal(report.ok, false);
    });
});
