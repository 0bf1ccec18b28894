/**
 * Shared HTTP plumbing of both Tencent clients: keep-alive agents (always passed explicitly, because
 * `tencentcloud-sdk-nodejs` otherwise routes every request — loopback too — through `http_proxy`,
 * tencentcloud-sdk-nodejs `tencentcloud/common/http/fetch.js`, which has no NO_PROXY handling) and the translation of Node/node-fetch transport failures into codes the
 * retry table knows.
 */
import * as http from "http";
import * as https from "https";
import { NETWORK_ERROR_CODES } from "../core/retry";

const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
};

/** The shared keep-alive agent for an endpoint URL's protocol. */
export function agentFor(url: URL): http.Agent {
    return url.protocol === "http:" ? agents.http : agents.https;
}

/** Code for an answer that is not the API's JSON (an HTML page from a proxy or load balancer). */
export { INVALID_RESPONSE } from "../core/responseShape";
/** Code for a transport failure Node did not name. */
export const NETWORK_ERROR = "ClientError.NetworkError";

/**
 * The network code hidden in a transport failure's message. The SDK keeps only the message of
 * node-fetch's error (`tencentcloud/common/http/http_connection.js`): "network timeout at: …", "request to … failed, reason:
 * connect ECONNREFUSED …", "… socket hang up".
 */
export function networkCodeOf(message: string): string | undefined {
    // An abort is the per-call timeout the client sets near a deadline (node-fetch: "The user aborted a request.").
    if (/network timeout at|user aborted a request/i.test(message)) return "ETIMEDOUT";
    const named = NETWORK_ERROR_CODES.find((code) => new RegExp(`\\b${code}\\b`).test(message));
    if (named) return named;
    if (/socket hang up/i.test(message)) return "ECONNRESET";
    if (/^request to .* failed/i.test(message)) return NETWORK_ERROR;
    return undefined;
}

/** `HttpError.<status>` for a non-200 answer, so the table can retry `HttpError.5*`. */
export function httpStatusCode(status: number): string {
    return `HttpError.${status}`;
}
