/**
 * `npm run bench [-- --smoke] [-- --out <dir>]`: speed, requests and memory of what large stacks exercise,
 * each figure against its target. The emulator runs in a process of its own, with a real cloud's round trip
 * (`latencyMs`) while refreshes are measured; reads go through the real dynamic-provider plugin.
 *
 *  1. check + diff of one connection (pure, schema-driven): runs for every resource on every preview.
 *  2. `__provider` and state bytes per resource.
 *  3. API requests of create / read / update / delete of one connection, per cloud.
 *  4. the refresh sweep (bench/sweep.ts): N connections per cloud on 3 gateways, this project beside the
 *     one-call-per-connection baseline, the raw-SDK lower bound and the plugin floor (medians of 3
 *     alternating rounds), with ratios and a plot.
 *  5. hook CPU per read against the raw SDK call; plugin cold start against a minimal dynamic provider.
 *  6. the heap of this process, the plugin's peak RSS; then `pulumi refresh` of a 200-connection stack through the real CLI.
 *
 * Writes `results.json` and `results.svg` to `--out` (default: bench/, the copies the README shows; a
 * `--smoke` run defaults to a temporary directory). `--smoke` runs small sizes, skips the CLI, and enforces
 * only the figures that do not depend on timing. Exits 1 when an enforced target is missed.
 */
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { benchCliRefresh } from "./cliRefresh";
import { measureColdStart } from "./coldStart";
import { spawnEmulator } from "./emulatorProcess";
import { Cloud, Fleet, hooksOf } from "./fleet";
import { measureHookCpu } from "./hookCpu";
import { requestsPerOperation } from "./operations";
import { writePlot } from "./plot";
import { engineParallelism } from "./pool";
import { projectProviderText } from "./providerText";
import { Results } from "./report";
import { sweepCloud } from "./sweep";

interface Options {
    smoke: boolean;
    out: string;
}

function parseArgs(argv: readonly string[]): Options {
    const smoke = argv.includes("--smoke");
    const at = argv.indexOf("--out");
    if (at >= 0 && !argv[at + 1]) throw new Error("--out needs a directory");
    const unknown = argv.filter((arg, i) => arg !== "--smoke" && arg !== "--out" && argv[i - 1] !== "--out");
    if (unknown.length) throw new Error(`unknown arguments ${unknown.join(" ")}; usage: bench/run.ts [--smoke] [--out <dir>]`);
    return { smoke, out: at >= 0 ? path.resolve(argv[at + 1]) : smoke ? path.join(os.tmpdir(), "pulumi-ipsec-bench-smoke") : __dirname };
}

const CLOUDS: readonly Cloud[] = ["alicloud", "tencentcloud"];

async function benchCheckAndDiff(results: Results, iterations: number): Promise<void> {
    const hooks = hooksOf("alicloud");
    const news = {
        vpnGatewayId: "vpn-1",
        customerGatewayId: "cgw-1",
        localSubnets: ["10.1.0.0/16", "10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        preSharedKey: "bench-psk",
        ikeConfig: { ikeEncAlg: "AES256", ikeAuthAlg: "sha256" },
    };
    const { inputs } = await hooks.check({}, news);
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
        const checked = (await hooks.check({}, news)).inputs;
        await hooks.diff("vco-1", { ...inputs, vpnConnectionId: "vco-1" }, checked);
    }
    results.record("check + diff per connection", ((performance.now() - started) * 1000) / iterations, "µs", 200);
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    const results = new Results(options.smoke ? "smoke" : "full");
    const settings = {
        sizes: options.smoke ? [20, 60] : [100, 200, 500, 1000],
        gateways: 3,
        latencyMs: options.smoke ? 5 : 50,
        parallel: engineParallelism(),
        sweepRounds: options.smoke ? 1 : 3,
        coldStartRuns: options.smoke ? 1 : 7,
        cpuRounds: options.smoke ? 1 : 3,
    };
    const log = (line: string) => console.log(line);
    const heapBefore = process.memoryUsage().heapUsed;
    process.env.ALIBABA_CLOUD_REGION ??= "cn-hangzhou";
    const previousError = console.error;
    console.error = () => undefined; // the hooks' progress and diff lines would flood the table

    const emulator = await spawnEmulator();
    Object.assign(process.env, emulator.env);
    try {
        await emulator.control.settings({ connectionQuotaPerGateway: 2000 });
        await benchCheckAndDiff(results, options.smoke ? 1000 : 20_000);

        for (const cloud of CLOUDS) {
            results.requestsPerOperation[cloud] = await requestsPerOperation(emulator, cloud, 9999);
        }

        for (const cloud of CLOUDS) {
            log(`refresh sweep, ${cloud} (latency ${settings.latencyMs} ms, --parallel ${settings.parallel}):`);
            const { rows, fleet, pluginPeakRssMiB } = await sweepCloud(emulator, cloud, settings.sizes, { ...settings, rounds: settings.sweepRounds, log });
            results.sweep.push(...rows);
            if (pluginPeakRssMiB !== undefined) {
                results.record(`${cloud}: plugin's peak RSS over the coalesced refresh of ${settings.sizes[settings.sizes.length - 1]}`, pluginPeakRssMiB, "MiB", 512);
            }
            for (const n of settings.sizes) {
                const row = (variant: string) => rows.find((r) => r.n === n && r.variant === variant)!;
                // Coalescing is exact when the refresh costs what paging the gateways by hand costs.
                results.record(`${cloud}: refresh of ${n}, API requests (≤ the raw-SDK lower bound's)`, row("project").requests, "requests", row("lowerBound").requests);
                if (n < 500) continue;
                results.record(`${cloud}: refresh of ${n}, API requests (≤ N/40)`, row("project").requests, "requests", n / 40);
                results.record(`${cloud}: refresh of ${n}, wall time (≤ 1/5 of one-by-one's ${(row("baseline").wallMs / 1000).toFixed(2)} s)`, row("project").wallMs / 1000, "s", row("baseline").wallMs / 1000 / 5);
            }
            await benchStateAndCpu(results, emulator, cloud, fleet, settings);
        }
        const alicloudFleet = new Fleet("alicloud", emulator.info);
        const coldStart = await measureColdStart(emulator, "alicloud", await alicloudFleet.create(9998), settings.coldStartRuns);
        results.record(`plugin cold start, spawn → first Read (minimal provider: ${Math.round(coldStart.minimalMs)} ms)`, coldStart.projectMs / coldStart.minimalMs, "×", 1.1);
        results.record("plugin cold start, the project's own share (its first Read − a minimal one's)", coldStart.projectFirstReadMs - coldStart.minimalFirstReadMs, "ms", 25);
    } finally {
        console.error = previousError;
        await emulator.stop();
    }
    collectGarbage();
    results.record("heap growth over the run", (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, "MiB", 256);
    // Last: the CLI and its plugin are processes of their own, so they do not enter the heap figures above.
    if (!options.smoke) await benchCliRefresh(results, log);

    const missed = results.print(log);
    const file = results.write(options.out, settings);
    const plot = await writePlot(results.sweep, options.out, `latency ${settings.latencyMs} ms per call, --parallel ${settings.parallel}, ${os.cpus().length} CPUs, ${process.version}`);
    log(`wrote ${file} and ${plot}`);
    process.exitCode = missed ? 1 : 0;
}

async function benchStateAndCpu(results: Results, emulator: Awaited<ReturnType<typeof spawnEmulator>>, cloud: Cloud, fleet: Fleet, settings: { parallel: number; cpuRounds: number }): Promise<void> {
    const text = projectProviderText(cloud);
    const member = fleet.members[0];
    results.record(`${cloud}: __provider size (stored in inputs and outputs)`, Buffer.byteLength(text), "bytes", 4096);
    const state = { inputs: { ...member.inputs, __provider: text }, outputs: { ...member.outputs, __provider: text } };
    results.record(`${cloud}: state bytes per connection`, Buffer.byteLength(JSON.stringify(state)), "bytes", 10_240);
    const { hookMicros, coalescedMicros, rawMicros } = await measureHookCpu(emulator.info, cloud, fleet.members.slice(0, 300), settings.parallel, settings.cpuRounds);
    results.record(`${cloud}: hook CPU per read, one by one, ÷ raw SDK Describe's (${Math.round(hookMicros)} vs ${Math.round(rawMicros)} µs)`, hookMicros / rawMicros, "×", 1.3);
    results.record(`${cloud}: hook CPU per read in a coalesced refresh ÷ the same (${Math.round(coalescedMicros)} µs)`, coalescedMicros / rawMicros, "×", 1.3);
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});

/** A full collection before the heap is read (what is left is what the run keeps), without --expose-gc on the command line. */
function collectGarbage(): void {
    require("v8").setFlagsFromString("--expose-gc");
    (require("vm").runInNewContext("gc") as () => void)();
}
