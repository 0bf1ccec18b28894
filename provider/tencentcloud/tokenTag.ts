/**
 * The tag key of the provider's own create token (see `./createToken`): never a user tag — the
 * `tags` row hides it on read and refuses it as a user key, and a tag change never removes it.
 */
export const CREATE_TOKEN_TAG = "pulumi-ipsec:create-token";
