/**
 * Alibaba RPC signature (HMAC-SHA1, SignatureVersion 1.0; the docs now call it "signature method V2"), as
 * "Request syntax and signature method V2 for RPC APIs" documents it (https://www.alibabacloud.com/help/en/ram/common-parameters-2):
 *   canonical     = sorted `percentEncode(key)=percentEncode(value)` joined by "&" (Signature excluded)
 *   stringToSign  = METHOD + "&" + percentEncode("/") + "&" + percentEncode(canonical)
 *   signature     = base64(HMAC-SHA1(key = accessKeySecret + "&", stringToSign))
 * The host is not signed, so any loopback endpoint verifies.
 */
import { createHmac, timingSafeEqual } from "crypto";

/** Characters RFC 3986 leaves unencoded ("unreserved"); everything else becomes %XX of its UTF-8 bytes. */
const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 percent-encoding with upper-case hex (space → %20, "*" → %2A, "~" kept). */
export function percentEncode(value: string): string {
    let encoded = "";
    for (const char of value) {
        if (UNRESERVED.test(char)) {
            encoded += char;
            continue;
        }
        for (const byte of Buffer.from(char, "utf8")) {
            encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
        }
    }
    return encoded;
}

/** The canonicalized query: every parameter but `Signature`, sorted by name in byte order. */
export function canonicalizeParams(params: Readonly<Record<string, string>>): string {
    return Object.keys(params)
        .filter((key) => key !== "Signature")
        .sort(compareBytes)
        .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
        .join("&");
}

/** The documented string-to-sign for an HTTP method (GET or POST, upper-case). */
export function buildStringToSign(method: string, params: Readonly<Record<string, string>>): string {
    return `${method}&${percentEncode("/")}&${percentEncode(canonicalizeParams(params))}`;
}

/** The base64 signature of `params` for `method` under `accessKeySecret`. */
export function computeSignature(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): string {
    return createHmac("sha1", `${accessKeySecret}&`).update(buildStringToSign(method, params), "utf8").digest("base64");
}

/** True when `signature` is the one `params` must carry; compared in constant time. */
export function verifySignature(
    method: string,
    params: Readonly<Record<string, string>>,
    accessKeySecret: string,
    signature: string,
): boolean {
    return equalInConstantTime(computeSignature(method, params, accessKeySecret), signature);
}

/** String equality whose time does not tell how many leading characters matched. */
export function equalInConstantTime(expected: string, given: string): boolean {
    const expectedBytes = Buffer.from(expected, "utf8");
    const givenBytes = Buffer.from(given, "utf8");
    return expectedBytes.length === givenBytes.length && timingSafeEqual(expectedBytes, givenBytes);
}

/** Byte-order comparison of ASCII strings (parameter names, percent-encoded text): UTF-16 order is byte order. */
export function compareBytes(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
