/**
 * The Alibaba RPC envelope: success = 200 `{...body, RequestId}`, error = `{RequestId, HostId, Code, Message, Recommend}`.
 */
import type { EmulatorContext, EmulatorResponse } from "../core/types";
import { AliApiError } from "./errors";

/** The service an error comes from: what real responses carry as `HostId` (the public endpoint) and the `product` of `Recommend`. */
export interface ErrorSource {
    hostId: string;
    product: string;
}

/** The VPC API's public endpoint. */
export const VPC_SOURCE: ErrorSource = { hostId: "vpc.aliyuncs.com", product: "Vpc" };

/** Alibaba request ids are upper-case UUIDs. */
export function newAlicloudRequestId(ctx: EmulatorContext): string {
    return ctx.newRequestId().toUpperCase();
}

export function successResponse(requestId: string, body: Record<string, unknown>): EmulatorResponse {
    return { status: 200, json: { ...body, RequestId: requestId } };
}

export function errorResponse(requestId: string, error: AliApiError, source: ErrorSource = VPC_SOURCE): EmulatorResponse {
    return {
        status: error.httpStatus,
        json: {
            RequestId: requestId,
            HostId: source.hostId,
            Code: error.code,
            Message: error.message,
            Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${source.product}`,
        },
    };
}
