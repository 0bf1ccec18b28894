/**
 * The idempotency of creates: the provider-side `idempotencyKey` both resources declare, which key a
 * checked resource keeps, and the create token derived from it that a re-run after a crash derives again.
 */
import { createHash } from "crypto";
import { Props, Schema, StringField } from "./schema";
import { canonicalJson } from "./equality";

/**
 * The `idempotencyKey` field both resources declare: a provider-side seed of the create token.
 * Long enough for the URN the SDK classes default it to (type chain included).
 */
export const IDEMPOTENCY_KEY_FIELD: StringField = { kind: "string", local: true, maxLength: 1024 };

/**
 * A resource's `idempotencyKey` row: {@link IDEMPOTENCY_KEY_FIELD} with its docs; `seeds` says which
 * create token it seeds, and the rest is what both resources do with it.
 */
export function idempotencyKeyField(seeds: string): StringField {
    return {
        ...IDEMPOTENCY_KEY_FIELD,
        doc:
            `${seeds}; must be unique per connection within an account, or two resources share one connection. Only creates ` +
            "use it, and a connection that exists keeps the key it was created with while this stays unset (or is a " +
            "URN-shaped default): a new default never shows as an update.",
        // What the SDK classes set (sdk/connectionProps.ts).
        defaultDoc:
            "the resource's URN, `urn:pulumi:<stack>::<project>::<parent types…$type>::<name>`, unique wherever URNs are " +
            "(same-named children of different components differ by their parents' types)",
    };
}

/**
 * A default `idempotencyKey` has the form of a URN: the SDK classes derive it from the resource's
 * URN (see sdk/connectionProps.ts) when the program sets none.
 */
export function isDefaultIdempotencyKey(key: unknown): boolean {
    return typeof key === "string" && key.startsWith("urn:pulumi:");
}

/**
 * The `idempotencyKey` to record: the given one, except that a default key never displaces the key
 * an existing resource (`olds`) was created with. Defaults have changed between versions
 * (`<project>/<stack>/<name>` before the URN); the key only matters for creates, so an existing
 * resource keeps its own instead of showing an update for a changed default. A replacement gets the
 * current default: the engine checks it again without olds (pkg/resource/deploy/step_generator.go),
 * and it is a new connection with a new token anyway (see {@link createToken}).
 */
export function keptIdempotencyKey(olds: Props, news: Props): unknown {
    const previous = olds.idempotencyKey;
    const keep = typeof previous === "string" && previous !== "" && (news.idempotencyKey === undefined || news.idempotencyKey === null || isDefaultIdempotencyKey(news.idempotencyKey));
    return keep ? previous : news.idempotencyKey;
}

/**
 * The idempotency token of one logical create, never derived from a secret. With an
 * `idempotencyKey` (the SDK classes always set one): the key and the properties whose change
 * replaces the resource, so a re-run after a crash or an ambiguous failure derives the same token
 * even if other inputs were edited meanwhile, while a replacement gets a new one. Without a key
 * (hooks driven directly): every non-secret cloud property, so distinct resources never collide.
 */
export function createToken(schema: Schema, inputs: Props): string {
    const keyed = inputs.idempotencyKey !== undefined && inputs.idempotencyKey !== null;
    const material: Props = { idempotencyKey: inputs.idempotencyKey ?? null };
    for (const [key, field] of Object.entries(schema)) {
        if (field.kind === "list" && field.items.kind === "object" && Array.isArray(inputs[key])) {
            // A list of blocks (tunnels): each item by its key and replace-on-change fields (all non-secret ones unkeyed).
            const items = field.items.fields;
            const picked = Object.keys(items).filter((k) => (keyed ? items[k].replaceOnChange || k === field.keyBy : !items[k].secret && !items[k].local));
            const projected = (inputs[key] as Props[]).map((item) => Object.fromEntries(picked.map((k) => [k, item?.[k] ?? null])));
            if (!keyed || picked.some((k) => items[k].replaceOnChange)) material[key] = projected;
            continue;
        }
        const included = keyed ? field.replaceOnChange : !field.secret && !field.local;
        if (included) material[key] = inputs[key] ?? null;
    }
    return createHash("sha256").update(canonicalJson(material)).digest("hex").slice(0, 48);
}
