/**
 * `npm run demo`: starts the embedded cloud emulator and tells the examples' story
 * (up → out-of-band change → drift preview → up converges → destroy) with a short report. By
 * default it is the cross-cloud story: examples/cross-cloud on the emulator's first peering pair,
 * tunnel established → the Tencent end's pre-shared key changed in the console → drift named, tunnel
 * down → up --refresh → established again.
 *
 * With a Pulumi CLI at hand — on PATH, or built earlier by `npm run setup:pulumi` (which `npm test`
 * runs) — the story runs through the real `pulumi` (Automation API, local file backend, passphrase
 * secrets, all in a temporary directory); the demo never waits for a build. Without one it runs
 * through the dynamic-provider plugin driven over gRPC the way the engine drives it, and says in one
 * line how to get the real engine. No cloud credentials are needed and nothing is left behind: every
 * process and temporary directory ends in `finally`.
 *
 * The plugin driver plays the dynamic provider only and cannot run a component program: asked for
 * cross-cloud (or left to the default) it tells the story of examples/tunnel instead and says so.
 *
 * Environment: `PULUMI_IPSEC_DEMO_DRIVER=cli|plugin` forces a driver (default: cli when found).
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../emulator";
import { ControlClient } from "../emulator/core/controlClient";
import { createCliDriver } from "./cliDriver";
import { copyProgram, missingBuild, ProgramCopy } from "./programDir";
import { createPluginDriver } from "./pluginDriver";
import { LineSink, Report, StepResult } from "./report";
import { cloudEnvironment, EmulatorInfo } from "../emulator";
import { alicloudGatewayFor, alicloudGatewayIp, COMPONENT_EXAMPLES, ExampleName, REPO_ROOT, Scenario, scenarioFor } from "./scenario";
import type { StackDriver } from "./stackDriver";
import { tellStory } from "./story";
import { availablePulumi } from "../tools/pulumi-cli/setup";

/** Which engine plays the story. */
export type DriverChoice = "auto" | "cli" | "plugin";

/** Options of {@link runDemo}. */
export interface DemoOptions {
    /** Receives each report line. @default console.log */
    out?: LineSink;
    /** @default the `PULUMI_IPSEC_DEMO_DRIVER` environment variable, else "auto" */
    driver?: DriverChoice;
    /** Emulator transition time: short, so waits are a few polls. @default 20 */
    transitionMs?: number;
    /**
     * The environment the CLI is looked for in: its `PATH`, and the cache `npm run setup:pulumi` builds
     * into (`PULUMI_IPSEC_CACHE_DIR`, `XDG_CACHE_HOME`, `HOME`). @default process.env
     */
    lookupEnv?: NodeJS.ProcessEnv;
    /**
     * The example whose story is told; the plugin driver runs `tunnel` instead of `cross-cloud`
     * (see {@link exampleFor}).
     * @default "cross-cloud" when Tencent Cloud is available (see {@link tencentAvailable}), else "alicloud"
     */
    example?: ExampleName;
}

/** The result of {@link runDemo}. */
export interface DemoResult {
    /** True when every step passed. */
    ok: boolean;
    /** The driver that ran (undefined when the demo could not start). */
    driver?: "cli" | "plugin";
    /** The example whose story was told. */
    example?: Scenario["example"];
    steps: StepResult[];
}

/** The one line printed when no CLI is at hand. */
export const NO_CLI_NOTICE =
    "No Pulumi CLI on PATH or built: telling the story through the plugin driver (the engine's gRPC calls, no CLI); `npm run setup:pulumi` gets the real engine.";

/**
 * True when the Tencent examples can run: the built SDK exports `tencentcloud.VpnConnection`, its
 * provider module is built, and the emulator serves Tencent Cloud. Without it the story uses the
 * Alibaba example.
 */
export function tencentAvailable(info: EmulatorInfo, repoRoot = REPO_ROOT): boolean {
    if (!info.tencentcloud) return false;
    if (!fs.existsSync(path.join(repoRoot, "dist/provider/tencentcloud/vpnConnection.js"))) return false;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const sdk = require(path.join(repoRoot, "dist/sdk/index.js"));
        return typeof sdk.tencentcloud?.VpnConnection === "function";
    } catch {
        return false;
    }
}

/** The example the plugin driver tells instead of a component program it cannot run. */
export const PLUGIN_FALLBACK: ExampleName = "tunnel";

/**
 * The example `driver` tells: the requested one (default cross-cloud with Tencent, else alicloud),
 * but {@link PLUGIN_FALLBACK} where the plugin driver would have to run a component; `note` then
 * says so for the report.
 */
export function exampleFor(requested: ExampleName | undefined, tencent: boolean, driver: "cli" | "plugin"): { example: ExampleName; note?: string } {
    const wanted = requested ?? (tencent ? "cross-cloud" : "alicloud");
    if (driver === "plugin" && COMPONENT_EXAMPLES.includes(wanted)) {
        return { example: PLUGIN_FALLBACK, note: `examples/${wanted} declares a component, which the plugin driver cannot run: telling examples/${PLUGIN_FALLBACK} instead` };
    }
    return { example: wanted };
}

/** `dir` with the home directory shown as `~`, as a reader would type it. */
function tildePath(dir: string): string {
    const home = os.homedir();
    return dir === home || dir.startsWith(home + path.sep) ? `~${dir.slice(home.length)}` : dir;
}

function chooseDriver(options: DemoOptions): DriverChoice {
    const requested = options.driver ?? (process.env.PULUMI_IPSEC_DEMO_DRIVER as DriverChoice | undefined) ?? "auto";
    if (!["auto", "cli", "plugin"].includes(requested)) throw new Error(`PULUMI_IPSEC_DEMO_DRIVER must be auto, cli or plugin, not ${requested}`);
    return requested;
}

/**
 * Runs the whole demo in this process and reports through `options.out`. Never throws: failures
 * are failed steps, and every process and temporary directory is gone when it resolves.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
    const out = options.out ?? ((line: string) => console.log(line));
    const report = new Report(out);

    const missing = missingBuild();
    if (missing.length > 0) {
        out(`${missing[0]} is missing: run \`npm run build\` first (the plugin loads pulumi-ipsec/dist/... like an installed package).`);
        return { ok: false, steps: [] };
    }
    let choice: DriverChoice;
    try {
        choice = chooseDriver(options);
    } catch (error) {
        out((error as Error).message);
        return { ok: false, steps: [] };
    }
    const cli = choice === "plugin" ? undefined : availablePulumi(options.lookupEnv ?? process.env);
    if (choice === "cli" && !cli) {
        out("The CLI driver was requested, but no Pulumi CLI is on PATH or built: run `npm run setup:pulumi` first.");
        return { ok: false, steps: [] };
    }
    const kind: "cli" | "plugin" = cli ? "cli" : "plugin";

    if (!cli && choice === "auto") out(NO_CLI_NOTICE);

    let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
    let program: ProgramCopy | undefined;
    let scratch: string | undefined;
    let driver: StackDriver | undefined;
    let scenario: Scenario | undefined;
    try {
        const started = await report.step("start", async () => {
            emulator = await startEmulator({ port: 0, settings: { transitionMs: options.transitionMs ?? 20 } });
            const info = emulator.info as EmulatorInfo;
            const control = new ControlClient(info.control);
            const { example, note } = exampleFor(options.example, tencentAvailable(info), kind);
            scenario = scenarioFor(info, {
                example,
                preSharedKey: `Demo-${randomBytes(9).toString("base64url")}`,
                alicloudVpnGatewayIp: alicloudGatewayIp(await control.state(), alicloudGatewayFor(info, example)),
            });
            const clouds = info.tencentcloud ? "Alibaba Cloud + Tencent Cloud" : "Alibaba Cloud";
            const via = cli ? `pulumi in ${tildePath(cli)}, file backend in a temp dir` : "plugin driver";
            const fallback = note ? ` (${note})` : "";
            return { detail: `emulator (${clouds}) at ${emulator.baseUrl}; examples/${scenario.example}${fallback}, stack ${scenario.stack}, ${via}` };
        });
        if (started && scenario && emulator) {
            const info = emulator.info as EmulatorInfo;
            const env = cloudEnvironment(info);
            const chosen = scenario;
            // The driver is opened inside the story's `up` step, so a failure to start it is reported there.
            const openDriver = async (): Promise<StackDriver> => {
                program = copyProgram(chosen.exampleDir);
                scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-demo-"));
                driver = cli
                    ? await createCliDriver({ scenario: chosen, programDir: program.dir, env, scratchDir: scratch, cliDir: cli })
                    : await createPluginDriver({ scenario: chosen, programDir: program.dir, programEntry: program.entry, env });
                return driver;
            };
            await tellStory({ scenario, openDriver, control: new ControlClient(info.control) }, report.step);
        }
    } finally {
        await report.always("cleanup", async () => {
            // Each part runs even when an earlier one fails, so one error cannot leave the rest behind.
            const done: string[] = [];
            const errors: string[] = [];
            const attempt = async (what: string, action: () => unknown) => {
                try {
                    await action();
                    done.push(what);
                } catch (error) {
                    errors.push(`${what}: ${(error as Error).message}`);
                }
            };
            if (driver) await attempt(kind === "cli" ? "stack removed" : "plugin stopped", () => driver!.dispose());
            if (emulator) await attempt("emulator stopped", () => emulator!.stop());
            if (program || scratch) {
                await attempt("temporary directories removed", () => {
                    for (const dir of [program?.dir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
                });
            }
            if (errors.length) throw new Error(`cleanup failed (${errors.join("; ")})`);
            return { detail: done.join(", ") || "nothing to clean up" };
        });
        report.finish(`${kind} driver`);
    }
    return { ok: report.ok, driver: kind, example: scenario?.example, steps: report.steps };
}

if (require.main === module) {
    runDemo().then(
        (result) => {
            process.exitCode = result.ok ? 0 : 1;
        },
        (error) => {
            console.error(error);
            process.exitCode = 1;
        },
    );
}
