/**
 * What every run of `npm run demo` must show, whichever driver played the engine: shared by the
 * plugin-driver tests (tests/demo/) and the CLI tier (tests/cli/demo.test.ts).
 */
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import type { DemoResult } from "../../demo/run";
import { STORY } from "../../demo/story";

/** Temporary directories the demo makes (program copies and scratch); none may survive a run. */
export function demoTempDirs(): string[] {
    return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("pulumi-ipsec-demo-"));
}

/** Every step of the story passed, in the story's order. */
export function assertStoryPassed(result: DemoResult): void {
    const failed = result.steps.filter((s) => s.status !== "passed");
    assert.deepEqual(failed, [], "every step passes");
    assert.deepEqual(
        result.steps.map((s) => s.id),
        STORY.map((s) => s.id),
        "the steps run in the story's order",
    );
    assert.equal(result.ok, true);
}

/** The drift step found drift and named `expected`, the field changed in the console. */
export function assertDriftNamed(result: DemoResult, expected = "ikeConfig.ikeEncAlg"): void {
    const drift = result.steps.find((s) => s.id === "drift")!;
    assert.equal(drift.facts?.expectedDriftPath, expected);
    assert.equal(drift.facts?.drift?.drift, true);
    assert.ok(
        drift.facts?.drift?.findings.some((f) => f.paths.includes(expected)),
        `the drift step names ${expected}: ${JSON.stringify(drift.facts?.drift?.findings)}`,
    );
    assert.ok(drift.detail.includes(`differs in ${expected}`), drift.detail);
}
