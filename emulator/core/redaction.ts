/**
 * Masks secret values before a front end hands parameters to the core's request log or prints
 * state. Each cloud names its secret keys; the masking is the same for both.
 */

/** What a secret value is replaced with. */
export const REDACTED = "***";

/** A deep copy of `value` in which the value of every object key matching `secretKey` is {@link REDACTED}. */
export function redactDeep(value: unknown, secretKey: RegExp): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => redactDeep(item, secretKey));
    }
    if (typeof value !== "object" || value === null) {
        return value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? REDACTED : redactDeep(v, secretKey)]));
}
