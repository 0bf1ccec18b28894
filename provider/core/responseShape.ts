/**
 * Success is what an action documents, not whatever the SDK lets through. Neither SDK checks an
 * answer against its action: pop-core takes any JSON without `Code` as success, whatever the HTTP
 * status, and tencentcloud-sdk-nodejs resolves any `Response` object. A proxy's `200 {}` or a
 * `{"Response":{"RequestId":…}}` without its set would then read as "created nothing" or "the
 * connection is gone". Each cloud declares what its actions' answers must hold; an answer without
 * it is a transient server failure ({@link INVALID_RESPONSE}), retried under the call's deadline.
 */
import { CloudApiError, CloudApiErrorDetails } from "./errors";

/** The code of an answer that is not the API's envelope for its action (an HTML page, a truncated, empty or partial body). */
export const INVALID_RESPONSE = "HttpError.InvalidResponse";

export type FieldKind = "string" | "number" | "object" | "array";

/** Fields a successful answer must hold: dotted path (`VpnConnections.VpnConnection`) → JSON kind. */
export type ResponseShape = Readonly<Record<string, FieldKind>>;

function kindOf(value: unknown): FieldKind | "other" {
    if (Array.isArray(value)) return "array";
    if (value !== null && typeof value === "object") return "object";
    if (typeof value === "string") return "string";
    return typeof value === "number" ? "number" : "other";
}

/** The first field of `shape` that `body` lacks or holds as another kind, as a sentence; undefined when it fits. */
export function shapeMismatch(body: unknown, shape: ResponseShape): string | undefined {
    if (kindOf(body) !== "object") return "the answer is not a JSON object";
    for (const [path, kind] of Object.entries(shape)) {
        const value = path.split(".").reduce<unknown>((node, key) => (kindOf(node) === "object" ? (node as Record<string, unknown>)[key] : undefined), body);
        if (value === undefined || value === null) return `the answer has no \`${path}\``;
        if (kindOf(value) !== kind) return `the answer's \`${path}\` is not a${kind === "array" || kind === "object" ? "n" : ""} ${kind}`;
    }
    return undefined;
}

/**
 * Throws {@link INVALID_RESPONSE} when `body` does not fit `shape`. The message names only the
 * missing field, never the body (which may hold a PSK).
 */
export function assertResponseShape(body: unknown, shape: ResponseShape, details: Omit<CloudApiErrorDetails, "code">): void {
    const mismatch = shapeMismatch(body, shape);
    if (mismatch) {
        throw new CloudApiError({ ...details, code: INVALID_RESPONSE }, `${mismatch}, which ${details.action} always returns`);
    }
}

/**
 * `record` without `key` when it holds an empty string. For a value the API requires to be
 * non-empty (a PSK), an empty one reported says nothing about it: dropped, it is neither drift nor
 * a value sent back.
 */
export function withoutEmptyValue<T extends Record<string, unknown>>(record: T, key: string): T {
    if (record[key] !== "") return record;
    const { [key]: _empty, ...rest } = record;
    return rest as T;
}
