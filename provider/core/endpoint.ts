/**
 * Endpoint policy: API calls carry signatures and PSKs, so plain HTTP is allowed only for loopback
 * addresses (emulators, local proxies); anything else must be HTTPS. A region ID becomes part of a
 * default endpoint's host name, so only a well-formed one is ever used to build it.
 */
import { findSetting } from "./config";
import { ConfigurationError } from "./errors";
import type { StringField } from "./schema";
import type { Setting } from "./settingKeys";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The form of a region ID in both clouds' documents: lower-case letters, then hyphen-separated
 * groups of lower-case letters and digits — `cn-hangzhou`, `us-west-1`, `cn-shanghai-finance-1`
 * (Alibaba Cloud VPC endpoints, https://help.aliyun.com/en/vpc/developer-reference/api-vpc-2016-04-28-endpoint),
 * `ap-guangzhou`, `na-siliconvalley`, `ap-shanghai-fsi` (Tencent Cloud DescribeRegions,
 * https://www.tencentcloud.com/document/product/213/15708). Nothing that could end or extend a
 * host name (dots, slashes, colons, `@`) fits it.
 */
const REGION_ID = /^[a-z]{2,}(?:-[a-z0-9]+){1,4}$/;
const REGION_ID_MAX_LENGTH = 50;

/** What a region ID looks like, for messages. */
export const REGION_ID_RULE = "a region ID: lower-case letters, digits and hyphens, like cn-hangzhou, us-west-1 or ap-guangzhou";

/**
 * What both resources' `region` rows share: required (a configured region fills it in), a new
 * region is a new connection, and describe calls do not report it.
 */
export const REGION_FIELD = { kind: "string", required: true, replaceOnChange: true, writeOnly: true, format: "regionId" } as const satisfies StringField;

export function isRegionId(value: string): boolean {
    return value.length <= REGION_ID_MAX_LENGTH && REGION_ID.test(value);
}

/**
 * `https://<service>.<region>.<domain>` for a valid region ID only: `check` refuses other regions,
 * and this refuses them again for any caller that skipped it (state written by an older version,
 * hooks driven directly), so a request never leaves for a host the region made up.
 */
export function regionalEndpoint(service: string, region: string, domain: string): string {
    if (!isRegionId(region)) {
        throw new ConfigurationError(`region ${JSON.stringify(region)} is not ${REGION_ID_RULE}; no endpoint is built from it`);
    }
    const url = new URL(`https://${service}.${region}.${domain}`);
    if (url.hostname !== `${service}.${region}.${domain}` || url.pathname !== "/") {
        throw new ConfigurationError(`region ${JSON.stringify(region)} does not form the host name ${service}.${region}.${domain}`);
    }
    return url.origin;
}

export function isLoopbackHost(hostname: string): boolean {
    return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Endpoints already parsed and accepted, by their text: every call resolves its endpoints anew. */
const accepted = new Map<string, URL>();
const MAX_ACCEPTED = 64;

/**
 * Parses an endpoint override; `setting` names where it came from, for the error message. The URL
 * returned may be shared with other calls: read it, never change it.
 */
export function parseEndpoint(raw: string, setting: string): URL {
    let url = accepted.get(raw);
    if (url) return url;
    url = validEndpoint(raw, setting);
    if (accepted.size >= MAX_ACCEPTED) accepted.clear();
    accepted.set(raw, url);
    return url;
}

function validEndpoint(raw: string, setting: string): URL {
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

/**
 * The endpoint override of `setting` (`what` names the endpoint, e.g. "The Alibaba Cloud VPC
 * endpoint"), or undefined when none is set; errors name the key or variable that holds it.
 */
export function configuredEndpoint(setting: Setting, what: string): URL | undefined {
    const found = findSetting(setting);
    return found && parseEndpoint(found.value, `${what} (${found.source})`);
}
