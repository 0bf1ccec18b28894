/**
 * Schema-driven semantic diff between the cloud's actual values (old outputs, as refreshed) and the
 * desired inputs: enums compare case-insensitively, sets ignore order, numbers and booleans compare
 * by value whatever the API's JSON type, and unmanaged computed fields never differ.
 */
import { sortSet } from "./check";
import { canonicalJson, Field, isPlainObject, Props, Schema, UNKNOWN } from "./schema";

export interface FieldDiff {
    /** Changed property paths, e.g. `["ikeConfig.ikeEncAlg", "name"]`. */
    changed: string[];
    /** Top-level properties whose change forces a replacement. */
    replaces: string[];
}

export function diffProps(schema: Schema, actual: Props, desired: Props): FieldDiff {
    const result: FieldDiff = { changed: [], replaces: [] };
    for (const [key, field] of Object.entries(schema)) {
        if (field.local) continue;
        const before = result.changed.length;
        diffField(field, actual[key], desired[key], key, result.changed);
        if (result.changed.length > before && field.replaceOnChange) result.replaces.push(key);
    }
    return result;
}

function diffField(field: Field, actual: unknown, desired: unknown, path: string, changed: string[]): void {
    if (desired === UNKNOWN) {
        changed.push(path);
        return;
    }
    if (desired === undefined || desired === null) {
        // Unset and without a default: the user does not manage it (check already applied defaults).
        return;
    }
    if (field.kind === "object") {
        const actualObject = isPlainObject(actual) ? actual : {};
        const desiredObject = isPlainObject(desired) ? desired : {};
        for (const [key, sub] of Object.entries(field.fields)) {
            if (!sub.local) diffField(sub, actualObject[key], desiredObject[key], `${path}.${key}`, changed);
        }
        return;
    }
    if (!valuesEqual(field, actual, desired)) changed.push(path);
}

/** True when two values of a field mean the same (case of enums, order of sets, JSON types). */
export function valuesEqual(field: Field, a: unknown, b: unknown): boolean {
    return canonicalJson(normalize(field, a)) === canonicalJson(normalize(field, b));
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
    }
}
