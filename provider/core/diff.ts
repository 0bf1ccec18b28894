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
        const nestedReplaces: string[] = [];
        diffField(field, actual[key], desired[key], key, result.changed, nestedReplaces);
        // A replace-on-change field inside a block or a list of blocks (a tunnel's customer gateway) replaces the resource too.
        if (result.changed.length > before && (field.replaceOnChange || nestedReplaces.length > 0)) result.replaces.push(key);
    }
    return result;
}

function diffField(field: Field, actual: unknown, desired: unknown, path: string, changed: string[], replaces: string[] = []): void {
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
            if (sub.local) continue;
            const before = changed.length;
            diffField(sub, actualObject[key], desiredObject[key], `${path}.${key}`, changed, replaces);
            if (sub.replaceOnChange && changed.length > before) replaces.push(`${path}.${key}`);
        }
        return;
    }
    if (field.kind === "list" && field.keyBy !== undefined && field.items.kind === "object" && Array.isArray(desired)) {
        diffKeyedList(field.items, field.keyBy, actual, desired, path, changed, replaces);
        return;
    }
    if (!valuesEqual(field, actual, desired)) changed.push(path);
}

/**
 * A `keyBy` list item by item: each desired item against the actual one of the same key, field by
 * field (`tunnels[0].ikeConfig.ikeEncAlg`); an item without a counterpart, or a different count, changes the list.
 */
function diffKeyedList(items: Field, keyBy: string, actual: unknown, desired: unknown[], path: string, changed: string[], replaces: string[]): void {
    const actualItems = Array.isArray(actual) ? actual.filter(isPlainObject) : [];
    if (actualItems.length !== desired.length) {
        changed.push(path);
        return;
    }
    desired.forEach((item, i) => {
        const key = isPlainObject(item) ? item[keyBy] : undefined;
        const counterpart = actualItems.find((a) => key !== UNKNOWN && canonicalJson(a[keyBy]) === canonicalJson(key));
        if (counterpart === undefined) {
            changed.push(`${path}[${i}]`);
            return;
        }
        diffField(items, counterpart, item, `${path}[${i}]`, changed, replaces);
    });
}


