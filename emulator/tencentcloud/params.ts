/**
 * Readers of API 3.0 request parameters: each checks one parameter's type and shape and names it by
 * its dotted path in the message, and in `detail.field`. Codes follow each action's list in
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go`; the common meanings
 * (https://cloud.tencent.com/document/product/1388/114322) decide the rest:
 * `InvalidParameter` = wrong type/shape, `InvalidParameterValue` = value not allowed,
 * `MissingParameter` = required parameter absent. Choices not documented per action are marked INFERRED.
 */
import { isIpv4, parseIpv4Cidr } from "../core/ipv4";
import { isJsonObject } from "../core/json";
import { TencentError, type ResourceKind } from "./errors";

/** A decoded JSON request body. */
export type Params = Record<string, unknown>;

const CONNECTION_ID = /^vpnx-[0-9a-z]{8}$/;

/** The JSON object body of an API 3.0 call (empty = `{}`), or the `InvalidParameter` message refusing it. */
export function decodeV3Body(body: string): Params | string {
    let params: unknown;
    try {
        params = body.trim() === "" ? {} : JSON.parse(body);
    } catch {
        return "The request body is not valid JSON.";
    }
    return isJsonObject(params) ? params : "The request body must be a JSON object.";
}

/** A parameter error naming the field by its dotted path, in the message and in `detail.field`. */
export function paramError(code: string, field: string, message: string): TencentError {
    return new TencentError(code, message, { field });
}

/** `MissingParameter` naming the field. */
export function missing(field: string): TencentError {
    return paramError("MissingParameter", field, `The request is missing a required parameter \`${field}\`.`);
}

/** `ResourceNotFound` naming the id (each action's codes). */
export function notFound(resource: ResourceKind, id: string): TencentError {
    return new TencentError("ResourceNotFound", `The resource \`${id}\` is not found.`, { resource });
}

/** `UnknownParameter` for a name the action does not define (INFERRED: a common code, not in the actions' lists). */
export function rejectUnknown(obj: Params, allowed: readonly string[], prefix = ""): void {
    for (const key of Object.keys(obj)) {
        if (!allowed.includes(key)) {
            throw paramError("UnknownParameter", prefix + key, `The parameter \`${prefix + key}\` is not recognized.`);
        }
    }
}

/** Optional string; wrong type is `InvalidParameter`. */
export function optString(obj: Params, key: string, path = key): string | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be a string.`);
    return v;
}

/** Required non-empty string: absent → `MissingParameter`, "" → `InvalidParameterValue.Empty`. */
export function reqString(obj: Params, key: string, path = key): string {
    const v = optString(obj, key, path);
    if (v === undefined) throw missing(path);
    if (v.trim() === "") throw paramError("InvalidParameterValue.Empty", path, `The parameter \`${path}\` must not be empty.`);
    return v;
}

/** Optional integer within `range` (out of range → `InvalidParameterValue.LimitExceeded`, as Modify lists it). */
export function optInt(obj: Params, key: string, path = key, range?: readonly [number, number]): number | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isInteger(v)) {
        throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be an integer.`);
    }
    if (range && (v < range[0] || v > range[1])) {
        throw paramError("InvalidParameterValue.LimitExceeded", path, `The parameter \`${path}\` must be between ${range[0]} and ${range[1]}, got ${v}.`);
    }
    return v;
}

/** Optional boolean; wrong type is `InvalidParameter`. */
export function optBool(obj: Params, key: string, path = key): boolean | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be a boolean.`);
    return v;
}

/** Optional enum member; not a member → `InvalidParameterValue`. */
export function optEnum(obj: Params, key: string, allowed: readonly string[], path = key): string | undefined {
    const v = optString(obj, key, path);
    if (v !== undefined && !allowed.includes(v)) {
        throw paramError("InvalidParameterValue", path, `The parameter \`${path}\` must be one of ${allowed.join(", ")}, got \`${v}\`.`);
    }
    return v;
}

/** Optional object; wrong type is `InvalidParameter`. */
export function optObject(obj: Params, key: string, path = key): Params | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (!isJsonObject(v)) throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be an object.`);
    return v;
}

/** Optional array; wrong type is `InvalidParameter`. */
export function optArray(obj: Params, key: string, path = key): unknown[] | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be an array.`);
    return v;
}

/** Optional IPv4 address; malformed is `InvalidParameterValue.Malformed`. */
export function optIpv4(obj: Params, key: string, path = key): string | undefined {
    const v = optString(obj, key, path);
    if (v !== undefined && !isIpv4(v)) {
        throw paramError("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` must be an IPv4 address, got \`${v}\`.`);
    }
    return v;
}

/** A CIDR block given at `path`: not a string is `InvalidParameter`, malformed is `InvalidParameterValue.Malformed`. */
export function cidrBlock(value: unknown, path: string): string {
    if (typeof value !== "string") throw paramError("InvalidParameter", path, `The parameter \`${path}\` must be a string.`);
    if (!parseIpv4Cidr(value)) throw paramError("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` is not a valid CIDR block: \`${value}\`.`);
    return value;
}

/** `InvalidParameterValue.Malformed` unless the id looks like `vpnx-xxxxxxxx` (Describe's and Delete's codes). */
export function assertConnectionId(id: string, path: string): void {
    if (!CONNECTION_ID.test(id)) {
        throw paramError("InvalidParameterValue.Malformed", path, `The parameter \`${path}\` is not a valid VPN connection id: \`${id}\`.`);
    }
}
