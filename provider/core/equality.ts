/**
 * Value equality, one definition for check, diff, refresh and the API mapping: canonical JSON
 * (sorted keys), the canonical order of set-valued lists, and the normal form two semantically
 * equal values of a field share (enum case, set order, numbers and booleans the API sends as strings).
 */
import { Field, isPlainObject, Props } from "./schema";

/** Stable JSON with sorted keys, for set ordering and semantic comparison. */
export function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    if (isPlainObject(value)) {
        return `{${Object.keys(value)
            .filter((k) => value[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

/** Canonical order of a set-valued list: by canonical JSON text. */
export function sortSet<T>(items: T[]): T[] {
    return [...items].sort((a, b) => {
        const ka = canonicalJson(a);
        const kb = canonicalJson(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/** A value in the form two semantically equal values share. */
export function normalize(field: Field, value: unknown): unknown {
    if (value === undefined || value === null) return null;
    switch (field.kind) {
        case "string":
            if (typeof value === "string" && field.enum) {
                return field.enum.find((allowed) => allowed.toLowerCase() === value.toLowerCase()) ?? value;
            }
            return value;
        case "integer":
            return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
        case "boolean":
            return value === "true" ? true : value === "false" ? false : value;
        case "list": {
            if (!Array.isArray(value)) return value;
            const items = value.map((item) => normalize(field.items, item));
            return field.set ? sortSet(items) : items;
        }
        case "object": {
            if (!isPlainObject(value)) return value;
            const out: Props = {};
            for (const [key, sub] of Object.entries(field.fields)) out[key] = normalize(sub, value[key]);
            return out;
        }
        case "map":
            return value;
    }
}

/** True when two values of a field mean the same (case of enums, order of sets, JSON types). */
export function valuesEqual(field: Field, a: unknown, b: unknown): boolean {
    // Equal values normalize the same way: the common case of a refresh, with nothing to build.
    if (sameJson(a, b)) return true;
    return canonicalJson(normalize(field, a)) === canonicalJson(normalize(field, b));
}

/**
 * Whether two JSON-shaped values are identical: same scalars, same list order, same keys. Only a
 * shortcut for {@link valuesEqual}: false means "compare their normal forms", not "different".
 */
function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
        return true;
    }
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || !sameJson(a[key], b[key])) return false;
    return true;
}
