import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exampleFor, NO_CLI_NOTICE, PLUGIN_FALLBACK, runDemo } from "../../demo/run";
import { STORY } from "../../demo/story";
import { assertDriftNamed, assertStoryPassed, leftoversOf } from "../support/demo";

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

/** A lookup environment in which no CLI is at hand: an empty PATH and an empty setup:pulumi cache. */
function withoutCli(dir: string): NodeJS.ProcessEnv {
    return { PATH: dir, PULUMI_IPSEC_CACHE_DIR: dir };
}

describe("demo/run", function () {
    this.timeout(60_000);

    describe("exampleFor", () => {
        it("can default to cross-cloud with Tencent Cloud and to alicloud without", () => {
            // WHEN no example is asked for
            // THEN the CLI tells cross-cloud when Tencent is there, alicloud otherwise
            assert.deepEqual(exampleFor(undefined, true, "cli"), { example: "cross-cloud" });
            assert.deepEqual(exampleFor(undefined, false, "cli"), { example: "alicloud" });
            assert.deepEqual(exampleFor(undefined, false, "plugin"), { example: "alicloud" });
        });

        it("can fall back to the tunnel when the plugin driver is asked for the component program, saying so", () => {
            // WHEN the plugin driver gets cross-cloud, by default or by request
            const byDefault = exampleFor(undefined, true, "plugin");
            const requested = exampleFor("cross-cloud", true, "plugin");
            // THEN it tells the tunnel instead, with a note for the report; other examples stay as asked
            assert.equal(byDefault.example, PLUGIN_FALLBACK);
            assert.equal(PLUGIN_FALLBACK, "tunnel");
            assert.deepEqual(requested, byDefault);
            assert.match(byDefault.note!, /cross-cloud declares a component, which the plugin driver cannot run/);
            assert.deepEqual(exampleFor("tencentcloud", true, "plugin"), { example: "tencentcloud" });
        });
    });

    describe("runDemo", () => {
        it("can tell the whole story through the plugin driver when no CLI is at hand", async () => {
            // GIVEN neither a pulumi on PATH nor one built by setup:pulumi
            const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
            const lines: string[] = [];
            try {
                // WHEN the demo runs in this process, in a temporary directory of its own
                const { result, leftovers } = await leftoversOf(() => runDemo({ out: (line) => lines.push(line), driver: "auto", lookupEnv: withoutCli(emptyDir) }));

                // THEN it says once that it runs without the CLI and how to get it, and every step passed
                assert.equal(lines.filter((l) => l === NO_CLI_NOTICE).length, 1, lines.join("\n"));
                assert.match(NO_CLI_NOTICE, /npm run setup:pulumi/);
                assert.equal(result.driver, "plugin");
                // AND the default cross-cloud example, a component program, gives way to the tunnel, as the start line says
                assert.equal(result.example, "tunnel");
                assert.match(lines.find((l) => l.startsWith("✔ start"))!, /examples\/tunnel \(examples\/cross-cloud declares a component, which the plugin driver cannot run: telling examples\/tunnel instead\)/);
                assertStoryPassed(result);
                // AND the drift step named the field changed in the console
                assertDriftNamed(result);
                // AND the report has one line per step and a verdict
                assert.equal(lines.filter((l) => l.startsWith("✔ ")).length, STORY.length, lines.join("\n"));
                assert.match(lines[lines.length - 1], /^PASSED in .* \(plugin driver\)$/);
                // AND nothing is left behind
                assert.deepEqual(leftovers, []);
                assert.deepEqual(demoPluginPids(), []);
            } finally {
                fs.rmSync(emptyDir, { recursive: true, force: true });
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
                // AND a driver chosen on purpose is not announced as a missing CLI
                assert.ok(!lines.includes(NO_CLI_NOTICE), lines.join("\n"));
                assertStoryPassed(result);
                assertDriftNamed(result, field);
            });
        }

        it("fails in one line when the CLI driver is forced but no CLI is at hand", async () => {
            // GIVEN neither a pulumi on PATH nor a built one
            const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "empty-path-"));
            const lines: string[] = [];
            try {
                // WHEN the CLI driver is requested
                const result = await runDemo({ out: (line) => lines.push(line), driver: "cli", lookupEnv: withoutCli(emptyDir) });
                // THEN nothing starts, and one line says why and what to run
                assert.equal(result.ok, false);
                assert.deepEqual(result.steps, []);
                assert.equal(lines.length, 1);
                assert.match(lines[0], /no Pulumi CLI is on PATH or built: run `npm run setup:pulumi`/);
            } finally {
                fs.rmSync(emptyDir, { recursive: true, force: true });
            }
        });
    });
});
