/**
 * TC3-HMAC-SHA256 verification for API 3.0, exactly as `tencentcloud-sdk-nodejs` signs
 * (tencentcloud-sdk-nodejs `tencentcloud/common/http/http_connection.js` doRequestWithSign3, `sign.js` sign3; the
 * algorithm: https://tencentcloud.com/document/product/1084/39391).
 *
 * Two SDK facts shape it (`http_connection.js`, `sign.js`):
 * - the service in the key chain is whatever the `Credential=` scope says: the SDK derives it from
 *   the endpoint's first dot-label, so `127.0.0.1:PORT` signs service `127`;
 * - the signed `host` is the hostname WITHOUT port, although the `Host` header carries the port.
 * The canonical URI is the request path the client used: the SDK signs `new URL(url).pathname`
 * (`sign.js`), which is "/" against the cloud but "/tencentcloud/" against this emulator's prefix.
 */
import { createHash, createHmac, timingSafeEqual } from "crypto";
import type { IncomingHttpHeaders } from "http";
import type { CredentialLookup } from "../core/credentialRegistry";
import { hasExpired } from "../core/credentialRegistry";
import type { EmulatorContext, EmulatorRequest } from "../core/types";
import { tencentCredentials } from "./credentials";
import type { EmulatorCredential } from "./fixtures";

/** Timestamps further than this from the emulator clock are `AuthFailure.SignatureExpire` (the common error codes, https://www.tencentcloud.com/document/api/216/35331). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What a verified request proved. */
export interface Tc3Identity {
    credential: EmulatorCredential;
    /** Service from the scope (e.g. `vpc`, or `127` for an IP endpoint). */
    service: string;
}

/** Outcome of {@link verifyTc3}: the identity, or the cloud error code to answer with. */
export type Tc3Result = { ok: true; identity: Tc3Identity } | { ok: false; code: string; message: string };

/** Inputs of {@link verifyTc3}. */
export interface Tc3Request {
    method: string;
    /** Paths the client may have signed (full request path, prefix included). */
    canonicalUris: readonly string[];
    query: string;
    headers: IncomingHttpHeaders;
    body: string;
    /** Emulator clock: judges the timestamp skew and the expiry of temporary credentials. */
    nowMs: number;
    credentials: CredentialLookup<EmulatorCredential>;
}

const AUTHORIZATION =
    /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;_-]+),\s*Signature=([0-9a-f]{64})$/;

/** Case-insensitive single header value. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
    }
    return undefined;
}

/** `Host` without its port, as the SDK signs it (`urlObj.hostname`; IPv6 keeps its brackets). */
export function hostnameOf(host: string): string {
    return host.trim().toLowerCase().replace(/:\d+$/, "");
}

/** UTC `YYYY-MM-DD` of a Unix timestamp in seconds (the scope date of the signature algorithm). */
export function scopeDate(timestampSeconds: number): string {
    return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

const sha256Hex = (data: string): string => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

/** Parts of a canonical request and its scope, from which {@link tc3Signature} derives the signature. */
export interface Tc3SigningInput {
    method: string;
    canonicalUri: string;
    query: string;
    /** `name:value\n` lines, in SignedHeaders order. */
    canonicalHeaders: string;
    signedHeaders: string;
    body: string;
    timestamp: number;
    date: string;
    service: string;
    secretKey: string;
}

/** Hex TC3 signature (the canonical request, string to sign and key chain of https://tencentcloud.com/document/product/1084/39391). */
export function tc3Signature(input: Tc3SigningInput): string {
    const canonicalRequest = [
        input.method,
        input.canonicalUri,
        input.query,
        input.canonicalHeaders,
        input.signedHeaders,
        sha256Hex(input.body),
    ].join("\n");
    const scope = `${input.date}/${input.service}/tc3_request`;
    const stringToSign = ["TC3-HMAC-SHA256", String(input.timestamp), scope, sha256Hex(canonicalRequest)].join("\n");
    const kDate = hmac("TC3" + input.secretKey, input.date);
    const kService = hmac(kDate, input.service);
    const kSigning = hmac(kService, "tc3_request");
    return createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
}

/**
 * Temporary credentials past their expiry. The common error codes (https://www.tencentcloud.com/document/api/216/35331)
 * have one token code, `AuthFailure.TokenFailure` ("Invalid token"); the emulator answers it for an expired one too.
 */
export const EXPIRED_TOKEN = ["AuthFailure.TokenFailure", "The token has expired: the temporary credential is past its ExpiredTime."] as const;

/**
 * Authenticates an API 3.0 request. Checks, in order: Authorization syntax, timestamp presence and
 * skew, scope date, SecretId, signature, then the STS token.
 */
export function verifyTc3(req: Tc3Request): Tc3Result {
    const fail = (code: string, message: string): Tc3Result => ({ ok: false, code, message });
    const authorization = headerValue(req.headers, "authorization");
    const match = authorization === undefined ? null : AUTHORIZATION.exec(authorization.trim());
    if (!match) {
        return fail("AuthFailure.InvalidAuthorization", "The `Authorization` header is missing or not a TC3-HMAC-SHA256 authorization.");
    }
    const [, secretId, date, service, signedHeaders, signature] = match;

    const rawTimestamp = headerValue(req.headers, "x-tc-timestamp");
    if (rawTimestamp === undefined) return fail("MissingParameter", "The request is missing a required parameter `X-TC-Timestamp`.");
    if (!/^\d+$/.test(rawTimestamp)) return fail("InvalidParameter", "The parameter `X-TC-Timestamp` must be a Unix time in seconds.");
    const timestamp = Number(rawTimestamp);
    if (Math.abs(req.nowMs - timestamp * 1000) > MAX_CLOCK_SKEW_MS) {
        return fail("AuthFailure.SignatureExpire", "Signature expired: the timestamp differs from the server time by more than 5 minutes.");
    }
    // The scope date must be the timestamp's UTC date (as `sign.js` derives it); INFERRED error code.
    if (date !== scopeDate(timestamp)) {
        return fail("AuthFailure.SignatureFailure", "The credential scope date does not match `X-TC-Timestamp`.");
    }

    const credential = req.credentials.get(secretId);
    if (!credential) return fail("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");

    const names = signedHeaders.split(";");
    // The TC3 spec requires at least content-type and host among the signed headers.
    if (!names.includes("content-type") || !names.includes("host")) {
        return fail("AuthFailure.InvalidAuthorization", "`SignedHeaders` must include content-type and host.");
    }
    let canonicalHeaders = "";
    for (const name of names) {
        const value = headerValue(req.headers, name);
        if (value === undefined) return fail("AuthFailure.SignatureFailure", `The signed header \`${name}\` is missing.`);
        canonicalHeaders += `${name}:${name === "host" ? hostnameOf(value) : value.trim().toLowerCase()}\n`;
    }

    const expected = Buffer.from(signature, "hex");
    const verified = req.canonicalUris.some((canonicalUri) => {
        const actual = Buffer.from(
            tc3Signature({
                method: req.method.toUpperCase(),
                canonicalUri,
                query: req.query,
                canonicalHeaders,
                signedHeaders,
                body: req.body,
                timestamp,
                date,
                service,
                secretKey: credential.secretKey,
            }),
            "hex",
        );
        return actual.length === expected.length && timingSafeEqual(actual, expected);
    });
    if (!verified) {
        return fail("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
    }

    // Temporary credentials need their session token; a token with a permanent key is refused (INFERRED).
    const token = headerValue(req.headers, "x-tc-token");
    if ((credential.token ?? undefined) !== (token || undefined)) {
        return fail("AuthFailure.TokenFailure", "The `X-TC-Token` is missing or invalid for this SecretId.");
    }
    if (hasExpired(credential, req.nowMs)) return fail(...EXPIRED_TOKEN);
    return { ok: true, identity: { credential, service } };
}

/** `InvalidRequest` unless the call is a POST `application/json` (the SDK's default transport); `accepted` says what is. */
export function refuseOtherTransport(req: EmulatorRequest, accepted: string): { ok: false; code: string; message: string } | undefined {
    const contentType = headerValue(req.headers, "content-type") ?? "";
    if (req.method === "POST" && /^application\/json\b/i.test(contentType)) return undefined;
    return { ok: false, code: "InvalidRequest", message: `The emulator accepts ${accepted}.` };
}

/**
 * An API 3.0 request as tencentcloud-sdk-nodejs sends it (`http_connection.js` doRequestWithSign3: POST
 * `application/json`, TC3-signed over the path it posts to, one of `canonicalUris`), checked against the
 * emulator's credentials (fixtures and the credentials STS issued); `service` names the API in the refusal of any other transport.
 */
export function verifyTc3Call(req: EmulatorRequest, ctx: EmulatorContext, canonicalUris: string[], service: string): Tc3Result {
    const refusal = refuseOtherTransport(req, `${service} calls as POST application/json signed with TC3-HMAC-SHA256`);
    if (refusal) return refusal;
    return verifyTc3({ method: req.method, canonicalUris, query: req.query, headers: req.headers, body: req.body, nowMs: ctx.now(), credentials: tencentCredentials(ctx) });
}
