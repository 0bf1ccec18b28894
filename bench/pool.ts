/** `fn` over `items`, at most `limit` at a time (the engine's `--parallel`), results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

/** The engine's default `--parallel`: four per CPU (`defaultParallel` in pulumi/pulumi pkg/cmd/pulumi/operations/up.go). */
export function engineParallelism(): number {
    return 4 * require("os").cpus().length;
}
