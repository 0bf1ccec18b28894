/**
 * The Tencent side of peering (../peering): the tunnel end of each connection on a peering pair (the gateway's
 * public IP to its customer gateway), lent to the hub, and whether such a connection's tunnel is up (`NetStatus`).
 */
import type { EmulatorContext } from "../core/types";
import { peeringHub } from "../peering/hub";
import { negotiateWithAny } from "../peering/negotiation";
import { isTencentPeering } from "../peering/pairs";
import type { TunnelEnd } from "../peering/proposal";
import { tencentPhase1, tencentPhase2 } from "../peering/tencentTerms";
import { ALL_CUSTOMER_GATEWAYS, ALL_VPN_GATEWAYS, PEERING_VPN_GATEWAYS } from "./fixtures";
import type { ConnectionRecord, TencentStore } from "./store";

/** The connection's end, or undefined when it is not on a pair. */
function tunnelEnd(store: TencentStore, record: ConnectionRecord): TunnelEnd | undefined {
    const a = record.attrs;
    if (!isTencentPeering(a.VpnGatewayId, a.CustomerGatewayId)) return undefined;
    const gateway = ALL_VPN_GATEWAYS.find((g) => g.vpnGatewayId === a.VpnGatewayId);
    const customerGateway = ALL_CUSTOMER_GATEWAYS.find((c) => c.customerGatewayId === a.CustomerGatewayId);
    if (!gateway || !customerGateway) return undefined;
    return {
        localIp: gateway.publicIpAddress,
        remoteIp: customerGateway.ipAddress,
        ready: store.state(record) === "AVAILABLE",
        phase1: tencentPhase1(a.IKEOptionsSpecification, a.PreShareKey),
        phase2: tencentPhase2(a.IPSECOptionsSpecification, a.RouteType, a.SecurityPolicyDatabaseSet),
    };
}

/**
 * Joins the store to its emulator's peering hub: the store lends its ends on pairs and negotiates its own against
 * the Alibaba ones each time a connection is rendered.
 */
export function joinPeering(ctx: EmulatorContext, store: TencentStore): void {
    const hub = peeringHub(ctx);
    hub.register("tencentcloud", () =>
        // Only the peering gateways' connections can face the other cloud.
        PEERING_VPN_GATEWAYS.flatMap((g) => store.listOnGateway(g.region, g.vpnGatewayId)).flatMap((record) => {
            const end = tunnelEnd(store, record);
            return end ? [end] : [];
        }),
    );
    store.setNegotiator((record) => {
        const end = tunnelEnd(store, record);
        return end === undefined ? undefined : negotiateWithAny(end, hub.endsFacing("tencentcloud")).phase === "established";
    });
}
