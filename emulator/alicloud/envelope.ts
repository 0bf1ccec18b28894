/**
 * The Alibaba RPC envelope: success = 200 `{...body, RequestId}`, error = `{RequestId, HostId, Code, Message, Recommend}`.
 */
import type { EmulatorContext, EmulatorResponse } from "../core/types";
import { AliApiError } from "./errors";

/** What real responses carry as `HostId`; the emulator imitates the public endpoint. */
const HOST_ID = "vpc.aliyuncs.com";

/** Alibaba request ids are upper-case UUIDs. */
export function newAlicloudRequestId(ctx: EmulatorContext): string {
    return ctx.newRequestId().toUpperCase();
}

export function successResponse(requestId: string, body: Record<string, unknown>): EmulatorResponse {
    return { status: 200, json: { ...body, RequestId: requestId } };
}

export function errorResponse(requestId: string, error: AliApiError): EmulatorResponse {
    return {
        status: error.httpStatus,
        json: {
            RequestId: requestId,
            HostId: HOST_ID,
            Code: error.code,
            Message: error.message,
            Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Vpc`,
        },
    };
}
