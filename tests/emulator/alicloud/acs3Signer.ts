/**
 * An independent signer for Alibaba signature method V3 (ACS3-HMAC-SHA256), written from the documented
 * algorithm (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature),
 * not from the emulator's code, to craft requests an SDK would never send (stale dates, replayed nonces,
 * wrong body hashes, unsigned headers).
 */
import { createHash, createHmac, randomUUID } from "crypto";
import { rawRequest } from "../core/httpTestClient";
import type { RawResponse } from "../core/httpTestClient";
import { rfc3986 } from "./rpcSigner";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface Acs3SignOptions {
    accessKeyId: string;
    accessKeySecret: string;
    /** The emulator's Alibaba endpoint, e.g. `http://127.0.0.1:PORT/alicloud`. */
    endpoint: string;
    method?: "GET" | "POST";
    query?: Record<string, string>;
    /** Form body (sent as application/x-www-form-urlencoded when given). */
    form?: Record<string, string>;
    date?: string;
    nonce?: string;
    securityToken?: string;
    /** Extra headers, signed unless listed in `unsigned`. */
    headers?: Record<string, string>;
    /** Header names left out of SignedHeaders. */
    unsigned?: string[];
    /** Overrides the x-acs-content-sha256 header (the payload line of the canonical request follows it). */
    contentSha256?: string;
}

export interface Acs3Request {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
}

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC. */
export function acs3Date(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const encodePairs = (pairs: Record<string, string>) =>
    Object.entries(pairs)
        .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
        .sort()
        .join("&");

/** Builds a V3-signed RPC call of `action` on API version 2016-04-28. */
export function signAcs3(action: string, options: Acs3SignOptions): Acs3Request {
    const method = options.method ?? "POST";
    const query = encodePairs(options.query ?? {});
    const body = options.form === undefined ? "" : encodePairs(options.form);
    const hash = options.contentSha256 ?? sha256(body);
    const endpoint = new URL(options.endpoint);
    const headers: Record<string, string> = {
        // As the V2 SDK sends it when its endpoint is "host:port/alicloud".
        host: `${endpoint.host}${endpoint.pathname}`,
        "x-acs-action": action,
        "x-acs-version": "2016-04-28",
        "x-acs-date": options.date ?? acs3Date(new Date()),
        "x-acs-signature-nonce": options.nonce ?? randomUUID(),
        "x-acs-content-sha256": hash,
        ...(options.form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        ...(options.securityToken === undefined ? {} : { "x-acs-security-token": options.securityToken }),
        ...options.headers,
    };
    const signedNames = Object.keys(headers)
        .filter((name) => !(options.unsigned ?? []).includes(name))
        .sort();
    const canonicalHeaders = signedNames.map((name) => `${name}:${headers[name].trim()}\n`).join("");
    const canonicalRequest = [method, "/", query, canonicalHeaders, signedNames.join(";"), hash].join("\n");
    const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`;
    const signature = createHmac("sha256", options.accessKeySecret).update(stringToSign).digest("hex");
    headers.authorization = `ACS3-HMAC-SHA256 Credential=${options.accessKeyId},SignedHeaders=${signedNames.join(";")},Signature=${signature}`;
    return { method, url: `${options.endpoint}/${query === "" ? "" : `?${query}`}`, headers, body };
}

/** Sends a signed request (its Host header is the signed one). */
export function sendAcs3(signed: Acs3Request): Promise<RawResponse> {
    return rawRequest(signed.url, { method: signed.method, headers: signed.headers, body: signed.body === "" ? undefined : signed.body });
}
