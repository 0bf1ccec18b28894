/**
 * The enum sweep of the scenario suites: variants of a baseline that must all show no drift after
 * `up` (every enum value in upper case, set-valued lists reversed, defaults left unset).
 */
import { Field, Schema } from "../../provider/core/schema";

type Props = Record<string, any>;

/**
 * Variants of `base` that exercise every enum value of the field table once (in upper case, to
 * prove case-insensitive handling) plus one with every set-valued list reversed and one with all
 * optional fields left unset.
 */
export function sweepVariants(schema: Schema, base: Props, skip: string[], minimal?: Props): [string, Props][] {
    const variants: [string, Props][] = [];
    const setAt = (target: Props, path: string[], value: unknown): Props => {
        const [head, ...rest] = path;
        return { ...target, [head]: rest.length ? setAt(target[head] ?? {}, rest, value) : value };
    };
    const walk = (fields: Schema, prefix: string[]) => {
        for (const [key, field] of Object.entries(fields) as [string, Field][]) {
            const path = [...prefix, key];
            if (skip.includes(path.join("."))) continue;
            if (field.kind === "object") walk(field.fields, path);
            if (field.kind === "string" && field.enum && !field.local) {
                for (const value of field.enum) variants.push([`${path.join(".")}=${value}`, setAt(base, path, value.toUpperCase())]);
            }
        }
    };
    walk(schema, []);
    const reversed: Props = { ...base };
    for (const [key, field] of Object.entries(schema)) {
        if (field.kind === "list" && field.set && Array.isArray(base[key])) reversed[key] = [...base[key]].reverse();
    }
    variants.push(["reordered lists", reversed]);
    const required = Object.fromEntries(Object.entries(base).filter(([key]) => schema[key]?.required));
    variants.push(["defaults left unset", minimal ?? required]);
    return variants;
}
