/**
 * The plugin's child process: its port announcement, its output split into lines, its exit, and
 * bounded termination; every child still running is killed when this process exits.
 */
import { ChildProcess } from "child_process";
import { EventEmitter } from "events";

/** How the plugin process ended. */
export interface PluginExit {
    code: number | null;
    signal: NodeJS.Signals | null;
}

/** Every plugin still running; killed on exit of this process so that a forgotten close() leaves no orphan. */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
export function trackChild(child: ChildProcess): void {
    liveChildren.add(child);
    child.once("exit", () => liveChildren.delete(child));
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once("exit", () => {
            for (const c of liveChildren) {
                try {
                    c.kill("SIGKILL");
                } catch {
                    // Already gone.
                }
            }
        });
    }
}

/** Owns the child process: port announcement, line-split output, exit tracking and bounded termination. */
export class PluginChild {
    readonly logs: string[] = [];
    readonly port: Promise<number>;
    readonly exited: Promise<PluginExit>;
    exit: PluginExit | undefined;
    private readonly lines = new EventEmitter();
    /** Stdout that should have been the port line, kept to explain a failed start (stderr is in `logs`). */
    private readonly startupOutput: string[] = [];
    private portSeen = false;

    constructor(readonly child: ChildProcess) {
        this.exited = new Promise((resolve) =>
            child.once("exit", (code, signal) => {
                this.exit = { code, signal };
                resolve(this.exit);
            }),
        );
        this.port = new Promise((resolve, reject) => {
            splitLines(child.stdout!, (line) => {
                if (this.portSeen) {
                    this.addLog(line);
                    return;
                }
                this.portSeen = true;
                // The engine strips terminal escapes and whitespace before parsing (plugin.go parsePort).
                const text = line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trim();
                const port = /^\d+$/.test(text) ? Number(text) : NaN;
                if (Number.isInteger(port) && port > 0) {
                    resolve(port);
                } else {
                    this.startupOutput.push(line);
                    reject(new Error(`plugin printed ${JSON.stringify(line)} instead of a port`));
                }
            });
            child.once("error", reject);
            void this.exited.then((x) =>
                reject(new Error(`plugin exited before announcing a port (code ${x.code}, signal ${x.signal})`)),
            );
        });
        // A rejection nobody awaits yet (e.g. exit after the port was read) must not surface as unhandled.
        this.port.catch(() => undefined);
        splitLines(child.stderr!, (line) => this.addLog(line));
    }

    describeOutput(): string {
        const out = [...this.startupOutput, ...this.logs];
        return out.length ? `\n--- plugin output ---\n${out.join("\n")}` : "";
    }

    onLine(listener: (line: string) => void): () => void {
        this.lines.on("line", listener);
        return () => this.lines.off("line", listener);
    }

    /** Sends `signal`, waits up to 3 s, then SIGKILL and up to 3 s more; resolves even if the OS never reports. */
    async terminate(signal: NodeJS.Signals): Promise<PluginExit> {
        if (this.exit) {
            return this.exit;
        }
        const timedOut = Symbol("timeout");
        const wait = (ms: number) => Promise.race([this.exited, delay(ms).then(() => timedOut)]);
        safeKill(this.child, signal);
        let result = await wait(3000);
        if (result === timedOut) {
            safeKill(this.child, "SIGKILL");
            result = await wait(3000);
        }
        return result === timedOut ? { code: null, signal: null } : (result as PluginExit);
    }

    private addLog(line: string): void {
        this.logs.push(line);
        this.lines.emit("line", line);
    }
}

/** Calls `onLine` per complete line; a trailing partial line is flushed when the stream ends. */
function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
    let buffered = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
            onLine(buffered.slice(0, nl).replace(/\r$/, ""));
            buffered = buffered.slice(nl + 1);
        }
    });
    stream.on("end", () => {
        if (buffered) {
            onLine(buffered);
            buffered = "";
        }
    });
}

function safeKill(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
        child.kill(signal);
    } catch {
        // Already gone.
    }
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
