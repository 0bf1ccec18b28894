/**
 * Per-key serialization inside one plugin process. Alibaba (and Tencent) refuse concurrent changes
 * on one VPN gateway, so writes on a gateway queue here instead of fighting over retries; reads
 * never take the lock.
 */
import { beginWaiting } from "./progress";

const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task with the same key has settled (progress lines meanwhile name the queue). */
export async function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const earlier = tails.get(key);
    const queued = earlier ? beginWaiting(`this process's earlier writes on ${key} to finish`, "queued") : undefined;
    const start = () => {
        queued?.end();
        return task();
    };
    const previous = earlier ?? Promise.resolve();
    const run = previous.then(start, start);
    const tail = run.then(
        () => undefined,
        () => undefined,
    );
    tails.set(key, tail);
    try {
        return await run;
    } finally {
        if (tails.get(key) === tail) {
            tails.delete(key);
        }
    }
}
