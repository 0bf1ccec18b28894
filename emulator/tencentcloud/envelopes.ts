/**
 * Response envelopes of both API generations.
 *
 * API 3.0 ("Responses", https://www.tencentcloud.com/document/product/215/15760): always HTTP 200,
 * `{Response: {..., RequestId}}` on success and
 * `{Response: {Error: {Code, Message}, RequestId}}` on failure.
 * API 2.0 (the output parameters of its actions, e.g. https://cloud.tencent.com/document/api/215/5113):
 * `{code: 0, message: "", codeDesc: "Success", data}` on success and
 * `{code: <non-zero number>, message, codeDesc: "<Code>"}` on failure.
 */
import type { IncomingHttpHeaders } from "http";
import type { EmulatorResponse } from "../core/types";
import { headerValue } from "./tc3";

/**
 * The response headers echoing the request's `X-TC-TraceId`: the SDK copies the response's x-tc-traceid into
 * its exceptions (tencentcloud-sdk-nodejs `tencentcloud/common/abstract_client.js`).
 */
export function traceHeaders(headers: IncomingHttpHeaders): Record<string, string> | undefined {
    const traceId = headerValue(headers, "x-tc-traceid");
    return traceId ? { "X-TC-TraceId": traceId } : undefined;
}

/** A successful API 3.0 answer; `RequestId` is appended last as the cloud does. */
export function v3Ok(requestId: string, body: Record<string, unknown>, headers?: Record<string, string>): EmulatorResponse {
    return { status: 200, json: { Response: { ...body, RequestId: requestId } }, headers };
}

/** An API 3.0 error answer (HTTP 200 unless a fault asks otherwise). */
export function v3Error(
    requestId: string,
    code: string,
    message: string,
    httpStatus = 200,
    headers?: Record<string, string>,
): EmulatorResponse {
    return { status: httpStatus, json: { Response: { Error: { Code: code, Message: message }, RequestId: requestId } }, headers };
}

/** A successful API 2.0 answer; `extra` holds top-level siblings of `data` (DescribeVpnConn's `totalCount`). */
export function api2Ok(data: unknown, extra: Record<string, unknown> = {}): EmulatorResponse {
    return { status: 200, json: { code: 0, message: "", codeDesc: "Success", ...extra, data } };
}

/** An API 2.0 error answer: numeric `code` chosen by {@link api2NumericCode}, string code in `codeDesc`. */
export function api2Error(codeDesc: string, message: string, httpStatus = 200): EmulatorResponse {
    return { status: httpStatus, json: { code: api2NumericCode(codeDesc), message, codeDesc } };
}

/**
 * Numeric API 2.0 code for a string code. The VPC 2.0 error page (https://cloud.tencent.com/doc/api/245/4924)
 * does not confirm the numeric table;
 * this follows Tencent's legacy common error table (https://cloud.tencent.com/document/api/213/6982,
 * https://intl.cloud.tencent.com/document/product/239/1757): 4000 invalid parameters, 4100 authentication
 * (signature) failed, 4104 key not found, 4105 token error, 4400 quota exceeded, 4500 replay (Nonce reused
 * or Timestamp more than 5 minutes off), 5000 resource not found, 5100 resource operation failed,
 * 6000 internal error. Which module code lands in which class is INFERRED.
 */
export function api2NumericCode(codeDesc: string): number {
    const exact: Record<string, number> = {
        "AuthFailure.SecretIdNotFound": 4104,
        "AuthFailure.TokenFailure": 4105,
        "AuthFailure.SignatureExpire": 4500,
        ReplayAttack: 4500,
    };
    if (codeDesc in exact) return exact[codeDesc];
    if (codeDesc.startsWith("AuthFailure")) return 4100;
    if (codeDesc === "ResourceNotFound" || codeDesc.endsWith(".NotFound")) return 5000;
    if (/LimitExceeded/.test(codeDesc)) return 4400;
    if (/^(UnsupportedOperation|ResourceInUse|InvalidVpnConnState|ActionLocked|FailedOperation)/.test(codeDesc)) return 5100;
    if (/^(InternalError|ServiceUnavailable)/.test(codeDesc)) return 6000;
    return 4000;
}
