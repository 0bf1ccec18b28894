/**
 * A thin Tencent Cloud VPC API 3.0 client over `tencentcloud-sdk-nodejs` (only its VPC client is
 * loaded: the SDK index pulls in every service): explicit endpoint, protocol, timeout and agent,
 * errors turned into {@link CloudApiError} without secrets, and the shared retry loop.
 */
import { createHash } from "crypto";
import { CloudApiError, redact } from "../core/errors";
import { assertResponseShape, ResponseShape } from "../core/responseShape";
import { requestTimeoutFor, Timing } from "../core/timing";
import { hintFor, retryTencentCall, TencentCall } from "./retryPolicy";
import { TencentcloudSettings } from "./settings";
import { agentFor, httpStatusCode, INVALID_RESPONSE, networkCodeOf } from "./transport";

export type Params = Record<string, unknown>;

interface SdkClient {
    request(action: string, params: Params, options?: { signal?: AbortSignal }): Promise<unknown>;
}

const clients = new Map<string, SdkClient>();

/** The API 3.0 services called: VPC (2017-03-12) and the Tag service (2018-08-13), each through its official SDK client. */
export type Api3Service = "vpc" | "tag";
const SDK_CLIENTS: Readonly<Record<Api3Service, string>> = {
    vpc: "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client",
    tag: "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client",
};

function sdkClient(settings: TencentcloudSettings, region: string, timing: Timing, service: Api3Service = "vpc"): SdkClient {
    const endpoint = service === "tag" ? settings.tagEndpoint : settings.endpoint;
    // Cached so concurrent resources share sockets; keyed by a digest so no secret is a map key.
    const key = createHash("sha256")
        .update(JSON.stringify([settings.secretId, settings.secretKey, settings.securityToken, endpoint.href, region, timing.requestTimeoutMs, service]))
        .digest("hex");
    let client = clients.get(key);
    if (!client) {
        const Client = require(SDK_CLIENTS[service]).Client;
        const path = endpoint.pathname.replace(/\/+$/, "");
        client = new Client({
            credential: { secretId: settings.secretId, secretKey: settings.secretKey, token: settings.securityToken },
            region,
            profile: {
                httpProfile: {
                    // The SDK builds `protocol + endpoint + "/"`, so a path prefix rides in `endpoint`.
                    endpoint: endpoint.host + path,
                    protocol: `${endpoint.protocol}//`,
                    reqTimeout: timing.requestTimeoutMs / 1000,
                    agent: agentFor(endpoint),
                },
            },
        }) as SdkClient;
        clients.set(key, client);
    }
    return client;
}

/**
 * Translates what the SDK throws (or lets escape: tencentcloud-sdk-nodejs `tencentcloud/common/abstract_client.js`
 * parses an answer outside its try/catch) into a CloudApiError without any secret.
 */
export function toCloudError(action: string, error: any, secrets: ReadonlyArray<string | undefined>): CloudApiError {
    const message = String(error?.message ?? error);
    let code: string | undefined = typeof error?.code === "string" && error.code !== "" ? error.code : undefined;
    let httpStatus: number | undefined;
    if (!code && typeof error?.httpCode === "number") {
        httpStatus = error.httpCode;
        code = httpStatusCode(error.httpCode);
    }
    // A 200 whose body is not JSON, or JSON without `Response`, escapes the SDK unwrapped.
    if (!code && (error?.type === "invalid-json" || error instanceof SyntaxError || error instanceof TypeError)) code = INVALID_RESPONSE;
    if (!code) code = networkCodeOf(message);
    const requestId = typeof error?.requestId === "string" && error.requestId !== "" ? error.requestId : undefined;
    return new CloudApiError(
        { cloud: "tencentcloud", action, code, requestId, httpStatus, hint: hintFor(code) },
        redact(message, secrets),
    );
}

/**
 * What each action's `Response` holds besides the RequestId every answer carries ("Responses",
 * https://www.tencentcloud.com/document/product/215/15760; fields per action from `vpc_models.d.ts`).
 * A describe without its set is not "nothing found".
 */
const RESPONSE_SHAPES: Readonly<Record<string, ResponseShape>> = {
    DescribeVpnConnections: { RequestId: "string", VpnConnectionSet: "array" },
    DescribeVpcs: { RequestId: "string", VpcSet: "array" },
    DescribeVpcTaskResult: { RequestId: "string", Status: "string" },
};
const ANY_RESPONSE: ResponseShape = { RequestId: "string" };

/** API 3.0 VPC calls for one region. */
export class Api3Client {
    constructor(
        private readonly settings: TencentcloudSettings,
        private readonly region: string,
        private readonly timing: Timing,
        /** Values that must never appear in an error message (the PSK of the resource at hand). */
        private readonly secrets: ReadonlyArray<string | undefined> = [],
        private readonly service: Api3Service = "vpc",
    ) {}

    /** Calls an action, retrying what the retry table allows for its kind until the deadline. */
    async call<T = any>(call: TencentCall): Promise<T> {
        const secrets = [...this.secrets, this.settings.secretKey, this.settings.securityToken];
        const client = sdkClient(this.settings, this.region, this.timing, this.service);
        return retryTencentCall(call, this.timing, async () => {
            // The SDK's timeout is fixed per client; an attempt near the deadline is cut shorter.
            const timeoutMs = requestTimeoutFor(this.timing, call.deadline);
            const options = timeoutMs < this.timing.requestTimeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {};
            let response: unknown;
            try {
                response = await client.request(call.action, call.params, options);
            } catch (error) {
                throw toCloudError(call.action, error, secrets);
            }
            const requestId = (response as { RequestId?: unknown } | null)?.RequestId;
            assertResponseShape(response, RESPONSE_SHAPES[call.action] ?? ANY_RESPONSE, {
                cloud: "tencentcloud",
                action: call.action,
                requestId: typeof requestId === "string" ? requestId : undefined,
                hint: hintFor(INVALID_RESPONSE),
            });
            return response as T;
        });
    }
}
