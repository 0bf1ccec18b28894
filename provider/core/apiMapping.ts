/**
 * Schema-driven translation between input-shaped properties and a cloud API's request/response
 * shapes, using each field's {@link ApiBinding} for one dialect.
 */
import { normalize } from "./equality";
import { ApiBinding, Field, isPlainObject, Props, Schema } from "./schema";

export const DEFAULT_DIALECT = "default";

function binding(field: Field, dialect: string): ApiBinding | undefined {
    return field.api?.[dialect];
}

function setPath(target: Props, path: string, value: unknown): void {
    const keys = path.split(".");
    let node = target;
    for (const key of keys.slice(0, -1)) {
        if (!isPlainObject(node[key])) node[key] = {};
        node = node[key] as Props;
    }
    node[keys[keys.length - 1]] = value;
}

/** Paths split once: every read maps each field's response path. */
const splitPaths = new Map<string, readonly string[]>();

function keysOf(path: string): readonly string[] {
    let keys = splitPaths.get(path);
    if (!keys) splitPaths.set(path, (keys = path.split(".")));
    return keys;
}

export function getPath(source: unknown, path: string): unknown {
    return valueAt(source, keysOf(path));
}

/**
 * Builds the request parameters for the given (normalized) inputs. Only fields present in `props`
 * are sent; with `only`, just the fields whose path starts with one of these prefixes.
 */
export function toApiRequest(schema: Schema, props: Props, dialect = DEFAULT_DIALECT, only?: readonly string[]): Props {
    const request: Props = {};
    const visit = (fields: Schema, values: Props, prefix: string) => {
        for (const [key, field] of Object.entries(fields)) {
            const path = prefix + key;
            const value = values[key];
            if (value === undefined || value === null || field.local || field.outputOnly) continue;
            if (only && !only.some((p) => path === p || path.startsWith(p + ".") || p.startsWith(path + "."))) continue;
            if (field.kind === "object" && !binding(field, dialect)) {
                if (isPlainObject(value)) visit(field.fields, value, path + ".");
                continue;
            }
            const api = binding(field, dialect);
            if (api) setPath(request, api.path, api.encode ? api.encode(value) : value);
        }
    };
    visit(schema, props, "");
    return request;
}

/** One row of a table as a response is read: where its value is, or the rows of its block. */
interface ResponseStep {
    key: string;
    field: Field;
    api?: ApiBinding;
    keys?: readonly string[];
    block?: readonly ResponseStep[];
}

/** The steps of each table and dialect, built once: every read maps a response through them. */
const responsePlans = new WeakMap<Schema, Map<string, readonly ResponseStep[]>>();

function responsePlan(schema: Schema, dialect: string): readonly ResponseStep[] {
    let byDialect = responsePlans.get(schema);
    if (!byDialect) responsePlans.set(schema, (byDialect = new Map()));
    let plan = byDialect.get(dialect);
    if (!plan) {
        const steps: ResponseStep[] = [];
        for (const [key, field] of Object.entries(schema)) {
            if (field.local) continue;
            const api = binding(field, dialect);
            if (field.kind === "object" && !api) steps.push({ key, field, block: responsePlan(field.fields, dialect) });
            else if (api) steps.push({ key, field, api, keys: keysOf(api.readPath ?? api.path) });
        }
        byDialect.set(dialect, (plan = steps));
    }
    return plan;
}

/** Reads input-shaped properties out of a describe response; absent API values stay absent. */
export function fromApiResponse(schema: Schema, response: unknown, dialect = DEFAULT_DIALECT): Props {
    const out = readSteps(responsePlan(schema, dialect), response);
    return out === EMPTY ? {} : out;
}

function readSteps(steps: readonly ResponseStep[], response: unknown): Props {
    const out: Props = {};
    let found = false;
    for (const { key, field, api, keys, block } of steps) {
        if (block) {
            const nested = readSteps(block, response);
            if (nested !== EMPTY) {
                out[key] = nested;
                found = true;
            }
            continue;
        }
        let value = valueAt(response, keys!);
        if (value === undefined || value === null) continue;
        if (api!.decode) value = api!.decode(value);
        // The generic coercion absorbs API type quirks (numbers or booleans sent as strings, enum case).
        value = normalize(field, value);
        if (value !== null) {
            out[key] = value;
            found = true;
        }
    }
    return found ? out : EMPTY;
}

/** What a block with no value in the response reads as (never handed out: left out by its parent). */
const EMPTY: Props = Object.freeze({}) as Props;

function valueAt(source: unknown, keys: readonly string[]): unknown {
    let node: unknown = source;
    for (const key of keys) {
        if (!isPlainObject(node)) return undefined;
        node = node[key];
    }
    return node;
}

/** Top-level request keys that the given changed property paths touch. */
export function requestKeysFor(schema: Schema, changedPaths: readonly string[], dialect = DEFAULT_DIALECT): string[] {
    const keys = new Set<string>();
    const mark = (fields: Schema, prefix: string) => {
        for (const [key, field] of Object.entries(fields)) {
            const path = prefix + key;
            if (field.kind === "object" && !binding(field, dialect)) {
                mark(field.fields, path + ".");
                continue;
            }
            const api = binding(field, dialect);
            if (api && changedPaths.some((p) => p === path || p.startsWith(path + ".") || p.startsWith(path + "[") || path.startsWith(p + "."))) {
                keys.add(api.path.split(".")[0]);
            }
        }
    };
    mark(schema, "");
    return [...keys];
}

/**
 * The top-level request keys a modify call carries: those of the changed fields, never those of
 * replace-on-change fields (the cloud cannot modify them; a change replaces the resource), and
 * always those the field table marks `sendOnModify`.
 */
export function modifyRequestKeys(schema: Schema, changedPaths: readonly string[], dialect = DEFAULT_DIALECT): string[] {
    const keys = new Set(requestKeysFor(schema, changedPaths, dialect));
    for (const field of Object.values(schema)) {
        const api = binding(field, dialect);
        if (!api) continue;
        const key = api.path.split(".")[0];
        if (field.replaceOnChange) keys.delete(key);
        else if (api.sendOnModify) keys.add(key);
    }
    return [...keys];
}
