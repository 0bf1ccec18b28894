/** Lines for the user. */
import { LOG_PREFIX } from "./driftLine";

/** A line for the user: the engine shows a dynamic provider's stderr lines as diagnostics. */
export function log(message: string): void {
    console.error(`${LOG_PREFIX}${message}`);
}
