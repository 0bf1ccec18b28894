/**
 * Schema-driven input validation and normalization for `check`: every rule runs before any API
 * call, every failure names its property path and what is allowed, and defaults are applied so
 * that a later diff against the cloud's values does not flap.
 */
import { CheckFailure } from "./errors";
import { parseCidr, parseIpv4 } from "./cidr";
import { isRegionId, REGION_ID_RULE } from "./endpoint";
import { Field, isPlainObject, ListField, MapField, ObjectField, ownEntry, Props, Schema, StringField, UNKNOWN } from "./schema";
import { canonicalJson, sortSet } from "./equality";

export interface CheckOutcome {
    inputs: Props;
    failures: CheckFailure[];
}

/**
 * Marks the props of a connection looked up by ID (`VpnConnection.get`): its read must find the
 * connection, and fails naming the ID when there is none (see `./lookup`).
 */
export const LOOKUP_KEY = "__lookup";

/** The property that holds a dynamic resource's provider text (provider/index.ts `providerText`). */
export const PROVIDER_KEY = "__provider";

/** Keys the Pulumi machinery (and the SDK classes' lookups) add to inputs; never validated or sent to a cloud. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([PROVIDER_KEY, LOOKUP_KEY]);

/** Validates and normalizes raw inputs against `schema`. Reserved keys pass through untouched. */
export function checkInputs(schema: Schema, raw: Props): CheckOutcome {
    const failures: CheckFailure[] = [];
    const inputs = checkObject(schema, raw, "", failures);
    for (const key of RESERVED_KEYS) {
        if (raw[key] !== undefined) inputs[key] = raw[key];
    }
    return { inputs, failures };
}

/** What a field holds, for messages. */
function describeKind(field: Field): string {
    switch (field.kind) {
        case "string":
            if (field.enum) return `one of ${field.enum.join(", ")}`;
            return field.format === "cidr" ? "an IPv4 CIDR block" : field.format === "ipv4" ? "an IPv4 address" : "a string";
        case "integer":
            return `an integer between ${field.min} and ${field.max}`;
        case "boolean":
            return "true or false";
        case "list":
            return "a list";
        case "object":
            return `an object with keys ${Object.keys(field.fields).join(", ")}`;
        case "map":
            return "an object of string values";
    }
}

/** What a wrong value is, for messages; a secret field's value is never shown, only its type. */
function describeType(value: unknown, field?: Field): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    return field?.secret ? `a ${typeof value}` : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * The path of `key` under `prefix` (which ends in "." when not empty). A key that is not an
 * identifier (empty, with spaces or dots) is quoted, `ikeConfig["a b"]`, as Pulumi property paths write it.
 */
function keyPath(prefix: string, key: string): string {
    return /^[A-Za-z_$][\w$]*$/.test(key) ? prefix + key : `${prefix.replace(/\.$/, "")}[${JSON.stringify(key)}]`;
}

function checkObject(schema: Schema, raw: Props, prefix: string, failures: CheckFailure[]): Props {
    const out: Props = {};
    for (const key of Object.keys(raw)) {
        if (ownEntry(schema, key) === undefined && !(prefix === "" && RESERVED_KEYS.has(key))) {
            failures.push({
                property: keyPath(prefix, key),
                reason: `is not a known property; allowed: ${Object.keys(schema).join(", ")}`,
            });
        }
    }
    const checkedFields: [string, Field][] = [];
    for (const [key, field] of Object.entries(schema)) {
        if (isExcluded(field, raw, key, prefix + key, failures)) continue;
        if (field.outputOnly) {
            if (ownEntry(raw, key) !== undefined && ownEntry(raw, key) !== null) failures.push({ property: prefix + key, reason: "is reported by the cloud and cannot be set" });
            continue;
        }
        const value = checkField(field, ownEntry(raw, key), prefix + key, failures);
        if (value !== undefined) out[key] = value;
        checkedFields.push([key, field]);
    }
    // Rules run on the normalized object so they can see defaulted siblings.
    for (const [key, field] of checkedFields) {
        const value = out[key];
        if (value === undefined || value === UNKNOWN || !field.rules) continue;
        for (const rule of field.rules) {
            const reason = rule(value, { parent: out, path: prefix + key });
            if (reason) failures.push({ property: prefix + key, reason });
        }
    }
    return out;
}

/**
 * True when the sibling named by `excludedBy` is set: the field is then skipped (no default, not
 * required), and a value given for it anyway is a failure naming both.
 */
function isExcluded(field: Field, raw: Props, key: string, path: string, failures: CheckFailure[]): boolean {
    const by = field.excludedBy;
    const sibling = by === undefined ? undefined : ownEntry(raw, by);
    if (sibling === undefined || sibling === null) return false;
    const value = ownEntry(raw, key);
    if (value !== undefined && value !== null) {
        failures.push({ property: path, reason: `must not be set together with \`${by}\` (set it in each of \`${by}\` instead)` });
    }
    return true;
}

function checkField(field: Field, raw: unknown, path: string, failures: CheckFailure[]): unknown {
    if (raw === UNKNOWN) return UNKNOWN;
    if (raw === undefined || raw === null) {
        if (field.kind === "object") {
            // An absent block means "the API's defaults" for every sub-field that has one.
            const filled = checkObject(field.fields, {}, path + ".", failures);
            if (Object.keys(filled).length > 0) return filled;
        }
        if (field.default !== undefined) return structuredClone(field.default);
        if (field.required) failures.push({ property: path, reason: "is required" });
        return undefined;
    }
    switch (field.kind) {
        case "string":
            return checkString(field, raw, path, failures);
        case "integer":
            if (typeof raw !== "number" || !Number.isInteger(raw)) {
                failures.push({ property: path, reason: `must be an integer between ${field.min} and ${field.max}, not ${describeType(raw, field)}` });
                return undefined;
            }
            if (raw < field.min || raw > field.max) {
                failures.push({ property: path, reason: `must be between ${field.min} and ${field.max} (got ${raw})` });
                return undefined;
            }
            return raw;
        case "boolean":
            if (typeof raw !== "boolean") {
                failures.push({ property: path, reason: `must be true or false, not ${describeType(raw, field)}` });
                return undefined;
            }
            return raw;
        case "list":
            return checkList(field, raw, path, failures);
        case "object":
            if (!isPlainObject(raw)) {
                failures.push({ property: path, reason: `must be an object with keys ${Object.keys(field.fields).join(", ")}, not ${describeType(raw, field)}` });
                return undefined;
            }
            return checkObject((field as ObjectField).fields, raw, path + ".", failures);
        case "map":
            return checkMap(field, raw, path, failures);
    }
}

/** A map: at most `maxEntries` entries, each key and value checked against its string row (`path["key"]`). */
function checkMap(field: MapField, raw: unknown, path: string, failures: CheckFailure[]): Record<string, string> | undefined {
    if (!isPlainObject(raw)) {
        failures.push({ property: path, reason: `must be an object of string values, not ${describeType(raw, field)}` });
        return undefined;
    }
    const entries = Object.entries(raw);
    if (field.maxEntries !== undefined && entries.length > field.maxEntries) {
        failures.push({ property: path, reason: `must have at most ${field.maxEntries} entries (got ${entries.length})` });
        return undefined;
    }
    const out: Record<string, string> = {};
    let ok = true;
    for (const [key, value] of entries) {
        const entryPath = `${path}[${JSON.stringify(key)}]`;
        const before = failures.length;
        const checkedKey = checkMapText(field.keys, key, entryPath, failures, "its key ");
        const checkedValue = value === UNKNOWN ? UNKNOWN : checkMapText(field.values, value, entryPath, failures, "");
        if (failures.length > before || checkedKey === undefined || checkedValue === undefined) ok = false;
        else out[checkedKey] = checkedValue;
    }
    return ok ? out : undefined;
}

/** A map key or value: a string row whose rules see the text itself (an empty value may be allowed). */
function checkMapText(field: StringField, raw: unknown, path: string, failures: CheckFailure[], what: string): string | undefined {
    if (typeof raw === "string" && raw === "" && field.minLength === 0) return raw;
    const own: CheckFailure[] = [];
    const value = checkString(field, raw, path, own);
    for (const rule of value === undefined ? [] : (field.rules ?? [])) {
        const reason = rule(value, { parent: {}, path });
        if (reason) own.push({ property: path, reason });
    }
    failures.push(...own.map((failure) => ({ ...failure, reason: what + failure.reason })));
    return own.length > 0 ? undefined : value;
}

function checkString(field: StringField, raw: unknown, path: string, failures: CheckFailure[]): string | undefined {
    const fail = (reason: string) => {
        failures.push({ property: path, reason });
        return undefined;
    };
    if (typeof raw !== "string") {
        return fail(field.enum ? `must be one of ${field.enum.join(", ")}, not ${describeType(raw, field)}` : `must be a string, not ${describeType(raw, field)}`);
    }
    if (raw.trim() === "") {
        return fail(field.enum ? `must be one of ${field.enum.join(", ")} (got an empty string)` : "must not be empty or blank");
    }
    if (field.enum) {
        const canonical = field.enum.find((allowed) => allowed.toLowerCase() === raw.toLowerCase());
        const unsupported = Object.keys(field.unsupported ?? {}).find((value) => value.toLowerCase() === raw.toLowerCase());
        if (unsupported !== undefined) {
            return fail(`must be one of ${field.enum.join(", ")}: ${unsupported} is not supported yet (${field.unsupported![unsupported]})`);
        }
        return canonical ?? fail(`must be one of ${field.enum.join(", ")} (got "${field.secret ? "***" : raw}")`);
    }
    if (raw !== raw.trim()) return fail("must not start or end with whitespace");
    if (field.noWhitespace && /\s/.test(raw)) return fail("must not contain whitespace");
    const length = [...raw].length;
    // Even a secret's length says something about it: left out of the message.
    const got = field.secret ? "" : ` (got ${length})`;
    if (field.minLength !== undefined && length < field.minLength) {
        return fail(`must be at least ${field.minLength} characters${got}`);
    }
    if (field.maxLength !== undefined && length > field.maxLength) {
        return fail(`must be at most ${field.maxLength} characters${got}`);
    }
    if (field.format === "cidr") {
        const parsed = parseCidr(raw);
        return parsed.ok ? parsed.canonical : fail(`must be a canonical IPv4 CIDR block: ${parsed.reason}`);
    }
    if (field.format === "ipv4" && parseIpv4(raw) === undefined) {
        return fail(`must be an IPv4 address like 192.0.2.1 (got "${raw}")`);
    }
    if (field.format === "regionId" && !isRegionId(raw)) {
        return fail(`must be ${REGION_ID_RULE} (got ${JSON.stringify(raw)})`);
    }
    return raw;
}

function checkList(field: ListField, raw: unknown, path: string, failures: CheckFailure[]): unknown[] | undefined {
    if (!Array.isArray(raw)) {
        failures.push({ property: path, reason: `must be a list, not ${describeType(raw, field)}` });
        return undefined;
    }
    if (field.minItems !== undefined && raw.length < field.minItems) {
        failures.push({ property: path, reason: `must have at least ${field.minItems} item(s) (got ${raw.length})` });
    }
    if (field.maxItems !== undefined && raw.length > field.maxItems) {
        failures.push({ property: path, reason: `must have at most ${field.maxItems} items (got ${raw.length})` });
        return undefined;
    }
    const items = raw.map((item, i) => {
        if (item === null || item === undefined) {
            // An absent item is not an absent field: it would otherwise vanish, taking the list with it.
            failures.push({ property: `${path}[${i}]`, reason: `must be ${describeKind(field.items)}, not null` });
            return undefined;
        }
        return checkField(field.items, item, `${path}[${i}]`, failures);
    });
    if (items.some((item) => item === undefined)) return undefined;
    if (field.keyBy !== undefined && !items.includes(UNKNOWN)) return orderByKey(field, field.keyBy, items as Props[], path, failures);
    if (!field.set || items.includes(UNKNOWN)) return items;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
        const key = canonicalJson(item);
        const first = seen.get(key);
        if (first !== undefined) {
            failures.push({ property: `${path}[${i}]`, reason: `duplicates ${path}[${first}] (${key})` });
        } else {
            seen.set(key, i);
        }
    });
    return sortSet(items);
}

/** Items of a `keyBy` list, each identity once, in the key field's enum order (else by its text). */
function orderByKey(field: ListField, keyBy: string, items: Props[], path: string, failures: CheckFailure[]): Props[] | undefined {
    const keyField = field.items.kind === "object" ? ownEntry(field.items.fields, keyBy) : undefined;
    const order = keyField?.kind === "string" && keyField.enum ? keyField.enum : undefined;
    const seen = new Map<unknown, number>();
    let unique = true;
    items.forEach((item, i) => {
        const key = item[keyBy];
        if (key === UNKNOWN) return;
        const first = seen.get(key);
        if (first !== undefined) {
            failures.push({ property: `${path}[${i}].${keyBy}`, reason: `duplicates ${path}[${first}].${keyBy} (${JSON.stringify(key)}): each ${keyBy} once` });
            unique = false;
        } else {
            seen.set(key, i);
        }
    });
    if (!unique) return undefined;
    if (items.some((item) => item[keyBy] === UNKNOWN)) return items;
    const rank = (item: Props) => (order ? order.indexOf(String(item[keyBy])) : 0);
    return [...items].sort((a, b) => rank(a) - rank(b) || String(a[keyBy]).localeCompare(String(b[keyBy])));
}
