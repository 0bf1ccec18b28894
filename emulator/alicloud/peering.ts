/**
 * The Alibaba side of peering (../peering): the tunnel ends of connections on peering pairs, lent to the hub,
 * and the negotiated `Status` of each tunnel of such a connection. A single-tunnel connection has one end (the
 * gateway's `InternetIp` to its customer gateway); a dual-tunnel one an end per tunnel (the tunnel's `InternetIp`
 * to the tunnel's customer gateway).
 */
import type { EmulatorContext } from "../core/types";
import { alicloudPhase1, alicloudPhase2 } from "../peering/alicloudTerms";
import { peeringHub } from "../peering/hub";
import { negotiateWithAny } from "../peering/negotiation";
import type { NegotiationOutcome } from "../peering/negotiation";
import { isAlicloudPeering } from "../peering/pairs";
import { ALICLOUD_PEERING_VPN_GATEWAYS } from "./fixtures";
import type { TunnelEnd } from "../peering/proposal";
import type { ConnectionRecord } from "./model";
import type { AlicloudStore } from "./store";

/** Negotiation `Status` values (DescribeVpnConnection `Status`, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpnconnection-vpns). */
const STATUS: Readonly<Record<NegotiationOutcome["phase"], string>> = {
    established: "ipsec_sa_established",
    ike: "ike_sa_not_established",
    ipsec: "ipsec_sa_not_established",
};

/** The connection's ends, index-aligned with its tunnels (one for a single-tunnel connection); undefined = not on a pair. */
function tunnelEnds(store: AlicloudStore, record: ConnectionRecord): (TunnelEnd | undefined)[] {
    const a = record.attributes;
    const ready = store.connectionState(record) !== "init" && !store.isDeleting(record);
    const gateway = store.findGateway(a.VpnGatewayId);
    const tunnels = a.TunnelOptionsSpecification?.TunnelOptions;
    if (!tunnels) {
        const customerGateway = store.findCustomerGateway(a.CustomerGatewayId);
        if (!gateway || !customerGateway || !isAlicloudPeering(a.VpnGatewayId, a.CustomerGatewayId)) return [undefined];
        return [{
            localIp: gateway.InternetIp,
            remoteIp: customerGateway.IpAddress,
            ready,
            phase1: alicloudPhase1(a.IkeConfig),
            phase2: alicloudPhase2(a.IpsecConfig, a.LocalSubnet, a.RemoteSubnet),
        }];
    }
    return tunnels.map((tunnel) => {
        const customerGateway = store.findCustomerGateway(tunnel.CustomerGatewayId);
        if (!customerGateway || !isAlicloudPeering(a.VpnGatewayId, tunnel.CustomerGatewayId)) return undefined;
        return {
            localIp: tunnel.InternetIp,
            remoteIp: customerGateway.IpAddress,
            ready,
            phase1: alicloudPhase1(tunnel.TunnelIkeConfig),
            phase2: alicloudPhase2(tunnel.TunnelIpsecConfig, a.LocalSubnet, a.RemoteSubnet),
        };
    });
}

/**
 * Joins the store to its emulator's peering hub: the store lends its ends on pairs and negotiates its own
 * against the Tencent ones each time a status is rendered.
 */
export function joinPeering(ctx: EmulatorContext, store: AlicloudStore): void {
    const hub = peeringHub(ctx);
    hub.register("alicloud", () =>
        // Only the peering gateways' connections can face the other cloud.
        ALICLOUD_PEERING_VPN_GATEWAYS.flatMap((g) => store.connectionsOn(g.VpnGatewayId)).flatMap((record) => tunnelEnds(store, record).filter((end): end is TunnelEnd => end !== undefined)),
    );
    store.setNegotiator((record) => {
        const ends = tunnelEnds(store, record);
        if (ends.every((end) => end === undefined)) return ends.map(() => undefined);
        const facing = hub.endsFacing("alicloud");
        return ends.map((end) => (end === undefined ? undefined : STATUS[negotiateWithAny(end, facing).phase]));
    });
}
