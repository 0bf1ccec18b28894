/**
 * Schema-driven semantic diff between the cloud's actual values (old outputs, as refreshed) and the
 * desired inputs: enums compare case-insensitively, sets ignore order, numbers and booleans compare
 * by value whatever the API's JSON type, and unmanaged computed fields never differ.
 */
import { Field, isPlainObject, Props, Schema, UNKNOWN } from "./schema";
import { canonicalJson, valuesEqual } from "./equality";

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


