/**
 * What the plugin's RPCs answer, as plain values, and how a failed RPC reads: the gRPC status and,
 * for a partial failure, the decoded `pulumirpc.ErrorResourceInitFailed`.
 */
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
// google.rpc.Status ships with @pulumi/pulumi 3.248 (proto/status_pb.js); the plugin itself encodes with it.
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { fromStruct, PropertyMap } from "./propertyMap";

/** One validation failure returned by Check. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** Result of Check: the inputs to use (always containing `__provider`) and any failures. */
export interface CheckResult {
    inputs: PropertyMap;
    failures: CheckFailure[];
}

/** The wire's `DiffResponse.DiffChanges` as a word. */
export type DiffChanges = "unknown" | "none" | "some";

/** Result of Diff as the server encodes it (`stables` and detailed diffs are never set). */
export interface DiffResult {
    changes: DiffChanges;
    replaces: string[];
    deleteBeforeReplace: boolean;
    /** `DiffResponse.diffs`; the dynamic provider server never sets it, so normally absent. */
    changedKeys?: string[];
}

/** Result of Create. */
export interface CreateResult {
    id: string;
    properties: PropertyMap;
}

/** Result of Read; a blank `id` means the resource is gone. `inputs` only when the hook returned some. */
export interface ReadResult {
    id: string;
    properties: PropertyMap;
    inputs?: PropertyMap;
}

/** Result of Update. */
export interface UpdateResult {
    properties: PropertyMap;
}

/** Capabilities the plugin answered to Configure (all false for dynamic providers). */
export interface PluginCapabilities {
    acceptSecrets: boolean;
    supportsPreview: boolean;
    acceptResources: boolean;
    acceptOutputs: boolean;
}


/** The decoded `pulumirpc.ErrorResourceInitFailed` of a partial failure (resource created, not initialized). */
export interface InitFailure {
    id: string;
    properties: PropertyMap;
    reasons: string[];
}

const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";
const PLUGIN_RPC_ERROR_BRAND = Symbol.for("pulumi-ipsec/tests/PluginRpcError");

/** A failed RPC to the plugin, with the gRPC status and, for Create/Update partial failures, the init failure. */
export class PluginRpcError extends Error {
    /** True for any {@link PluginRpcError}, even one created by a second copy of this module. */
    static isInstance(e: unknown): e is PluginRpcError {
        return typeof e === "object" && e !== null && (e as any)[PLUGIN_RPC_ERROR_BRAND] === true;
    }

    readonly [PLUGIN_RPC_ERROR_BRAND] = true;
    override readonly name = "PluginRpcError";

    constructor(
        /** The RPC, e.g. "Create". */
        readonly method: string,
        /** The gRPC status code (`grpc.status`); hook errors arrive as UNKNOWN (2). */
        readonly grpcCode: number,
        /** The status details: the hook's error message. */
        readonly details: string,
        /** Present when the hook threw an error carrying `id` (packed as ErrorResourceInitFailed). */
        readonly initFailure?: InitFailure,
    ) {
        super(`${method} failed (${grpc.status[grpcCode] ?? grpcCode}): ${details}`);
    }
}

/** Converts a gRPC error, decoding `grpc-status-details-bin` for partial failures (ErrorResourceInitFailed). */
export function toPluginRpcError(method: string, err: grpc.ServiceError): PluginRpcError {
    let initFailure: InitFailure | undefined;
    const raw = err.metadata?.get("grpc-status-details-bin") ?? [];
    for (const value of raw) {
        if (typeof value === "string") {
            continue;
        }
        for (const any of Status.deserializeBinary(new Uint8Array(value)).getDetailsList()) {
            if (any.getTypeName() !== INIT_FAILED_TYPE) {
                continue;
            }
            const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
            initFailure = {
                id: detail.getId(),
                properties: fromStruct(detail.getProperties()),
                reasons: detail.getReasonsList(),
            };
        }
    }
    return new PluginRpcError(method, err.code, err.details ?? err.message, initFailure);
}
