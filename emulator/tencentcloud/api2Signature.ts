/**
 * API 2.0 (legacy) request decoding and signature verification (https://tencentcloud.com/document/api/214/1526;
 * qcloudapi-sdk 0.2.1 `index.js`).
 *
 * Signature: sort the parameters (all but `Signature`) by name, join raw `k=v` with `&`, sign
 * `METHOD + host + path + "?" + joined` with HMAC-SHA1 (default) or HMAC-SHA256 when
 * `SignatureMethod=HmacSHA256`, base64. The host is the `Host` header as sent, port included:
 * qcloudapi-sdk pointed at `127.0.0.1:PORT` signs `127.0.0.1:PORT` (its `index.js`, VERIFIED).
 * A `Nonce` may not be reused with the same SecretId and Timestamp, and the Timestamp may be at most
 * 5 minutes off (legacy common code 4500, https://cloud.tencent.com/document/api/213/6982).
 */
import { createHmac, timingSafeEqual } from "crypto";
import type { CredentialLookup } from "../core/credentialRegistry";
import { hasExpired } from "../core/credentialRegistry";
import type { NonceCache } from "../core/nonceCache";
import type { EmulatorCredential } from "./fixtures";
import { EXPIRED_TOKEN, MAX_CLOCK_SKEW_MS } from "./tc3";

/** Decoded legacy parameters (flat: `IKESet.dhGroupName`, `userGwCidrBlock.0`). */
export type Api2Params = Record<string, string>;

/**
 * Parameters of a legacy request: the query for GET; for POST the form body over the query.
 * Form decoding turns `+` into a space, as `application/x-www-form-urlencoded` requires.
 */
export function decodeApi2Params(method: string, query: string, body: string): Api2Params {
    const params: Api2Params = {};
    new URLSearchParams(query).forEach((value, key) => (params[key] = value));
    if (method.toUpperCase() !== "GET") {
        new URLSearchParams(body).forEach((value, key) => (params[key] = value));
    }
    return params;
}

/** The string to sign: `METHOD + host + path + "?" + sorted raw k=v joined by "&"` (https://tencentcloud.com/document/api/214/1526 steps 1–3). */
export function api2SignString(method: string, host: string, path: string, params: Api2Params): string {
    const joined = Object.keys(params)
        .filter((k) => k !== "Signature")
        .sort()
        .map((k) => `${k}=${params[k]}`)
        .join("&");
    return `${method.toUpperCase()}${host}${path}?${joined}`;
}

/** HMAC digest for a `SignatureMethod` value; undefined for an unsupported method. */
export function api2Digest(signatureMethod: string | undefined): "sha1" | "sha256" | undefined {
    if (signatureMethod === undefined || signatureMethod === "HmacSHA1") return "sha1";
    if (signatureMethod === "HmacSHA256") return "sha256";
    return undefined;
}

/** Inputs of {@link verifyApi2Request}. */
export interface Api2Request {
    method: string;
    /** `Host` header as sent (with port). */
    host: string;
    /** Full request path, front-end prefix included (e.g. `/tencentcloud/v2/index.php`). */
    path: string;
    params: Api2Params;
    /** Emulator clock: judges the timestamp skew and the expiry of temporary credentials. */
    nowMs: number;
    credentials: CredentialLookup<EmulatorCredential>;
    /**
     * Used nonces, keyed on `(SecretId, Timestamp, Nonce)`, not the Nonce alone: qcloudapi-sdk draws
     * Nonce from 0..65535 (`Math.round(Math.random() * 65535)` in its `index.js`), so bare nonces collide
     * between honest requests within minutes.
     */
    nonces: NonceCache;
}

/** Outcome: the credential, or the string code (`codeDesc`) to answer with. */
export type Api2AuthResult = { ok: true; credential: EmulatorCredential } | { ok: false; code: string; message: string };

/** Authenticates a legacy request; records its Nonce only once everything else verified. */
export function verifyApi2Request(req: Api2Request): Api2AuthResult {
    const fail = (code: string, message: string): Api2AuthResult => ({ ok: false, code, message });
    const p = req.params;
    for (const name of ["SecretId", "Signature", "Timestamp", "Nonce"]) {
        if (!p[name]) return fail("MissingParameter", `The request is missing a required parameter \`${name}\`.`);
    }
    if (!/^\d+$/.test(p.Timestamp)) return fail("InvalidParameter", "The parameter `Timestamp` must be a Unix time in seconds.");
    if (!/^[1-9]\d*$/.test(p.Nonce)) return fail("InvalidParameter", "The parameter `Nonce` must be a positive integer.");
    const timestamp = Number(p.Timestamp);
    if (Math.abs(req.nowMs - timestamp * 1000) > MAX_CLOCK_SKEW_MS) {
        return fail("AuthFailure.SignatureExpire", "The `Timestamp` differs from the server time by more than 5 minutes.");
    }
    const credential = req.credentials.get(p.SecretId);
    if (!credential) return fail("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
    const digest = api2Digest(p.SignatureMethod);
    if (!digest) return fail("InvalidParameter", "The parameter `SignatureMethod` must be HmacSHA1 or HmacSHA256.");

    const expected = createHmac(digest, credential.secretKey)
        .update(api2SignString(req.method, req.host, req.path, p), "utf8")
        .digest();
    const given = Buffer.from(p.Signature, "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return fail("AuthFailure.SignatureFailure", "Signature verification failed.");
    }
    // Temporary credentials need their token; a token with a permanent key is refused (INFERRED).
    if ((credential.token ?? undefined) !== (p.Token || undefined)) {
        return fail("AuthFailure.TokenFailure", "The `Token` is missing or invalid for this SecretId.");
    }
    if (hasExpired(credential, req.nowMs)) return fail(...EXPIRED_TOKEN);
    // A triple stays used while its Timestamp is inside the skew window.
    if (!req.nonces.claim(`${p.SecretId}|${timestamp}|${p.Nonce}`, timestamp * 1000 + MAX_CLOCK_SKEW_MS, req.nowMs)) {
        return fail("ReplayAttack", "The `Nonce` was already used with this `Timestamp`: request replayed.");
    }
    return { ok: true, credential };
}
