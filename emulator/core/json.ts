/**
 * The one object check of the emulator, for request bodies, control-API bodies and patches alike.
 */

/** True when `value` is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
