/** Captures what code prints with `console.error` (how the provider talks to the engine's diagnostics). */

/** Runs `body` with console.error captured; its result (or error) and the lines printed meanwhile. */
export async function capturingStderr<T>(body: () => T | Promise<T>): Promise<{ result?: T; error?: unknown; lines: string[] }> {
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => lines.push(args.map(String).join(" "));
    try {
        return { result: await body(), lines };
    } catch (error) {
        return { error, lines };
    } finally {
        console.error = original;
    }
}
