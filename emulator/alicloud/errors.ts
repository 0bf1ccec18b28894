/**
 * Alibaba API errors: the error type actions throw, and each known code's HTTP status and message.
 */

/** An API error answered as `{Code, Message, RequestId, HostId, Recommend}`. */
export class AliApiError extends Error {
    readonly httpStatus: number;

    constructor(
        readonly code: string,
        message?: string,
        httpStatus?: number,
    ) {
        super(message || defaultMessageFor(code));
        this.name = "AliApiError";
        this.httpStatus = httpStatus ?? httpStatusFor(code);
    }
}

/**
 * Documented codes with their HTTP status and message (the VPC API reference's error tables,
 * https://error-center.alibabacloud.com/status/product/Vpc, and the common codes of
 * https://help.aliyun.com/document_detail/48054.html). Codes marked [inferred] are not documented;
 * the emulator uses them where it must answer something.
 */
const KNOWN_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
    Forbidden: { status: 403, message: "User not authorized to operate on the specified resource." },
    "Forbbiden.SubUser": { status: 403, message: "User not authorized to operate on the specified resource as your account is created by another user." },
    "Resource.QuotaFull": { status: 400, message: "The quota of IPsec-VPN connections on the specified VPN gateway is full." },
    "InvalidCustomerGatewayInstanceId.NotFound": { status: 404, message: "The specified customer gateway instance id does not exist." },
    "InvalidVpnGatewayInstanceId.NotFound": { status: 404, message: "The specified vpn gateway instance id does not exist." },
    "InvalidVpnConnectionInstanceId.NotFound": { status: 404, message: "The specified vpn connection instance id does not exist." },
    "VpnGateway.Configuring": { status: 400, message: "The specified service is configuring. Try again later" },
    InvalidName: { status: 400, message: "The name is not valid" },
    "Throttling": { status: 400, message: "Request was denied due to request throttling." },
    "Throttling.User": { status: 400, message: "Request was denied due to user flow control." },
    "Throttling.Api": { status: 400, message: "Request was denied due to api flow control." },
    SignatureNonceUsed: { status: 400, message: "Specified signature nonce was used already." },
    "InvalidTimeStamp.Expired": { status: 400, message: "Specified time stamp or date value is expired." },
    InternalError: { status: 500, message: "The request processing has failed due to some unknown error, exception or failure." },
    UnknownError: { status: 500, message: "The request processing has failed due to some unknown error." },
    ServiceUnavailable: { status: 503, message: "The request has failed due to a temporary failure of the server." },
    // Common AccessKey and signature codes, not in the VPC tables (e.g. https://www.alibabacloud.com/help/doc-detail/69008.htm):
    "InvalidAccessKeyId.NotFound": { status: 404, message: "Specified access key is not found." },
    SignatureDoesNotMatch: { status: 400, message: "Specified signature is not matched with our calculation." },
    // Security token codes of the public error center (https://error-center.alibabacloud.com/status/product/Public);
    // [inferred] statuses and messages.
    MissingSecurityToken: { status: 400, message: "SecurityToken is mandatory for this action." },
    "InvalidSecurityToken.Expired": { status: 400, message: "Specified SecurityToken is expired." },
    "InvalidSecurityToken.MismatchWithAccessKey": { status: 400, message: "Specified SecurityToken mismatch with the AccessKey." },
    "InvalidSecurityToken.Malformed": { status: 400, message: "Specified SecurityToken is malformed." },
    // Code, status and message as the cloud answers them (fog/fog-aliyun#32, aliyun/aliyun-openapi-net-sdk#178).
    IncompleteSignature: { status: 400, message: "The request signature does not conform to Aliyun standards." },
    // [inferred] no source names these; the emulator needs an answer.
    "InvalidAction.NotFound": { status: 400, message: "Specified api is not found, please check your url and method." },
    "InvalidRegionId.NotFound": { status: 400, message: "The specified region does not exist." },
    "InvalidTimeStamp.Format": { status: 400, message: "Specified time stamp or date value is not well formatted." },
    DryRunOperation: { status: 400, message: "Request validation has been passed with DryRun flag set." },
};

/** The documented status of a code, else the one its family suggests, else 400. */
export function httpStatusFor(code: string): number {
    const known = KNOWN_ERRORS[code];
    if (known) {
        return known.status;
    }
    if (code.endsWith(".NotFound")) {
        return 404;
    }
    if (code.startsWith("Forbidden") || code.startsWith("Forbbiden")) {
        return 403;
    }
    return 400;
}

function defaultMessageFor(code: string): string {
    return KNOWN_ERRORS[code]?.message ?? `The request failed with error ${code}.`;
}

/** `Missing<Param>` [inferred: the API reference documents no code for an absent required parameter]. */
export function missingParameter(name: string): AliApiError {
    return new AliApiError(`Missing${name}`, `${name} is mandatory for this action.`, 400);
}

/**
 * `InvalidParameter` naming the parameter (or JSON key path, e.g. "IkeConfig.IkeEncAlg").
 * [inferred] the API reference documents no specific code for malformed values of these parameters.
 */
export function invalidParameter(name: string, reason: string): AliApiError {
    return new AliApiError("InvalidParameter", `The specified parameter "${name}" is not valid: ${reason}.`, 400);
}
