/**
 * What the Alibaba action handlers share: their parameter and environment types, the generated PSK's
 * form, and the checks and answers common to single- and dual-tunnel connections.
 */
import type { EmulatorContext } from "../core/types";
import { AliApiError } from "./errors";
import type { ConnectionAttributes, ConnectionRecord } from "./model";
import type { StatusKey } from "./presenter";
import type { AlicloudStore } from "./store";

export type RawParams = Readonly<Record<string, string>>;

/** What a handler may use. */
export interface ActionEnv {
    ctx: EmulatorContext;
    store: AlicloudStore;
    /** Key under which connections carry their negotiation status. */
    statusKey: StatusKey;
    /** A ClientToken stays bound to its connection after deletion (see AlicloudStore.findRetiredClientToken). */
    clientTokensOutliveConnections: boolean;
}

export type ActionHandler = (params: RawParams, env: ActionEnv) => Record<string, unknown>;

/**
 * Length and alphabet of a server-generated PSK: random when omitted, 16 characters as
 * ModifyVpnConnectionAttribute documents it (https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute).
 */
export const GENERATED_PSK_LENGTH = 16;
export const GENERATED_PSK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function createdBody(attributes: ConnectionAttributes): Record<string, unknown> {
    return { VpnConnectionId: attributes.VpnConnectionId, CreateTime: attributes.CreateTime, Name: attributes.Name };
}

/**
 * Mutations must not overlap on one gateway: creates and deletes are asynchronous and may not run
 * concurrently on one VPN gateway (https://alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-deletevpnconnection).
 */
export function ensureGatewayIdle(store: AlicloudStore, gatewayId: string): void {
    if (store.gatewayStatus(gatewayId) === "updating") {
        throw new AliApiError("VpnGateway.Configuring");
    }
}

/** A connection that exists and is not being deleted. */
export function findLiveConnection(store: AlicloudStore, id: string): ConnectionRecord {
    const record = store.findConnection(id);
    if (!record || store.isDeleting(record)) {
        throw new AliApiError("InvalidVpnConnectionInstanceId.NotFound");
    }
    return record;
}
