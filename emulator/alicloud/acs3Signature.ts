/**
 * Alibaba Cloud signature method V3 (ACS3-HMAC-SHA256), as the "V3 request structure and signature"
 * topic documents it (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature):
 *
 *   CanonicalRequest = METHOD "\n" CanonicalURI "\n" CanonicalQueryString "\n" CanonicalHeaders "\n"
 *                      SignedHeaders "\n" HashedRequestPayload
 *   StringToSign     = "ACS3-HMAC-SHA256" "\n" hex(SHA-256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *   Authorization    = "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;…>,Signature=<Signature>"
 *
 * CanonicalQueryString: every query parameter as RFC 3986-encoded `name=value` (no value: `name=`), sorted
 * by name (equal names by value), joined by "&". CanonicalHeaders: each signed header as
 * `lower-case-name:trimmed-value\n`, sorted by name; SignedHeaders: those names joined by ";".
 * HashedRequestPayload: hex(SHA-256(body)), which the client also sends as `x-acs-content-sha256`.
 * As with V1, the emulator signs the path below its `/alicloud` prefix, so RPC calls sign "/".
 */
import { createHash, createHmac } from "crypto";
import type { IncomingHttpHeaders } from "http";
import { compareBytes, percentEncode } from "./signature";

/** The one V3 algorithm the emulator verifies. */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The three fields of an `Authorization: ACS3-HMAC-SHA256 …` header. */
export interface Acs3Authorization {
    algorithm: string;
    accessKeyId: string;
    /** Header names as the client listed them, lower-cased. */
    signedHeaders: string[];
    signature: string;
}

/** What the canonical request is built from. */
export interface Acs3SignedRequest {
    method: string;
    /** Path below the front end's prefix ("/" for RPC calls). */
    canonicalUri: string;
    /** Raw query string without "?". */
    query: string;
    headers: IncomingHttpHeaders;
    signedHeaders: readonly string[];
    /** hex(SHA-256(body)) of the body actually received. */
    payloadHash: string;
}

/** `<algorithm> Credential=…,SignedHeaders=…,Signature=…`; fields may be separated by "," and spaces. */
const AUTHORIZATION = /^(\S+)\s+(.+)$/;

/**
 * Reads the Authorization header's fields.
 * @returns undefined when the header is not of the documented shape (each field once, none empty).
 */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
    const match = AUTHORIZATION.exec(header.trim());
    if (!match) {
        return undefined;
    }
    const fields = new Map<string, string>();
    for (const part of match[2].split(",")) {
        const separator = part.indexOf("=");
        const name = part.slice(0, separator).trim();
        if (separator < 1 || fields.has(name)) {
            return undefined;
        }
        fields.set(name, part.slice(separator + 1).trim());
    }
    const accessKeyId = fields.get("Credential");
    const signedHeaders = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (fields.size !== 3 || !accessKeyId || !signedHeaders || !signature) {
        return undefined;
    }
    return { algorithm: match[1], accessKeyId, signedHeaders: signedHeaders.split(";").map((name) => name.trim().toLowerCase()), signature };
}

/** The documented CanonicalQueryString of a raw query string. */
export function canonicalQueryString(query: string): string {
    return [...new URLSearchParams(query)]
        .map(([name, value]): [string, string] => [percentEncode(name), percentEncode(value)])
        .sort(([nameA, valueA], [nameB, valueB]) => compareBytes(nameA, nameB) || compareBytes(valueA, valueB))
        .map(([name, value]) => `${name}=${value}`)
        .join("&");
}

/** A header's value as signed: trimmed; a repeated header's values joined by ",". */
export function signedHeaderValue(headers: IncomingHttpHeaders, name: string): string | undefined {
    const value = headers[name];
    return value === undefined ? undefined : (Array.isArray(value) ? value.join(",") : value).trim();
}

/** hex(SHA-256(text as UTF-8)). */
export function sha256Hex(text: string): string {
    return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The documented CanonicalRequest. */
export function buildAcs3CanonicalRequest(request: Acs3SignedRequest): string {
    const names = [...new Set(request.signedHeaders)].sort(compareBytes);
    const canonicalHeaders = names.map((name) => `${name}:${signedHeaderValue(request.headers, name) ?? ""}\n`).join("");
    return [request.method.toUpperCase(), request.canonicalUri, canonicalQueryString(request.query), canonicalHeaders, names.join(";"), request.payloadHash].join("\n");
}

/** The documented StringToSign of a canonical request. */
export function buildAcs3StringToSign(canonicalRequest: string): string {
    return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** The lower-case hex signature `request` must carry under `accessKeySecret`. */
export function computeAcs3Signature(request: Acs3SignedRequest, accessKeySecret: string): string {
    return createHmac("sha256", accessKeySecret).update(buildAcs3StringToSign(buildAcs3CanonicalRequest(request)), "utf8").digest("hex");
}
