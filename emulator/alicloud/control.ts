/**
 * Out-of-band operations for drift tests, under `/__emu/alicloud/`: what a console user or another
 * tool would change behind the provider's back. They start no transition and count no API call.
 *
 *   GET            /connections/<id>          the connection as Describe shows it (PSK masked)
 *   PATCH | POST   /connections/<id>          deep-merge a partial connection in the API's response shape
 *   DELETE         /connections/<id>          remove at once
 *   POST           /gateways/<id>/busy {ms}   keep a gateway `updating` for ms
 *   GET | POST     /settings {statusKey?, clientTokensOutliveConnections?}
 *                                             key of the negotiation status: "Status" (default) or "status";
 *                                             whether a deleted connection's ClientToken still answers creates
 */
import { ControlRequestError, controlErrorResponse, jsonResponse } from "../core/http";
import { isJsonObject } from "../core/json";
import type { EmulatorResponse } from "../core/types";
import { EMPTY_BGP_CONFIG } from "./model";
import { controlTags, presentTags } from "./tags";
import type { ConnectionAttributes, ConnectionRecord } from "./model";
import { presentConnection } from "./presenter";
import type { StatusKey } from "./presenter";
import type { AlicloudStore } from "./store";

/** Front-end settings the control API can change (reset restores the defaults). */
export interface AlicloudFrontEndSettings {
    statusKey: StatusKey;
    /** A repeated create with a deleted connection's ClientToken returns that deleted connection. @default false */
    clientTokensOutliveConnections: boolean;
}

/** Attributes a console change cannot touch. */
const IMMUTABLE_KEYS = new Set(["VpnConnectionId", "VpnGatewayId", "CustomerGatewayId", "CreateTime", "State"]);

/** Answers a control call, or undefined when the path is not an Alibaba control route. */
export function handleAlicloudControl(
    method: string,
    subPath: string,
    body: unknown,
    store: AlicloudStore,
    settings: AlicloudFrontEndSettings,
): EmulatorResponse | undefined {
    try {
        return route(method, subPath.replace(/\/+$/, ""), body, store, settings);
    } catch (error) {
        if (error instanceof ControlRequestError) {
            return controlErrorResponse(error.status, error.code, error.message);
        }
        throw error;
    }
}

function route(method: string, path: string, body: unknown, store: AlicloudStore, settings: AlicloudFrontEndSettings): EmulatorResponse | undefined {
    const connection = /^\/connections\/([^/]+)$/.exec(path);
    if (connection) {
        const record = store.findConnection(connection[1]);
        if (!record) {
            throw new ControlRequestError(404, "NotFound", `no VPN connection ${connection[1]}`);
        }
        switch (method) {
            case "GET":
                return jsonResponse(200, maskedConnection(store, record, settings.statusKey));
            case "PATCH":
            case "POST":
                patchConnection(record, body);
                return jsonResponse(200, maskedConnection(store, record, settings.statusKey));
            case "DELETE":
                store.removeConnection(connection[1]);
                return jsonResponse(200, { deleted: connection[1] });
        }
        return undefined;
    }
    const busy = /^\/gateways\/([^/]+)\/busy$/.exec(path);
    if (busy && method === "POST") {
        if (!store.findGateway(busy[1])) {
            throw new ControlRequestError(404, "NotFound", `no VPN gateway ${busy[1]}`);
        }
        const ms = isJsonObject(body) ? body.ms : undefined;
        if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0) {
            throw new ControlRequestError(400, "InvalidBody", "`ms` must be an integer >= 0");
        }
        store.keepGatewayBusy(busy[1], ms);
        return jsonResponse(200, { VpnGatewayId: busy[1], Status: store.gatewayStatus(busy[1]) });
    }
    if (path === "/settings" && method === "GET") {
        return jsonResponse(200, { ...settings });
    }
    if (path === "/settings" && method === "POST") {
        const patch = isJsonObject(body) ? body : {};
        const { statusKey, clientTokensOutliveConnections } = patch;
        if (statusKey !== undefined && statusKey !== "status" && statusKey !== "Status") {
            throw new ControlRequestError(400, "InvalidBody", '`statusKey` must be "status" or "Status"');
        }
        if (clientTokensOutliveConnections !== undefined && typeof clientTokensOutliveConnections !== "boolean") {
            throw new ControlRequestError(400, "InvalidBody", "`clientTokensOutliveConnections` must be true or false");
        }
        if (statusKey !== undefined) settings.statusKey = statusKey;
        if (clientTokensOutliveConnections !== undefined) settings.clientTokensOutliveConnections = clientTokensOutliveConnections;
        return jsonResponse(200, { ...settings });
    }
    return undefined;
}

/** A connection as Describe shows it, PSK masked: control output ends up in test logs. */
export function maskedConnection(store: AlicloudStore, record: ConnectionRecord, statusKey: StatusKey): Record<string, unknown> {
    const view = presentConnection(store, record, statusKey);
    if (view.IkeConfig !== undefined) {
        (view.IkeConfig as { Psk: string }).Psk = "***";
    }
    // A dual-tunnel connection keeps one PSK per tunnel.
    const tunnels = (view.TunnelOptionsSpecification as { TunnelOptions: { TunnelIkeConfig: { Psk: string } }[] } | undefined)?.TunnelOptions ?? [];
    for (const tunnel of tunnels) tunnel.TunnelIkeConfig.Psk = "***";
    return { ...view, Tags: presentTags(record) };
}

/**
 * Deep-merges a partial connection (response shape) into the record. `status`/`Status` set the
 * negotiation status; unknown keys, immutable keys and type changes are refused (nothing is applied).
 */
function patchConnection(record: ConnectionRecord, patch: unknown): void {
    if (!isJsonObject(patch)) {
        throw new ControlRequestError(400, "InvalidBody", "body must be a partial connection object");
    }
    const { status, Status, Tags, ...attributes } = patch;
    // Tags in the Describe shape, `Tags: {Tag: [{Key, Value}]}`: they replace the connection's tags.
    const tags = Tags === undefined ? undefined : controlTags(Tags);
    const negotiation = Status ?? status;
    if (negotiation !== undefined && typeof negotiation !== "string") {
        throw new ControlRequestError(400, "InvalidBody", "`Status` must be a string");
    }
    // A connection that had no VpnBgpConfig may be patched one, starting from the empty shape.
    const template: Record<string, unknown> = { VpnBgpConfig: EMPTY_BGP_CONFIG, ...record.attributes };
    const merged = mergeChecked(template, attributes, "") as unknown as ConnectionAttributes;
    if (record.attributes.VpnBgpConfig === undefined && !("VpnBgpConfig" in attributes)) {
        delete merged.VpnBgpConfig;
    }
    record.attributes = merged;
    if (tags !== undefined) {
        record.tags = tags;
    }
    if (negotiation !== undefined) {
        record.negotiationStatusOverride = negotiation;
    }
}

/**
 * A list patched item by item (a dual-tunnel connection's `TunnelOptions`): the patch is a list of at most as
 * many partial items, `{}` leaving an item as it is; the list's length never changes.
 */
function mergeList(current: unknown[], patch: unknown, path: string): unknown[] {
    if (!Array.isArray(patch) || patch.length > current.length) {
        throw new ControlRequestError(400, "InvalidBody", `\`${path}\` must be a list of at most ${current.length} partial items`);
    }
    return current.map((item, i) => {
        if (i >= patch.length) return structuredClone(item);
        const value: unknown = patch[i];
        if (!isJsonObject(item) || !isJsonObject(value)) {
            throw new ControlRequestError(400, "InvalidBody", `\`${path}[${i}]\` must be an object`);
        }
        const fixed = ["TunnelId", "Role"].find((key) => key in value);
        if (fixed) {
            throw new ControlRequestError(400, "InvalidBody", `\`${path}[${i}].${fixed}\` cannot be changed out of band`);
        }
        return mergeChecked(item, value, `${path}[${i}]`);
    });
}

function mergeChecked(current: Record<string, unknown>, patch: Record<string, unknown>, path: string): Record<string, unknown> {
    const next: Record<string, unknown> = structuredClone(current);
    for (const [key, value] of Object.entries(patch)) {
        const keyPath = path === "" ? key : `${path}.${key}`;
        if (path === "" && IMMUTABLE_KEYS.has(key)) {
            throw new ControlRequestError(400, "InvalidBody", `\`${keyPath}\` cannot be changed out of band`);
        }
        if (!Object.prototype.hasOwnProperty.call(current, key)) {
            throw new ControlRequestError(400, "InvalidBody", `unknown connection attribute \`${keyPath}\``);
        }
        const existing = current[key];
        if (isJsonObject(existing)) {
            if (!isJsonObject(value)) {
                throw new ControlRequestError(400, "InvalidBody", `\`${keyPath}\` must be an object`);
            }
            next[key] = mergeChecked(existing, value, keyPath);
        } else if (Array.isArray(existing)) {
            next[key] = mergeList(existing, value, keyPath);
        } else if (typeof value !== typeof existing) {
            throw new ControlRequestError(400, "InvalidBody", `\`${keyPath}\` must be a ${typeof existing}`);
        } else {
            next[key] = value;
        }
    }
    return next;
}
