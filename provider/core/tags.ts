/**
 * User tags, `tags: Record<string, string>` as Pulumi providers spell them: the field row both
 * clouds declare (with their own limits), the `{Key, Value}` list both APIs carry, and the change
 * between two tag maps that the clouds' tag actions apply.
 */
import { isPlainObject, MapField, Rule, StringField } from "./schema";

/** A cloud's limits on tags. */
export interface TagLimits {
    maxEntries: number;
    keyMaxLength: number;
    valueMaxLength: number;
    /** Prefixes neither a key nor (when `valuesToo`) a value may start with, case-insensitively. */
    reservedPrefixes: readonly string[];
    /** Reserved prefixes apply to values too. */
    valuesToo: boolean;
    /** Substrings a key (and with `valuesToo` a value) may not contain. */
    forbiddenText: readonly string[];
    /** Keys the provider itself sets: a user tag may not use them. */
    ownKeys?: readonly string[];
    /** The characters keys and values may hold, and how messages name them. */
    charset?: { pattern: RegExp; doc: string };
}

const textRules = (limits: TagLimits, isKey: boolean): Rule[] => [
    (value: string) => {
        if (!isKey && !limits.valuesToo) return undefined;
        const prefix = limits.reservedPrefixes.find((p) => value.toLowerCase().startsWith(p));
        return prefix === undefined ? undefined : `must not start with ${prefix} (reserved prefixes: ${limits.reservedPrefixes.join(", ")})`;
    },
    (value: string) => {
        if (!isKey && !limits.valuesToo) return undefined;
        const found = limits.forbiddenText.find((text) => value.toLowerCase().includes(text));
        return found === undefined ? undefined : `must not contain ${found}`;
    },
    (value: string) => (isKey && limits.ownKeys?.includes(value) ? `${value} is the provider's own tag; choose another key` : undefined),
    (value: string) => (limits.charset && !limits.charset.pattern.test(value) ? `must hold only ${limits.charset.doc}` : undefined),
];

/** The `tags` row: a map with the cloud's limits, bound to `binding` (request path, read path, codecs). */
export function tagsField(limits: TagLimits, api: MapField["api"], doc: string): MapField {
    const keys: StringField = { kind: "string", minLength: 1, maxLength: limits.keyMaxLength, rules: textRules(limits, true) };
    const values: StringField = { kind: "string", minLength: 0, maxLength: limits.valueMaxLength, rules: textRules(limits, false) };
    return {
        kind: "map",
        maxEntries: limits.maxEntries,
        keys,
        values,
        api,
        doc,
        defaultDoc: "none: the connection's tags are not managed (`{}` removes them all)",
    };
}

export interface TagEntry {
    Key: string;
    Value: string;
}

/** A tag map as the APIs' `[{Key, Value}]` list, in key order. */
export function toTagList(value: unknown): TagEntry[] {
    if (!isPlainObject(value)) return [];
    return Object.keys(value)
        .sort()
        .map((Key) => ({ Key, Value: String(value[Key] ?? "") }));
}

/** A `[{Key, Value}]` list (or `{Tag: [...]}`) as a tag map, without the keys in `hidden`. */
export function fromTagList(value: unknown, hidden: readonly string[] = []): Record<string, string> {
    const list = Array.isArray(value) ? value : isPlainObject(value) && Array.isArray(value.Tag) ? value.Tag : [];
    const out: Record<string, string> = {};
    for (const item of list) {
        if (!isPlainObject(item) || typeof item.Key !== "string" || hidden.includes(item.Key)) continue;
        out[item.Key] = typeof item.Value === "string" ? item.Value : "";
    }
    return out;
}

/** What turns tags `actual` into `desired`: keys to set (new or changed value) and keys to remove. */
export function tagChange(actual: unknown, desired: unknown): { set: Record<string, string>; remove: string[] } {
    const before = isPlainObject(actual) ? (actual as Record<string, string>) : {};
    const after = isPlainObject(desired) ? (desired as Record<string, string>) : {};
    const set: Record<string, string> = {};
    for (const [key, value] of Object.entries(after)) if (before[key] !== value) set[key] = value;
    const remove = Object.keys(before).filter((key) => !Object.prototype.hasOwnProperty.call(after, key));
    return { set, remove: remove.sort() };
}
