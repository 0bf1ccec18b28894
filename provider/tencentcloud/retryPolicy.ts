/**
 * What Tencent Cloud calls transient, as data (the VPC error codes, TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go` and
 * `errors.go`; API 2.0's, https://cloud.tencent.com/doc/api/245/4924; and what the Terraform provider
 * retries, and why, `tencentcloud/common/common.go` RetryError), and the one retry loop both API generations share.
 */
import { CloudApiError } from "../core/errors";
import { classifyCode, ErrorClass, RetryTable, withRetry } from "../core/retry";
import { Timing } from "../core/timing";

/**
 * Retried on every call: the request was refused before the cloud changed anything. The Terraform
 * provider retries a code whose family (the part before the first `.`) is listed, so
 * `ResourceInUse.*` and `ResourceBusy.*` go by family here too (tencentcloudstack/terraform-provider-tencentcloud
 * `tencentcloud/common/common.go` RetryError). `ResourceUnavailable` stays exact: its sub-codes include
 * `ResourceUnavailable.ServiceWhiteListNotAdded`, which no wait fixes. Meanings from the VPC error
 * codes (TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/errors.go`).
 */
export const TENCENT_RETRY_TABLE: RetryTable = {
    // LimitExceeded.ActionLimited: "接口请求次数超过限频" (requests over the action's rate limit);
    // HttpError.429: a proxy's "Too Many Requests" without the API's envelope.
    throttling: ["RequestLimitExceeded", "RequestLimitExceeded.*", "LimitExceeded.ActionLimited", "HttpError.429"],
    busy: [
        "ResourceInUse",
        "ResourceInUse.*",
        "ResourceBusy",
        "ResourceBusy.*",
        "ResourceUnavailable",
        "InvalidParameter.ActionInProgress",
        // Terraform's list; and "互斥的任务正在执行" (a mutually exclusive task is running).
        "OperationDenied.InstanceStatusLimitError",
        "OperationDenied.MutexTaskRunning",
        // "先前的幂等请求仍在处理中，请稍后重试" (the earlier request is still being processed, retry later).
        "UnsupportedOperation.IdempotentProcessing",
        // The connection or its gateway is creating/updating/deleting (DeleteVpnConnection's and ModifyVpnConnectionAttribute's codes).
        "UnsupportedOperation.InvalidState",
        "UnsupportedOperation.DeleteVpnConnInvalidState",
        "UnsupportedOperation.MutexOperationTaskRunning",
        "UnsupportedOperation.VpnConnInvalidState",
        // API 2.0: "resource being operated on, wait" (https://cloud.tencent.com/doc/api/245/4924) and DeleteVpnConn's state error.
        "ActionLocked",
        "InvalidVpnConnState",
    ],
    // Transport failures (no usable answer): the request may or may not have been carried out.
    server: ["HttpError.5*", "HttpError.InvalidResponse", "ServiceUnavailable", "ClientError.NetworkError"],
};

/**
 * Read-only calls also retry `InternalError`. The Terraform provider never retries it ("retry won't
 * fix anything", `tencentcloud/common/common.go` RetryError), which is right for a write whose effect is unknown; a describe
 * changes nothing, and `InternalError.ModuleError` is a documented describe failure (DescribeVpnConnections' codes in `client.go`), so a
 * bounded retry costs nothing and rides out a backend hiccup during a refresh.
 */
export const TENCENT_READ_RETRY_TABLE: RetryTable = {
    ...TENCENT_RETRY_TABLE,
    server: [...TENCENT_RETRY_TABLE.server, "InternalError", "InternalError.*"],
};

/**
 * How a call may be retried:
 * - `read`: describes; everything transient, InternalError included;
 * - `write`: modify/delete, idempotent by nature (same values again; a repeated delete is "not found");
 * - `create`: not idempotent — only refusals are retried; a network or server failure may have
 *   created the connection, so the create hook looks it up before trying again.
 */
export type CallKind = "read" | "write" | "create";

/** Classifies an error for a call of the given kind; anything that is not a CloudApiError is fatal. */
export function classifyTencentError(error: unknown, kind: CallKind): ErrorClass {
    if (!(error instanceof CloudApiError)) return "fatal";
    const errorClass = classifyCode(error.code, kind === "read" ? TENCENT_READ_RETRY_TABLE : TENCENT_RETRY_TABLE);
    if (kind === "create" && isAmbiguous(errorClass)) return "fatal";
    return errorClass;
}

/** True for failures after which the cloud may or may not have carried the request out. */
export function isAmbiguous(errorClass: ErrorClass): boolean {
    return errorClass === "network" || errorClass === "server";
}

/** True when `error` left it unknown whether a write took effect. */
export function isAmbiguousFailure(error: unknown): boolean {
    return error instanceof CloudApiError && isAmbiguous(classifyCode(error.code, TENCENT_RETRY_TABLE));
}

/** True when `error` is a cloud error with one of `codes` (e.g. the "not found" codes that mean gone). */
export function isCloudCode(error: unknown, codes: readonly string[]): boolean {
    return error instanceof CloudApiError && error.code !== undefined && codes.includes(error.code);
}

/** One cloud call as the hooks describe it. */
export interface TencentCall {
    action: string;
    params: Record<string, unknown>;
    /** Absolute deadline for this call, retries included. */
    deadline: number;
    /** @default "read" for `Describe*` actions, else "write" */
    kind?: CallKind;
}

/** The kind a call has when it does not say: describes are reads, everything else a write. */
export function callKindOf(call: TencentCall): CallKind {
    return call.kind ?? (call.action.startsWith("Describe") ? "read" : "write");
}

/**
 * Runs `send` (one attempt, already throwing CloudApiError) under the project's retry loop with the
 * Tencent table for the call's kind.
 */
export function retryTencentCall<T>(call: TencentCall, timing: Timing, send: () => Promise<T>): Promise<T> {
    const kind = callKindOf(call);
    return withRetry(send, {
        deadline: call.deadline,
        action: call.action,
        classify: (error) => classifyTencentError(error, kind),
        minDelayMs: timing.minDelayMs,
        maxDelayMs: timing.maxDelayMs,
    });
}
