/**
 * BGP on the tunnels of dual-tunnel IPsec connections: each tunnel's `TunnelBgpConfig` (`LocalAsn`,
 * `TunnelCidr`, `LocalBgpIp`, the keys of the single-tunnel `BgpConfig` without `EnableBgp`) and the
 * connection's `EnableTunnelsBgp`, which switches BGP on both tunnels (CreateVpnConnection,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns;
 * ModifyVpnConnectionAttribute, https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute).
 * Describe returns each tunnel's block with `PeerAsn`, `PeerBgpIp` and `BgpStatus`, all strings
 * (aliyun/alibabacloud-typescript-sdk `vpc-20160428`
 * `DescribeVpnConnectionResponseBodyTunnelOptionsSpecificationTunnelOptionsTunnelBgpConfig`; BgpStatus
 * `success` or `false`). The peer is derived as for a single-tunnel connection (./bgp `withPeer`).
 */
import { cidrContains, parseIpv4, parseIpv4Cidr } from "../core/ipv4";
import { withPeer } from "./bgp";
import { invalidParameter } from "./errors";
import { EMPTY_BGP_CONFIG } from "./model";
import type { ConnectionRecord, TunnelBgpConfigView, TunnelOptionView } from "./model";
import { BGP_CONFIG_RULES } from "./validation";
import type { BgpConfigInput } from "./validation";

/** One tunnel's TunnelBgpConfig keys as given. */
export type TunnelBgpInput = Omit<BgpConfigInput, "EnableBgp">;

/** TunnelBgpConfig keys and their rules: the BgpConfig rules (ASN range, reserved /30 blocks). */
export const TUNNEL_BGP_RULES = {
    LocalAsn: BGP_CONFIG_RULES.LocalAsn,
    TunnelCidr: BGP_CONFIG_RULES.TunnelCidr,
    LocalBgpIp: BGP_CONFIG_RULES.LocalBgpIp,
} as const;

/** `tunnel` with its TunnelBgpConfig keys applied over the current ones (LocalAsn 45104 when first configured). */
export function applyTunnelBgp(tunnel: TunnelOptionView, input: TunnelBgpInput | undefined): TunnelOptionView {
    if (input === undefined) return tunnel;
    const base = tunnel.TunnelBgpConfig ?? { LocalAsn: String(EMPTY_BGP_CONFIG.LocalAsn), TunnelCidr: "", LocalBgpIp: "", PeerAsn: "", PeerBgpIp: "", BgpStatus: "false" };
    const next: TunnelBgpConfigView = { ...base };
    if (input.LocalAsn !== undefined) next.LocalAsn = String(input.LocalAsn);
    if (input.TunnelCidr !== undefined) next.TunnelCidr = input.TunnelCidr;
    if (input.LocalBgpIp !== undefined) next.LocalBgpIp = input.LocalBgpIp;
    return { ...tunnel, TunnelBgpConfig: next };
}

/** A tunnel's LocalBgpIp must lie inside its TunnelCidr (as BgpConfig's); checked on the merged block. Code [inferred]. */
export function checkTunnelBgp(tunnels: readonly TunnelOptionView[], indexOf: (role: string) => number | undefined): void {
    for (const tunnel of tunnels) {
        const bgp = tunnel.TunnelBgpConfig;
        if (!bgp || bgp.TunnelCidr === "" || bgp.LocalBgpIp === "") continue;
        const cidr = parseIpv4Cidr(bgp.TunnelCidr);
        const address = parseIpv4(bgp.LocalBgpIp);
        if (cidr && address !== undefined && !cidrContains(cidr, address)) {
            const n = indexOf(tunnel.Role);
            throw invalidParameter(`TunnelOptionsSpecification.${n ?? "N"}.TunnelBgpConfig.LocalBgpIp`, "must be inside TunnelBgpConfig.TunnelCidr");
        }
    }
}

/**
 * TunnelCidr is unique among the tunnels of a VPN gateway: across both tunnels of this connection, the tunnels
 * of the gateway's other dual-tunnel connections and its single-tunnel connections' BgpConfig. Code [inferred].
 */
export function checkTunnelCidrsFree(connections: readonly ConnectionRecord[], gatewayId: string, self: string | undefined, tunnels: readonly TunnelOptionView[], indexOf: (role: string) => number | undefined): void {
    const taken = new Set<string>();
    for (const c of connections) {
        if (c.attributes.VpnGatewayId !== gatewayId || c.attributes.VpnConnectionId === self) continue;
        for (const cidr of tunnelCidrsOf(c)) taken.add(cidr);
    }
    for (const tunnel of tunnels) {
        const cidr = tunnel.TunnelBgpConfig?.TunnelCidr;
        if (cidr === undefined || cidr === "") continue;
        if (taken.has(cidr)) {
            throw invalidParameter(`TunnelOptionsSpecification.${indexOf(tunnel.Role) ?? "N"}.TunnelBgpConfig.TunnelCidr`, "is already used by another tunnel of this VPN gateway");
        }
        taken.add(cidr);
    }
}

/** Every tunnel CIDR a connection uses: its BgpConfig's, or its tunnels'. */
export function tunnelCidrsOf(connection: ConnectionRecord): string[] {
    const single = connection.attributes.VpnBgpConfig?.TunnelCidr;
    const tunnels = connection.attributes.TunnelOptionsSpecification?.TunnelOptions ?? [];
    return [single, ...tunnels.map((t) => t.TunnelBgpConfig?.TunnelCidr)].filter((c): c is string => c !== undefined && c !== "");
}

/** Each tunnel's block completed with the peer: its customer gateway's ASN and the /30's other address while `EnableTunnelsBgp` is on. */
export function withTunnelPeers(tunnels: readonly TunnelOptionView[], enabled: boolean, asnOf: (customerGatewayId: string) => number | undefined): TunnelOptionView[] {
    return tunnels.map((tunnel) => {
        const bgp = tunnel.TunnelBgpConfig;
        if (!bgp) return tunnel;
        const view = withPeer({ ...EMPTY_BGP_CONFIG, EnableBgp: enabled ? "true" : "false", TunnelCidr: bgp.TunnelCidr, LocalBgpIp: bgp.LocalBgpIp }, asnOf(tunnel.CustomerGatewayId));
        const TunnelBgpConfig: TunnelBgpConfigView = {
            ...bgp,
            PeerAsn: view.PeerAsn === undefined ? "" : String(view.PeerAsn),
            PeerBgpIp: view.PeerBgpIp ?? "",
            // [inferred] status of a BGP session the emulator cannot run.
            BgpStatus: view.Status === "success" ? "success" : "false",
        };
        return { ...tunnel, TunnelBgpConfig };
    });
}
