/**
 * The inputs `read` hands back after a refresh. The engine stores them as the resource's inputs, and
 * — a dynamic provider returning no detailed diff — shows a refresh, and the next preview, as the raw
 * difference between the old stored inputs and these (pulumi/pulumi pkg/backend/display/rows.go
 * `getDiffInfo`, pkg/resource/deploy/step.go `RefreshStep`). So they must equal the stored inputs
 * except where the cloud really differs: same spelling, same list order, no cloud-filled field the
 * user never set, and the PSK kept. The `read` hook sees only the old outputs (the Node.js
 * dynamic-provider server passes it no inputs), so create, update and read record the inputs in the
 * outputs under {@link INPUTS_KEY} — a secret as a mark, never its value. The engine hides `__` keys
 * in its diffs (`resource.IsInternalPropertyKey`).
 */
import { valuesEqual } from "./equality";
import { Field, isPlainObject, Props, Schema } from "./schema";

/** The outputs key holding the recorded inputs. */
export const INPUTS_KEY = "__inputs";

/** Stands for a secret input in the record: the value itself is never written there. */
export const SECRET_MARK = "[secret]";

/** The record of `inputs` kept in the outputs: a copy with each secret value replaced by the mark. */
export function recordInputs(schema: Schema, inputs: Props): Props {
    const out: Props = {};
    for (const [key, value] of Object.entries(inputs)) {
        const field = schema[key];
        if (value === undefined || value === null) continue;
        if (field?.secret) out[key] = SECRET_MARK;
        else if (field?.kind === "object" && isPlainObject(value)) out[key] = recordInputs(field.fields, value);
        else if (field?.kind === "list" && field.items.kind === "object" && Array.isArray(value)) {
            // Blocks of a list (tunnels) hold secrets too: recorded like a block each.
            const items = field.items.fields;
            out[key] = value.map((item) => (isPlainObject(item) ? recordInputs(items, item) : copyOf(item)));
        } else out[key] = copyOf(value);
    }
    return out;
}

/**
 * A copy of a property value (JSON-shaped, as the engine passes them); a string, number or boolean is
 * its own copy. Copied by hand: every read records the inputs, and `structuredClone` costs several
 * times more for these small values.
 */
function copyOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(copyOf);
    if (!isPlainObject(value)) return value;
    const out: Props = {};
    for (const key of Object.keys(value)) out[key] = copyOf(value[key]);
    return out;
}

/**
 * The inputs that describe the refreshed `outputs` in the terms of the recorded ones: each recorded
 * value stays unless the cloud's value differs semantically (the provider's `diff` would report
 * it), in which case the cloud's value takes its place. A recorded secret gets the cloud's current
 * value: the engine stores it encrypted because the stored input of that key is a secret (the SDK
 * classes always pass the PSK as one; pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go
 * `annotateSecrets`). State written before inputs were recorded gets the table's projection of the
 * outputs, without secrets (whose stored input might not be a secret).
 */
export function refreshedInputs(schema: Schema, outputs: Props, recorded: unknown): Props {
    return isPlainObject(recorded) ? reconcile(schema, recorded, outputs) : projectOutputs(schema, outputs);
}

function reconcile(fields: Schema, recorded: Props, actual: Props): Props {
    const out: Props = {};
    for (const [key, value] of Object.entries(recorded) as [string, unknown][]) {
        const field: Field | undefined = fields[key];
        const current = actual[key];
        if (!field || field.local) {
            // Provider-side settings (and keys of no field): the cloud has nothing to say about them.
            out[key] = value;
        } else if (field.secret) {
            if (current !== undefined && current !== null) out[key] = current;
        } else if (field.kind === "object" && isPlainObject(value)) {
            out[key] = reconcile(field.fields, value, isPlainObject(current) ? current : {});
        } else if (field.kind === "list" && field.keyBy !== undefined && field.items.kind === "object" && Array.isArray(value)) {
            // Items of a keyed list reconcile like blocks, each with the cloud's item of the same key.
            if (Array.isArray(current)) out[key] = reconcileKeyed(field.items.fields, field.keyBy, value, current);
        } else if (valuesEqual(field, current, value)) {
            out[key] = value;
        } else if (current !== undefined && current !== null) {
            out[key] = current;
        }
    }
    return out;
}

function projectOutputs(fields: Schema, values: Props): Props {
    const out: Props = {};
    for (const [key, field] of Object.entries(fields) as [string, Field][]) {
        const value = values[key];
        if (value === undefined || value === null || field.secret || field.outputOnly) continue;
        if (field.kind === "list" && field.items.kind === "object" && Array.isArray(value)) {
            const items = field.items.fields;
            out[key] = value.map((item) => (isPlainObject(item) ? projectOutputs(items, item) : item));
            continue;
        }
        out[key] = field.kind === "object" && isPlainObject(value) ? projectOutputs(field.fields, value) : value;
    }
    return out;
}

/** Recorded items of a keyed list, each reconciled with the cloud's item of its key; an item the cloud lacks is left out. */
function reconcileKeyed(fields: Schema, keyBy: string, recorded: unknown[], current: unknown[]): Props[] {
    const actualItems = current.filter(isPlainObject);
    return recorded.filter(isPlainObject).flatMap((item) => {
        const counterpart = actualItems.find((a) => a[keyBy] === item[keyBy]);
        return counterpart ? [reconcile(fields, item, counterpart)] : [];
    });
}
