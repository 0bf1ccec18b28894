/**
 * Peering pairs: an Alibaba Cloud VPN gateway and a Tencent Cloud VPN gateway that face each other, each side's
 * customer gateway holding the other side's gateway public IP. Connections on a pair negotiate with each other
 * (./negotiation); every other connection keeps the emulator's stand-alone status rules.
 *
 * The dual-tunnel Alibaba gateway has two public IPs (`InternetIp` for the master tunnel,
 * `DisasterRecoveryInternetIp` for the slave), so it takes part in two pairs, one per tunnel.
 */
import { ALICLOUD_PEERING_CUSTOMER_GATEWAYS, ALICLOUD_PEERING_VPN_GATEWAYS } from "../alicloud/fixtures";
import { PEERING_CUSTOMER_GATEWAYS, PEERING_VPN_GATEWAYS } from "../tencentcloud/fixtures";

/** One pair as the emulator info's `peering` lists it. */
export interface PeeringPair {
    alicloud: { vpnGatewayId: string; customerGatewayId: string };
    tencentcloud: { vpcId: string; vpnGatewayId: string; customerGatewayId: string };
}

function pair(alicloudGateway: number, alicloudCustomerGateway: number, tencent: number): PeeringPair {
    const tencentGateway = PEERING_VPN_GATEWAYS[tencent];
    return {
        alicloud: {
            vpnGatewayId: ALICLOUD_PEERING_VPN_GATEWAYS[alicloudGateway].VpnGatewayId,
            customerGatewayId: ALICLOUD_PEERING_CUSTOMER_GATEWAYS[alicloudCustomerGateway].CustomerGatewayId,
        },
        tencentcloud: {
            vpcId: tencentGateway.vpcId,
            vpnGatewayId: tencentGateway.vpnGatewayId,
            customerGatewayId: PEERING_CUSTOMER_GATEWAYS[tencent].customerGatewayId,
        },
    };
}

/** The pairs: the single-tunnel gateway, then the dual-tunnel gateway's master and slave tunnels. */
export const PEERING_PAIRS: readonly PeeringPair[] = Object.freeze([pair(0, 0, 0), pair(1, 1, 1), pair(1, 2, 2)]);

/** True when an Alibaba connection (or tunnel) on `vpnGatewayId` with `customerGatewayId` is on a pair. */
export function isAlicloudPeering(vpnGatewayId: string, customerGatewayId: string): boolean {
    return PEERING_PAIRS.some((p) => p.alicloud.vpnGatewayId === vpnGatewayId && p.alicloud.customerGatewayId === customerGatewayId);
}

/** True when a Tencent connection on `vpnGatewayId` with `customerGatewayId` is on a pair. */
export function isTencentPeering(vpnGatewayId: string, customerGatewayId: string): boolean {
    return PEERING_PAIRS.some((p) => p.tencentcloud.vpnGatewayId === vpnGatewayId && p.tencentcloud.customerGatewayId === customerGatewayId);
}

/** A deep copy of the pairs, for the emulator info. */
export function peeringInfo(): PeeringPair[] {
    return PEERING_PAIRS.map((p) => ({ alicloud: { ...p.alicloud }, tencentcloud: { ...p.tencentcloud } }));
}
