/**
 * The cloud-independent parts of a dynamic resource's hooks, driven by its field table:
 * `check` (validation and defaults), `diff` (semantic compare, replacements) and the input
 * projection `read` returns so refreshes can report drift.
 */
import type * as pulumi from "@pulumi/pulumi";
import { checkInputs, RESERVED_KEYS } from "./check";
import { CheckFailure } from "./errors";
import { diffProps } from "./diff";
import { INPUTS_KEY } from "./refreshInputs";
import { keptIdempotencyKey } from "./idempotency";
import { ownEntry, Props, Schema, StringField } from "./schema";
import { canonicalJson } from "./equality";

/**
 * The outputs key that marks a partial create ({@link partialCreateError}): the engine keeps such a
 * resource in state with its init errors and updates it on the next `up`, which then finishes the create.
 */
export const INCOMPLETE_KEY = "__createIncomplete";

/** Inputs or outputs without the keys the Pulumi machinery adds (`__provider`), the recorded inputs nor the partial-create mark. */
export function withoutReserved(props: Props | undefined): Props {
    const out: Props = {};
    for (const [key, value] of Object.entries(props ?? {})) {
        if (!RESERVED_KEYS.has(key) && key !== INPUTS_KEY && key !== INCOMPLETE_KEY) out[key] = value;
    }
    return out;
}

/**
 * A resource's `adoptConnectionId` row: provider-side (`local`), the ID (shaped `idShape`) of an
 * existing connection to adopt at create, checked to belong to what `belongsTo` names.
 */
export function adoptConnectionIdField(idShape: string, belongsTo: string): StringField {
    return {
        kind: "string",
        local: true,
        noWhitespace: true,
        maxLength: 64,
        doc:
            `ID (${idShape}) of an existing connection to bring under management instead of creating one (\`pulumi import\` ` +
            `fails for dynamic resources; \`VpnConnection.get\` reads one without managing it). At create it is read, checked to ` +
            `belong to ${belongsTo}, and converged to ` +
            "these inputs; from then on it is managed — and deleted on destroy — like any other. Later changes of this value are ignored.",
        defaultDoc: "none: a new connection is created",
    };
}

export interface CheckOptions {
    /** The resource's previous inputs (`{}` for a new resource). */
    olds?: Props;
    /** Provider-level defaults merged in for unset inputs (e.g. the configured region). */
    defaults?: Props;
    /** Cross-field rules that need the normalized inputs (and the previous ones, `olds`); run only when the table's checks pass. */
    extraRules?: (inputs: Props, olds: Props) => CheckFailure[];
}

/**
 * Runs the table-driven check, then resource-specific rules that need the normalized inputs.
 * Provider-level defaults are validated like inputs; a failure of one says where the value came from.
 */
export function checkResource(schema: Schema, news: Props, options: CheckOptions = {}): pulumi.dynamic.CheckResult {
    const raw: Props = { ...news };
    const configured = new Set<string>();
    for (const [key, value] of Object.entries(options.defaults ?? {})) {
        if (raw[key] === undefined || raw[key] === null) {
            raw[key] = value;
            configured.add(key);
        }
    }
    if (ownEntry(schema, "idempotencyKey")?.local) {
        const key = keptIdempotencyKey(options.olds ?? {}, raw);
        if (key !== undefined) raw.idempotencyKey = key;
    }
    const { inputs, failures } = checkInputs(schema, raw);
    if (failures.length === 0 && options.extraRules) failures.push(...options.extraRules(inputs, options.olds ?? {}));
    if (failures.length === 0) return { inputs };
    const located = failures.map((failure) => {
        const key = failure.property.split(/[.[]/)[0];
        return configured.has(key) ? { ...failure, reason: `${failure.reason} (the input is unset; this value comes from the provider's stack config or environment)` } : failure;
    });
    return { inputs: news, failures: located };
}

export interface ResourceDiff extends pulumi.dynamic.DiffResult {
    /** Changed cloud property paths (the engine's dynamic protocol has no detailed diff; we log them). */
    changedPaths: string[];
    /** Changed provider-side settings (`timeouts`, …): recorded by an update that calls no API. */
    localChanges: string[];
}

/** Compares the actual state (old outputs) with the desired inputs. */
export function diffResource(schema: Schema, olds: Props, news: Props): ResourceDiff {
    const actual = withoutReserved(olds);
    const desired = withoutReserved(news);
    const { changed, replaces } = diffProps(schema, actual, desired);
    // Local settings never reach the cloud, but delete and read run with the stored outputs: a
    // changed deadline must land in state, or `destroy` would still use the old one.
    const localChanges = Object.entries(schema)
        .filter(([key, field]) => field.local && canonicalJson(actual[key] ?? null) !== canonicalJson(desired[key] ?? null))
        .map(([key]) => key);
    return {
        changes: changed.length > 0 || localChanges.length > 0,
        replaces,
        deleteBeforeReplace: false,
        changedPaths: changed,
        localChanges,
    };
}

/** Outputs after an update that changed only local settings: the old outputs with the new settings. */
export function withLocalSettings(schema: Schema, olds: Props, news: Props): Props {
    const outputs = withoutReserved(olds);
    for (const [key, field] of Object.entries(schema)) {
        if (field.local) outputs[key] = news[key] ?? null;
    }
    return outputs;
}

/**
 * The error a create hook throws after the cloud resource exists but a later step failed: the
 * engine keeps the resource in state (with these properties, marked {@link INCOMPLETE_KEY}) and its
 * init errors instead of orphaning it, and the next `up` updates it even without a diff
 * (pkg/resource/deploy/step_generator.go, `hasInitErrors`); that update finishes the create.
 */
export function partialCreateError(cause: unknown, id: string, properties: Props): Error {
    const message = cause instanceof Error ? cause.message : String(cause);
    const error = new Error(`resource ${id} was created but is not ready: ${message}`);
    return Object.assign(error, { id, properties: { ...properties, [INCOMPLETE_KEY]: true }, reasons: [message], cause });
}

/** True for an error made by {@link partialCreateError}. */
export function isPartialCreate(error: unknown): boolean {
    return error instanceof Error && (error as { properties?: Props }).properties?.[INCOMPLETE_KEY] === true;
}

