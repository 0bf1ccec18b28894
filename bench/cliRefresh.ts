/**
 * `pulumi refresh` of a large stack through the real Pulumi CLI, as a user runs it (`--yes`, default
 * `--parallel`): the command's wall time and the API requests the emulator counted while it ran. The
 * `pulumi up` that creates the stack is setup, not measured. Skipped, saying so, when no CLI is at hand.
 */
import { performance } from "perf_hooks";
import { CliStack } from "../tests/support/cli";
import { startTestCloud } from "../tests/support/cloudEnv";
import { availablePulumi } from "../tools/pulumi-cli/setup";

/** Connections in the refreshed stack. */
export const CLI_CONNECTIONS = 200;

/** Records one figure against its target (see bench/run.ts). */
export type Recorder = (name: string, value: number, unit: string, target: number) => void;

/** Requests per `cloud:Action` made between two counter snapshots. */
function requestsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(after).map(([key, n]) => [key, n - (before[key] ?? 0)]).filter(([, n]) => (n as number) > 0));
}

export async function benchCliRefresh(record: Recorder, log: (line: string) => void = console.log): Promise<void> {
    if (!availablePulumi()) {
        log("pulumi refresh through the CLI: skipped, no Pulumi CLI on PATH or built (run npm run setup:pulumi)");
        return;
    }
    const cloud = await startTestCloud({ transitionMs: 5 });
    let stack: CliStack | undefined;
    try {
        await cloud.control.settings({ connectionQuotaPerGateway: 1000 });
        stack = await CliStack.create({
            program: "bench/refresh-stack",
            env: cloud.env,
            config: { connections: String(CLI_CONNECTIONS), vpnGatewayIds: cloud.alicloud.vpnGatewayIds.join(","), customerGatewayId: cloud.alicloud.customerGatewayIds[0] },
        });
        await stack.run(["up", "--yes", "--skip-preview"], { timeoutMs: 900_000 }).then((r) => {
            if (r.code !== 0) throw new Error(`pulumi up of the bench stack exited ${r.code}:\n${r.output.slice(-4000)}`);
        });

        const before = await cloud.control.counters();
        const started = performance.now();
        const refreshed = await stack.run(["refresh", "--yes"], { timeoutMs: 600_000 });
        const seconds = (performance.now() - started) / 1000;
        if (refreshed.code !== 0) throw new Error(`pulumi refresh exited ${refreshed.code}:\n${refreshed.output.slice(-4000)}`);
        const requests = requestsBetween(before, await cloud.control.counters());
        const total = Object.values(requests).reduce((a, b) => a + b, 0);
        log(`pulumi refresh --yes of ${CLI_CONNECTIONS} connections: requests per action ${JSON.stringify(requests)}`);
        record(`CLI: pulumi refresh of ${CLI_CONNECTIONS} connections (wall)`, seconds, "s", 60);
        // `refresh --yes` reads every resource twice: once in its preview, once in the refresh itself.
        // Each pass lists every gateway's connections 50 a page (provider/core/readBatch): 2 × 6 pages
        // for 200 on 3 gateways; the one-call-per-connection reads of PULUMI_IPSEC_READ_BATCHING=off cost 400.
        record("CLI: API requests of that refresh", total, "requests", CLI_CONNECTIONS / 10);
    } finally {
        await stack?.dispose();
        await cloud.stop();
    }
}
