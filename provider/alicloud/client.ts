/**
 * A thin Alibaba Cloud VPC client over `@alicloud/pop-core`: POST only (GET would put the PSK and
 * signature into URLs and error messages), explicit timeouts, JSON blocks stringified, errors
 * turned into {@link CloudApiError}, and the project's retry loop with Alibaba's retry table.
 */
import { CloudApiError, redact } from "../core/errors";
import { classifyCode, CLASS_HINTS, ErrorClass, RetryTable, withRetry } from "../core/retry";
import { requestTimeoutFor, Timing } from "../core/timing";
import { AlicloudSettings } from "./settings";
import { JSON_BLOCK_PARAMS } from "./schema";

/** What Alibaba calls transient (reference §2.4 and §5: what the Terraform provider retries, and why). */
export const ALICLOUD_RETRY_TABLE: RetryTable = {
    throttling: ["Throttling", "Throttling.*", "Rejected.Throttling"],
    busy: [
        "VpnGateway.Configuring",
        "VpnTask.CONFLICT",
        "VpnConnection.Configuring",
        "Appliance.Configuring",
        "TaskConflict",
        "OperationConflict",
        "IncorrectStatus.VpnGateway",
    ],
    // SignatureNonceUsed: pop-core makes a fresh nonce per attempt, so a retry is safe.
    server: ["InternalError", "UnknownError", "ServiceUnavailable", "SignatureNonceUsed", "RequestTimeout", "HttpError.5xx"],
};

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

interface PopCoreClient {
    request(action: string, params: Params, options: { method: string; timeout: number; formatParams?: boolean }): Promise<unknown>;
}

const clients = new Map<string, PopCoreClient>();

function popCore(settings: AlicloudSettings): PopCoreClient {
    // Cached per settings so concurrent resources share keep-alive sockets; the key is a digest so
    // the map never holds a readable secret as a key.
    const key = require("crypto").createHash("sha256").update(JSON.stringify(settings)).digest("hex");
    let client = clients.get(key);
    if (!client) {
        const RPCClient = require("@alicloud/pop-core").RPCClient;
        client = new RPCClient({
            endpoint: settings.endpoint,
            apiVersion: "2016-04-28",
            accessKeyId: settings.accessKeyId,
            accessKeySecret: settings.accessKeySecret,
            securityToken: settings.securityToken,
        }) as PopCoreClient;
        clients.set(key, client);
    }
    return client;
}

/** pop-core sends nested objects as "[object Object]" and undefined as "undefined": pre-encode. */
export function encodeParams(params: Params): Params {
    const out: Params = {};
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null) continue;
        out[key] = JSON_BLOCK_PARAMS.includes(key) && typeof value === "object" ? JSON.stringify(value) : value;
    }
    return out;
}

/** Translates what pop-core throws into a CloudApiError without any secret in it. */
export function toCloudError(action: string, error: any, secrets: ReadonlyArray<string | undefined>): CloudApiError {
    const status: number | undefined = error?.entry?.response?.statusCode;
    let code: string | undefined = typeof error?.code === "string" ? error.code : undefined;
    if (!code && error?.name === "RequestTimeoutError") code = "RequestTimeout";
    if (!code && error instanceof SyntaxError) code = "HttpError.5xx"; // an HTML error page from a proxy or load balancer
    const requestId: string | undefined = error?.data?.RequestId;
    // pop-core appends ", URL: <url>" to messages; with POST the URL holds no parameters, but drop it anyway.
    const message = String(error?.data?.Message ?? error?.message ?? error).replace(/,? URL: \S+$/, "");
    return new CloudApiError(
        { cloud: "alicloud", action, code, requestId, httpStatus: status, hint: (code && HINTS[code]) || CLASS_HINTS[classifyCode(code, ALICLOUD_RETRY_TABLE)] },
        redact(message, secrets),
    );
}

export function classifyAlicloudError(error: unknown): ErrorClass {
    return error instanceof CloudApiError ? classifyCode(error.code, ALICLOUD_RETRY_TABLE) : "fatal";
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
        const secrets = [...this.secrets, this.settings.accessKeySecret, this.settings.securityToken];
        return withRetry(
            async () => {
                try {
                    const response = await popCore(this.settings).request(action, encodeParams(params), {
                        method: "POST",
                        timeout: requestTimeoutFor(this.timing, deadline),
                        formatParams: false,
                    });
                    // json-bigint returns null-prototype objects (and BigNumbers): make them plain JSON.
                    return JSON.parse(JSON.stringify(response)) as T;
                } catch (error) {
                    throw toCloudError(action, error, secrets);
                }
            },
            {
                deadline,
                classify: classifyAlicloudError,
                minDelayMs: this.timing.minDelayMs,
                maxDelayMs: this.timing.maxDelayMs,
            },
        );
    }
}
