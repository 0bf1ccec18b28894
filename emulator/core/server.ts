/**
 * The emulator's HTTP core: one loopback port serving every cloud front end (routed by path prefix)
 * and the control API, with request logging, per-action counters and fault injection.
 */
import { createServer } from "http";
import type { IncomingMessage, ServerResponse } from "http";
import type { AddressInfo, Socket } from "net";
import { createEmulatorContext } from "./context";
import { CONTROL_PREFIX, handleControlRequest } from "./controlApi";
import { FaultQueue } from "./faultQueue";
import { ControlRequestError, controlErrorResponse, readBody, writeJsonResponse, writeRawResponse } from "./http";
import { RequestLog, outcomeOf } from "./requestLog";
import { resolveSettings } from "./settings";
import type { CloudFrontEnd, CloudName, EmulatorResponse, EmulatorSettings, FrontEndFactory, ParsedCall } from "./types";

/** The only address the emulator binds: it must never be reachable from another machine. */
export const EMULATOR_HOST = "127.0.0.1";

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
    /** TCP port; 0 picks a free one. @default 0 */
    port?: number;
    /** Overrides of the default settings; also the values `POST /__emu/reset` restores. */
    settings?: Partial<EmulatorSettings>;
    /** Front ends to serve, created with the emulator's context. @default [] */
    frontEnds?: readonly FrontEndFactory[];
}

/** What the core knows of the `--json` line: the control URL plus each front end's `describe()`. */
export type CoreEmulatorInfo = { control: string } & Partial<Record<CloudName, Record<string, unknown>>>;

/** A started emulator. */
export interface RunningEmulator<TInfo extends CoreEmulatorInfo = CoreEmulatorInfo> {
    /** `http://127.0.0.1:<port>` */
    baseUrl: string;
    port: number;
    info: TInfo;
    /** Closes the listener and every open socket (keep-alive ones too); pending delays end at once. */
    stop(): Promise<void>;
    /** The front end serving `cloud`, for in-process inspection. */
    frontEnd(cloud: CloudName): CloudFrontEnd | undefined;
}

/**
 * Starts the emulator on 127.0.0.1.
 * @returns once the port is listening.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
    const context = createEmulatorContext(resolveSettings(options.settings));
    const frontEnds = (options.frontEnds ?? []).map((create) => create(context.ctx));
    const faults = new FaultQueue();
    const log = new RequestLog();
    const sockets = new Set<Socket>();
    const pendingDelays = new Set<() => void>();

    const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        const { path, query } = splitUrl(req.url ?? "/");
        const body = await readBody(req);
        if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
            const request = { method: req.method ?? "GET", subPath: path.slice(CONTROL_PREFIX.length), headers: req.headers, body, localPort: req.socket.localPort ?? 0 };
            writeJsonResponse(res, handleControlRequest(request, { frontEnds, faults, log, context }));
            return;
        }
        const frontEnd = frontEnds.find((f) => path === f.prefix || path.startsWith(`${f.prefix}/`));
        if (!frontEnd) {
            writeJsonResponse(res, controlErrorResponse(404, "NotFound", `no front end serves ${path}`));
            return;
        }
        const parsed = frontEnd.parse({
            method: (req.method ?? "GET").toUpperCase(),
            path: path.slice(frontEnd.prefix.length) || "/",
            query,
            headers: req.headers,
            body,
        });
        if (!isParsedCall(parsed)) {
            log.rejected(frontEnd.cloud, parsed, context.ctx.now());
            writeJsonResponse(res, parsed);
            return;
        }
        await runCall(frontEnd.cloud, parsed, req, res);
    };

    const runCall = async (cloud: CloudName, call: ParsedCall, req: IncomingMessage, res: ServerResponse): Promise<void> => {
        // The round trip of a real cloud (setting `latencyMs`), before anything runs or is logged as answered.
        if (context.ctx.settings.latencyMs > 0) {
            await sleepUnlessStopped(context.ctx.settings.latencyMs);
        }
        const entry = log.begin(cloud, call.action, call.redactedParams, context.ctx.now());
        const fault = faults.take(cloud, call.action);
        if (fault) {
            entry.fault = fault.kind;
        }
        if (fault?.kind === "error") {
            const response = call.error(fault.code, fault.message ?? "", fault.httpStatus);
            entry.outcome = outcomeOf(response);
            writeJsonResponse(res, response);
            return;
        }
        if (fault?.kind === "raw" && !fault.commit) {
            entry.outcome = `HTTP ${fault.status}`;
            writeRawResponse(res, fault.status, fault.body, fault.contentType);
            return;
        }
        if (fault?.kind === "reset-before") {
            entry.outcome = "ECONNRESET";
            req.socket.destroy();
            return;
        }
        const response = await runSafely(call);
        entry.outcome = outcomeOf(response);
        if (fault?.kind === "reset-after") {
            req.socket.destroy();
            return;
        }
        if (fault?.kind === "raw") {
            writeRawResponse(res, fault.status, fault.body, fault.contentType);
            return;
        }
        if (fault?.kind === "delay") {
            await sleepUnlessStopped(fault.ms);
        }
        writeJsonResponse(res, response);
    };

    // A delay must not keep stop() or the process waiting: stop() wakes every sleeper.
    const sleepUnlessStopped = (ms: number): Promise<void> =>
        new Promise((resolve) => {
            const wake = () => {
                clearTimeout(timer);
                pendingDelays.delete(wake);
                resolve();
            };
            const timer = setTimeout(wake, ms);
            pendingDelays.add(wake);
        });

    const server = createServer((req, res) => {
        dispatch(req, res).catch((error: unknown) => {
            const response =
                error instanceof ControlRequestError
                    ? controlErrorResponse(error.status, error.code, error.message)
                    : controlErrorResponse(500, "EmulatorFailure", error instanceof Error ? error.message : String(error));
            writeJsonResponse(res, response);
        });
    });
    server.on("connection", (socket: Socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, EMULATOR_HOST, () => {
            server.off("error", reject);
            resolve();
        });
    });

    const port = (server.address() as AddressInfo).port;
    const baseUrl = `http://${EMULATOR_HOST}:${port}`;
    const info: CoreEmulatorInfo = { control: `${baseUrl}${CONTROL_PREFIX}` };
    for (const frontEnd of frontEnds) {
        info[frontEnd.cloud] = { ...info[frontEnd.cloud], ...frontEnd.describe(baseUrl) };
    }

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
        stopping ??= new Promise<void>((resolve) => {
            // Front ends release their files first: once the port refuses, nothing is left behind.
            for (const frontEnd of frontEnds) {
                frontEnd.close?.();
            }
            server.close(() => resolve());
            for (const wake of [...pendingDelays]) {
                wake();
            }
            for (const socket of sockets) {
                socket.destroy();
            }
        });
        return stopping;
    };

    return {
        baseUrl,
        port,
        info,
        stop,
        frontEnd: (cloud) => frontEnds.find((f) => f.cloud === cloud),
    };
}

/** Runs an action; a bug in a front end becomes that cloud's InternalError instead of a dropped socket. */
async function runSafely(call: ParsedCall): Promise<EmulatorResponse> {
    try {
        return await call.run();
    } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return call.error("InternalError", `emulator failure: ${detail}`, 500);
    }
}

function isParsedCall(value: EmulatorResponse | ParsedCall): value is ParsedCall {
    return typeof (value as ParsedCall).run === "function";
}

/** Splits a request target without URL parsing, which would read "//x" as a host. */
function splitUrl(url: string): { path: string; query: string } {
    const mark = url.indexOf("?");
    return mark < 0 ? { path: url, query: "" } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}
