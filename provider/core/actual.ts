/**
 * The desired inputs against what the cloud reports: outputs that overlay the cloud's values, a
 * re-sent block completed with the values the cloud filled in, and the check that a connection
 * found for adoption is the one the inputs describe.
 */
import { CheckFailure } from "./errors";
import { isPlainObject, ownEntry, Props, Schema } from "./schema";

/**
 * Desired inputs completed with the cloud's values of the computed fields the user left unset
 * (a generated PSK, filled-in identities). A changed block is re-sent whole; without this, an
 * unset PSK would be left out of the block and the cloud could generate a new one.
 */
export function withUnmanagedFromActual(schema: Schema, desired: Props, actual: Props): Props {
    const out: Props = { ...desired };
    for (const [key, field] of Object.entries(schema)) {
        if (field.kind === "object" && isPlainObject(out[key])) {
            out[key] = withUnmanagedFromActual(field.fields, out[key] as Props, isPlainObject(actual[key]) ? (actual[key] as Props) : {});
        } else if (field.computed && out[key] === undefined && actual[key] !== undefined && actual[key] !== null) {
            out[key] = actual[key];
        }
    }
    return out;
}

/**
 * Checks that a connection found for adoption is the one the inputs describe: every property that
 * cannot change in place (replace-on-change) and that the cloud reports must equal the desired
 * value — adopting a connection of another gateway would silently take over someone else's tunnel.
 * `actual` is the connection read through the field table.
 */
export function adoptionFailures(schema: Schema, adoptProperty: string, id: string, actual: Props, desired: Props): CheckFailure[] {
    const failures = Object.entries(schema)
        .filter(([key, field]) => field.replaceOnChange && actual[key] !== undefined && desired[key] !== undefined && actual[key] !== desired[key])
        .map(([key]) => ({
            property: adoptProperty,
            reason: `connection ${id} belongs to ${key} ${String(actual[key])}, not the desired \`${key}\` (replace the inputs or adopt another connection)`,
        }));
    return [...failures, ...keyedItemFailures(schema, adoptProperty, id, actual, desired)];
}

/** The same for the items of keyed lists (a tunnel's customer gateway): each desired item against the cloud's item of its key. */
function keyedItemFailures(schema: Schema, adoptProperty: string, id: string, actual: Props, desired: Props): CheckFailure[] {
    const failures: CheckFailure[] = [];
    for (const [key, field] of Object.entries(schema)) {
        if (field.kind !== "list" || field.keyBy === undefined || field.items.kind !== "object" || !Array.isArray(desired[key])) continue;
        const keyBy = field.keyBy;
        const reported = Array.isArray(actual[key]) ? (actual[key] as unknown[]).filter(isPlainObject) : [];
        for (const [i, item] of (desired[key] as unknown[]).entries()) {
            if (!isPlainObject(item)) continue;
            const counterpart = reported.find((r) => r[keyBy] === item[keyBy]);
            for (const [sub, subField] of Object.entries(field.items.fields)) {
                const cloudValue = counterpart?.[sub];
                if (!subField.replaceOnChange || cloudValue === undefined || item[sub] === undefined || cloudValue === item[sub]) continue;
                failures.push({
                    property: adoptProperty,
                    reason: `connection ${id} has ${key}[${i}].${sub} ${String(cloudValue)}, not the desired \`${key}[${i}].${sub}\` (replace the inputs or adopt another connection)`,
                });
            }
        }
    }
    return failures;
}

/**
 * Outputs: the desired inputs overlaid with what the cloud reports. Blocks (object fields) merge
 * field by field, so a block field the describe call does not report keeps its desired value;
 * anything else the cloud reports replaces the desired value, which is how drift shows in `diff`.
 */
export function overlayActual(schema: Schema, desired: Props, actual: Props): Props {
    const outputs: Props = { ...desired };
    for (const [key, value] of Object.entries(actual)) {
        const field = ownEntry(schema, key);
        outputs[key] = field?.kind === "object" && isPlainObject(value) ? { ...(isPlainObject(desired[key]) ? desired[key] : {}), ...value } : value;
    }
    return outputs;
}
