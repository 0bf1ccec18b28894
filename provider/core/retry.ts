/**
 * One retry loop for every cloud call: exponential backoff with full jitter under an overall
 * deadline. What is worth retrying is data — a per-cloud {@link RetryTable} — kept apart from the
 * loop, so the Alibaba and Tencent rules read as two tables.
 */
import { beginWaiting, retryTarget, Waiting } from "./progress";

/** Why an error is (or is not) retried. */
export type ErrorClass = "throttling" | "busy" | "server" | "network" | "fatal";

/** Error codes per class; a code matches an entry exactly, or by prefix when the entry ends in `*`. */
export interface RetryTable {
    throttling: readonly string[];
    /** The resource or its gateway is reconfiguring: wait and try again. */
    busy: readonly string[];
    server: readonly string[];
}

/** Node socket errors and client-side timeouts: the request may or may not have reached the cloud. */
export const NETWORK_ERROR_CODES: readonly string[] = [
    "ECONNRESET",
    "ECONNREFUSED",
    "ECONNABORTED",
    "EPIPE",
    "ETIMEDOUT",
    "ESOCKETTIMEDOUT",
    "EAI_AGAIN",
    "UND_ERR_SOCKET",
];

function matches(code: string, entries: readonly string[]): boolean {
    return entries.some((entry) => (entry.endsWith("*") ? code.startsWith(entry.slice(0, -1)) : code === entry));
}

/** Classifies an error code with a table; unknown codes are fatal (validation and auth never retry). */
export function classifyCode(code: string | undefined, table: RetryTable): ErrorClass {
    if (!code) {
        return "fatal";
    }
    if (matches(code, table.throttling)) return "throttling";
    if (matches(code, table.busy)) return "busy";
    if (matches(code, table.server)) return "server";
    if (matches(code, NETWORK_ERROR_CODES)) return "network";
    return "fatal";
}

/**
 * What a user can do when a call still fails after everything its class allows. Cloud clients use
 * it when the cloud's code has no specific hint, so every surfaced error carries one.
 */
export const CLASS_HINTS: Readonly<Record<ErrorClass, string>> = {
    throttling: "the API rate limit held until the operation's deadline; retry later, or raise the resource's `timeouts`",
    busy: "the connection or its VPN gateway stayed busy until the operation's deadline; retry later, or raise the resource's `timeouts`",
    server: "the cloud kept failing until the operation's deadline; retry later (a repeated create adopts, never duplicates)",
    network: "no usable answer until the operation's deadline; check the endpoint and network, then retry (a repeated create adopts, never duplicates)",
    fatal: "not retried: the cloud refused the request itself; fix the inputs, credentials or permissions the message names",
};

export interface BackoffSettings {
    minDelayMs: number;
    maxDelayMs: number;
    /** Source of randomness in [0, 1); injectable for deterministic tests. */
    random?: () => number;
}

/** Full jitter: a uniform delay in [minDelay, min(maxDelay, minDelay * 2^attempt)]. */
export function backoffDelay(attempt: number, settings: BackoffSettings): number {
    const random = settings.random ?? Math.random;
    const ceiling = Math.min(settings.maxDelayMs, settings.minDelayMs * 2 ** Math.min(attempt, 30));
    return settings.minDelayMs + Math.floor(random() * Math.max(0, ceiling - settings.minDelayMs));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions extends BackoffSettings {
    /** Absolute time (ms since epoch) after which no new attempt starts. */
    deadline: number;
    classify(error: unknown): ErrorClass;
    /** The call being retried, named in progress lines (e.g. `CreateVpnConnection`). @default "the call" */
    action?: string;
    /** Called before each backoff sleep, e.g. to log. */
    onRetry?(error: unknown, errorClass: ErrorClass, attempt: number, delayMs: number): void;
    now?: () => number;
}

/**
 * Runs `operation` until it succeeds, fails with a fatal error, or the deadline leaves no room for
 * another attempt; then the last error is thrown unchanged. While it retries, the operation's
 * progress lines say what it waits for and the last error's class and code (never its message).
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
    const now = options.now ?? Date.now;
    let waiting: { target: string; wait: Waiting } | undefined;
    try {
        for (let attempt = 0; ; attempt++) {
            try {
                return await operation(attempt);
            } catch (error) {
                const errorClass = options.classify(error);
                if (errorClass === "fatal") {
                    throw error;
                }
                const delay = backoffDelay(attempt, options);
                if (now() + delay >= options.deadline) {
                    throw error;
                }
                options.onRetry?.(error, errorClass, attempt, delay);
                const target = retryTarget(errorClass, options.action);
                if (waiting?.target !== target) {
                    waiting?.wait.end();
                    waiting = { target, wait: beginWaiting(target) };
                }
                waiting.wait.update(`${errorClass}: ${codeOf(error) ?? "no code"}`);
                await sleep(delay);
            }
        }
    } finally {
        waiting?.wait.end();
    }
}

/** The error's code (cloud code, or a Node socket code), if it has a string one. */
function codeOf(error: unknown): string | undefined {
    const code = (error as { code?: unknown } | null | undefined)?.code;
    return typeof code === "string" && code !== "" ? code : undefined;
}
