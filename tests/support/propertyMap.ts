/**
 * Property maps as they cross the plugin boundary: plain JSON-like values on our side, protobuf
 * `Struct`s on the wire, with the engine's special values (unknowns, secrets, the serialized provider);
 * copies and the engine's own comparison of two maps.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { isPlainObject } from "../../provider/core/schema";

/** The engine's marker for a value not known during preview (`runtime/rpc.js` `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Key of the signature field that marks special values on the wire (`runtime/rpc.js` `specialSigKey`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a secret value: `{[SIG_KEY]: SECRET_SIG, value}` (`runtime/rpc.js` `specialSecretSig`). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The property under which dynamic resources carry their serialized provider. */
export const PROVIDER_KEY = "__provider";

/** A property map as JSON-like plain values (what `Struct.toJavaScript` yields). */
export type PropertyMap = Record<string, any>;

/**
 * `Struct.fromJavaScript` with the offending path named: its own error ("Unexpected struct type") does not say
 * where the `undefined`/`Date`/`Buffer` is (pulumi/pulumi#2205, #3012), which makes test failures hard to read.
 */
export function toStruct(value: PropertyMap, what: string): Struct {
    assertJsonLike(value, what);
    return Struct.fromJavaScript(value as any);
}

function assertJsonLike(value: unknown, where: string): void {
    if (value === null || typeof value === "string" || typeof value === "boolean") {
        return;
    }
    if (typeof value === "number") {
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((v, i) => assertJsonLike(v, `${where}[${i}]`));
        return;
    }
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        for (const [k, v] of Object.entries(value as object)) {
            assertJsonLike(v, `${where}.${k}`);
        }
        return;
    }
    const kind = value === undefined ? "undefined" : (value as object)?.constructor?.name ?? typeof value;
    throw new TypeError(`${where} is ${kind}; only JSON-like values can cross the plugin boundary`);
}

/** The plain values of a `Struct`; an unset one reads as an empty map. */
export function fromStruct(s: Struct | undefined): PropertyMap {
    return s ? (s.toJavaScript() as PropertyMap) : {};
}

/** A deep copy of a JSON-like value (`undefined` stays `undefined`). */
export function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** Top-level keys whose values differ (the engine's `oldInputs.Diff(news).ChangedKeys()`), sorted. */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...keys].filter((k) => !deepEqual(olds[k], news[k])).sort();
}

function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}
