/**
 * The in-memory Alibaba VPC model: VPN gateways, customer gateways, IPsec connections and client tokens.
 *
 * Changes are asynchronous as in the real API: after a create/modify/delete the connection is
 * transitional and its gateway `updating` for `settings.transitionMs`. Nothing runs on timers:
 * every read first settles transitions whose time has come on the emulator clock (`ctx.now()`).
 */
import { randomBytes } from "crypto";
import { RecordIndex } from "../core/recordIndex";
import type { EmulatorContext } from "../core/types";
import {
    ALICLOUD_CUSTOMER_GATEWAYS,
    ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS,
    ALICLOUD_PEERING_CUSTOMER_GATEWAYS,
    ALICLOUD_PEERING_VPN_GATEWAYS,
    ALICLOUD_VPN_GATEWAYS,
} from "./fixtures";
import type { ConnectionAttributes, ConnectionRecord, CustomerGatewayRecord, PendingTransition, VpnGatewayRecord } from "./model";

/** Lifecycle `State` values the emulator uses, from the documented set (active|init|updating|…). */
export type ConnectionState = "init" | "updating" | "active";

/** Negotiation status once a connection settled, and while it is being created. */
const NEGOTIATED = "ipsec_sa_established";
const NOT_NEGOTIATED = "ike_sa_not_established";

/** How far each status gets, to pick a dual-tunnel connection's overall status from its tunnels'. */
const STATUS_RANK: readonly string[] = [NOT_NEGOTIATED, "ipsec_sa_not_established", NEGOTIATED];

/**
 * The negotiated status of each of a connection's tunnels (one entry for a single-tunnel connection), or
 * undefined for a tunnel that has no peer to negotiate with (it keeps the stand-alone rule); see ./peering.
 */
export type TunnelNegotiator = (record: ConnectionRecord) => (string | undefined)[];

interface GatewayEntry {
    record: VpnGatewayRecord;
    /** Emulator-clock ms until which the gateway is `updating`. */
    busyUntil: number;
}

export class AlicloudStore {
    private gateways = new Map<string, GatewayEntry>();
    private customerGateways = new Map<string, CustomerGatewayRecord>();
    /** By id and by VPN gateway, in creation order, so lists come out oldest first. */
    private connections = newConnectionIndex();
    private clientTokens = new Map<string, string>();
    /** Tokens of deleted connections, with what a create answered; see {@link findRetiredClientToken}. */
    private retiredTokens = new Map<string, ConnectionAttributes>();
    private negotiator?: TunnelNegotiator;

    constructor(private readonly ctx: EmulatorContext) {
        this.reset();
    }

    /** Drops every connection and token; gateways back to the fixtures, all `active`. */
    reset(): void {
        this.gateways = new Map([...ALICLOUD_VPN_GATEWAYS, ...ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS, ...ALICLOUD_PEERING_VPN_GATEWAYS].map((g) => [g.VpnGatewayId, { record: { ...g }, busyUntil: 0 }]));
        this.customerGateways = new Map([...ALICLOUD_CUSTOMER_GATEWAYS, ...ALICLOUD_PEERING_CUSTOMER_GATEWAYS].map((c) => [c.CustomerGatewayId, { ...c }]));
        this.connections = newConnectionIndex();
        this.clientTokens = new Map();
        this.retiredTokens = new Map();
    }

    // ---- gateways -----------------------------------------------------------------------------

    findGateway(id: string): VpnGatewayRecord | undefined {
        return this.gateways.get(id)?.record;
    }

    listGateways(): VpnGatewayRecord[] {
        return [...this.gateways.values()].map((g) => g.record);
    }

    /** `updating` while a change on the gateway settles (or a control call keeps it busy), else `active`. */
    gatewayStatus(id: string): "updating" | "active" {
        const entry = this.gateways.get(id);
        return entry && entry.busyUntil > this.ctx.now() ? "updating" : "active";
    }

    /** Keeps the gateway `updating` for at least `ms` from now. */
    keepGatewayBusy(id: string, ms: number): void {
        const entry = this.gateways.get(id);
        if (entry) {
            entry.busyUntil = Math.max(entry.busyUntil, this.ctx.now() + ms);
        }
    }

    findCustomerGateway(id: string): CustomerGatewayRecord | undefined {
        return this.customerGateways.get(id);
    }

    listCustomerGateways(): CustomerGatewayRecord[] {
        return [...this.customerGateways.values()];
    }

    // ---- connections --------------------------------------------------------------------------

    /** A connection that still exists (possibly still being deleted). */
    findConnection(id: string): ConnectionRecord | undefined {
        this.settle();
        return this.connections.get(id);
    }

    listConnections(): ConnectionRecord[] {
        this.settle();
        return this.connections.all();
    }

    /** Connections attached to a gateway, oldest first, counting ones still being deleted. */
    connectionsOn(gatewayId: string): ConnectionRecord[] {
        this.settle();
        return this.connections.group(gatewayId);
    }

    /** Connections attached to a gateway, counting ones still being deleted (they hold their slot). */
    countConnectionsOn(gatewayId: string): number {
        this.settle();
        return this.connections.groupSize(gatewayId);
    }

    /** Creation rank, to list connections picked by id in the order a full listing has. */
    rank(record: ConnectionRecord): number {
        return this.connections.rank(record);
    }

    /** The connection created with `token`, while it exists. */
    findByClientToken(token: string): ConnectionRecord | undefined {
        this.settle();
        const id = this.clientTokens.get(token);
        return id === undefined ? undefined : this.connections.get(id);
    }

    /**
     * The connection a token created before it was deleted. The documents do not say how long a
     * ClientToken stays bound; a cloud that keeps it past the deletion would answer a repeated create
     * with the deleted connection (the `clientTokensOutliveConnections` setting models that).
     */
    findRetiredClientToken(token: string): ConnectionAttributes | undefined {
        this.settle();
        return this.retiredTokens.get(token);
    }

    /** A fresh id shaped like real ones (`vco-` + 21 lower-case alphanumerics). */
    newConnectionId(): string {
        let id: string;
        do {
            id = `vco-emu${randomAlphanumeric(18)}`;
        } while (this.connections.has(id));
        return id;
    }

    /** Stores a new connection: `init` and its gateway `updating` for the transition time. */
    addConnection(record: ConnectionRecord): void {
        this.connections.add(record);
        if (record.clientToken !== undefined) {
            this.clientTokens.set(record.clientToken, record.attributes.VpnConnectionId);
        }
        this.beginTransition(record, "create");
    }

    /** Marks an API modification: `updating` and its gateway `updating` for the transition time. */
    recordModification(record: ConnectionRecord): void {
        this.beginTransition(record, "update");
    }

    /** Starts an API deletion: the connection stays listed until the transition ends, then is gone. */
    beginDeletion(record: ConnectionRecord): void {
        this.beginTransition(record, "delete");
    }

    /** True while a deletion of the connection is settling. */
    isDeleting(record: ConnectionRecord): boolean {
        return record.pending?.kind === "delete";
    }

    /** Out-of-band removal (console or another tool): gone at once, its client token free again. */
    removeConnection(id: string): boolean {
        const record = this.connections.get(id);
        if (!record) {
            return false;
        }
        this.forget(record);
        return true;
    }

    /** Lifecycle `State`: `init` while being created, `updating` while modified or deleted, then `active`. */
    connectionState(record: ConnectionRecord): ConnectionState {
        const pending = this.activePending(record);
        if (!pending) {
            return "active";
        }
        // The documented State list (DescribeVpnConnection) has no "deleting"; a deletion shows as "updating" until the connection is gone.
        return pending.kind === "create" ? "init" : "updating";
    }

    /** Negotiates connections that have a peer (peering pairs) when their status is rendered. */
    setNegotiator(negotiator: TunnelNegotiator): void {
        this.negotiator = negotiator;
    }

    /**
     * Negotiation status (`Status`/`status`). An out-of-band override wins; a connection with a peer shows what
     * its negotiation reached (a dual-tunnel one: the furthest of its tunnels, [inferred]); any other is not
     * established while being created, then established.
     */
    negotiationStatus(record: ConnectionRecord): string {
        const statuses = this.tunnelStatuses(record);
        return statuses.reduce((best, status) => (STATUS_RANK.indexOf(status) > STATUS_RANK.indexOf(best) ? status : best));
    }

    /** The status of each tunnel (one for a single-tunnel connection), by the rules of {@link negotiationStatus}. */
    tunnelStatuses(record: ConnectionRecord): string[] {
        const count = record.attributes.TunnelOptionsSpecification?.TunnelOptions.length ?? 1;
        if (record.negotiationStatusOverride !== undefined) {
            return Array<string>(count).fill(record.negotiationStatusOverride);
        }
        const standAlone = this.activePending(record)?.kind === "create" ? NOT_NEGOTIATED : NEGOTIATED;
        const negotiated = this.negotiator?.(record) ?? [];
        return Array.from({ length: count }, (_, i) => negotiated[i] ?? standAlone);
    }

    private beginTransition(record: ConnectionRecord, kind: PendingTransition["kind"]): void {
        const ms = this.ctx.settings.transitionMs;
        record.pending = { kind, until: this.ctx.now() + ms };
        this.connections.due(record, record.pending.until);
        this.keepGatewayBusy(record.attributes.VpnGatewayId, ms);
    }

    private activePending(record: ConnectionRecord): PendingTransition | undefined {
        return record.pending && record.pending.until > this.ctx.now() ? record.pending : undefined;
    }

    /** Applies every transition whose time has come: finished deletions disappear, others settle. */
    private settle(): void {
        for (const record of this.connections.takeDue(this.ctx.now())) {
            if (!record.pending) {
                continue;
            }
            if (record.pending.kind === "delete") {
                this.forget(record);
            } else {
                record.pending = undefined;
            }
        }
    }

    private forget(record: ConnectionRecord): void {
        this.connections.delete(record);
        if (record.clientToken !== undefined) {
            this.clientTokens.delete(record.clientToken);
            this.retiredTokens.set(record.clientToken, record.attributes);
        }
    }
}

function newConnectionIndex(): RecordIndex<ConnectionRecord> {
    return new RecordIndex<ConnectionRecord>((c) => c.attributes.VpnConnectionId, (c) => [c.attributes.VpnGatewayId]);
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Random lower-case alphanumerics (ids and generated PSKs use different alphabets; see actions). */
export function randomAlphanumeric(length: number, alphabet: string = ALPHANUMERIC): string {
    return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}
