/**
 * What every run of `npm run demo` must show, whichever driver played the engine: shared by the
 * plugin-driver tests (tests/demo/) and the CLI tier (tests/cli/demo.test.ts).
 */
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { DemoResult } from "../../demo/run";
import { STORY } from "../../demo/story";

/**
 * Runs `body` with the temporary directory (TMPDIR, which `os.tmpdir()` and the CLI's children read)
 * pointed at a fresh directory of its own, and returns what `body` left there: the demo's program
 * copies and scratch must all be gone. A private directory keeps other demo runs on this machine out
 * of the count.
 */
export async function leftoversOf<T>(body: () => Promise<T>): Promise<{ result: T; leftovers: string[] }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
        const result = await body();
        return { result, leftovers: fs.readdirSync(dir) };
    } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
        fs.rmSync(dir, { recursive: true, force: true });
    }
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
