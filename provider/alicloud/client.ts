/**
 * A thin Alibaba Cloud VPC client over `@alicloud/pop-core`: POST only (GET would put the PSK and
 * signature into URLs and error messages), explicit timeouts, JSON blocks stringified, errors
 * turned into {@link CloudApiError}, and the project's retry loop with Alibaba's retry table.
 */
import { CloudApiError, ConfigurationError, CredentialError, withoutStringToSign } from "../core/errors";
import { assertResponseShape, INVALID_RESPONSE, listOf, ResponseShape } from "../core/responseShape";
import { classifyCode, CLASS_HINTS, ErrorClass, RetryTable, withRetry } from "../core/retry";
import { requestTimeoutFor, Timing } from "../core/timing";
import { AlicloudSettings } from "./settings";
import { JSON_BLOCK_PARAMS } from "./schema";

/**
 * What Alibaba calls transient, as the Terraform provider retries it (aliyun/terraform-provider-alicloud
 * `alicloud/errors.go` NeedRetry; `resource_alicloud_vpn_connection.go`, PRs #5657 and #5689).
 * Busy states go by family where the code names a state that passes: `IncorrectStatus.*` (the
 * resource is not yet in a state that allows the change), which Terraform retries for VPC resources
 * together with `OperationConflict`, `SystemBusy` and `LastTokenProcessing` (e.g.
 * `alicloud/resource_alicloud_vpc_ipv6_cidr_block.go`), and `OperationDenied.VpnGwLocked`, a change
 * refused while the VPN gateway is locked (the VPC codes: https://error-center.alibabacloud.com/status/product/Vpc).
 * Validation (`IllegalParam.*`, `InvalidParameter`), `Forbidden*` and `VpnGateway.FinancialLocked`
 * (overdue payment) stay fatal.
 */
export const ALICLOUD_RETRY_TABLE: RetryTable = {
    throttling: ["Throttling", "Throttling.*", "Rejected.Throttling", "HttpError.429"],
    busy: [
        "VpnGateway.Configuring",
        "VpnTask.CONFLICT",
        "VpnConnection.Configuring",
        "Appliance.Configuring",
        "TaskConflict",
        "OperationConflict",
        "IncorrectStatus",
        "IncorrectStatus.*",
        "OperationDenied.VpnGwLocked",
        "SystemBusy",
        // The same ClientToken's first request is still being processed: its answer is on the way.
        "LastTokenProcessing",
        "OperationFailed.LastTokenProcessing",
    ],
    // SignatureNonceUsed: pop-core makes a fresh nonce per attempt, so a retry is safe. A non-2xx
    // answer without the API's `Code`, or one that is not the action's JSON at all (a proxy's page,
    // a truncated or empty body), is a server failure too: a create is then re-sent with the same
    // ClientToken, which answers with the connection the first attempt may have made.
    server: ["InternalError", "UnknownError", "ServiceUnavailable", "SignatureNonceUsed", "RequestTimeout", "HttpError.5*", INVALID_RESPONSE],
};

/**
 * What each action's successful answer holds (the API reference's response parameters); any
 * other action answers at least its `RequestId`. Every listed connection is an object with its
 * `VpnConnectionId` (DescribeVpnConnections, https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections).
 */
const RESPONSE_SHAPES: Readonly<Record<string, ResponseShape>> = {
    CreateVpnConnection: { RequestId: "string", VpnConnectionId: "string" },
    ModifyVpnConnectionAttribute: { RequestId: "string", VpnConnectionId: "string" },
    DescribeVpnConnections: { RequestId: "string", "VpnConnections.VpnConnection": listOf({ VpnConnectionId: "string" }) },
    DescribeVpnGateway: { RequestId: "string", VpnGatewayId: "string", Status: "string" },
};
const ANY_RESPONSE: ResponseShape = { RequestId: "string" };

const HINTS: Record<string, string> = {
    "VpnGateway.Configuring": "the VPN gateway stayed busy until the operation's deadline; retry later, or raise the resource's `timeouts`",
    "InvalidAccessKeyId.NotFound": "check ALIBABA_CLOUD_ACCESS_KEY_ID / alicloud:accessKey",
    SignatureDoesNotMatch: "check ALIBABA_CLOUD_ACCESS_KEY_SECRET / alicloud:secretKey",
    "InvalidVpnGatewayInstanceId.NotFound": "check `vpnGatewayId` and `region`",
    "InvalidCustomerGatewayInstanceId.NotFound": "check `customerGatewayId` and `region`",
    "Resource.QuotaFull": "the VPN gateway has no connection quota left",
    Forbidden: "the RAM user lacks permission for this VPC action",
};

export type Params = Record<string, unknown>;

/** pop-core in verbose mode: the parsed body and the HTTP exchange, whose status pop-core itself ignores. */
interface PopCoreClient {
    request(action: string, params: Params, options: { method: string; timeout: number; formatParams?: boolean }): Promise<[unknown, { response?: { statusCode?: number } }]>;
}

/** Clients by credentials (one provider object per source) and endpoint, so concurrent resources share keep-alive sockets. */
const clients = new WeakMap<object, Map<string, PopCoreClient>>();

function popCore(settings: AlicloudSettings): PopCoreClient {
    let byEndpoint = clients.get(settings.credentials);
    if (!byEndpoint) clients.set(settings.credentials, (byEndpoint = new Map()));
    let client = byEndpoint.get(settings.endpoint);
    if (!client) {
        const RPCClient = require("@alicloud/pop-core").RPCClient;
        // pop-core awaits `getCredentials()` before every request, so temporary credentials are renewed mid-operation.
        client = new RPCClient({ endpoint: settings.endpoint, apiVersion: "2016-04-28", credentialsProvider: settings.credentials.provider }, true) as PopCoreClient;
        byEndpoint.set(settings.endpoint, client);
    }
    return client;
}

/**
 * pop-core sends nested objects as "[object Object]" and undefined as "undefined": pre-encode. A list
 * (e.g. `TunnelOptionsSpecification`, an array of objects with objects inside) is flattened here into
 * the RPC form `Key.N.Sub.Key` (N from 1), since pop-core flattens one level only and would send the
 * inner objects as "[object Object]" (`@alicloud/pop-core` `lib/rpc.js` `flatParams`).
 */
export function encodeParams(params: Params): Params {
    const out: Params = {};
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value)) {
            flattenInto(out, key, value);
            continue;
        }
        out[key] = JSON_BLOCK_PARAMS.includes(key) && typeof value === "object" ? JSON.stringify(value) : value;
    }
    return out;
}

/** Writes `value` under `prefix` as flat RPC parameters; absent values are left out. */
function flattenInto(out: Params, prefix: string, value: unknown): void {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
        value.forEach((item, i) => flattenInto(out, `${prefix}.${i + 1}`, item));
    } else if (typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) flattenInto(out, `${prefix}.${key}`, inner);
    } else {
        out[prefix] = value;
    }
}

/** Translates what pop-core throws into a CloudApiError without any secret in it. */
export function toCloudError(action: string, error: any, secrets: ReadonlyArray<string | undefined>): CloudApiError {
    const status: number | undefined = error?.entry?.response?.statusCode;
    let code: string | undefined = typeof error?.code === "string" ? error.code : undefined;
    if (!code && error?.name === "RequestTimeoutError") code = "RequestTimeout";
    // json-bigint throws a plain `{name: "SyntaxError"}`, not a SyntaxError: an HTML page from a
    // proxy or load balancer, or a truncated or empty body.
    const unparsable = error instanceof SyntaxError || (error?.name === "SyntaxError" && !(error instanceof Error));
    if (!code && unparsable) code = INVALID_RESPONSE;
    const requestId: string | undefined = error?.data?.RequestId;
    // pop-core appends ", URL: <url>" to messages; with POST the URL holds no parameters, but drop it anyway.
    // A parse error's `text` (the whole body) is never read: it may hold a PSK.
    const raw = unparsable ? `the answer is not JSON (${error.message})` : String(error?.data?.Message ?? error?.message ?? error);
    const message = withoutStringToSign(raw.replace(/,? URL: \S+$/, ""));
    return new CloudApiError(
        { cloud: "alicloud", action, code, requestId, httpStatus: status, hint: (code && HINTS[code]) || CLASS_HINTS[classifyCode(code, ALICLOUD_RETRY_TABLE)] },
        message,
        secrets,
    );
}

/**
 * A JSON answer without `Code` is success only with a 2xx status and the action's documented
 * fields; anything else throws (`HttpError.<status>`, or {@link INVALID_RESPONSE}).
 */
export function checkAnswer(action: string, httpStatus: number | undefined, body: unknown, secrets: ReadonlyArray<string | undefined>): void {
    const requestId = typeof (body as Params | null)?.RequestId === "string" ? ((body as Params).RequestId as string) : undefined;
    if (httpStatus !== undefined && (httpStatus < 200 || httpStatus > 299)) {
        const code = `HttpError.${httpStatus}`;
        const said = (body as Params | null)?.Message ?? (body as Params | null)?.message;
        const detail = typeof said === "string" && said !== "" ? said : `HTTP ${httpStatus} without the API's error code`;
        throw new CloudApiError({ cloud: "alicloud", action, code, requestId, httpStatus, hint: CLASS_HINTS[classifyCode(code, ALICLOUD_RETRY_TABLE)] }, withoutStringToSign(detail), secrets);
    }
    assertResponseShape(body, RESPONSE_SHAPES[action] ?? ANY_RESPONSE, { cloud: "alicloud", action, requestId, httpStatus, hint: CLASS_HINTS.server });
}

export function classifyAlicloudError(error: unknown): ErrorClass {
    return error instanceof CloudApiError ? classifyCode(error.code, ALICLOUD_RETRY_TABLE) : "fatal";
}

/**
 * What pop-core's parser (json-bigint) returns, as plain JSON values: its objects have a null
 * prototype and integers beyond 15 digits are BigNumbers, which become the decimal strings
 * `JSON.stringify` would write (their `toJSON`). A copy, not a stringify-and-parse: every read goes through here.
 */
export function plainJson(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(value)) return value.map(plainJson);
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === "function") return plainJson(json.call(value));
    const out: Params = {};
    for (const key of Object.keys(value)) {
        const inner = (value as Params)[key];
        if (inner !== undefined) out[key] = plainJson(inner);
    }
    return out;
}

export interface AlicloudCall {
    action: string;
    params: Params;
    /** Absolute deadline for this call including retries. */
    deadline: number;
}

export class AlicloudVpcClient {
    constructor(
        private readonly settings: AlicloudSettings,
        private readonly timing: Timing,
        /** Values that must never appear in an error message (the PSK of the resource at hand). */
        private readonly secrets: ReadonlyArray<string | undefined> = [],
    ) {}

    /** Calls an action, retrying what the retry table allows until the deadline. */
    async call<T = any>({ action, params, deadline }: AlicloudCall): Promise<T> {
        const secrets = this.secrets;
        return withRetry(
            async () => {
                let answer: Awaited<ReturnType<PopCoreClient["request"]>>;
                try {
                    answer = await popCore(this.settings).request(action, encodeParams(params), {
                        method: "POST",
                        timeout: requestTimeoutFor(this.timing, deadline),
                        formatParams: false,
                    });
                } catch (error) {
                    // No credentials: nothing was sent, and retrying would not find any.
                    if (error instanceof CredentialError || error instanceof ConfigurationError) throw error;
                    throw toCloudError(action, error, [...secrets, ...this.settings.credentials.secrets()]);
                }
                const body = plainJson(answer[0] ?? null);
                checkAnswer(action, answer[1]?.response?.statusCode, body, [...secrets, ...this.settings.credentials.secrets()]);
                return body as T;
            },
            {
                deadline,
                action,
                classify: classifyAlicloudError,
                minDelayMs: this.timing.minDelayMs,
                maxDelayMs: this.timing.maxDelayMs,
            },
        );
    }
}
