/**
 * `pulumi refresh` of a large stack through the real Pulumi CLI, as a user runs it (`--yes`, default
 * `--parallel`), against the emulator process with a real cloud's round trip: the command's wall time and
 * the API requests counted while it ran, coalesced and one by one (PULUMI_IPSEC_READ_BATCHING=off).
 * Then the coalesced refresh once more with no latency: the command's own cost, a floor under both.
 * The `pulumi up` that creates the stack is setup, not measured. Skipped, saying so, when no CLI is at hand.
 */
import { performance } from "perf_hooks";
import { CliStack } from "../tests/support/cli";
import { availablePulumi } from "../tools/pulumi-cli/setup";
import { spawnEmulator } from "./emulatorProcess";
import type { Results } from "./report";

/** Refreshes per mode; the figures are medians. */
const CLI_RUNS = 3;

/** Connections in the refreshed stack, and the gateways they are spread over. */
export const CLI_CONNECTIONS = 200;
const CLI_GATEWAYS = 2;
const LATENCY_MS = 50;

export async function benchCliRefresh(results: Results, log: (line: string) => void = console.log): Promise<void> {
    if (!availablePulumi()) {
        log("pulumi refresh through the CLI: skipped, no Pulumi CLI on PATH or built (run npm run setup:pulumi)");
        return;
    }
    const emulator = await spawnEmulator();
    let stack: CliStack | undefined;
    try {
        await emulator.control.settings({ connectionQuotaPerGateway: 1000 });
        stack = await CliStack.create({
            program: "bench/refresh-stack",
            env: emulator.env,
            config: {
                connections: String(CLI_CONNECTIONS),
                vpnGatewayIds: emulator.info.alicloud.vpnGatewayIds.slice(0, CLI_GATEWAYS).join(","),
                customerGatewayId: emulator.info.alicloud.customerGatewayIds[0],
            },
        });
        const up = await stack.run(["up", "--yes", "--skip-preview"], { timeoutMs: 900_000 });
        if (up.code !== 0) throw new Error(`pulumi up of the bench stack exited ${up.code}:\n${up.output.slice(-4000)}`);

        await emulator.latency(LATENCY_MS);
        const refresh = async (batching: "on" | "off") => {
            const before = await emulator.control.counters();
            const started = performance.now();
            // One read pass, as the drift check `pulumi preview --refresh` makes (`refresh --yes` makes two: its preview, then the refresh).
            const run = await stack!.run(["refresh", "--yes", "--skip-preview"], { timeoutMs: 600_000, env: { PULUMI_IPSEC_READ_BATCHING: batching } });
            const seconds = (performance.now() - started) / 1000;
            if (run.code !== 0) throw new Error(`pulumi refresh (batching ${batching}) exited ${run.code}:\n${run.output.slice(-4000)}`);
            const after = await emulator.control.counters();
            const requests = Object.entries(after).reduce((sum, [key, n]) => sum + n - (before[key] ?? 0), 0);
            return { seconds, requests };
        };
        // Alternating runs, medians: one command's wall time swings with whatever else the machine does.
        const runs: { on: { seconds: number; requests: number }[]; off: { seconds: number; requests: number }[] } = { on: [], off: [] };
        for (let i = 0; i < CLI_RUNS; i++) {
            runs.on.push(await refresh("on"));
            runs.off.push(await refresh("off"));
        }
        // The command's own cost: the same coalesced refresh with no round trip at all (engine and plugin start,
        // the Reads' marshalling, the state write), a floor under any refresh of this stack.
        await emulator.latency(0);
        const noLatency: { seconds: number; requests: number }[] = [];
        for (let i = 0; i < CLI_RUNS; i++) noLatency.push(await refresh("on"));
        const median = (xs: { seconds: number; requests: number }[]) => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)];
        const batched = median(runs.on);
        const oneByOne = median(runs.off);
        const floor = median(noLatency);
        log(`pulumi refresh --yes --skip-preview of ${CLI_CONNECTIONS} connections on ${CLI_GATEWAYS} gateways (median of ${CLI_RUNS}): ${batched.requests} requests in ${batched.seconds.toFixed(1)} s coalesced, ${oneByOne.requests} in ${oneByOne.seconds.toFixed(1)} s one by one, ${floor.seconds.toFixed(1)} s with no latency`);
        results.record(`CLI: pulumi refresh of ${CLI_CONNECTIONS} connections, API requests (≤ N/40)`, batched.requests, "requests", CLI_CONNECTIONS / 40);
        results.record(`CLI: the same, wall time (one by one: ${oneByOne.seconds.toFixed(1)} s)`, batched.seconds, "s", 60);
        results.record("CLI: wall time of that refresh ÷ one-by-one's", batched.seconds / oneByOne.seconds, "×", 0.2);
        results.record("CLI: the same refresh with no round trip (the command's own cost)", floor.seconds, "s", 0, { kind: "info" });
        results.record("CLI: that cost ÷ one-by-one's (no refresh can go below it)", floor.seconds / oneByOne.seconds, "×", 0, { kind: "info" });
    } finally {
        await stack?.dispose();
        await emulator.stop();
    }
}
