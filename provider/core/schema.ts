/**
 * Field tables: each resource declares every field once — type, rules, default, diff behaviour and
 * API binding — and the generic `check`, `diff` and API-mapping functions are driven by the table.
 */

/** The engine's placeholder for a value not known yet (preview with unknown inputs). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Where a field lives in the cloud API's request and response. */
export interface ApiBinding {
    /** Dotted path in the request, from the request root, e.g. `IkeConfig.IkeEncAlg`. */
    path: string;
    /** Dotted path in the describe response when it differs from `path`. */
    readPath?: string;
    /** Input value → request value (e.g. a list to a comma-separated string). */
    encode?(value: unknown): unknown;
    /** Response value → input value, before the generic kind coercion. */
    decode?(value: unknown): unknown;
    /** Sent with every modify, changed or not (an API that resets what a modify omits). */
    sendOnModify?: boolean;
    /**
     * The values this dialect accepts where its enum is narrower than the field's (in the field's
     * canonical spelling); the cloud's rules refuse the others when this dialect is selected.
     */
    enum?: readonly string[];
    /** The integer range this dialect accepts where narrower than the field's (its default always passes). */
    range?: readonly [number, number];
}

/** A cross-field or format rule; returns the reason when the value is invalid. */
export type Rule = (value: any, context: RuleContext) => string | undefined;

export interface RuleContext {
    /** The normalized object that holds this field (siblings are visible for cross-field rules). */
    parent: Record<string, unknown>;
    path: string;
}

interface FieldBase {
    /** Rejected when absent (after defaults). */
    required?: boolean;
    /** The cloud API's default, applied by `check` so an unset field and the API's value never differ. */
    default?: unknown;
    /** A change replaces the resource (the API cannot modify it). */
    replaceOnChange?: boolean;
    /** The cloud fills it when unset (e.g. a generated PSK): unset means "not managed", so no diff. */
    computed?: boolean;
    /** Holds a secret: never echoed in messages, never returned as a plaintext read input. */
    secret?: boolean;
    /** Not returned by the cloud's describe call: read keeps the last desired value. */
    writeOnly?: boolean;
    /** Provider-side setting, not a cloud property: no diff, no API mapping. */
    local?: boolean;
    /** Extra rules after the type check (ranges and enums are declared, not coded). */
    rules?: Rule[];
    /** API bindings by dialect (`default`, or e.g. `api2` for Tencent API 2.0). */
    api?: Record<string, ApiBinding>;
    /**
     * What the field is, for users: the TSDoc of the SDK's argument and output and the README's
     * description (`npm run docs` generates both). Markdown inline code only; facts the row states
     * (enum, range, replacement, secrecy, dialect subsets) are added by the generator, not repeated here.
     */
    doc?: string;
    /** The `@default` text when `default` is unset: what the cloud or the provider fills in (e.g. "assigned by the cloud"). */
    defaultDoc?: string;
    /** A remark after the `default` value in the docs, e.g. why it differs from Terraform's. */
    defaultNote?: string;
    /** The output may be absent although `computed` (the cloud fills it only in some configurations): typed `T | undefined`. */
    optionalOutput?: boolean;
    /** Locates an existing resource: the SDK's `get` sends it besides the ID (e.g. the region). Top-level rows only. */
    lookup?: boolean;
    /**
     * A sibling key that rules this field out: when the sibling is set, this field must not be (check
     * names both) and is neither defaulted nor required — e.g. the single-tunnel settings beside `tunnels`.
     */
    excludedBy?: string;
    /** Reported by the cloud only (e.g. a tunnel's ID): check refuses an input value, and it never diffs. */
    outputOnly?: boolean;
}

export interface StringField extends FieldBase {
    kind: "string";
    /** Allowed values; input is matched case-insensitively and stored in this canonical spelling. */
    enum?: readonly string[];
    minLength?: number;
    maxLength?: number;
    /** Rejects any whitespace (PSKs, IKE identities). */
    noWhitespace?: boolean;
    format?: "cidr" | "ipv4" | "regionId";
    /**
     * Values the API documents but this resource does not support yet, each with the reason; they
     * are refused by `check` (naming `enum`, the supported values) instead of failing at the cloud.
     */
    unsupported?: Readonly<Record<string, string>>;
}

export interface IntegerField extends FieldBase {
    kind: "integer";
    min: number;
    max: number;
}

export interface BooleanField extends FieldBase {
    kind: "boolean";
}

export interface ListField extends FieldBase {
    kind: "list";
    items: Field;
    minItems?: number;
    maxItems?: number;
    /** Order carries no meaning: sorted canonically by `check`, compared as a set by `diff`. */
    set?: boolean;
    /**
     * Items (blocks) are identified by this sub-field: `check` refuses two items with one value and
     * orders them by it (its enum's order), so `diff` compares the items of one identity field by field.
     */
    keyBy?: string;
}

export interface ObjectField extends FieldBase {
    kind: "object";
    fields: Schema;
    /** Name of the SDK's types for the block: `<typeName>Args` and `<typeName>Outputs`. @default the key, capitalized */
    typeName?: string;
}

/**
 * A map of string keys to string values (e.g. tags, `Record<string, string>` as Pulumi providers
 * spell them). Keys and values are checked against their own string rows; `rules` see the whole map.
 */
export interface MapField extends FieldBase {
    kind: "map";
    keys: StringField;
    values: StringField;
    maxEntries?: number;
}

export type Field = StringField | IntegerField | BooleanField | ListField | ObjectField | MapField;
export type Schema = Readonly<Record<string, Field>>;

export type Props = Record<string, unknown>;

/** An output the cloud computes, beyond the inputs (e.g. the connection's state). */
export interface OutputField {
    kind: "string" | "integer";
    /** The SDK types it `T | null` (the cloud may not report it). */
    nullable?: boolean;
    /** The TSDoc of the SDK's output and the README's description. */
    doc: string;
}

/** A resource's computed outputs, by output key. */
export type OutputSchema = Readonly<Record<string, OutputField>>;

export function isPlainObject(value: unknown): value is Props {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The entry of `table` under a key that came from user input or a cloud response, or undefined.
 * Only own properties count: `key in table` or `table[key]` would find `constructor`, `toString`
 * or `__proto__` on `Object.prototype` and take them for declared entries.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}


/** Top-level keys that locate an existing resource besides its ID (the `lookup` rows), for `get`. */
export function lookupKeys(schema: Schema): string[] {
    return Object.entries(schema)
        .filter(([, field]) => field.lookup)
        .map(([key]) => key);
}

/**
 * The string values of every secret field in `props`, nested blocks and lists of blocks included:
 * what an operation's errors must never show.
 */
export function secretValues(schema: Schema, props: unknown): string[] {
    if (!isPlainObject(props)) return [];
    const out: string[] = [];
    for (const [key, field] of secretBearing(schema)) {
        const value = ownEntry(props, key);
        if (field.secret && typeof value === "string") out.push(value);
        else if (field.kind === "object") out.push(...secretValues(field.fields, value));
        else if (field.kind === "list" && field.items.kind === "object" && Array.isArray(value)) {
            const items = field.items.fields;
            out.push(...value.flatMap((item) => secretValues(items, item)));
        }
    }
    return out;
}

/** The rows of a table that are secret or hold one at any depth, per table: every operation collects its secrets, and most rows hold none. */
const secretRows = new WeakMap<Schema, ReadonlyArray<readonly [string, Field]>>();

function secretBearing(schema: Schema): ReadonlyArray<readonly [string, Field]> {
    let rows = secretRows.get(schema);
    if (!rows) {
        rows = Object.entries(schema).filter(([key, field]) => secretPaths({ [key]: field }).length > 0);
        secretRows.set(schema, rows);
    }
    return rows;
}

/**
 * Paths of every secret field, e.g. `["preSharedKey"]`; a field in the blocks of a list is named
 * `tunnels[].preSharedKey`, as the field tables' docs name rows.
 */
export function secretPaths(schema: Schema, prefix = ""): string[] {
    const out: string[] = [];
    for (const [key, field] of Object.entries(schema)) {
        const path = prefix + key;
        if (field.secret) out.push(path);
        if (field.kind === "object") out.push(...secretPaths(field.fields, path + "."));
        if (field.kind === "list" && field.items.kind === "object") out.push(...secretPaths(field.items.fields, path + "[]."));
    }
    return out;
}
