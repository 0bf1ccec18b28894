/**
 * Who may use the control API: a program on this machine, never a web page.
 *
 * A page open in a local browser can send requests to 127.0.0.1, and after DNS rebinding it can read
 * the answers under its own host name. Three rules close that door:
 * - `Host` must name the emulator itself (`127.0.0.1:<port>` or `localhost:<port>`): a rebound page
 *   sends its own host name (https://en.wikipedia.org/wiki/DNS_rebinding).
 * - No `Origin` header: browsers send one on every CORS request and on every request whose method is
 *   neither GET nor HEAD (Fetch Standard, https://fetch.spec.whatwg.org/#origin-header); programs do not.
 * - A body must be `application/json`: the content types a page may post without a CORS preflight are
 *   text/plain, application/x-www-form-urlencoded and multipart/form-data
 *   (https://fetch.spec.whatwg.org/#cors-safelisted-request-header).
 */
import type { IncomingHttpHeaders } from "http";
import { ControlRequestError } from "./http";

/** What the guard reads of a control request. */
export interface GuardedRequest {
    headers: IncomingHttpHeaders;
    body: string;
    /** The port the request arrived on (the emulator's own). */
    localPort: number;
}

/** Host names the emulator answers to; it binds 127.0.0.1 only. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost"];

/**
 * Refuses a control request a browser could have sent.
 * @throws ControlRequestError 403 `ForbiddenHost` / `ForbiddenOrigin`, 415 `UnsupportedMediaType`.
 */
export function checkControlRequest({ headers, body, localPort }: GuardedRequest): void {
    const host = (headers.host ?? "").toLowerCase();
    if (!LOOPBACK_NAMES.some((name) => host === `${name}:${localPort}`)) {
        throw new ControlRequestError(403, "ForbiddenHost", `control requests must be sent to Host 127.0.0.1:${localPort} or localhost:${localPort}`);
    }
    if (headers.origin !== undefined) {
        throw new ControlRequestError(403, "ForbiddenOrigin", "control requests must not carry an Origin header (web pages may not use the control API)");
    }
    if (body !== "" && mediaType(headers["content-type"]) !== "application/json") {
        throw new ControlRequestError(415, "UnsupportedMediaType", "control request bodies must be JSON with content-type application/json");
    }
}

/** The media type of a content-type value, without parameters, lower-case ("" when absent). */
function mediaType(contentType: string | undefined): string {
    return (contentType ?? "").split(";")[0].trim().toLowerCase();
}
