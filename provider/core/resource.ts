/**
 * The cloud-independent parts of a dynamic resource's hooks, driven by its field table:
 * `check` (validation and defaults), `diff` (semantic compare, replacements) and the input
 * projection `read` returns so refreshes can report drift.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { checkInputs, RESERVED_KEYS } from "./check";
import { CheckFailure } from "./errors";
import { diffProps } from "./diff";
import { INPUTS_KEY } from "./refreshInputs";
import { canonicalJson, Field, isPlainObject, ownEntry, Props, Schema, StringField } from "./schema";

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
 * The `idempotencyKey` field both resources declare: a provider-side seed of the create token.
 * Long enough for the URN the SDK classes default it to (type chain included).
 */
export const IDEMPOTENCY_KEY_FIELD: StringField = { kind: "string", local: true, maxLength: 1024 };

/**
 * A resource's `idempotencyKey` row: {@link IDEMPOTENCY_KEY_FIELD} with its docs; `seeds` says which
 * create token it seeds, and the rest is what both resources do with it.
 */
export function idempotencyKeyField(seeds: string): StringField {
    return {
        ...IDEMPOTENCY_KEY_FIELD,
        doc:
            `${seeds}; must be unique per connection within an account, or two resources share one connection. Only creates ` +
            "use it, and a connection that exists keeps the key it was created with while this stays unset (or is a " +
            "URN-shaped default): a new default never shows as an update.",
        // What the SDK classes set (sdk/connectionProps.ts).
        defaultDoc:
            "the resource's URN, `urn:pulumi:<stack>::<project>::<parent types…$type>::<name>`, unique wherever URNs are " +
            "(same-named children of different components differ by their parents' types)",
    };
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

/**
 * A default `idempotencyKey` has the form of a URN: the SDK classes derive it from the resource's
 * URN (see sdk/connectionProps.ts) when the program sets none.
 */
export function isDefaultIdempotencyKey(key: unknown): boolean {
    return typeof key === "string" && key.startsWith("urn:pulumi:");
}

/**
 * The `idempotencyKey` to record: the given one, except that a default key never displaces the key
 * an existing resource (`olds`) was created with. Defaults have changed between versions
 * (`<project>/<stack>/<name>` before the URN); the key only matters for creates, so an existing
 * resource keeps its own instead of showing an update for a changed default. A replacement gets the
 * current default: the engine checks it again without olds (pkg/resource/deploy/step_generator.go),
 * and it is a new connection with a new token anyway (see {@link createToken}).
 */
function keptIdempotencyKey(olds: Props, news: Props): unknown {
    const previous = olds.idempotencyKey;
    const keep = typeof previous === "string" && previous !== "" && (news.idempotencyKey === undefined || news.idempotencyKey === null || isDefaultIdempotencyKey(news.idempotencyKey));
    return keep ? previous : news.idempotencyKey;
}

export interface CheckOptions {
    /** The resource's previous inputs (`{}` for a new resource). */
    olds?: Props;
    /** Provider-level defaults merged in for unset inputs (e.g. the configured region). */
    defaults?: Props;
    /** Cross-field rules that need the normalized inputs; run only when the table's checks pass. */
    extraRules?: (inputs: Props) => CheckFailure[];
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
    if (failures.length === 0 && options.extraRules) failures.push(...options.extraRules(inputs));
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
 * The idempotency token of one logical create, never derived from a secret. With an
 * `idempotencyKey` (the SDK classes always set one): the key and the properties whose change
 * replaces the resource, so a re-run after a crash or an ambiguous failure derives the same token
 * even if other inputs were edited meanwhile, while a replacement gets a new one. Without a key
 * (hooks driven directly): every non-secret cloud property, so distinct resources never collide.
 */
export function createToken(schema: Schema, inputs: Props): string {
    const keyed = inputs.idempotencyKey !== undefined && inputs.idempotencyKey !== null;
    const material: Props = { idempotencyKey: inputs.idempotencyKey ?? null };
    for (const [key, field] of Object.entries(schema)) {
        const included = keyed ? field.replaceOnChange : !field.secret && !field.local;
        if (included) material[key] = inputs[key] ?? null;
    }
    return createHash("sha256").update(canonicalJson(material)).digest("hex").slice(0, 48);
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

/**
 * Checks that a connection found for adoption is the one the inputs describe: every property that
 * cannot change in place (replace-on-change) and that the cloud reports must equal the desired
 * value — adopting a connection of another gateway would silently take over someone else's tunnel.
 * `actual` is the connection read through the field table.
 */
export function adoptionFailures(schema: Schema, adoptProperty: string, id: string, actual: Props, desired: Props): CheckFailure[] {
    return Object.entries(schema)
        .filter(([key, field]) => field.replaceOnChange && actual[key] !== undefined && desired[key] !== undefined && actual[key] !== desired[key])
        .map(([key]) => ({
            property: adoptProperty,
            reason: `connection ${id} belongs to ${key} ${String(actual[key])}, not the desired \`${key}\` (replace the inputs or adopt another connection)`,
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
        const field = ownEntry(schema, key);
        outputs[key] = field?.kind === "object" && isPlainObject(value) ? { ...(isPlainObject(desired[key]) ? desired[key] : {}), ...value } : value;
    }
    return outputs;
}
