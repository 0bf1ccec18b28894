/**
 * A small typed client of the control API (`/__emu`), for tests and demos. Node `http` only.
 */
import { request } from "http";
import type { MintRequest, MintedToken } from "./oidcIssuer";
import type { RequestLogEntry } from "./requestLog";
import type { ArmedFault, CloudName, EmulatorSettings } from "./types";

/** A fault to arm; `count` defaults to 1. */
export type FaultRequest = Omit<ArmedFault, "count"> & { count?: number };

/** A control call that answered with a non-2xx status. */
export class ControlClientError extends Error {
    constructor(
        readonly status: number,
        /** The control API's `error` code, when the body had one. */
        readonly code: string | undefined,
        readonly body: unknown,
        message: string,
    ) {
        super(message);
        this.name = "ControlClientError";
    }
}

/** Longest a control call may take; the emulator answers control calls at once. */
const CONTROL_TIMEOUT_MS = 5000;

export class ControlClient {
    private readonly controlUrl: URL;

    /** @param controlUrl the `control` entry of the emulator info, e.g. `http://127.0.0.1:PORT/__emu`. */
    constructor(controlUrl: string) {
        this.controlUrl = new URL(controlUrl.replace(/\/+$/, ""));
    }

    /** Restores fixtures, clears faults, log and counters, and resets settings and clock. */
    async reset(): Promise<void> {
        await this.call("POST", "/reset");
    }

    /** Every front end's store snapshot, keyed by cloud. */
    state<T = Record<string, unknown>>(): Promise<T> {
        return this.call<T>("GET", "/state");
    }

    /** The request log (parameters redacted). */
    requests(): Promise<RequestLogEntry[]> {
        return this.call("GET", "/requests");
    }

    /** Calls per `"<cloud>:<action>"`. */
    counters(): Promise<Record<string, number>> {
        return this.call("GET", "/counters");
    }

    /** Arms a fault; resolves to the faults still armed. */
    armFault(fault: FaultRequest): Promise<ArmedFault[]> {
        return this.call("POST", "/faults", fault);
    }

    /** Faults still armed, with remaining counts. */
    faults(): Promise<ArmedFault[]> {
        return this.call("GET", "/faults");
    }

    async clearFaults(): Promise<void> {
        await this.call("DELETE", "/faults");
    }

    /** Changes emulator knobs until the next reset; resolves to the settings now in force. */
    settings(patch: Partial<EmulatorSettings>): Promise<EmulatorSettings> {
        return this.call("POST", "/settings", patch);
    }

    /**
     * Mints an OIDC token for `cloud`'s STS (fresh unless `expired` or `wrongAudience`) and rewrites its token file.
     * @returns the token, the file and the token's claims.
     */
    mintStsToken(cloud: CloudName, request: MintRequest = {}): Promise<MintedToken> {
        return this.call("POST", `/${cloud}/sts/token`, request);
    }

    /** Moves the emulator clock forward (finishes transitions without waiting). */
    advanceClock(advanceMs: number): Promise<{ now: number; offsetMs: number }> {
        return this.call("POST", "/clock", { advanceMs });
    }

    /**
     * Any control route, e.g. `call("PATCH", "/alicloud/connections/vco-…", {Name: "x"})`.
     * @param path relative to the control URL, starting with "/".
     * @throws ControlClientError on a non-2xx answer.
     */
    call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const url = new URL(this.controlUrl.pathname + path, this.controlUrl);
        return new Promise<T>((resolve, reject) => {
            const req = request(
                url,
                {
                    method,
                    agent: false,
                    timeout: CONTROL_TIMEOUT_MS,
                    headers: payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
                },
                (res) => {
                    const chunks: Buffer[] = [];
                    res.on("data", (chunk: Buffer) => chunks.push(chunk));
                    res.on("error", reject);
                    res.on("end", () => {
                        const text = Buffer.concat(chunks).toString("utf8");
                        let json: unknown;
                        try {
                            json = text === "" ? undefined : JSON.parse(text);
                        } catch {
                            json = text;
                        }
                        const status = res.statusCode ?? 0;
                        if (status < 200 || status > 299) {
                            const code = (json as { error?: unknown } | undefined)?.error;
                            const message = (json as { message?: unknown } | undefined)?.message;
                            reject(new ControlClientError(status, typeof code === "string" ? code : undefined, json, `${method} ${path} → ${status}: ${typeof message === "string" ? message : text}`));
                            return;
                        }
                        resolve(json as T);
                    });
                },
            );
            req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer within ${CONTROL_TIMEOUT_MS} ms`)));
            req.on("error", reject);
            req.end(payload);
        });
    }
}
