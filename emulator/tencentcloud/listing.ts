/**
 * The shared request shape of the API 3.0 Describe* actions: `<X>Ids` or `Filters` (not both),
 * `Offset`/`Limit` (DescribeVpnConnections, https://www.tencentcloud.com/document/api/215/17515: ids ≤ 100; ≤ 10 filters of ≤ 5 values, filters ANDed and values
 * ORed; Limit default 20, max 100). The same rules are applied to gateways, customer gateways and
 * VPCs (INFERRED: they are documented for connections).
 */
import { TencentError, type ResourceKind } from "./errors";
import { notFound, optArray, rejectUnknown, type Params } from "./params";

/** How one Describe action lists its items. */
export interface ListSpec<T> {
    /** Name of the ids parameter, e.g. `VpnConnectionIds`. */
    idsParam: string;
    /** Every item, oldest first; a function when building the list costs a walk of the store. */
    items: readonly T[] | (() => readonly T[]);
    /** Lookups the store keeps, so that a request by id or by an indexed filter does not walk every item. */
    index?: ListIndex<T>;
    idOf(item: T): string;
    resource: ResourceKind;
    /** Filter name → the item's value(s) compared with the filter's values. */
    filters: Readonly<Record<string, (item: T) => string>>;
    /** Extra check of each requested id (e.g. `vpnx-` syntax). */
    checkId?(id: string, path: string): void;
}

/** A store's constant-time lookups behind a listing (the results are the same as a walk's). */
export interface ListIndex<T> {
    byId(id: string): T | undefined;
    /** Filter name → the items having one value, for the filters the store indexes. */
    byFilter: Readonly<Record<string, (value: string) => readonly T[]>>;
    /** Listing order (creation rank). */
    rank(item: T): number;
}

/** Ids per request (DescribeVpnConnections). */
export const MAX_IDS = 100;
/** Filters per request (DescribeVpnConnections). */
export const MAX_FILTERS = 10;
/** Values per filter (DescribeVpnConnections). */
export const MAX_FILTER_VALUES = 5;
/** `Limit` when absent (DescribeVpnConnections). */
export const DEFAULT_LIMIT = 20;
/** Largest `Limit` (DescribeVpnConnections). */
export const MAX_LIMIT = 100;

const limitError = (field: string, message: string): TencentError =>
    new TencentError("InvalidParameterValue.LimitExceeded", message, { field });

/**
 * Offset/Limit as integers; DescribeVpcs types them as strings in the SDK (`vpc_models.d.ts`), so
 * numeric strings are accepted too.
 */
function paging(p: Params, key: "Offset" | "Limit", fallback: number): number {
    const raw = p[key];
    if (raw === undefined) return fallback;
    const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        throw new TencentError("InvalidParameterValue", `The parameter \`${key}\` must be a non-negative integer.`, { field: key });
    }
    return value;
}

/** Applies ids or filters, then paging. @returns the total match count and the requested page. */
export function describeList<T>(p: Params, spec: ListSpec<T>): { total: number; page: T[] } {
    rejectUnknown(p, [spec.idsParam, "Filters", "Offset", "Limit"]);
    const ids = optArray(p, spec.idsParam);
    const filters = optArray(p, "Filters");
    if (ids !== undefined && filters !== undefined) {
        throw new TencentError("InvalidParameter.Coexist", `The parameters \`${spec.idsParam}\` and \`Filters\` cannot be given together.`, { field: "Filters" });
    }
    const offset = paging(p, "Offset", 0);
    const limit = paging(p, "Limit", DEFAULT_LIMIT);
    if (limit > MAX_LIMIT) throw limitError("Limit", `The parameter \`Limit\` must be at most ${MAX_LIMIT}.`);

    const all = (): T[] => [...(typeof spec.items === "function" ? spec.items() : spec.items)];
    const inOrder = (items: Iterable<T>): T[] => [...new Set(items)].sort((a, b) => spec.index!.rank(a) - spec.index!.rank(b));
    let matched: T[] | undefined;
    if (ids !== undefined) {
        if (ids.length > MAX_IDS) throw limitError(spec.idsParam, `The parameter \`${spec.idsParam}\` holds at most ${MAX_IDS} ids.`);
        const wanted = ids.map((id, i) => {
            const path = `${spec.idsParam}.${i}`;
            if (typeof id !== "string") throw new TencentError("InvalidParameter", `The parameter \`${path}\` must be a string.`, { field: path });
            spec.checkId?.(id, path);
            return id;
        });
        // An unknown id is ResourceNotFound, not an empty set (DescribeVpnConnections' codes in TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go`).
        if (spec.index) {
            const found = wanted.map((id) => spec.index!.byId(id) ?? id);
            const missingId = found.find((item): item is string => typeof item === "string");
            if (missingId !== undefined) throw notFound(spec.resource, missingId);
            matched = inOrder(found as T[]);
        } else {
            const items = all();
            const known = new Set(items.map(spec.idOf));
            const missingId = wanted.find((id) => !known.has(id));
            if (missingId !== undefined) throw notFound(spec.resource, missingId);
            const wantedSet = new Set(wanted);
            matched = items.filter((item) => wantedSet.has(spec.idOf(item)));
        }
    }
    if (filters !== undefined) {
        if (filters.length > MAX_FILTERS) throw limitError("Filters", `The parameter \`Filters\` holds at most ${MAX_FILTERS} filters.`);
        filters.forEach((filter, i) => {
            const path = `Filters.${i}`;
            if (typeof filter !== "object" || filter === null || Array.isArray(filter)) {
                throw new TencentError("InvalidParameter", `The parameter \`${path}\` must be an object.`, { field: path });
            }
            const f = filter as Params;
            rejectUnknown(f, ["Name", "Values"], `${path}.`);
            const name = f.Name;
            if (typeof name !== "string" || !(name in spec.filters)) {
                throw new TencentError("InvalidParameter.FilterInvalidKey", `The filter name \`${String(name)}\` in \`${path}.Name\` is not supported.`, { field: `${path}.Name` });
            }
            const values = optArray(f, "Values", `${path}.Values`) ?? [];
            if (values.length > MAX_FILTER_VALUES) throw limitError(`${path}.Values`, `The parameter \`${path}.Values\` holds at most ${MAX_FILTER_VALUES} values.`);
            if (values.some((v) => typeof v !== "string")) {
                throw new TencentError("InvalidParameter", `The parameter \`${path}.Values\` must hold strings.`, { field: `${path}.Values` });
            }
            const read = spec.filters[name];
            const lookup = spec.index?.byFilter[name];
            const candidates = matched ?? (lookup ? inOrder((values as string[]).flatMap((v) => lookup(v))) : all());
            matched = candidates.filter((item) => (values as string[]).includes(read(item)));
        });
    }
    matched ??= all();
    return { total: matched.length, page: matched.slice(offset, offset + limit) };
}
