/**
 * A Tencent Cloud VPC API 2.0 client (`vpc.api.qcloud.com/v2/index.php`, retired in 2023 but still
 * served to some accounts). No SDK of it ships here, so it implements the documented signature
 * (https://tencentcloud.com/document/api/214/1526): parameters sorted by name, raw `k=v` joined by `&`, signed as
 * `POST + host (with port) + path + "?" + joined` with HMAC-SHA256 (`SignatureMethod=HmacSHA256`),
 * base64; sent as a form body over Node http/https with an explicit timeout and agent.
 */
import { createHmac, randomInt } from "crypto";
import * as http from "http";
import * as https from "https";
import { CloudApiError } from "../core/errors";
import { assertResponseShape, listOf, parserMessage, ResponseShape } from "../core/responseShape";
import { NETWORK_ERROR_CODES } from "../core/retry";
import { isPlainObject } from "../core/schema";
import { requestTimeoutFor, Timing } from "../core/timing";
import { hintFor, retryTencentCall, TencentCall } from "./retryPolicy";
import type { TencentCredential } from "./credentials";
import { TencentcloudSettings } from "./settings";
import { agentFor, httpStatusCode, INVALID_RESPONSE, NETWORK_ERROR } from "./transport";

export type Api2Params = Record<string, string>;

/** A successful API 2.0 answer (`code` 0). */
export interface Api2Response<T = any> {
    code: number;
    message?: string;
    codeDesc?: string;
    totalCount?: number;
    data: T;
}

/**
 * Flattens nested parameters the way AddVpnConnEx and ModifyVpnConnEx name them: `IKESet.propoEncryAlgorithm`,
 * `userGwCidrBlock.0`. Absent values are left out; everything else travels as a string.
 */
export function flattenParams(params: Record<string, unknown>, prefix = ""): Api2Params {
    const out: Api2Params = {};
    for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null) continue;
        const name = prefix + key;
        if (Array.isArray(value) || isPlainObject(value)) {
            const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
            Object.assign(out, flattenParams(Object.fromEntries(entries), name + "."));
        } else {
            out[name] = String(value);
        }
    }
    return out;
}

/** The string to sign (https://tencentcloud.com/document/api/214/1526 steps 1–3): raw, unencoded values; `Signature` itself excluded. */
export function api2SignString(method: string, host: string, path: string, params: Api2Params): string {
    const joined = Object.keys(params)
        .filter((key) => key !== "Signature")
        .sort()
        .map((key) => `${key}=${params[key]}`)
        .join("&");
    return `${method}${host}${path}?${joined}`;
}

/** The request's parameters with the common ones and the signature added. */
export function signApi2Request(
    action: string,
    region: string,
    params: Record<string, unknown>,
    settings: { credential: TencentCredential; api2Endpoint: URL },
    now: number = Date.now(),
): Api2Params {
    const signed: Api2Params = {
        ...flattenParams(params),
        Action: action,
        Region: region,
        Timestamp: String(Math.floor(now / 1000)),
        Nonce: String(randomInt(1, 2 ** 31 - 1)),
        SecretId: settings.credential.secretId,
        SignatureMethod: "HmacSHA256",
    };
    if (settings.credential.token) signed.Token = settings.credential.token;
    const url = settings.api2Endpoint;
    const text = api2SignString("POST", url.host, url.pathname, signed);
    signed.Signature = createHmac("sha256", settings.credential.secretKey).update(text, "utf8").digest("base64");
    return signed;
}

/** The HTTP answer of one attempt, before the API envelope is judged. */
interface RawAnswer {
    status: number;
    body: string;
    /** The `content-type` header, when the server sent one. */
    contentType?: string;
}

function post(url: URL, form: string, timeoutMs: number): Promise<RawAnswer> {
    const send = url.protocol === "http:" ? http.request : https.request;
    return new Promise((resolve, reject) => {
        const req = send(
            url,
            {
                method: "POST",
                agent: agentFor(url),
                timeout: timeoutMs,
                headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(form) },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("error", reject);
                res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), contentType: res.headers["content-type"] }));
            },
        );
        req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })));
        req.on("error", reject);
        req.end(form);
    });
}

/**
 * What each action's successful answer holds besides `code` 0, per its output parameters
 * (DescribeVpnConn https://cloud.tencent.com/document/api/215/5113, AddVpnConnEx
 * https://cloud.tencent.com/document/product/215/5110, DescribeVpcTaskResult
 * https://intl.cloud.tencent.com/document/product/215/5094): a DescribeVpnConn without its `data`
 * list, or with an item that is not an object with its string `unVpnConnId` (the `vpnx-` id
 * DescribeVpnConn lists, https://intl.cloud.tencent.com/document/api/215/5113), is not "nothing found".
 */
const RESPONSE_SHAPES: Readonly<Record<string, ResponseShape>> = {
    DescribeVpnConn: { data: listOf({ unVpnConnId: "string" }) },
    AddVpnConnEx: { data: "object" },
    DeleteVpnConn: { data: "object" },
    DescribeVpcTaskResult: { "data.status": "number" },
};

/**
 * What an unparsable answer was, never any of its body: a DescribeVpnConn body holds PSKs in plaintext,
 * and a secret cut at a quote's boundary escapes redaction. V8's parser messages quote the body's first
 * characters (`Unexpected token 'p', "psk-123456"... is not valid JSON`): only the text before a quote is kept.
 */
function notJsonDetails(answer: RawAnswer, error: unknown): string {
    const reason = parserMessage(error instanceof Error ? error.message : String(error));
    const contentType = answer.contentType ? `content type ${answer.contentType.slice(0, 100)}` : "no content type";
    return `HTTP ${answer.status}, ${contentType}, ${Buffer.byteLength(answer.body, "utf8")} bytes: ${reason || "unparsable"}`;
}

/** Judges an answer: the parsed body when `code` is 0 and it holds its action's fields, else the CloudApiError to throw. */
export function parseApi2Answer(action: string, answer: RawAnswer, secrets: ReadonlyArray<string | undefined>): Api2Response {
    const fail = (code: string | undefined, message: string, httpStatus?: number) =>
        new CloudApiError({ cloud: "tencentcloud", action, code, httpStatus, hint: hintFor(code) }, message, secrets);
    if (answer.status < 200 || answer.status > 299) {
        throw fail(httpStatusCode(answer.status), `HTTP ${answer.status}`, answer.status);
    }
    let body: any;
    try {
        body = JSON.parse(answer.body);
    } catch (error) {
        throw fail(INVALID_RESPONSE, `the answer is not JSON (${notJsonDetails(answer, error)})`);
    }
    if (!isPlainObject(body) || body.code === undefined) throw fail(INVALID_RESPONSE, "the answer has no `code`");
    if (Number(body.code) === 0) {
        const shape = RESPONSE_SHAPES[action];
        if (shape) assertResponseShape(body, shape, { cloud: "tencentcloud", action, hint: hintFor(INVALID_RESPONSE) });
        return body as unknown as Api2Response;
    }
    // `codeDesc` holds the string code (`InvalidVpnConn.NotFound`); `code` is only a numeric class.
    const code = typeof body.codeDesc === "string" && body.codeDesc !== "" ? body.codeDesc : String(body.code);
    throw fail(code, String(body.message ?? ""));
}

/** API 2.0 VPC calls for one region (given as the 3.0 name's 2.0 short code, e.g. `gz`). */
export class Api2Client {
    constructor(
        private readonly settings: TencentcloudSettings,
        private readonly regionCode: string,
        private readonly timing: Timing,
        private readonly secrets: ReadonlyArray<string | undefined> = [],
    ) {}

    /** What this client scrubs from errors: the resource's PSKs and the credentials' secrets handed out last. */
    secretValues(): Array<string | undefined> {
        return [...this.secrets, ...this.settings.credentials.secrets()];
    }

    async call<T = any>(call: TencentCall): Promise<Api2Response<T>> {
        return retryTencentCall(call, this.timing, async () => {
            // Signed per attempt: a retry needs a fresh Nonce and Timestamp (and temporary credentials may have been renewed).
            const credential = await this.settings.credentials.current();
            const secrets = this.secretValues();
            const form = new URLSearchParams(signApi2Request(call.action, this.regionCode, call.params, { credential, api2Endpoint: this.settings.api2Endpoint })).toString();
            let answer: RawAnswer;
            try {
                answer = await post(this.settings.api2Endpoint, form, requestTimeoutFor(this.timing, call.deadline));
            } catch (error: any) {
                // Socket failures keep Node's code (ECONNRESET…); anything else is a generic network error.
                const code = NETWORK_ERROR_CODES.includes(error?.code) ? error.code : NETWORK_ERROR;
                throw new CloudApiError({ cloud: "tencentcloud", action: call.action, code, hint: hintFor(code) }, String(error?.message ?? error), secrets);
            }
            return parseApi2Answer(call.action, answer, secrets) as Api2Response<T>;
        });
    }
}
