import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DemoResult, findOnPath, NO_CLI_NOTICE, runDemo } from "../../demo/run";
import { STORY } from "../../demo/story";

/** Temporary directories the demo makes (program copies and scratch); none may survive a run. */
function demoTempDirs(): string[] {
    return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("pulumi-ipsec-demo-"));
}

/**
 * Dynamic-provider plugins started in a demo program copy (Linux /proc; empty elsewhere). Matching
 * on the working directory ignores plugins other test runs on this machine may have going.
 */
function demoPluginPids(): string[] {
    if (!fs.existsSync("/proc")) return [];
    return fs.readdirSync("/proc").filter((pid) => {
        if (!/^\d+$/.test(pid)) return false;
        try {
            return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("cmd/dynamic-provider") && fs.readlinkSync(`/proc/${pid}/cwd`).includes("pulumi-ipsec-demo-program-");
        } catch {
            return false;
        }
    });
}

function assertStoryPassed(result: DemoResult): void {
    const failed = result.steps.filter((s) => s.status !== "passed");
    assert.deepEqual(failed, [], "every step passes");
    assert.deepEqual(
        result.steps.map((s) => s.id),
        STORY.map((s) => s.id),
        "the steps run in the story's order",
    );
    assert.equal(result.ok, true);
}

function assertDriftNamed(result: DemoResult, expected = "ikeConfig.ikeEncAlg"): void {
    const drift = result.steps.find((s) => s.id === "drift")!;
    assert.equal(drift.facts?.expectedDriftPath, expected);
    assert.equal(drift.facts?.drift?.drift, true);
    assert.ok(
        drift.facts?.drift?.findings.some((f) => f.paths.includes(expected)),
        `the drift step names ${expected}: ${JSON.stringify(drift.facts?.drift?.findings)}`,
    );
    assert.ok(drift.detail.includes(`differs in ${expected}`), drift.detail);
}

describe("demo/run", function () {
    this.timeout(60_000);

    describe("runDemo", () => {
        it("can tell the whole story through the plugin driver when no CLI is on PATH", async () => {
            // GIVEN a PATH without pulumi and no leftovers from earlier runs
            const emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
            const tempBefore = demoTempDirs();
            const lines: string[] = [];
            try {
                // WHEN the demo runs in this process
                const result = await runDemo({ out: (line) => lines.push(line), driver: "auto", searchPath: emptyPath });

                // THEN it says once that it runs without the CLI, and every step passed
                assert.equal(lines.filter((l) => l === NO_CLI_NOTICE).length, 1, lines.join("\n"));
                assert.equal(result.driver, "plugin");
                assert.equal(result.example, "tunnel");
                assertStoryPassed(result);
                // AND the drift step named the field changed in the console
                assertDriftNamed(result);
                // AND the report has one line per step and a verdict
                assert.equal(lines.filter((l) => l.startsWith("✔ ")).length, STORY.length, lines.join("\n"));
                assert.match(lines[lines.length - 1], /^PASSED in .* \(plugin driver\)$/);
                // AND nothing is left behind
                assert.deepEqual(demoTempDirs(), tempBefore);
                assert.deepEqual(demoPluginPids(), []);
            } finally {
                fs.rmSync(emptyPath, { recursive: true, force: true });
            }
        });

        for (const [example, field] of [
            ["alicloud", "ikeConfig.ikeEncAlg"],
            ["tencentcloud", "ikeOptions.propoEncryAlgorithm"],
        ] as const) {
            it(`can tell the story of examples/${example} alone`, async () => {
                // WHEN the single-cloud example is chosen
                const lines: string[] = [];
                const result = await runDemo({ out: (line) => lines.push(line), driver: "plugin", example });
                // THEN its story passes and the drift names that cloud's field
                assert.equal(result.example, example, lines.join("\n"));
                assertStoryPassed(result);
                assertDriftNamed(result, field);
            });
        }

        it("can tell the same story through the Pulumi CLI when it is installed", async function () {
            // GIVEN a pulumi executable on PATH (never the case offline)
            if (!findOnPath("pulumi")) this.skip();
            this.timeout(300_000);
            const lines: string[] = [];
            // WHEN the demo runs with the CLI driver
            const result = await runDemo({ out: (line) => lines.push(line), driver: "cli" });
            // THEN the same steps pass and the drift names the field
            assert.equal(result.driver, "cli", lines.join("\n"));
            assertStoryPassed(result);
            assertDriftNamed(result);
        });

        it("fails in one line when the CLI driver is forced but pulumi is not on PATH", async () => {
            // GIVEN an empty PATH
            const lines: string[] = [];
            // WHEN the CLI driver is requested
            const result = await runDemo({ out: (line) => lines.push(line), driver: "cli", searchPath: "" });
            // THEN nothing starts, and one line says why
            assert.equal(result.ok, false);
            assert.deepEqual(result.steps, []);
            assert.equal(lines.length, 1);
            assert.match(lines[0], /no pulumi executable is on PATH/);
        });
    });

    describe("findOnPath", () => {
        let dir: string;
        beforeEach(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "find-on-path-"));
        });
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("can find an executable file in a PATH list", () => {
            // GIVEN an executable named pulumi in the second PATH entry
            const exe = path.join(dir, "pulumi");
            fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
            // WHEN it is looked up
            const found = findOnPath("pulumi", [path.join(dir, "missing"), dir].join(path.delimiter), "linux");
            // THEN its path is returned
            assert.equal(found, exe);
        });

        it("skips files that are not executable, and directories", () => {
            // GIVEN a non-executable file and a directory named pulumi
            fs.writeFileSync(path.join(dir, "pulumi"), "", { mode: 0o644 });
            fs.mkdirSync(path.join(dir, "sub", "pulumi"), { recursive: true });
            // WHEN looked up THEN nothing is found (even for root, X_OK needs an execute bit)
            assert.equal(findOnPath("pulumi", [dir, path.join(dir, "sub")].join(path.delimiter), "linux"), undefined);
        });
    });
});
