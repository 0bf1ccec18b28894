/**
 * An independent RPC v1 signer for crafting requests pop-core would never send (replayed nonces,
 * stale timestamps). Written from the documented algorithm (https://www.alibabacloud.com/help/en/ram/common-parameters-2), not
 * from the emulator's code, so the two check each other.
 */
import { createHmac, randomUUID } from "crypto";
import { request } from "http";

/** RFC 3986: encodeURIComponent leaves !'()* unencoded, the documented encoding does not. */
export function rfc3986(text: string): string {
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface SignOptions {
    accessKeyId: string;
    accessKeySecret: string;
    method?: "GET" | "POST";
    timestamp?: string;
    nonce?: string;
    securityToken?: string;
    /** Override common parameters (e.g. Version) after the defaults. */
    common?: Record<string, string>;
    /** Common parameters to leave out. */
    omit?: string[];
}

/** pop-core's timestamp format: UTC without milliseconds. */
export function rpcTimestamp(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** All parameters of a signed call, `Signature` included. */
export function signRpcParams(action: string, params: Record<string, string>, options: SignOptions): Record<string, string> {
    const all: Record<string, string> = {
        Action: action,
        Format: "JSON",
        Version: "2016-04-28",
        AccessKeyId: options.accessKeyId,
        SignatureMethod: "HMAC-SHA1",
        SignatureVersion: "1.0",
        SignatureNonce: options.nonce ?? randomUUID(),
        Timestamp: options.timestamp ?? rpcTimestamp(new Date()),
        ...(options.securityToken ? { SecurityToken: options.securityToken } : {}),
        ...options.common,
        ...params,
    };
    for (const name of options.omit ?? []) {
        delete all[name];
    }
    const canonical = Object.keys(all)
        .sort()
        .map((k) => `${rfc3986(k)}=${rfc3986(all[k])}`)
        .join("&");
    const stringToSign = `${options.method ?? "POST"}&${rfc3986("/")}&${rfc3986(canonical)}`;
    const signature = createHmac("sha1", `${options.accessKeySecret}&`).update(stringToSign).digest("base64");
    return { ...all, Signature: signature };
}

/** Sends already-signed parameters as pop-core would (form body for POST, query for GET). */
export function sendRpc(endpoint: string, params: Record<string, string>, method: "GET" | "POST" = "POST"): Promise<{ status: number; json: any; contentType: string | undefined }> {
    const encoded = Object.entries(params)
        .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
        .join("&");
    const url = method === "POST" ? `${endpoint}/` : `${endpoint}/?${encoded}`;
    return new Promise((resolve, reject) => {
        const req = request(url, { method, agent: false, timeout: 5000, headers: method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {} }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(body), contentType: res.headers["content-type"] }));
        });
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", reject);
        req.end(method === "POST" ? encoded : undefined);
    });
}
