/**
 * A thin Tencent Cloud VPC API 3.0 client over `tencentcloud-sdk-nodejs` (only its VPC client is
 * loaded: the SDK index pulls in every service): explicit endpoint, protocol, timeout and agent,
 * errors turned into {@link CloudApiError} without secrets, and the shared retry loop.
 */
import { CloudApiError } from "../core/errors";
import { assertResponseShape, listOf, parserMessage, ResponseShape } from "../core/responseShape";
import { requestTimeoutFor, Timing } from "../core/timing";
import { hintFor, retryTencentCall, TencentCall } from "./retryPolicy";
import { TencentcloudSettings } from "./settings";
import { agentFor, httpStatusCode, INVALID_RESPONSE, networkCodeOf } from "./transport";

export type Params = Record<string, unknown>;

interface SdkClient {
    request(action: string, params: Params, options?: { signal?: AbortSignal }): Promise<unknown>;
}

/** Clients by credentials (one provider object per source), endpoint, region, timeout and service, so concurrent resources share sockets. */
const clients = new WeakMap<object, Map<string, SdkClient>>();

/** The API 3.0 services called: VPC (2017-03-12) and the Tag service (2018-08-13), each through its official SDK client. */
export type Api3Service = "vpc" | "tag";
const SDK_CLIENTS: Readonly<Record<Api3Service, string>> = {
    vpc: "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client",
    tag: "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client",
};

function sdkClient(settings: TencentcloudSettings, region: string, timing: Timing, service: Api3Service = "vpc"): SdkClient {
    const endpoint = service === "tag" ? settings.tagEndpoint : settings.endpoint;
    const key = JSON.stringify([endpoint.href, region, timing.requestTimeoutMs, service]);
    let byKey = clients.get(settings.credentials);
    if (!byKey) clients.set(settings.credentials, (byKey = new Map()));
    let client = byKey.get(key);
    if (!client) {
        const Client = require(SDK_CLIENTS[service]).Client;
        const path = endpoint.pathname.replace(/\/+$/, "");
        client = new Client({
            // A DynamicCredential: the SDK asks it before every request, so temporary credentials are renewed mid-operation.
            credential: settings.credentials.sdkCredential,
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
        byKey.set(key, client);
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
    const unparsable = !code && (error?.type === "invalid-json" || error instanceof SyntaxError || error instanceof TypeError);
    if (unparsable) code = INVALID_RESPONSE;
    if (!code) code = networkCodeOf(message);
    const requestId = typeof error?.requestId === "string" && error.requestId !== "" ? error.requestId : undefined;
    return new CloudApiError(
        { cloud: "tencentcloud", action, code, requestId, httpStatus, hint: hintFor(code) },
        unparsable ? parserMessage(message) : message,
        secrets,
    );
}

/**
 * What each action's `Response` holds besides the RequestId every answer carries ("Responses",
 * https://www.tencentcloud.com/document/product/215/15760; fields per action from `vpc_models.d.ts`).
 * A describe without its set, or with an item that is not an object with its id, is not "nothing found".
 */
const RESPONSE_SHAPES: Readonly<Record<string, ResponseShape>> = {
    DescribeVpnConnections: { RequestId: "string", VpnConnectionSet: listOf({ VpnConnectionId: "string" }) },
    DescribeVpcs: { RequestId: "string", VpcSet: listOf({ VpcId: "string" }) },
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

    /** What this client scrubs from errors: the resource's PSKs and the credentials' secrets handed out last. */
    secretValues(): Array<string | undefined> {
        return [...this.secrets, ...this.settings.credentials.secrets()];
    }

    /** Calls an action, retrying what the retry table allows for its kind until the deadline. */
    async call<T = any>(call: TencentCall): Promise<T> {
        const client = sdkClient(this.settings, this.region, this.timing, this.service);
        return retryTencentCall(call, this.timing, async () => {
            // Resolved here first, where a failure stays a CredentialError: the SDK would wrap it as an HTTP error.
            await this.settings.credentials.current();
            const secrets = this.secretValues();
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
