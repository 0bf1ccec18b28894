/**
 * The Tencent Cloud VPC front end of the emulator, under `/tencentcloud`:
 * - `/` — API 3.0 (TC3-HMAC-SHA256, POST application/json, `X-TC-Action` + `X-TC-Version` routing);
 * - `/v2/index.php` — legacy API 2.0 (form POST or GET, HmacSHA1/HmacSHA256 `Signature`).
 * - `/tag/` — the Tag service (API 3.0, version 2018-08-13: ModifyResourceTags, DescribeResourceTags; ./tagService).
 * Both generations share one {@link TencentStore}. Control routes under `/__emu/tencentcloud/`:
 * `GET|PATCH|POST|DELETE connections/<id>`, `POST tasks/fail-next`, `POST gateways/<id>/busy {ms}`,
 * `GET|POST settings`.
 */
import { controlErrorResponse, jsonResponse } from "../core/http";
import { NonceCache } from "../core/nonceCache";
import { redactDeep } from "../core/redaction";
import type { CloudFrontEnd, EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { ACTIONS_3, renderConnection, runAction3 } from "./actions3";
import { ACTIONS_2, isApi2Action } from "./actions2";
import { DriftPatchError, applyConnectionPatch } from "./drift";
import { api2Error, traceHeaders, v3Error, v3Ok } from "./envelopes";
import { isTencentError } from "./errors";
import { tencentCredentials } from "./credentials";
import { ALL_VPN_GATEWAYS, CREDENTIAL, CUSTOMER_GATEWAYS, API2_REGIONS, REGION, REGIONS, VPCS, VPN_GATEWAYS } from "./fixtures";
import { toApi2Error } from "./api2Model";
import { decodeApi2Params, verifyApi2Request } from "./api2Signature";
import { decodeV3Body } from "./params";
import { DEFAULT_TENCENT_SETTINGS, parseTencentSettingsPatch, type TencentFrontEndSettings } from "./settings";
import { joinPeering } from "./peering";
import { TencentStore } from "./store";
import { headerValue, verifyTc3Call } from "./tc3";
import { parseTagCall, TAG_PATH } from "./tagService";
import { routeV3 } from "./v3Route";

/** Path prefix of the front end. */
export const TENCENT_PREFIX = "/tencentcloud";
/** Path of API 2.0 under the prefix (`vpc.api.qcloud.com/v2/index.php`, https://cloud.tencent.com/document/product/215/5110). */
export const API2_PATH = "/v2/index.php";
/** The one API 3.0 version served (VPC 2017-03-12, https://cloud.tencent.com/document/api/215/17503). */
export const API_VERSION = "2017-03-12";

const SECRET_KEYS = /^(presharekey|presharedkey|signature|secretid|secretkey|token|webidentitytoken|x-tc-token|authorization)$/i;

/** Deep copy with every secret-bearing value (PSK, signature, key id, token, OIDC token) replaced by "***". */
export function redact(value: unknown): unknown {
    return redactDeep(value, SECRET_KEYS);
}

/** Message used when an injected fault names none. */
const faultMessage = (code: string): string => `The emulator answered \`${code}\` (injected fault).`;

/** The Tencent entry of the emulator info (the CLI's `--json` line); a type alias, so it is a plain JSON record. */
export type TencentEndpointInfo = {
    /** API 3.0 endpoint (`http://127.0.0.1:<port>/tencentcloud`). */
    endpoint: string;
    /** API 2.0 endpoint, path included (`…/tencentcloud/v2/index.php`). */
    legacyEndpoint: string;
    secretId: string;
    secretKey: string;
    /** Tag service endpoint (`…/tencentcloud/tag`), for the Tag API 2018-08-13. */
    tagEndpoint: string;
    /** API 3.0 region name. */
    region: string;
    /** The same region's API 2.0 short code. */
    api2Region: string;
    vpcIds: string[];
    vpnGatewayIds: string[];
    customerGatewayIds: string[];
};

/** Creates the Tencent front end bound to the core's context. */
export function createTencentFrontEnd(ctx: EmulatorContext): CloudFrontEnd {
    const store = new TencentStore(ctx);
    joinPeering(ctx, store);
    const nonces = new NonceCache();
    let settings: TencentFrontEndSettings = { ...DEFAULT_TENCENT_SETTINGS };

    const parseV3 = (req: EmulatorRequest): EmulatorResponse | ParsedCall => {
        const requestId = ctx.newRequestId();
        const headers = traceHeaders(req.headers);
        const fail = (code: string, message: string): EmulatorResponse => v3Error(requestId, code, message, 200, headers);

        // Only the SDK's default transport is emulated. The SDK signs the path it posts to: "/tencentcloud/"
        // here, "/" against the cloud.
        const canonicalUris = req.path === "/" ? [`${TENCENT_PREFIX}/`, TENCENT_PREFIX] : [TENCENT_PREFIX + req.path];
        const auth = verifyTc3Call(req, ctx, canonicalUris, "API 3.0");
        if (!auth.ok) return fail(auth.code, auth.message);

        const route = routeV3(req.headers, { name: "VPC", version: API_VERSION, actions: ACTIONS_3 });
        if (!route.ok) return fail(route.code, route.message);
        const { action, region } = route;
        const call = decodeV3Body(req.body);
        if (typeof call === "string") return fail("InvalidParameter", call);
        return {
            action,
            redactedParams: redact(call) as Record<string, unknown>,
            run: () => {
                try {
                    return v3Ok(requestId, runAction3(action, { params: call, region, requestId, store, settings }), headers);
                } catch (e) {
                    if (isTencentError(e)) return fail(e.code, e.message);
                    throw e;
                }
            },
            error: (code, message, httpStatus) => v3Error(requestId, code, message || faultMessage(code), httpStatus ?? 200, headers),
        };
    };

    const parseV2 = (req: EmulatorRequest): EmulatorResponse | ParsedCall => {
        const params = decodeApi2Params(req.method, req.query, req.body);
        const auth = verifyApi2Request({
            method: req.method,
            host: headerValue(req.headers, "host") ?? "",
            path: TENCENT_PREFIX + req.path,
            params,
            nowMs: ctx.now(),
            credentials: tencentCredentials(ctx),
            nonces,
        });
        if (!auth.ok) return api2Error(auth.code, auth.message);
        const action = params.Action;
        if (!action) return api2Error("MissingParameter", "The request is missing a required parameter `Action`.");
        if (!isApi2Action(action)) return api2Error("InvalidAction", `The action \`${action}\` does not exist.`);
        // Short codes (`gz`) map to API 3.0 regions (the common parameter `Region`, https://tencentcloud.com/zh/document/api/214/11594); 3.0 names are accepted too (INFERRED).
        if (!params.Region) return api2Error("MissingParameter", "The request is missing a required parameter `Region`.");
        const region = API2_REGIONS[params.Region] ?? (REGIONS.has(params.Region) ? params.Region : undefined);
        if (!region) return api2Error("InvalidRegion", `The region \`${params.Region}\` does not exist.`);
        const requestId = ctx.newRequestId();
        return {
            action,
            redactedParams: redact(params) as Record<string, unknown>,
            run: () => {
                try {
                    return ACTIONS_2[action]({ params, region, requestId, store, settings });
                } catch (e) {
                    if (isTencentError(e)) {
                        const mapped = toApi2Error(e, action);
                        return api2Error(mapped.code, mapped.message);
                    }
                    throw e;
                }
            },
            error: (code, message, httpStatus) => api2Error(code, message || faultMessage(code), httpStatus ?? 200),
        };
    };

    const control = (method: string, subPath: string, body: unknown): EmulatorResponse | undefined => {
        const path = subPath.replace(/^\/+|\/+$/g, "");
        const connection = /^connections\/([^/]+)$/.exec(path);
        if (connection) {
            const record = store.findAnywhere(decodeURIComponent(connection[1]));
            if (!record) return controlErrorResponse(404, "NotFound", `no VPN connection \`${connection[1]}\``);
            switch (method) {
                case "GET":
                    // PSK masked: control answers end up in test and demo logs.
                    return jsonResponse(200, redact(renderConnection(store, record, settings)));
                case "PATCH":
                case "POST":
                    try {
                        applyConnectionPatch(record, body);
                    } catch (e) {
                        if (e instanceof DriftPatchError) return controlErrorResponse(400, "InvalidPatch", e.message);
                        throw e;
                    }
                    return jsonResponse(200, redact(renderConnection(store, record, settings)));
                case "DELETE":
                    store.remove(record.id);
                    return jsonResponse(200, { deleted: record.id });
            }
            return controlErrorResponse(405, "MethodNotAllowed", `${method} is not supported on connections/<id>`);
        }
        if (path === "tasks/fail-next" && method === "POST") {
            const count = (body as { count?: unknown } | undefined)?.count ?? 1;
            if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
                return controlErrorResponse(400, "InvalidCount", "`count` must be an integer >= 1");
            }
            return jsonResponse(200, { failNextTasks: store.failNext(count) });
        }
        const busy = /^gateways\/([^/]+)\/busy$/.exec(path);
        if (busy && method === "POST") {
            const gatewayId = decodeURIComponent(busy[1]);
            if (!ALL_VPN_GATEWAYS.some((g) => g.vpnGatewayId === gatewayId)) return controlErrorResponse(404, "NotFound", `no VPN gateway \`${gatewayId}\``);
            const ms = (body as { ms?: unknown } | undefined)?.ms;
            if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0) return controlErrorResponse(400, "InvalidBody", "`ms` must be an integer >= 0");
            store.keepGatewayBusy(gatewayId, ms);
            return jsonResponse(200, { VpnGatewayId: gatewayId, busy: store.isGatewayHeldBusy(gatewayId) });
        }
        if (path === "settings" && method === "GET") return jsonResponse(200, { ...settings });
        if (path === "settings" && method === "POST") {
            const patch = parseTencentSettingsPatch(body);
            if (typeof patch === "string") return controlErrorResponse(400, "InvalidSettings", patch);
            settings = { ...settings, ...patch };
            return jsonResponse(200, { ...settings });
        }
        return undefined;
    };

    return {
        cloud: "tencentcloud",
        prefix: TENCENT_PREFIX,
        parse(req) {
            if (req.path === "/") return parseV3(req);
            if (req.path === API2_PATH) return parseV2(req);
            if (req.path === TAG_PATH || req.path === TAG_PATH.replace(/\/$/, "")) return parseTagCall(req, ctx, store, [...REGIONS], TENCENT_PREFIX, redact);
            return v3Error(ctx.newRequestId(), "InvalidRequest", `Nothing is served at \`${TENCENT_PREFIX}${req.path}\`.`, 404);
        },
        reset() {
            store.reset();
            nonces.clear();
            settings = { ...DEFAULT_TENCENT_SETTINGS };
        },
        dump() {
            return {
                settings: { ...settings },
                ...(store.dump((record) => ({
                    ...(redact(renderConnection(store, record, settings)) as object),
                    api2Id: record.api2Id,
                    region: record.region,
                })) as object),
            };
        },
        control,
        describe(baseUrl): TencentEndpointInfo {
            return {
                endpoint: `${baseUrl}${TENCENT_PREFIX}`,
                legacyEndpoint: `${baseUrl}${TENCENT_PREFIX}${API2_PATH}`,
                tagEndpoint: `${baseUrl}${TENCENT_PREFIX}${TAG_PATH.replace(/\/$/, "")}`,
                secretId: CREDENTIAL.secretId,
                secretKey: CREDENTIAL.secretKey,
                region: REGION,
                api2Region: "gz",
                vpcIds: VPCS.map((v) => v.vpcId),
                vpnGatewayIds: VPN_GATEWAYS.map((g) => g.vpnGatewayId),
                customerGatewayIds: CUSTOMER_GATEWAYS.map((c) => c.customerGatewayId),
            };
        },
    };
}
