/**
 * The neutral algorithm names both clouds are translated into, and the fallback for a value neither table knows
 * (a console may set anything out of band): such a value becomes a term private to its cloud, so it never matches.
 */

/** Neutral cipher names (AES in CBC mode by key size, AES-GCM, DES, 3DES, SM4, none). */
export type Cipher = "aes128" | "aes192" | "aes256" | "aes128gcm" | "aes192gcm" | "aes256gcm" | "des" | "3des" | "sm4" | "null";

/** Neutral hash (integrity) names. */
export type Hash = "md5" | "sha1" | "sha256" | "sha384" | "sha512" | "sm3";

/** `table[value]`, or a term no other cloud produces. */
export function translate(table: Readonly<Record<string, string>>, cloud: string, value: unknown): string {
    const text = String(value);
    return Object.prototype.hasOwnProperty.call(table, text) ? table[text] : `${cloud}:${text}`;
}

/** A Diffie-Hellman group term from its number, or a private term. */
export function dhGroupTerm(cloud: string, value: unknown, pattern: RegExp): string {
    const match = pattern.exec(String(value));
    return match ? `group${Number(match[1])}` : `${cloud}:${String(value)}`;
}
