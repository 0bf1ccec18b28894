/**
 * Timing knobs for retries and waits, read at call time from the environment so that tests and
 * impatient CI pipelines can shorten them without touching state; one resource can also set its own
 * operation deadlines with the `timeouts` input ({@link TIMEOUTS_FIELD}).
 */
import { currentProgress } from "./progress";
import { isPlainObject, ObjectField, Props } from "./schema";

export interface Timing {
    /** Whole-operation deadline for one create/update/delete, retries and waits included. */
    operationTimeoutMs: number;
    /** Deadline for one read (refresh), retries included. */
    readTimeoutMs: number;
    /** Socket timeout of one API request. pop-core's 3 s default is too short for writes. */
    requestTimeoutMs: number;
    /** First backoff delay; later ones grow exponentially with full jitter. */
    minDelayMs: number;
    /** Cap of one backoff delay. */
    maxDelayMs: number;
}

/** Defaults sized for real clouds: VPN gateway reconfiguration takes tens of seconds to minutes. */
export const DEFAULT_TIMING: Timing = {
    operationTimeoutMs: 20 * 60_000,
    readTimeoutMs: 5 * 60_000,
    requestTimeoutMs: 30_000,
    minDelayMs: 1_000,
    maxDelayMs: 20_000,
};

const ENV: Record<keyof Timing, string> = {
    operationTimeoutMs: "PULUMI_IPSEC_OPERATION_TIMEOUT_MS",
    readTimeoutMs: "PULUMI_IPSEC_READ_TIMEOUT_MS",
    requestTimeoutMs: "PULUMI_IPSEC_REQUEST_TIMEOUT_MS",
    minDelayMs: "PULUMI_IPSEC_MIN_DELAY_MS",
    maxDelayMs: "PULUMI_IPSEC_MAX_DELAY_MS",
};

/** The effective timing: defaults, overridden by `PULUMI_IPSEC_*_MS` variables, then by `overrides`. */
export function resolveTiming(overrides: Partial<Timing> = {}, env: NodeJS.ProcessEnv = process.env): Timing {
    const timing = { ...DEFAULT_TIMING };
    for (const key of Object.keys(ENV) as (keyof Timing)[]) {
        const raw = env[ENV[key]];
        if (raw !== undefined && raw !== "") {
            const value = Number(raw);
            if (!Number.isFinite(value) || value <= 0) {
                throw new RangeError(`${ENV[key]} must be a positive number of milliseconds (got "${raw}")`);
            }
            timing[key] = value;
        }
    }
    for (const key of Object.keys(overrides) as (keyof Timing)[]) {
        const value = overrides[key];
        if (value !== undefined) {
            timing[key] = value;
        }
    }
    timing.maxDelayMs = Math.max(timing.maxDelayMs, timing.minDelayMs);
    return timing;
}

/** The hooks whose whole-operation deadline a resource's `timeouts` input can set. */
export type TimedOperation = "create" | "update" | "delete";

/** Upper bound of one `timeouts` entry: a day, far beyond any VPN gateway reconfiguration. */
export const MAX_TIMEOUT_SECONDS = 86_400;

const timeoutSeconds = (operation: string) =>
    ({
        kind: "integer",
        min: 1,
        max: MAX_TIMEOUT_SECONDS,
        local: true,
        doc: `Deadline of ${operation}, in seconds.`,
        defaultDoc: "`PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 1200 (20 minutes)",
    }) as const;

/**
 * The `timeouts` input every resource declares: per-operation deadlines in seconds. Provider-side
 * (`local`), so it is never sent to a cloud and never diffed; unset entries fall back to
 * `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, then to {@link DEFAULT_TIMING}. Pulumi's `customTimeouts`
 * resource option never reaches a dynamic provider, hence an input.
 */
export const TIMEOUTS_FIELD: ObjectField = {
    kind: "object",
    local: true,
    typeName: "Timeouts",
    doc:
        "Per-operation deadlines, retries and waits included; a busy gateway or throttling is retried until then. Use this, " +
        "not the `customTimeouts` resource option, which never reaches a dynamic provider (a warning says so). Changing only " +
        "these values updates nothing in the cloud; they take effect for the next create or update, and a delete uses the " +
        "values stored by the last create or update.",
    defaultDoc: "each entry `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 20 minutes",
    fields: { create: timeoutSeconds("a create (including adoption)"), update: timeoutSeconds("an in-place update"), delete: timeoutSeconds("a delete") },
};

/**
 * Absolute deadline (ms since epoch) of one operation: the resource's `timeouts` entry, else the
 * environment's. The operation's progress lines (if any) count down to it from here on.
 */
export function operationDeadline(timing: Timing, props: Props, operation: TimedOperation, now = Date.now()): number {
    const seconds = isPlainObject(props.timeouts) ? props.timeouts[operation] : undefined;
    const deadline = now + (typeof seconds === "number" && seconds > 0 ? seconds * 1000 : timing.operationTimeoutMs);
    currentProgress()?.setDeadline(deadline);
    return deadline;
}

/** Shortest socket timeout a last-moment call still gets, so a poll near the deadline can answer. */
const MIN_REQUEST_TIMEOUT_MS = 1_000;

/**
 * One request's socket timeout: the configured one, cut to what is left of the operation's
 * deadline, so an attempt started just before the deadline cannot outlive it by a whole timeout.
 */
export function requestTimeoutFor(timing: Timing, deadline: number, now = Date.now()): number {
    const floor = Math.min(timing.requestTimeoutMs, MIN_REQUEST_TIMEOUT_MS);
    return Math.max(floor, Math.min(timing.requestTimeoutMs, deadline - now));
}
