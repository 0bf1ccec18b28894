/**
 * Idempotent creates without a ClientToken: CreateVpnConnection has none (https://www.tencentcloud.com/document/api/215/17522), so the
 * hooks tag each connection with a token derived from the resource's `idempotencyKey` and the
 * properties whose change replaces it. A re-run after a crash or an ambiguous failure derives the
 * same token and adopts the tagged connection; a replacement differs in a replace-on-change
 * property and so gets a new one.
 */
import { createToken } from "../core/idempotency";
import { Props } from "../core/schema";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";

/** The tag key holding the token (letters, digits and `-:` only, valid as a Tencent tag key); declared in `./tokenTag` so the field table can hide it. */
export { CREATE_TOKEN_TAG } from "./tokenTag";
import { CREATE_TOKEN_TAG } from "./tokenTag";

/** The token of one logical create (the core policy: idempotency key and replace-on-change fields, never a secret). */
export function createTokenFor(inputs: Props): string {
    return createToken(SCHEMA, inputs);
}

/** The create token a described connection's `TagSet` lists, if any. */
function listedToken(connection: Props): unknown {
    const tags = Array.isArray(connection.TagSet) ? (connection.TagSet as Props[]) : [];
    return tags.find((tag) => tag.Key === CREATE_TOKEN_TAG)?.Value;
}

/** True when a described connection's `TagSet` carries `token`. */
export function hasCreateToken(connection: Props, token: string): boolean {
    return listedToken(connection) === token;
}

/** True when a described connection's `TagSet` carries some create token: it belongs to the resource that token names. */
export function hasAnyCreateToken(connection: Props): boolean {
    return listedToken(connection) !== undefined;
}
