/**
 * The one error type of the Tencent front end: a cloud error code plus what it is about, so the
 * API 2.0 layer can re-express an API 3.0 rule failure in its own codes and parameter names.
 */

/** Which resource a "not found" or state error is about (drives the API 2.0 code choice). */
export type ResourceKind = "vpc" | "vpnGateway" | "customerGateway" | "vpnConnection" | "task";

/** A cloud error raised by validation or the store; the front end turns it into an envelope. */
export class TencentError extends Error {
    /**
     * @param code API 3.0 error code, e.g. `InvalidParameterValue.TooLong`.
     * @param message Human text; names the offending field in backticks.
     * @param detail `field` = dotted 3.0 parameter path; `resource` = the resource kind concerned.
     */
    constructor(
        readonly code: string,
        message: string,
        readonly detail: { field?: string; resource?: ResourceKind } = {},
    ) {
        super(message);
        this.name = "TencentError";
    }
}

/** Type guard that also works across duplicate module copies (brand on the name). */
export function isTencentError(e: unknown): e is TencentError {
    return e instanceof Error && e.name === "TencentError" && typeof (e as TencentError).code === "string";
}
