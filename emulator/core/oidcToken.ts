/**
 * OIDC ID tokens the emulator mints and checks: compact JWS JWTs (RFC 7519 §3, RFC 7515 §7.1)
 * `base64url(header).base64url(payload).base64url(signature)`, signed HS256 (HMAC-SHA256, RFC 7518 §3.2)
 * with a key only the emulator holds, carrying the registered claims `iss`, `aud`, `sub`, `iat`, `exp`
 * (RFC 7519 §4.1; the claims OpenID Connect Core 1.0 §2 requires of an ID token).
 */
import { createHmac, randomBytes, timingSafeEqual } from "crypto";
import { isJsonObject } from "./json";

/** The registered claims the emulator puts in and checks. */
export interface OidcClaims {
    iss: string;
    aud: string;
    sub: string;
    /** Seconds since epoch. */
    iat: number;
    /** Seconds since epoch. */
    exp: number;
}

/** Why a token was refused (each cloud maps these to its documented codes). */
export type OidcRejection = "malformed" | "algorithm" | "signature" | "issuer" | "audience" | "expired";

export type OidcCheck = { ok: true; claims: OidcClaims } | { ok: false; reason: OidcRejection };

/** What a token must match to be accepted. */
export interface OidcExpectation {
    issuer: string;
    audience: string;
    /** Emulator-clock milliseconds. */
    nowMs: number;
}

/** A fresh signing key. */
export function newSigningKey(): Buffer {
    return randomBytes(32);
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const sign = (key: Buffer, signingInput: string): Buffer => createHmac("sha256", key).update(signingInput, "ascii").digest();

/** Mints an HS256 JWT with `claims`. */
export function mintOidcToken(key: Buffer, claims: OidcClaims): string {
    const signingInput = `${encode({ alg: "HS256", typ: "JWT", kid: "emulator" })}.${encode(claims)}`;
    return `${signingInput}.${sign(key, signingInput).toString("base64url")}`;
}

/** Decodes a base64url JSON segment; undefined when it is not a JSON object. */
function decodeSegment(segment: string): Record<string, unknown> | undefined {
    try {
        const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
        return isJsonObject(value) ? value : undefined;
    } catch {
        return undefined;
    }
}

function isClaims(payload: Record<string, unknown>): payload is Record<string, unknown> & OidcClaims {
    return (
        typeof payload.iss === "string" &&
        typeof payload.aud === "string" &&
        typeof payload.sub === "string" &&
        typeof payload.iat === "number" &&
        typeof payload.exp === "number"
    );
}

/** Checks, in order: shape, algorithm, signature, issuer, audience, expiry (`exp` <= now is expired, RFC 7519 §4.1.4). */
export function checkOidcToken(token: string, key: Buffer, expected: OidcExpectation): OidcCheck {
    const parts = token.trim().split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    const [headerPart, payloadPart, signaturePart] = parts;
    const header = decodeSegment(headerPart);
    const payload = decodeSegment(payloadPart);
    if (!header || !payload || !isClaims(payload)) return { ok: false, reason: "malformed" };
    if (header.alg !== "HS256") return { ok: false, reason: "algorithm" };
    const given = Buffer.from(signaturePart, "base64url");
    const expectedSignature = sign(key, `${headerPart}.${payloadPart}`);
    if (given.length !== expectedSignature.length || !timingSafeEqual(given, expectedSignature)) return { ok: false, reason: "signature" };
    if (payload.iss !== expected.issuer) return { ok: false, reason: "issuer" };
    if (payload.aud !== expected.audience) return { ok: false, reason: "audience" };
    if (payload.exp * 1000 <= expected.nowMs) return { ok: false, reason: "expired" };
    return { ok: true, claims: { iss: payload.iss, aud: payload.aud, sub: payload.sub, iat: payload.iat, exp: payload.exp } };
}
