/**
 * Runs the emulator until SIGINT/SIGTERM.
 *
 *   npm run -s emulator -- [--port <port>] [--transition-ms <ms>] [--latency-ms <ms>] [--json]
 *
 * With `--json` it prints exactly one line, the EmulatorInfo JSON; otherwise a short human summary.
 */
import { startEmulator } from "./index";
import type { EmulatorInfo } from "./index";

interface CliOptions {
    port: number;
    transitionMs?: number;
    latencyMs?: number;
    json: boolean;
}

const USAGE = "usage: emulator [--port <port>] [--transition-ms <ms>] [--latency-ms <ms>] [--json]";

/** Parses the command line; throws with the usage on anything unknown. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
    const options: CliOptions = { port: 0, json: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json") {
            options.json = true;
        } else if (arg === "--port" || arg === "--transition-ms" || arg === "--latency-ms") {
            const value = Number(argv[++i]);
            const max = arg === "--port" ? 65535 : Number.MAX_SAFE_INTEGER;
            if (!Number.isInteger(value) || value < 0 || value > max) {
                throw new Error(`${arg} needs an integer from 0 to ${max}\n${USAGE}`);
            }
            if (arg === "--port") options.port = value;
            else if (arg === "--latency-ms") options.latencyMs = value;
            else options.transitionMs = value;
        } else {
            throw new Error(`unknown argument ${arg}\n${USAGE}`);
        }
    }
    return options;
}

/** Keys whose values stay out of the human summary (the `--json` line carries them for tools). */
const SECRET_KEY = /(secret|token)$|secretkey/i;

/** A nested entry is shown by its endpoint (the STS front end's `sts`), else left to the `--json` line. */
function nestedEndpoint(value: unknown): string | undefined {
    const endpoint = (value as { endpoint?: unknown } | null)?.endpoint;
    return typeof endpoint === "string" ? endpoint : undefined;
}

/** A readable summary: one block per cloud with its plain fields, secrets left out. */
function summary(info: EmulatorInfo): string {
    const lines = [`Cloud emulator listening on 127.0.0.1 — control API ${info.control}`];
    for (const [cloud, entry] of Object.entries(info)) {
        if (cloud === "control" || cloud === "peering" || typeof entry !== "object" || entry === null) {
            continue;
        }
        lines.push(`  ${cloud}`);
        for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
            const shown = Array.isArray(value) ? value.join(", ") : typeof value === "object" ? nestedEndpoint(value) : String(value);
            if (shown !== undefined && !SECRET_KEY.test(key)) {
                lines.push(`    ${key.padEnd(20)} ${shown}`);
            }
        }
    }
    for (const pair of info.peering ?? []) {
        lines.push(`  peering   ${pair.alicloud.vpnGatewayId} (${pair.alicloud.customerGatewayId}) <-> ${pair.tencentcloud.vpnGatewayId} (${pair.tencentcloud.customerGatewayId})`);
    }
    lines.push("Ctrl-C stops it.");
    return lines.join("\n");
}

async function main(): Promise<void> {
    const options = parseCliArgs(process.argv.slice(2));
    const emulator = await startEmulator({
        port: options.port,
        settings: {
            ...(options.transitionMs === undefined ? {} : { transitionMs: options.transitionMs }),
            ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
        },
    });
    process.stdout.write(`${options.json ? JSON.stringify(emulator.info) : summary(emulator.info)}\n`);
    const shutdown = () => {
        emulator.stop().then(
            () => process.exit(0),
            () => process.exit(1),
        );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(2);
    });
}
