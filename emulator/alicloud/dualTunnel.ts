/**
 * Tunnels of dual-tunnel IPsec connections in the store's (API response) shape: building them on create,
 * applying a modify addressed by `TunnelId`, and presenting them as DescribeVpnConnection(s) returns them
 * (`TunnelOptionsSpecification.TunnelOptions`, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpnconnection-vpns).
 */
import { invalidParameter } from "./errors";
import { ALICLOUD_TUNNEL_ZONES } from "./fixtures";
import type { ConnectionAttributes, CustomerGatewayRecord, TunnelOptionView, VpnGatewayRecord } from "./model";
import type { TunnelInput } from "./tunnels";
import { TUNNEL_OPTIONS } from "./tunnels";
import { applyTunnelBgp } from "./tunnelBgp";

/** True for a gateway in dual-tunnel mode (it has a second public IP). */
export function isDualTunnelGateway(gateway: VpnGatewayRecord): boolean {
    return gateway.DisasterRecoveryInternetIp !== undefined;
}

/** True for a connection made of two tunnels. */
export function isDualTunnelConnection(attributes: ConnectionAttributes): boolean {
    return attributes.TunnelOptionsSpecification !== undefined;
}

/**
 * A new tunnel with the documented defaults of the single-tunnel blocks (CreateVpnConnection): the master
 * uses the gateway's `InternetIp`, the slave its `DisasterRecoveryInternetIp`; LocalId defaults to that IP
 * and RemoteId to the customer gateway's; EnableDpd and EnableNatTraversal default to true.
 */
export function newTunnel(
    input: TunnelInput,
    gateway: VpnGatewayRecord,
    customerGateway: CustomerGatewayRecord,
    ids: { tunnelId: string; psk: string },
): TunnelOptionView {
    const role = input.role!;
    const internetIp = role === "master" ? gateway.InternetIp : gateway.DisasterRecoveryInternetIp!;
    const base: TunnelOptionView = {
        TunnelId: ids.tunnelId,
        Role: role,
        CustomerGatewayId: customerGateway.CustomerGatewayId,
        EnableDpd: "true",
        EnableNatTraversal: "true",
        InternetIp: internetIp,
        ZoneNo: ALICLOUD_TUNNEL_ZONES[role],
        RemoteCaCertificate: "",
        TunnelIkeConfig: {
            IkeEncAlg: "aes",
            IkePfs: "group2",
            RemoteId: customerGateway.IpAddress,
            IkeAuthAlg: "md5",
            Psk: ids.psk,
            IkeMode: "main",
            IkeLifetime: "86400",
            IkeVersion: "ikev1",
            LocalId: internetIp,
        },
        TunnelIpsecConfig: { IpsecLifetime: "86400", IpsecAuthAlg: "md5", IpsecPfs: "group2", IpsecEncAlg: "aes" },
    };
    return applyTunnelSettings(base, input);
}

/** A copy of `tunnel` with the given settings; numbers and switches stored as the strings Describe returns. */
export function applyTunnelSettings(tunnel: TunnelOptionView, input: TunnelInput): TunnelOptionView {
    const next = structuredClone(tunnel);
    if (input.customerGatewayId !== undefined) next.CustomerGatewayId = input.customerGatewayId;
    if (input.enableDpd !== undefined) next.EnableDpd = input.enableDpd ? "true" : "false";
    if (input.enableNatTraversal !== undefined) next.EnableNatTraversal = input.enableNatTraversal ? "true" : "false";
    if (input.remoteCaCertificate !== undefined) next.RemoteCaCertificate = input.remoteCaCertificate;
    const { IkeLifetime, ...ike } = input.ikeConfig ?? {};
    next.TunnelIkeConfig = { ...next.TunnelIkeConfig, ...ike, ...(IkeLifetime === undefined ? {} : { IkeLifetime: String(IkeLifetime) }) };
    const { IpsecLifetime, ...ipsec } = input.ipsecConfig ?? {};
    next.TunnelIpsecConfig = { ...next.TunnelIpsecConfig, ...ipsec, ...(IpsecLifetime === undefined ? {} : { IpsecLifetime: String(IpsecLifetime) }) };
    return applyTunnelBgp(next, input.bgpConfig);
}

/**
 * The connection's tunnels after a modify: each given tunnel names one of the connection's by `TunnelId`
 * (ModifyVpnConnectionAttribute, https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute);
 * a given `Role` must be that tunnel's. Modify's tunnel entries have no `CustomerGatewayId` (the request
 * model `ModifyVpnConnectionAttributeRequestTunnelOptionsSpecification` of aliyun/alibabacloud-typescript-sdk
 * `vpc-20160428`, generated from the API's metadata, lists EnableDpd, EnableNatTraversal, RemoteCaCertificate,
 * Role, TunnelBgpConfig, TunnelId, TunnelIkeConfig and TunnelIpsecConfig), so it is refused: a tunnel's
 * customer gateway is fixed at creation. Tunnels not given keep their settings. Codes [inferred].
 */
export function modifiedTunnels(current: readonly TunnelOptionView[], inputs: readonly TunnelInput[]): TunnelOptionView[] {
    const next = current.map((t) => structuredClone(t));
    const seen = new Set<string>();
    for (const input of inputs) {
        const prefix = `${TUNNEL_OPTIONS}.${input.index}`;
        if (input.tunnelId === undefined) {
            throw invalidParameter(`${prefix}.TunnelId`, "is required: a modify addresses each tunnel by its TunnelId");
        }
        const at = next.findIndex((t) => t.TunnelId === input.tunnelId);
        if (at < 0) {
            throw invalidParameter(`${prefix}.TunnelId`, "names no tunnel of this connection");
        }
        if (seen.has(input.tunnelId)) {
            throw invalidParameter(`${prefix}.TunnelId`, "names the same tunnel twice");
        }
        seen.add(input.tunnelId);
        if (input.customerGatewayId !== undefined) {
            throw invalidParameter(`${prefix}.CustomerGatewayId`, "cannot be modified: a tunnel's customer gateway is set when the connection is created");
        }
        if (input.role !== undefined && input.role !== next[at].Role) {
            throw invalidParameter(`${prefix}.Role`, `must be the tunnel's role (${next[at].Role}); a modify cannot swap roles`);
        }
        next[at] = applyTunnelSettings(next[at], input);
    }
    return next;
}

/** Top-level keys of the single-tunnel settings, which a dual-tunnel connection keeps per tunnel instead ([inferred]: not returned). */
const SINGLE_TUNNEL_KEYS = ["CustomerGatewayId", "IkeConfig", "IpsecConfig", "VcoHealthCheck", "VpnBgpConfig", "EnableDpd", "EnableNatTraversal"] as const;

/**
 * A dual-tunnel connection's attributes as returned: without the single-tunnel keys, and each tunnel with its
 * `State` (`active`, or `updating` while the connection changes [inferred]) and negotiation `Status`
 * (`tunnelStatuses`, index-aligned with the tunnels).
 */
export function presentDualTunnel(attributes: ConnectionAttributes, connectionState: string, tunnelStatuses: readonly string[]): Record<string, unknown> {
    const copy: Record<string, unknown> = structuredClone(attributes) as unknown as Record<string, unknown>;
    for (const key of SINGLE_TUNNEL_KEYS) delete copy[key];
    const tunnels = attributes.TunnelOptionsSpecification!.TunnelOptions.map((t, i) => ({
        ...structuredClone(t),
        State: connectionState === "active" ? "active" : "updating",
        Status: tunnelStatuses[i],
    }));
    copy.TunnelOptionsSpecification = { TunnelOptions: tunnels };
    return copy;
}
