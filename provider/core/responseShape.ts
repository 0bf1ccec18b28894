/**
 * Success is what an action documents, not whatever the SDK lets through. Neither SDK checks an
 * answer against its action: pop-core takes any JSON without `Code` as success, whatever the HTTP
 * status, and tencentcloud-sdk-nodejs resolves any `Response` object. A proxy's `200 {}` or a
 * `{"Response":{"RequestId":…}}` without its set would then read as "created nothing" or "the
 * connection is gone". Each cloud declares what its actions' answers must hold, down to the items of
 * a list ({@link listOf}: a `[null]` or `["x"]` list would read as "not listed"); an answer without
 * it is a transient server failure ({@link INVALID_RESPONSE}), retried under the call's deadline.
 */
import { CloudApiError, CloudApiErrorDetails } from "./errors";

/** The code of an answer that is not the API's envelope for its action (an HTML page, a truncated, empty or partial body). */
export const INVALID_RESPONSE = "HttpError.InvalidResponse";

/**
 * A JSON parser's message without any of the body it could not parse: V8 quotes the text where it
 * stopped (`Unexpected token 'C', ..."ShareKey":Cut-Psk-Se"... is not valid JSON`), a piece of a
 * secret too short for redaction to recognise. Only the text before the first quote is kept.
 */
export function parserMessage(message: string): string {
    const quote = message.search(/['"`]/);
    return (quote < 0 ? message : message.slice(0, quote)).trim().replace(/[\s,:;]+$/, "");
}

export type FieldKind = "string" | "number" | "object" | "array";

/**
 * A list whose every item is an object fitting `each`: the SDKs check an answer's items no more than
 * its fields, and an item that is not the documented object (`null`, a string) would otherwise read as
 * "not listed", i.e. the connection gone.
 */
export interface ListShape {
    readonly each: ResponseShape;
}

/** Fields a successful answer must hold: dotted path (`VpnConnections.VpnConnection`) → JSON kind, or a list of objects of a shape. */
export type ResponseShape = Readonly<Record<string, FieldKind | ListShape>>;

/** A list whose every item is an object holding the fields of `each` (e.g. `{ VpnConnectionId: "string" }`). */
export function listOf(each: ResponseShape): ListShape {
    return { each };
}

function kindOf(value: unknown): FieldKind | "other" {
    if (Array.isArray(value)) return "array";
    if (value !== null && typeof value === "object") return "object";
    if (typeof value === "string") return "string";
    return typeof value === "number" ? "number" : "other";
}

const article = (kind: FieldKind) => `a${kind === "array" || kind === "object" ? "n" : ""} ${kind}`;

/** The first field of `shape` that `node` (named `where`, "the answer" at the top) lacks or holds as another kind. */
function mismatchIn(node: unknown, shape: ResponseShape, where: string): string | undefined {
    for (const [path, rule] of Object.entries(shape)) {
        const value = path.split(".").reduce<unknown>((inner, key) => (kindOf(inner) === "object" ? (inner as Record<string, unknown>)[key] : undefined), node);
        if (value === undefined || value === null) return `${where} has no \`${path}\``;
        const kind = typeof rule === "string" ? rule : "array";
        if (kindOf(value) !== kind) return `${where}'s \`${path}\` is not ${article(kind)}`;
        if (typeof rule === "string") continue;
        for (const [i, item] of (value as unknown[]).entries()) {
            const itemName = `${where}'s \`${path}\` item ${i + 1}`;
            if (kindOf(item) !== "object") return `${itemName} is not an object`;
            const inner = mismatchIn(item, rule.each, itemName);
            if (inner) return inner;
        }
    }
    return undefined;
}

/** The first field of `shape` that `body` lacks or holds as another kind, as a sentence; undefined when it fits. */
export function shapeMismatch(body: unknown, shape: ResponseShape): string | undefined {
    if (kindOf(body) !== "object") return "the answer is not a JSON object";
    return mismatchIn(body, shape, "the answer");
}

/**
 * Throws {@link INVALID_RESPONSE} when `body` does not fit `shape`. The message names only the
 * missing field, never the body (which may hold a PSK).
 */
export function assertResponseShape(body: unknown, shape: ResponseShape, details: Omit<CloudApiErrorDetails, "code">): void {
    const mismatch = shapeMismatch(body, shape);
    if (mismatch) {
        throw new CloudApiError({ ...details, code: INVALID_RESPONSE }, `${mismatch}, unlike the answer ${details.action} documents`, []);
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
