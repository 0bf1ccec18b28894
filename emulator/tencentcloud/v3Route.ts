/**
 * The routing headers of an API 3.0 call (the common parameters `X-TC-Version`, `X-TC-Action`, `X-TC-Region`,
 * https://www.tencentcloud.com/document/api/215/15764): checked in that order, after the signature, for every
 * regional product the emulator serves (VPC, STS). INFERRED codes for an absent or unknown region.
 */
import type { IncomingHttpHeaders } from "http";
import { REGIONS } from "./fixtures";
import { headerValue } from "./tc3";

/** What a product serves. */
export interface V3Product {
    /** Name in messages, e.g. "VPC". */
    name: string;
    version: string;
    actions: Readonly<Record<string, unknown>>;
}

export type V3Route = { ok: true; action: string; region: string } | { ok: false; code: string; message: string };

/** The call's action and region, or the code to refuse it with. */
export function routeV3(headers: IncomingHttpHeaders, product: V3Product): V3Route {
    const fail = (code: string, message: string): V3Route => ({ ok: false, code, message });
    const version = headerValue(headers, "x-tc-version");
    if (!version) return fail("MissingParameter", "The request is missing a required parameter `X-TC-Version`.");
    if (version !== product.version) return fail("NoSuchVersion", `The API version \`${version}\` does not exist; ${product.name} serves ${product.version}.`);
    const action = headerValue(headers, "x-tc-action");
    if (!action) return fail("MissingParameter", "The request is missing a required parameter `X-TC-Action`.");
    if (!Object.prototype.hasOwnProperty.call(product.actions, action)) return fail("InvalidAction", `The action \`${action}\` does not exist.`);
    const region = headerValue(headers, "x-tc-region");
    if (!region) return fail("MissingParameter", "The request is missing a required parameter `X-TC-Region`.");
    if (!REGIONS.has(region)) return fail("UnsupportedRegion", `The region \`${region}\` is not supported.`);
    return { ok: true, action, region };
}
