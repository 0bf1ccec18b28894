/**
 * Endpoint policy: API calls carry signatures and PSKs, so plain HTTP is allowed only for loopback
 * addresses (emulators, local proxies); anything else must be HTTPS.
 */
import { ConfigurationError } from "./errors";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
    return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Parses an endpoint override; `setting` names where it came from, for the error message. */
export function parseEndpoint(raw: string, setting: string): URL {
    let url: URL;
    try {
        url = new URL(raw.includes("://") ? raw : `https://${raw}`);
    } catch {
        throw new ConfigurationError(`${setting} is not a valid URL: "${raw}"`);
    }
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
        throw new ConfigurationError(
            `${setting} uses plain http for ${url.hostname}; only loopback endpoints may use http, use https://${url.host}${url.pathname === "/" ? "" : url.pathname}`,
        );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new ConfigurationError(`${setting} must be an http(s) URL, got ${url.protocol}`);
    }
    if (url.username || url.password || url.search) {
        throw new ConfigurationError(`${setting} must not contain credentials or a query string`);
    }
    return url;
}
