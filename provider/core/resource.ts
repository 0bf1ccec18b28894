/**
 * The cloud-independent parts of a dynamic resource's hooks, driven by its field table:
 * `check` (validation and defaults), `diff` (semantic compare, replacements) and the input
 * projection `read` returns so refreshes can report drift.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkInputs, RESERVED_KEYS } from "./check";
import { CheckFailure } from "./errors";
import { diffProps } from "./diff";
import { Field, isPlainObject, Props, Schema } from "./schema";

/** Inputs or outputs without the keys the Pulumi machinery adds (`__provider`). */
export function withoutReserved(props: Props | undefined): Props {
    const out: Props = {};
    for (const [key, value] of Object.entries(props ?? {})) {
        if (!RESERVED_KEYS.has(key)) out[key] = value;
    }
    return out;
}

/**
 * Runs the table-driven check, then resource-specific rules that need the normalized inputs.
 * `provider-level defaults` (e.g. the configured region) are merged in before validation.
 */
export function checkResource(
    schema: Schema,
    news: Props,
    options: { defaults?: Props; extraRules?: (inputs: Props) => CheckFailure[] } = {},
): pulumi.dynamic.CheckResult {
    const raw: Props = { ...news };
    for (const [key, value] of Object.entries(options.defaults ?? {})) {
        if (raw[key] === undefined || raw[key] === null) raw[key] = value;
    }
    const { inputs, failures } = checkInputs(schema, raw);
    if (failures.length === 0 && options.extraRules) failures.push(...options.extraRules(inputs));
    return failures.length > 0 ? { inputs: news, failures } : { inputs };
}

export interface ResourceDiff extends pulumi.dynamic.DiffResult {
    /** Changed property paths (the engine's dynamic protocol has no detailed diff; we log them). */
    changedPaths: string[];
}

/** Compares the actual state (old outputs) with the desired inputs. */
export function diffResource(schema: Schema, olds: Props, news: Props): ResourceDiff {
    const { changed, replaces } = diffProps(schema, withoutReserved(olds), withoutReserved(news));
    return {
        changes: changed.length > 0,
        replaces,
        deleteBeforeReplace: false,
        changedPaths: changed,
    };
}

/**
 * The input-shaped view of refreshed outputs that `read` returns, so the engine compares desired
 * and actual. Secret fields are left out: the engine would store a read input that had no secret
 * input of the same key in plaintext; drift in them is still caught by `diff` against the outputs.
 */
export function inputsFromOutputs(schema: Schema, outputs: Props): Props {
    const project = (fields: Schema, values: Props): Props => {
        const out: Props = {};
        for (const [key, field] of Object.entries(fields) as [string, Field][]) {
            const value = values[key];
            if (value === undefined || value === null || field.secret) continue;
            out[key] = field.kind === "object" && isPlainObject(value) ? project(field.fields, value) : value;
        }
        return out;
    };
    return project(schema, outputs);
}

/**
 * The error a create hook throws after the cloud resource exists but a later step failed: the
 * engine keeps the resource in state (with these properties) instead of orphaning it.
 */
export function partialCreateError(cause: unknown, id: string, properties: Props): Error {
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = new Error(`resource ${id} was created but is not ready: ${message}`);
    return Object.assign(error, { id, properties, reasons: [message], cause });
}

/**
 * Checks that a connection found for adoption is the one the inputs describe: adopting a
 * connection of another gateway would silently move management of someone else's tunnel.
 * `expected` maps input property → [the cloud's value, the desired value].
 */
export function adoptionFailures(adoptProperty: string, id: string, expected: Record<string, [unknown, unknown]>): CheckFailure[] {
    return Object.entries(expected)
        .filter(([, [actual, desired]]) => actual !== desired)
        .map(([property, [actual]]) => ({
            property: adoptProperty,
            reason: `connection ${id} belongs to ${property} ${String(actual)}, not the desired \`${property}\` (replace the inputs or adopt another connection)`,
        }));
}

/**
 * Outputs: the desired inputs overlaid with what the cloud reports. Blocks (object fields) merge
 * field by field, so a block field the describe call does not report keeps its desired value;
 * anything else the cloud reports replaces the desired value, which is how drift shows in `diff`.
 */
export function overlayActual(schema: Schema, desired: Props, actual: Props): Props {
    const outputs: Props = { ...desired };
    for (const [key, value] of Object.entries(actual)) {
        const field = schema[key];
        outputs[key] = field?.kind === "object" && isPlainObject(value) ? { ...(isPlainObject(desired[key]) ? desired[key] : {}), ...value } : value;
    }
    return outputs;
}
