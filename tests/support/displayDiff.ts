/**
 * What the Pulumi CLI prints as a step's `[diff: …]`. A dynamic provider's diff carries no detailed
 * diff, so the CLI compares the step's old stored inputs with its new inputs itself: top-level keys
 * only, keys starting with `__` ignored, null the same as absent, each kind sorted — adds `+`,
 * deletes `-`, updates `~`, e.g. `-preSharedKey~healthCheckConfig,ikeConfig` (pulumi/pulumi
 * pkg/backend/display/rows.go `getDiffInfo` and `writeShortDiff`,
 * sdk/go/common/resource/properties_diff.go). For a refresh the new inputs are what `read` returned.
 * Secrets reach the display masked (unless `--show-secrets`), so a change inside one never shows:
 * pass the secret masks and those parts compare equal.
 */
import type { PropertyMap } from "./propertyMap";

/** Which parts of a value are secret (as the engine simulator's masks): `true` = all of it. */
export type DisplayMask = true | { [key: string]: DisplayMask };

const MASKED = "[secret]";

export function shortDiff(olds: PropertyMap, news: PropertyMap, oldsMask: DisplayMask = {}, newsMask: DisplayMask = {}): string {
    return compareMasked(masked(olds, oldsMask) as PropertyMap, masked(news, newsMask) as PropertyMap);
}

/** `value` with its secret parts replaced by one placeholder, as the CLI's events carry them. */
function masked(value: unknown, mask: DisplayMask): unknown {
    if (mask === true) return value === undefined || value === null ? value : MASKED;
    if (typeof value !== "object" || value === null) return value;
    const out: PropertyMap = Array.isArray(value) ? [...value] : { ...value };
    for (const [key, sub] of Object.entries(mask)) if (key in out) out[key] = masked(out[key], sub);
    return out;
}

function compareMasked(olds: PropertyMap, news: PropertyMap): string {
    const adds: string[] = [];
    const deletes: string[] = [];
    const updates: string[] = [];
    const has = (map: PropertyMap, key: string) => map[key] !== undefined && map[key] !== null;
    for (const key of new Set([...Object.keys(olds), ...Object.keys(news)])) {
        if (key.startsWith("__")) continue;
        if (!has(olds, key) && has(news, key)) adds.push(key);
        else if (has(olds, key) && !has(news, key)) deletes.push(key);
        else if (has(olds, key) && !sameValue(olds[key], news[key])) updates.push(key);
    }
    const group = (prefix: string, keys: string[]) => (keys.length > 0 ? prefix + keys.sort().join(",") : "");
    return group("+", adds) + group("-", deletes) + group("~", updates);
}

/** Deep equality as the engine's property diff sees it (objects by key, null as absent; arrays by index). */
function sameValue(a: unknown, b: unknown): boolean {
    if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
    }
    if (typeof a === "object" && typeof b === "object") {
        const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
        return [...keys].every((key) => sameValue((a as PropertyMap)[key], (b as PropertyMap)[key]));
    }
    return a === b;
}
