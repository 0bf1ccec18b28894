/**
 * Polling for asynchronous cloud states, with the same backoff as retries and no fixed sleeps.
 */
import { WaitTimeoutError } from "./errors";
import { beginWaiting } from "./progress";
import { backoffDelay, BackoffSettings, sleep } from "./retry";

/** One observation of the thing being waited for. */
export type PollResult<T> = { done: true; value: T } | { done: false; state: string };

export interface WaitOptions extends BackoffSettings {
    /** Human description for the timeout message, e.g. "connection vco-1 to become active". */
    what: string;
    /** Absolute deadline, ms since epoch. */
    deadline: number;
    now?: () => number;
}

/**
 * Polls immediately, then with growing jittered delays, until `poll` reports done or time runs out;
 * meanwhile the operation's progress lines name `what` and the last state.
 */
export async function waitUntil<T>(poll: () => Promise<PollResult<T>>, options: WaitOptions): Promise<T> {
    const now = options.now ?? Date.now;
    const started = now();
    const waiting = beginWaiting(options.what);
    try {
        for (let attempt = 0; ; attempt++) {
            const result = await poll();
            if (result.done) {
                return result.value;
            }
            waiting.update(result.state);
            const remaining = options.deadline - now();
            if (remaining <= 0) {
                throw new WaitTimeoutError(options.what, result.state, now() - started);
            }
            // The last poll lands just before the deadline instead of sleeping past it.
            await sleep(Math.min(backoffDelay(attempt, options), remaining));
        }
    } finally {
        waiting.end();
    }
}
