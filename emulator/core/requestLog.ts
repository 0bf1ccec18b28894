/**
 * The request log and per-action counters behind `GET /__emu/requests` and `GET /__emu/counters`.
 */
import type { CloudName, EmulatorResponse, FaultSpec } from "./types";

/** One call as the control API reports it. Parameters arrive already redacted by the front end. */
export interface RequestLogEntry {
    /** 1-based arrival order since start or the last reset. */
    seq: number;
    /** ISO-8601 time of arrival (emulator clock). */
    time: string;
    cloud: CloudName;
    /** Action name; "" for a request the front end rejected before naming an action. */
    action: string;
    params: Record<string, unknown>;
    /** The cloud error code answered, "OK", or "ECONNRESET" when the socket was reset before running. */
    outcome: string;
    /** The injected fault applied to this call, if any. */
    fault?: FaultSpec["kind"];
    /** True when the front end refused the request before it became an action call (signature, envelope). */
    rejected?: boolean;
}

/** Oldest entries are dropped past this size so a long-running demo cannot grow without bound. */
export const MAX_LOG_ENTRIES = 10_000;

export class RequestLog {
    private log: RequestLogEntry[] = [];
    private seq = 0;
    private counts = new Map<string, number>();

    /** Records an action call and counts it under `"<cloud>:<action>"`; the outcome is filled in later. */
    begin(cloud: CloudName, action: string, params: Record<string, unknown>, nowMs: number): RequestLogEntry {
        const key = `${cloud}:${action}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
        return this.append({ seq: 0, time: new Date(nowMs).toISOString(), cloud, action, params, outcome: "pending" });
    }

    /** Records a request the front end refused before it became an action call (not counted). */
    rejected(cloud: CloudName, response: EmulatorResponse, nowMs: number): void {
        this.append({
            seq: 0,
            time: new Date(nowMs).toISOString(),
            cloud,
            action: "",
            params: {},
            outcome: outcomeOf(response),
            rejected: true,
        });
    }

    entries(): RequestLogEntry[] {
        return this.log.map((e) => ({ ...e }));
    }

    counters(): Record<string, number> {
        return Object.fromEntries(this.counts);
    }

    clear(): void {
        this.log = [];
        this.seq = 0;
        this.counts.clear();
    }

    private append(entry: RequestLogEntry): RequestLogEntry {
        this.seq += 1;
        entry.seq = this.seq;
        this.log.push(entry);
        if (this.log.length > MAX_LOG_ENTRIES) {
            this.log.shift();
        }
        return entry;
    }
}

/**
 * The outcome of a response for the log: the error code of either cloud's envelope, else "OK".
 * The core knows both envelopes only this far — Alibaba `{Code}`, Tencent `{Response:{Error:{Code}}}` —
 * so that front ends need no extra contract method just for logging.
 */
export function outcomeOf(response: EmulatorResponse): string {
    const json = response.json as { Code?: unknown; Response?: { Error?: { Code?: unknown } }; code?: unknown; codeDesc?: unknown } | null;
    // Alibaba `{Code}`, Tencent 3.0 `{Response: {Error: {Code}}}`, Tencent 2.0 `{code: <non-zero>, codeDesc}`.
    const api2 = typeof json?.code === "number" && json.code !== 0 ? json.codeDesc : undefined;
    const code = json?.Code ?? json?.Response?.Error?.Code ?? api2;
    if (typeof code === "string" && code !== "") {
        return code;
    }
    return response.status >= 400 ? `HTTP ${response.status}` : "OK";
}
