/**
 * Timing knobs for retries and waits, read at call time from the environment so that tests and
 * impatient CI pipelines can shorten them without touching state.
 */

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
