/**
 * Out-of-band ("console") changes to a stored connection, for drift tests: a partial connection in
 * API 3.0 shape deep-merged into the record. Nested objects merge, arrays and scalars replace; types
 * must match what is stored. No API rules apply: a console may set what the API would refuse.
 */
import { isJsonObject } from "../core/json";
import { cloneAttributes, type ConnectionAttributes } from "./model";
import type { ConnectionRecord, ConnectionOverrides } from "./store";

/** A patch the control API refuses (rendered as HTTP 400). */
export class DriftPatchError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "DriftPatchError";
    }
}

/** Rendered fields a console cannot change. */
const READ_ONLY = new Set(["VpnConnectionId", "CreatedTime", "VpnProto", "EncryptProto", "IPSECOptionsSpecification.EncapMode", "IPSECOptionsSpecification.SecurityProto"]);
/** Computed fields whose patched value is shown instead of the computed one; null clears it. */
const OVERRIDES: readonly (keyof ConnectionOverrides)[] = ["State", "NetStatus", "HealthCheckStatus"];
/** Objects that may be absent (null) on a connection. */
const NULLABLE = new Set(["BgpConfig", "HealthCheckConfig"]);
/** Objects whose members are optional, so a patch may add members. */
const OPEN_OBJECTS = new Set(["HealthCheckConfig"]);

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>, prefix: string): void {
    for (const [rawKey, value] of Object.entries(patch)) {
        // The rendered connection shows IntegrityAlgorith (sic) and IntegrityAlgorithm; both set one value.
        const key = prefix === "IPSECOptionsSpecification." && rawKey === "IntegrityAlgorith" ? "IntegrityAlgorithm" : rawKey;
        const path = prefix + rawKey;
        if (READ_ONLY.has(path)) throw new DriftPatchError(`\`${path}\` is read-only`);
        if (!(key in target) && !OPEN_OBJECTS.has(prefix.slice(0, -1))) throw new DriftPatchError(`\`${path}\` is not a connection field`);
        const current = target[key];
        if (value === null) {
            if (!NULLABLE.has(path)) throw new DriftPatchError(`\`${path}\` cannot be null`);
            target[key] = null;
        } else if (isJsonObject(current) && isJsonObject(value)) {
            mergeInto(current, value, `${path}.`);
        } else if (current === null && NULLABLE.has(path) && isJsonObject(value)) {
            target[key] = value;
        } else if (current !== undefined && (Array.isArray(current) !== Array.isArray(value) || typeof current !== typeof value)) {
            throw new DriftPatchError(`\`${path}\` must be ${Array.isArray(current) ? "an array" : `a ${typeof current}`}`);
        } else {
            target[key] = value;
        }
    }
}

/**
 * Applies a patch to a record, all or nothing.
 * @throws DriftPatchError naming the offending field.
 */
export function applyConnectionPatch(record: ConnectionRecord, patch: unknown): void {
    if (!isJsonObject(patch)) throw new DriftPatchError("the patch must be a JSON object");
    const rest: Record<string, unknown> = {};
    const overrides: ConnectionOverrides = { ...record.overrides };
    for (const [key, value] of Object.entries(patch)) {
        if ((OVERRIDES as readonly string[]).includes(key)) {
            if (value !== null && typeof value !== "string") throw new DriftPatchError(`\`${key}\` must be a string or null`);
            if (value === null) delete overrides[key as keyof ConnectionOverrides];
            else overrides[key as keyof ConnectionOverrides] = value;
        } else {
            rest[key] = value;
        }
    }
    const attrs = cloneAttributes(record.attrs) as unknown as Record<string, unknown>;
    mergeInto(attrs, rest, "");
    record.attrs = attrs as unknown as ConnectionAttributes;
    record.overrides = overrides;
}
