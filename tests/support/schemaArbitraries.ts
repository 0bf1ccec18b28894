/**
 * fast-check arbitraries derived from a resource's field table: every property path it declares,
 * and values for them — arbitrary JSON, plus values shaped like what the field accepts (enum
 * members in any case, canonical CIDRs, integers around the bounds) so that some inputs pass
 * `check` and go on to the cloud.
 */
import fc from "fast-check";
import { Field, Props, Schema } from "../../provider/core/schema";

/** Every path of `schema` in failure notation with list items as `[]`, e.g. `securityPolicyDatabases[].remoteCidrBlocks[]`. */
export function schemaPaths(schema: Schema, prefix = ""): string[] {
    return Object.entries(schema).flatMap(([key, field]) => fieldPaths(field, prefix + key));
}

function fieldPaths(field: Field, path: string): string[] {
    if (field.kind === "object") return [path, ...schemaPaths(field.fields, path + ".")];
    if (field.kind === "list") return [path, ...fieldPaths(field.items, `${path}[]`)];
    return [path];
}

/** The field a path in `[]` notation names, or undefined. */
export function fieldAt(schema: Schema, path: string): Field | undefined {
    let fields: Schema | undefined = schema;
    let field: Field | undefined;
    for (const step of path.split(".")) {
        const [key, ...items] = step.split("[]");
        field = fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
        for (let i = 0; i < items.length && field; i++) field = field.kind === "list" ? field.items : undefined;
        fields = field?.kind === "object" ? field.fields : undefined;
    }
    return field;
}

/** The steps of a property path: `a.b[2]["x y"]` → `["a", "b", 2, "x y"]`; undefined when it does not parse. */
export function pathSteps(property: string): (string | number)[] | undefined {
    const step = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
    const steps: (string | number)[] = [];
    while (step.lastIndex < property.length) {
        const at = step.lastIndex;
        const match = step.exec(property);
        if (!match || (match[1] !== undefined && at > 0 && property[at] !== ".")) return undefined;
        steps.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)));
    }
    return steps.length > 0 ? steps : undefined;
}

/** Steps in `[]` notation: `["a", 3, "b"]` → `a[].b`. */
function stepsPath(steps: readonly (string | number)[]): string {
    return steps.map((s, i) => (typeof s === "number" ? "[]" : i === 0 ? s : `.${s}`)).join("");
}

/**
 * True when a failure's property names something of the input: a path the table declares, or a key
 * the table does not declare that the input holds, under the root or a declared object.
 */
export function namesInput(schema: Schema, inputs: Props, property: string): boolean {
    const steps = pathSteps(property);
    if (!steps) return false;
    if (fieldAt(schema, stepsPath(steps)) !== undefined) return true;
    const key = steps[steps.length - 1];
    const parent = steps.slice(0, -1);
    const parentKind = parent.length > 0 ? fieldAt(schema, stepsPath(parent))?.kind : "object";
    if (typeof key !== "string" || (parentKind !== "object" && parentKind !== "map")) return false;
    let node: unknown = inputs;
    for (const s of parent) node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[s] : undefined;
    return typeof node === "object" && node !== null && !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, key);
}

const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join("."));

/** A CIDR block in canonical network form (host bits cleared). */
const cidr = fc.tuple(fc.nat(0xffffffff), fc.integer({ min: 8, max: 32 })).map(([address, prefix]) => {
    const network = prefix === 0 ? 0 : (address >>> (32 - prefix)) << (32 - prefix);
    return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join(".")}/${prefix}`;
});

const randomCase = (value: string) => fc.constantFrom(value, value.toLowerCase(), value.toUpperCase());

/** Values shaped like what `field` accepts, sometimes just outside it. */
function shapedValue(field: Field, depth: number): fc.Arbitrary<unknown> {
    switch (field.kind) {
        case "string": {
            if (field.enum) return fc.constantFrom(...field.enum, ...Object.keys(field.unsupported ?? {})).chain(randomCase);
            if (field.format === "cidr") return fc.oneof(cidr, cidr.map((c) => c.replace(/\.0\//, ".1/")));
            if (field.format === "ipv4") return ip;
            if (field.format === "regionId") return fc.constantFrom("cn-hangzhou", "ap-guangzhou", "us-west-1", "cn-shanghai-finance-1", "attacker.example/", "CN-HANGZHOU");
            return fc.oneof(fc.string({ minLength: 1, maxLength: (field.maxLength ?? 20) + 2 }), fc.stringMatching(/^[A-Za-z0-9-]{1,24}$/));
        }
        case "integer":
            return fc.oneof(fc.integer({ min: field.min, max: field.max }), fc.constantFrom(field.min - 1, field.max + 1, field.min, field.max));
        case "boolean":
            return fc.boolean();
        case "list":
            return depth > 2 ? fc.constant([]) : fc.array(shapedValue(field.items, depth + 1), { maxLength: 3 });
        case "object": {
            if (depth > 2) return fc.constant({});
            const entries = Object.fromEntries(Object.entries(field.fields).map(([key, sub]) => [key, shapedValue(sub, depth + 1)]));
            return fc.record(entries, { requiredKeys: [] });
        }
        case "map":
            return fc.dictionary(fc.oneof(fc.stringMatching(/^[A-Za-z0-9:-]{1,12}$/), fc.constantFrom("aliyun-x", "acs:x", "")), fc.oneof(fc.string({ maxLength: 8 }), fc.constant(1)), { maxKeys: 3 });
    }
}

/** Any JSON value, a missing value, or a value shaped for the field at `path`. */
export function valueFor(schema: Schema, path: string): fc.Arbitrary<unknown> {
    const field = fieldAt(schema, path);
    const shaped = field ? [shapedValue(field, 0), shapedValue(field, 0)] : [];
    return fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constant(null), ...shaped);
}

/** Keys no field table declares, the prototype-named ones among them. */
export const unknownKey = fc.oneof(fc.constantFrom("constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "psk", "labels"), fc.stringMatching(/^[a-z][A-Za-z]{0,11}$/));

/** One change to valid inputs: a value at a declared path, or an undeclared key under a declared object. */
export interface Mutation {
    path: string;
    value: unknown;
    /** True when `path` ends in a key the table does not declare. */
    unknown: boolean;
}

/** Arbitrary mutations of `schema`'s inputs. */
export function mutation(schema: Schema): fc.Arbitrary<Mutation> {
    const paths = schemaPaths(schema);
    const objectPaths = ["", ...paths.filter((path) => fieldAt(schema, path)?.kind === "object")];
    // A valid `credentials` value names an identity to assume, which no emulator account has: its
    // shape is covered by check's own tests, and only undeclared keys under it are mutated here.
    const mutable = paths.filter((path) => path !== "credentials" && !path.startsWith("credentials."));
    const declared = fc.constantFrom(...mutable).chain((path) => valueFor(schema, path).map((value) => ({ path, value, unknown: false })));
    const undeclared = fc
        .tuple(fc.constantFrom(...objectPaths), unknownKey, fc.jsonValue({ maxDepth: 1 }))
        .filter(([parent, key]) => fieldAt(schema, parent === "" ? key : `${parent}.${key}`) === undefined)
        .map(([parent, key, value]) => ({ path: parent === "" ? key : `${parent}.${key}`, value, unknown: true }));
    return fc.oneof({ weight: 4, arbitrary: declared }, { weight: 1, arbitrary: undeclared });
}

/**
 * `inputs` with `mutation` applied (a deep copy; `[]` steps address item 0, created when missing).
 * Keys are set as own properties, so `__proto__` is a key, not the prototype.
 */
export function applyMutation(inputs: Props, { path, value }: Mutation): Props {
    const root = structuredClone(inputs);
    const steps = path.split(".").flatMap((step) => {
        const [key, ...items] = step.split("[]");
        return [key, ...items.map(() => 0)];
    });
    let node: any = root;
    steps.forEach((step, i) => {
        const last = i === steps.length - 1;
        if (last) {
            if (value === undefined) {
                if (Array.isArray(node)) node.splice(Number(step), 1);
                else delete node[step];
            } else {
                Object.defineProperty(node, step, { value, enumerable: true, writable: true, configurable: true });
            }
            return;
        }
        const next = Object.prototype.hasOwnProperty.call(node, step) ? node[step] : undefined;
        const wantList = typeof steps[i + 1] === "number";
        const child = wantList ? (Array.isArray(next) ? next : []) : typeof next === "object" && next !== null && !Array.isArray(next) ? next : {};
        Object.defineProperty(node, step, { value: child, enumerable: true, writable: true, configurable: true });
        node = child;
    });
    return root;
}

/** One list of `inputs` with a null or missing item inserted, and the path of that item (where `check` must fail). */
export interface AbsentItem {
    mutation: Mutation;
    item: string;
}

/**
 * Every list the table declares, as `inputs` hold it (an empty one where they hold none), with a
 * null or undefined item inserted at any position: item 0 stands for each enclosing `[]`.
 */
export function absentItem(schema: Schema, inputs: Props): fc.Arbitrary<AbsentItem> {
    const lists = schemaPaths(schema).filter((path) => fieldAt(schema, path)?.kind === "list");
    return fc.constantFrom(...lists).chain((path) => {
        const concrete = path.replace(/\[\]/g, "[0]");
        const existing = valueAt(inputs, concrete);
        const items = Array.isArray(existing) ? existing : [];
        return fc.tuple(fc.nat(items.length), fc.constantFrom(null, undefined)).map(([at, absent]) => {
            const value = [...items.slice(0, at), absent, ...items.slice(at)];
            return { mutation: { path, value, unknown: false }, item: `${concrete}[${at}]` };
        });
    });
}

/** The value of `inputs` at a concrete path (`a[0].b`), or undefined. */
function valueAt(inputs: Props, path: string): unknown {
    return (pathSteps(path) ?? []).reduce<unknown>((node, step) => (typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[step] : undefined), inputs);
}

/** Paths of the keys in `inputs` that the table does not declare (under the root and declared objects, lists included). */
export function undeclaredKeys(schema: Schema, inputs: unknown, prefix = ""): string[] {
    if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) return [];
    return Object.keys(inputs).flatMap((key) => {
        const field = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
        const path = prefix + key;
        if (!field) return prefix === "" && key === "__provider" ? [] : [path];
        return nestedUndeclared(field, (inputs as Props)[key], path);
    });
}

function nestedUndeclared(field: Field, value: unknown, path: string): string[] {
    if (field.kind === "object") return undeclaredKeys(field.fields, value, path + ".");
    if (field.kind === "list" && Array.isArray(value)) return value.flatMap((item, i) => nestedUndeclared(field.items, item, `${path}[${i}]`));
    return [];
}

/**
 * Paths of the values `raw` holds (neither null nor undefined) under declared keys that `inputs`
 * lacks: what `check` accepted but dropped. Object fields and list items are followed by key and index.
 */
export function droppedValues(schema: Schema, raw: unknown, inputs: unknown, prefix = ""): string[] {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
    const kept = typeof inputs === "object" && inputs !== null && !Array.isArray(inputs) ? (inputs as Props) : {};
    return Object.keys(raw).flatMap((key) => {
        const field = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
        const value = (raw as Props)[key];
        if (!field || value === null || value === undefined) return [];
        const has = Object.prototype.hasOwnProperty.call(kept, key) && kept[key] !== null && kept[key] !== undefined;
        return has ? droppedIn(field, value, kept[key], prefix + key) : [prefix + key];
    });
}

function droppedIn(field: Field, raw: unknown, kept: unknown, path: string): string[] {
    if (field.kind === "object") return droppedValues(field.fields, raw, kept, path + ".");
    if (field.kind !== "list" || !Array.isArray(raw) || !Array.isArray(kept)) return [];
    // A set-valued list is sorted by check, so items are compared by count only there.
    if (raw.length !== kept.length) return [path];
    return field.set ? [] : raw.flatMap((item, i) => (item === null || item === undefined ? [`${path}[${i}]`] : droppedIn(field.items, item, kept[i], `${path}[${i}]`)));
}
