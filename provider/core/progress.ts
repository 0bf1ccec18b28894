/**
 * Progress lines for long waits. While one create, update or delete keeps waiting — a poll for an
 * asynchronous state, a retry of a busy gateway or of throttling, a queue behind the same gateway's
 * other writes — a line says every interval what it waits for and how long the operation has taken
 * so far, e.g.
 *
 *     pulumi-ipsec: office (vco-bp1…) create waiting for VPN gateway vpn-bp1… to accept CreateVpnConnection (busy: VpnGateway.Configuring), 30s so far, deadline in 19m30s
 *
 * The operation's tracker is ambient (AsyncLocalStorage), so the shared loops (wait.ts, retry.ts,
 * lock.ts) report to it without every cloud call passing it along. Lines hold only resource IDs,
 * names, action names, states and error codes — never a message, which could quote a PSK.
 */
import { AsyncLocalStorage } from "async_hooks";

/** The variable that sets the interval; `0` turns the lines off. */
export const PROGRESS_INTERVAL_ENV = "PULUMI_IPSEC_PROGRESS_INTERVAL_MS";
/** Default interval between two lines of one waiting operation. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 15_000;
/** Shortest interval allowed (other than 0): no flood of lines whatever the setting. */
export const MIN_PROGRESS_INTERVAL_MS = 100;
/** Longest interval allowed: an hour, beyond any sensible deadline. */
export const MAX_PROGRESS_INTERVAL_MS = 3_600_000;
/** Longest state text shown; a cloud's state or code longer than this is cut. */
const MAX_STATE_CHARS = 80;

/**
 * The interval from `PULUMI_IPSEC_PROGRESS_INTERVAL_MS`: 0 (off), or 100–3 600 000 ms.
 * @throws RangeError naming the variable for anything else
 */
export function progressInterval(env: NodeJS.ProcessEnv = process.env): number {
    const raw = env[PROGRESS_INTERVAL_ENV];
    if (raw === undefined || raw === "") return DEFAULT_PROGRESS_INTERVAL_MS;
    const value = Number(raw);
    if (value === 0) return 0;
    if (!Number.isInteger(value) || value < MIN_PROGRESS_INTERVAL_MS || value > MAX_PROGRESS_INTERVAL_MS) {
        throw new RangeError(`${PROGRESS_INTERVAL_ENV} must be 0 (off) or a whole number of milliseconds from ${MIN_PROGRESS_INTERVAL_MS} to ${MAX_PROGRESS_INTERVAL_MS} (got "${raw}")`);
    }
    return value;
}

/** Time and timers; injectable so tests drive them by hand. */
export interface ProgressClock {
    now(): number;
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: ProgressClock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => {
        const timer = setTimeout(callback, ms);
        // A pending progress line never keeps the plugin process alive.
        timer.unref();
        return timer;
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ProgressOptions {
    /** @default {@link progressInterval} of the environment */
    intervalMs?: number;
    /** @default the real clock */
    clock?: ProgressClock;
    /** Where lines go. @default stderr, which the engine shows as the provider's diagnostics */
    emit?(line: string): void;
    /** The VPN gateway the operation writes on, named by retries of a busy gateway. @default none */
    gateway?: string;
}

/** One thing being waited for; {@link Waiting.end} when the wait is over, however it ended. */
export interface Waiting {
    /** The latest observed state, e.g. `updating` or `busy: VpnGateway.Configuring`. */
    update(state: string): void;
    end(): void;
}

/** A wait that reports nowhere: what the loops use outside an operation. */
const NO_WAITING: Waiting = { update: () => undefined, end: () => undefined };

interface Entry {
    what: string;
    state?: string;
}

/** "45s", "2m05s", "1h20m". */
export function formatDuration(ms: number): string {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60) return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
    return minutes % 60 === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** One line of text, printable, bounded: a state from the cloud cannot break or flood the output. */
function oneLine(text: string, max: number): string {
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The progress of one operation (create, update or delete of one connection). */
export class Progress {
    private readonly entries: Entry[] = [];
    private readonly startedAt: number;
    private readonly intervalMs: number;
    private readonly clock: ProgressClock;
    private readonly emit: (line: string) => void;
    /** The VPN gateway the operation writes on, if known. */
    readonly gateway?: string;
    private deadline?: number;
    private timer?: unknown;
    private stopped = false;

    constructor(
        private subject: string,
        private readonly operation: string,
        options: ProgressOptions = {},
    ) {
        this.clock = options.clock ?? REAL_CLOCK;
        this.intervalMs = options.intervalMs ?? progressInterval();
        this.emit = options.emit ?? ((line) => console.error(line));
        this.gateway = options.gateway;
        this.startedAt = this.clock.now();
    }

    /** Names the connection once its ID is known (a create learns it midway). */
    identify(id: string): void {
        if (!this.subject.includes(id)) this.subject = `${this.subject} (${id})`;
    }

    /** The operation's absolute deadline (ms since epoch), shown as the time left. */
    setDeadline(deadline: number): void {
        this.deadline = deadline;
    }

    /** Starts waiting for `what` (e.g. "connection vco-1 to become active"); lines follow while it lasts. */
    begin(what: string, state?: string): Waiting {
        if (this.stopped || this.intervalMs === 0) return NO_WAITING;
        const entry: Entry = { what, state };
        this.entries.push(entry);
        this.timer ??= this.clock.setTimeout(() => this.tick(), this.intervalMs);
        return {
            update: (next) => {
                entry.state = next;
            },
            end: () => {
                const index = this.entries.indexOf(entry);
                if (index >= 0) this.entries.splice(index, 1);
                if (this.entries.length === 0) this.cancelTimer();
            },
        };
    }

    /** The line for now: what the latest still-open wait is for; undefined when nothing waits. */
    line(): string | undefined {
        const entry = this.entries[this.entries.length - 1];
        if (!entry) return undefined;
        const now = this.clock.now();
        const state = entry.state ? ` (${oneLine(entry.state, MAX_STATE_CHARS)})` : "";
        const left = this.deadline === undefined ? "" : `, deadline in ${formatDuration(this.deadline - now)}`;
        return `pulumi-ipsec: ${this.subject} ${this.operation} waiting for ${entry.what}${state}, ${formatDuration(now - this.startedAt)} so far${left}`;
    }

    /** Ends the operation: no line after this. */
    stop(): void {
        this.stopped = true;
        this.entries.length = 0;
        this.cancelTimer();
    }

    private tick(): void {
        this.timer = undefined;
        const line = this.line();
        if (this.stopped || line === undefined) return;
        this.emit(line);
        this.timer = this.clock.setTimeout(() => this.tick(), this.intervalMs);
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
        this.timer = undefined;
    }
}

const current = new AsyncLocalStorage<Progress>();

/** The progress of the operation this code runs in, if any. */
export function currentProgress(): Progress | undefined {
    return current.getStore();
}

/** Starts waiting for `what` on the current operation's progress; a no-op outside one. */
export function beginWaiting(what: string, state?: string): Waiting {
    return current.getStore()?.begin(what, state) ?? NO_WAITING;
}

/** Runs one operation with its progress reported; the lines stop when it settles, however it settles. */
export async function withProgress<T>(subject: string, operation: string, run: () => Promise<T>, options?: ProgressOptions): Promise<T> {
    const progress = new Progress(subject, operation, options);
    try {
        return await current.run(progress, run);
    } finally {
        progress.stop();
    }
}

/**
 * What a retry waits for, by why it retries: a busy gateway to accept the action, the rate limit,
 * or an answer at all. `gateway` names the VPN gateway when the operation knows it.
 */
export function retryTarget(errorClass: string, action: string | undefined, gateway = currentProgress()?.gateway): string {
    const call = action ?? "the call";
    switch (errorClass) {
        case "busy":
            return gateway ? `VPN gateway ${gateway} to accept ${call}` : `the cloud to accept ${call}`;
        case "throttling":
            return `the API rate limit to allow ${call}`;
        default:
            return `an answer to ${call}`;
    }
}
