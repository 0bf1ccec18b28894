/**
 * The emulator in a process of its own (`dist/emulator/cli.js --json`), so that its CPU stays out of every
 * figure the bench takes in this process: the bench's own event loop runs only the client side.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { cloudEnvironment, ControlClient, EmulatorInfo } from "../emulator";

export interface EmulatorProcess {
    info: EmulatorInfo;
    /** The variables that point both clouds' providers at it (emulator/environment.ts). */
    env: Record<string, string>;
    control: ControlClient;
    /** Sets the per-call latency (`latencyMs`, a real cloud's round trip). */
    latency(ms: number): Promise<void>;
    stop(): Promise<void>;
}

const CLI = path.resolve(__dirname, "..", "dist", "emulator", "cli.js");
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** Spawns the built emulator and reads its `--json` line; needs `npm run build` first. */
export async function spawnEmulator(options: { transitionMs?: number } = {}): Promise<EmulatorProcess> {
    const child = spawn(process.execPath, [CLI, "--port", "0", "--json", "--transition-ms", String(options.transitionMs ?? 5)], { stdio: ["ignore", "pipe", "inherit"] });
    const stopChild = () => child.kill("SIGKILL");
    process.once("exit", stopChild);
    const info = await firstLine(child).then((line) => JSON.parse(line) as EmulatorInfo, (error) => {
        child.kill("SIGKILL");
        throw error;
    });
    const control = new ControlClient(info.control);
    return {
        info,
        env: cloudEnvironment(info),
        control,
        latency: async (ms) => void (await control.settings({ latencyMs: ms })),
        async stop() {
            process.off("exit", stopChild);
            if (child.exitCode !== null) return;
            const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
            child.kill("SIGTERM");
            const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
            await exited;
            clearTimeout(timer);
        },
    };
}

function firstLine(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
        let buffered = "";
        const timer = setTimeout(() => reject(new Error(`the emulator printed no --json line within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
        child.once("exit", (code) => reject(new Error(`the emulator exited (${code}) before printing its --json line; run npm run build first`)));
        child.stdout!.on("data", (chunk: Buffer) => {
            buffered += chunk.toString("utf8");
            const end = buffered.indexOf("\n");
            if (end >= 0) {
                clearTimeout(timer);
                resolve(buffered.slice(0, end));
            }
        });
    });
}
