/**
 * Per-key serialization inside one plugin process. Alibaba (and Tencent) refuse concurrent changes
 * on one VPN gateway, so writes on a gateway queue here instead of fighting over retries; reads
 * never take the lock.
 */
const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task with the same key has settled. */
export async function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
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
