/**
 * Records every TCP connection the process starts while a function runs, whatever library starts
 * it (http, https and the cloud SDKs all end in `net.Socket.prototype.connect`): the proof that a
 * step opened no socket, or none to a host other than the emulator's.
 */
import net from "node:net";

/** One connection attempt: the host (or IPC path) and port asked for. */
export interface ConnectAttempt {
    host: string;
    port: number | undefined;
}

/** Runs `run` and returns its settled outcome with the connections started meanwhile. Not reentrant. */
export async function recordConnects<T>(run: () => Promise<T>): Promise<{ outcome: PromiseSettledResult<T>; attempts: ConnectAttempt[] }> {
    const attempts: ConnectAttempt[] = [];
    const original = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
        attempts.push(describe(args));
        return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof original;
    try {
        const [outcome] = await Promise.allSettled([run()]);
        return { outcome, attempts };
    } finally {
        net.Socket.prototype.connect = original;
    }
}

function describe(args: unknown[]): ConnectAttempt {
    // connect(options[, listener]) — also what net.createConnection passes on — or connect(port[, host]) / connect(path).
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === "object" && first !== null) {
        const options = first as { host?: string; port?: number | string; path?: string };
        return { host: options.path ?? options.host ?? "localhost", port: options.port === undefined ? undefined : Number(options.port) };
    }
    if (typeof first === "number" || /^\d+$/.test(String(first))) {
        return { host: typeof args[1] === "string" ? args[1] : "localhost", port: Number(first) };
    }
    return { host: String(first), port: undefined };
}
