/**
 * What the docs say of one field table row, derived from the row alone so the SDK's TSDoc and the
 * README's tables cannot disagree: its limits (length, range, items), its notes (replacement,
 * secrecy, values refused, narrower API dialects) and its default.
 */
import { Field, OutputSchema, Schema } from "../../provider/core/schema";

/** A resource whose field table drives its SDK types and README tables. */
export interface ResourceDoc {
    /** The SDK namespace, e.g. `alicloud`. */
    cloud: string;
    /** The class, e.g. `VpnConnection`. */
    className: string;
    /** The field table's module, for the generated files' headers (e.g. `provider/alicloud/schema.ts`). */
    source: string;
    schema: Schema;
    outputs: OutputSchema;
    /** The SDK class's folder, e.g. `sdk/alicloud`. */
    sdkDir: string;
    /**
     * Names of the API dialects the rows bind (e.g. `{ default: "API 3.0", legacy: "API 2.0" }`): with
     * more than one, each row's narrower or missing bindings are noted. @default one dialect, no notes
     */
    dialects?: Readonly<Record<string, string>>;
}

/** One row, nested rows included, with its property path (`ikeConfig.ikeVersion`, `policies[].cidr`). */
export interface Row {
    path: string;
    key: string;
    field: Field;
}

/** Every row of `schema` in table order, each block's rows after the block's own. */
export function rowsOf(schema: Schema, prefix = ""): Row[] {
    return Object.entries(schema).flatMap(([key, field]) => {
        const path = prefix + key;
        const own: Row = { path, key, field };
        if (field.kind === "object") return [own, ...rowsOf(field.fields, path + ".")];
        if (field.kind === "list" && field.items.kind === "object") return [own, ...rowsOf(field.items.fields, path + "[].")];
        return [own];
    });
}

/** The row's description, refusing a row without one: every argument and output is documented. */
export function docOf({ path, field }: Row): string {
    if (!field.doc) throw new Error(`${path}: the row has no \`doc\`; every field is documented (TSDoc and README)`);
    return field.doc;
}

/** The `@default` text (`"aes"`, or the row's `defaultDoc`), or undefined when the field has none. */
export function defaultOf({ path, field }: Row): string | undefined {
    if (field.default !== undefined && field.defaultDoc !== undefined) throw new Error(`${path}: \`default\` and \`defaultDoc\` both set; keep one`);
    const text = field.default !== undefined ? JSON.stringify(field.default) : field.defaultDoc;
    if (text === undefined) {
        if (field.defaultNote !== undefined) throw new Error(`${path}: \`defaultNote\` without a default`);
        return undefined;
    }
    return field.defaultNote === undefined ? text : `${text} (${field.defaultNote})`;
}

/**
 * True when users may leave the argument out: not required, or filled in when unset (a default, or
 * one from elsewhere such as the region's stack config). An optional row must say its default.
 */
export function isOptional(row: Row): boolean {
    const text = defaultOf(row);
    if (!row.field.required && text === undefined) throw new Error(`${row.path}: an optional field needs \`default\` or \`defaultDoc\` (the TSDoc's @default)`);
    return !row.field.required || text !== undefined;
}

/** True when the output is always there: required, defaulted, or filled in by the cloud. */
export function isReported(field: Field): boolean {
    // Ruled out by a set sibling (a single-tunnel setting of a dual-tunnel connection): absent then.
    if (field.excludedBy !== undefined) return false;
    if (field.required || field.default !== undefined) return true;
    if (field.computed && !field.optionalOutput) return true;
    return field.kind === "object" && Object.values(field.fields).some(isReported);
}

/** Top-level keys a read reports (every row but the provider-side, `local` ones). */
export function reportedKeys(schema: Schema): string[] {
    return Object.entries(schema)
        .filter(([, field]) => !field.local)
        .map(([key]) => key);
}

/** Top-level keys whose value holds a secret (the field itself or a field inside it). */
export function secretKeys(schema: Schema): string[] {
    const holdsSecret = (field: Field): boolean =>
        field.secret === true ||
        (field.kind === "object" && Object.values(field.fields).some(holdsSecret)) ||
        (field.kind === "list" && holdsSecret(field.items));
    return Object.entries(schema)
        .filter(([, field]) => holdsSecret(field))
        .map(([key]) => key);
}

const FORMATS = {
    cidr: "an IPv4 CIDR block in canonical network form (e.g. `10.0.0.0/24`)",
    ipv4: "an IPv4 address",
    regionId: "lower-case letters, digits and hyphens",
} as const;

/** `1–100 characters`, `at most 64 characters`, `at least 1 item`; `unit` is singular. */
function span(min: number | undefined, max: number | undefined, unit: string): string | undefined {
    const units = (n: number) => `${unit}${n === 1 ? "" : "s"}`;
    if (min !== undefined && max !== undefined) return min === max ? `exactly ${max} ${units(max)}` : `${min}–${max} ${units(max)}`;
    if (max !== undefined) return `at most ${max} ${units(max)}`;
    if (min !== undefined) return `at least ${min} ${units(min)}`;
    return undefined;
}

/** The row's limits as phrases (`1–100 characters`, `no whitespace`), beyond its type and enum. */
export function limitsOf(field: Field): string[] {
    switch (field.kind) {
        case "string": {
            const length = field.enum ? undefined : span(field.minLength, field.maxLength, "character");
            return [length, field.noWhitespace ? "no whitespace" : undefined, field.format && FORMATS[field.format]].filter((s): s is string => s !== undefined);
        }
        case "integer":
            return [`${field.min}–${field.max}`];
        case "list": {
            const items = field.items.kind === "string" && field.items.format === "cidr" ? ["IPv4 CIDR blocks in canonical network form"] : [];
            return [span(field.minItems, field.maxItems, "item"), ...items, field.set ? "order ignored" : undefined].filter((s): s is string => s !== undefined);
        }
        case "map": {
            const keys = span(field.keys.minLength, field.keys.maxLength, "character");
            const values = span(field.values.minLength || undefined, field.values.maxLength, "character");
            return [
                field.maxEntries === undefined ? undefined : `at most ${field.maxEntries} entries`,
                keys && `keys ${keys}`,
                values && `values ${values}`,
            ].filter((s): s is string => typeof s === "string" && s !== "");
        }
        default:
            return [];
    }
}

/** Sentences the docs add after the row's description: replacement, secrecy, refused values, dialects. */
export function notesOf(field: Field, resource: ResourceDoc): string[] {
    const notes: string[] = [];
    if (field.replaceOnChange) notes.push("Changing it replaces the connection.");
    if (field.secret) notes.push("Always stored as a secret.");
    if (field.excludedBy !== undefined) notes.push(`Not with \`${field.excludedBy}\`.`);
    if (field.outputOnly) notes.push("Reported by the cloud; not an argument.");
    if (field.kind === "string") {
        for (const [value, reason] of Object.entries(field.unsupported ?? {})) notes.push(`The API's \`${value}\` is refused: ${reason}.`);
    }
    const dialects = Object.entries(resource.dialects ?? {});
    if (dialects.length < 2 || !field.api) return notes;
    const [, main] = dialects.find(([key]) => key === "default") ?? dialects[0];
    for (const [key, name] of dialects) {
        if (key === "default") continue;
        const binding = field.api[key];
        if (!binding) {
            notes.push(field.default === undefined ? `${main} only.` : `${main} only (${name} takes only the default).`);
            continue;
        }
        if (binding.enum) notes.push(`${name} takes only ${binding.enum.map((v) => `\`${v}\``).join(", ")}.`);
        if (binding.range) notes.push(`${name} takes only ${binding.range[0]}–${binding.range[1]}, or the default.`);
    }
    return notes;
}
