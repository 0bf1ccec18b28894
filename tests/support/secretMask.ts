/**
 * Which parts of a property map the engine keeps secret, and how secretness travels: the engine's
 * `annotateSecrets` from inputs to outputs, unions of masks, the rendered paths of a mask, and the
 * strings a map holds outside its secret paths (what a secrets audit scans).
 */
import { isPlainObject } from "../../provider/core/schema";
import type { PropertyMap } from "./propertyMap";

/**
 * Which parts of a value are secret: `true` = this value and everything below it; an object = only the listed
 * children (array elements keyed by index). Absent = not secret.
 */
export type SecretMask = true | { [key: string]: SecretMask };

/** The secret mask of a property map: only the listed keys (down to their own masks) are secret. */
export type SecretMaskMap = { [key: string]: SecretMask };

/**
 * The engine's `annotateSecrets(outs, ins)` for providers that do not accept secrets (`provider_plugin.go`): an output is secret
 * where the input with the same key was; objects recurse; arrays of equal length are matched by index, and an
 * array that ends up with any secret element becomes wholly secret.
 *
 * @returns the secret mask of `outs`
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap, insMask: SecretMask): SecretMaskMap {
    if (insMask === true) {
        // A wholly secret input map makes every same-key output secret.
        return keysMask(outs, Object.keys(ins));
    }
    const result: SecretMaskMap = {};
    for (const key of Object.keys(ins)) {
        const m = insMask[key];
        if (m === undefined || !(key in outs)) {
            continue;
        }
        const annotated = annotateValue(outs[key], ins[key], m);
        if (annotated !== undefined) {
            result[key] = annotated;
        }
    }
    return result;
}

function annotateValue(out: unknown, input: unknown, mask: SecretMask): SecretMask | undefined {
    if (mask === true) {
        return true;
    }
    if (isPlainObject(out) && isPlainObject(input)) {
        const sub = annotateSecrets(out, input, mask);
        return Object.keys(sub).length ? sub : undefined;
    }
    if (Array.isArray(out) && Array.isArray(input) && out.length === input.length) {
        const anySecret = input.some((v, i) => mask[String(i)] !== undefined && annotateValue(out[i], v, mask[String(i)]) !== undefined);
        return anySecret ? true : undefined;
    }
    return undefined;
}

/** Lists a mask as rendered paths (`a`, `a.b`, `a[0]`, `["x-y"]`), sorted. */
export function maskPaths(mask: SecretMask, prefix: (string | number)[] = []): string[] {
    if (mask === true) {
        return [renderPath(prefix)];
    }
    return Object.keys(mask)
        .flatMap((k) => maskPaths(mask[k], [...prefix, k]))
        .sort();
}

export function keysMask(value: PropertyMap, keys: string[]): SecretMaskMap {
    const mask: SecretMaskMap = {};
    for (const k of keys) {
        if (k in value) {
            mask[k] = true;
        }
    }
    return mask;
}

export function unionMask(a: SecretMaskMap, b: SecretMaskMap): SecretMaskMap {
    const result: SecretMaskMap = { ...a };
    for (const [k, m] of Object.entries(b)) {
        const existing = result[k];
        result[k] = existing === undefined ? m : existing === true || m === true ? true : unionMask(existing, m);
    }
    return result;
}

function isUnderSecret(mask: SecretMask, segments: (string | number)[]): boolean {
    let m: SecretMask | undefined = mask;
    for (const s of segments) {
        if (m === true) {
            return true;
        }
        m = m[String(s)];
        if (m === undefined) {
            return false;
        }
    }
    return m === true;
}

/** Calls `visit` for every string leaf and every map key (with the key's own path) outside secret paths. */
export function walkStrings(value: unknown, mask: SecretMask, segments: (string | number)[], visit: (segments: (string | number)[], text: string) => void): void {
    if (isUnderSecret(mask, segments)) {
        return;
    }
    if (typeof value === "string") {
        visit(segments, value);
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => walkStrings(v, mask, [...segments, i], visit));
    } else if (isPlainObject(value)) {
        for (const [k, v] of Object.entries(value)) {
            visit([...segments, k], k);
            walkStrings(v, mask, [...segments, k], visit);
        }
    }
}

export function renderPath(segments: (string | number)[]): string {
    let out = "";
    for (const s of segments) {
        if (typeof s === "number" || /^\d+$/.test(s)) {
            out += `[${s}]`;
        } else if (/^[A-Za-z_$][\w$]*$/.test(s)) {
            out += out ? `.${s}` : s;
        } else {
            out += `[${JSON.stringify(s)}]`;
        }
    }
    return out;
}
