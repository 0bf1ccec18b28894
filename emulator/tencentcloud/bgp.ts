/**
 * Rules between a connection and the other connections of its VPN gateway that concern BGP
 * (CreateVpnConnection error codes, https://www.tencentcloud.com/document/api/215/17522, meanings from
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/errors.go`):
 * - `UnsupportedOperation.VpnConnRouteTypeMixed`: one gateway cannot carry dynamic (BGP) and
 *   non-dynamic tunnels at once;
 * - `InvalidParameterValue.VpnConnBgpTunnelCidrConflict`: "The current BGP tunnel subnet overlaps
 *   with the existing BGP tunnel subnet".
 * - `UnsupportedOperation.VpnUnsupportedNotExistBgpAsn`: "VPN is not configured with BGP ASN";
 * - `UnsupportedOperation.VpnUnsupportedBgpAsnEqual`: "The BGP ASN of the peer gateway is the same as that of
 *   an existing tunnel peer or cloud-based VPN".
 * The per-block rules (/30 mask, addresses inside the CIDR) are `validateBgp` in ./blocks.
 */
import { cidrsOverlap, parseIpv4Cidr } from "../core/ipv4";
import type { CustomerGatewayFixture, VpnGatewayFixture } from "./fixtures";
import type { ConnectionAttributes } from "./model";
import { paramError } from "./params";

/** The route type of dynamic routing; every other value (`STATIC`, `StaticRoute`, `Policy`) is static. */
export const DYNAMIC_ROUTE_TYPE = "Bgp";

const isDynamic = (attrs: Pick<ConnectionAttributes, "RouteType">): boolean => attrs.RouteType === DYNAMIC_ROUTE_TYPE;

/** True when two CIDR blocks share an address. */
function overlaps(a: string, b: string): boolean {
    const x = parseIpv4Cidr(a);
    const y = parseIpv4Cidr(b);
    return x !== undefined && y !== undefined && cidrsOverlap(x, y);
}

/**
 * Refuses `attrs` (a connection being created, or `selfId` being modified) when it does not fit the
 * other connections of its VPN gateway: mixed routing, or a BGP tunnel CIDR overlapping another's.
 */
export function checkGatewayBgp(attrs: ConnectionAttributes, connections: readonly { id: string; attrs: ConnectionAttributes }[], selfId?: string): void {
    const others = connections.filter((c) => c.id !== selfId && c.attrs.VpnGatewayId === attrs.VpnGatewayId).map((c) => c.attrs);
    const mixed = others.find((other) => isDynamic(other) !== isDynamic(attrs));
    if (mixed) {
        throw paramError(
            "UnsupportedOperation.VpnConnRouteTypeMixed",
            "RouteType",
            `The VPN gateway \`${attrs.VpnGatewayId}\` already has ${isDynamic(mixed) ? "BGP" : "non-BGP"} tunnels; dynamic and static routing cannot be mixed on one gateway.`,
        );
    }
    const cidr = attrs.BgpConfig?.TunnelCidr;
    if (cidr === undefined) return;
    const taken = others.map((other) => other.BgpConfig?.TunnelCidr).find((other) => other !== undefined && overlaps(cidr, other));
    if (taken !== undefined) {
        throw paramError(
            "InvalidParameterValue.VpnConnBgpTunnelCidrConflict",
            "BgpConfig.TunnelCidr",
            `The current BGP tunnel subnet \`${cidr}\` overlaps with the existing BGP tunnel subnet \`${taken}\`.`,
        );
    }
}

/**
 * A BGP tunnel's ASNs: its VPN gateway must have one, and its customer gateway's must differ from the
 * VPN gateway's and from the customer gateways' of the gateway's other BGP tunnels. `customerAsnOf`
 * looks up a customer gateway's ASN by id.
 */
export function checkBgpAsns(
    attrs: ConnectionAttributes,
    gateway: Pick<VpnGatewayFixture, "vpnGatewayId" | "bgpAsn">,
    customerGateway: Pick<CustomerGatewayFixture, "customerGatewayId" | "bgpAsn">,
    connections: readonly { id: string; attrs: ConnectionAttributes }[],
    customerAsnOf: (id: string) => number | undefined,
    selfId?: string,
): void {
    if (!isDynamic(attrs)) return;
    if (!gateway.bgpAsn) {
        throw paramError("UnsupportedOperation.VpnUnsupportedNotExistBgpAsn", "VpnGatewayId", `The VPN gateway \`${gateway.vpnGatewayId}\` is not configured with a BGP ASN.`);
    }
    const peers = connections
        .filter((c) => c.id !== selfId && c.attrs.VpnGatewayId === attrs.VpnGatewayId && isDynamic(c.attrs) && c.attrs.CustomerGatewayId !== customerGateway.customerGatewayId)
        .map((c) => customerAsnOf(c.attrs.CustomerGatewayId));
    if (customerGateway.bgpAsn === gateway.bgpAsn || peers.includes(customerGateway.bgpAsn)) {
        throw paramError(
            "UnsupportedOperation.VpnUnsupportedBgpAsnEqual",
            "CustomerGatewayId",
            `The BGP ASN ${customerGateway.bgpAsn} of the customer gateway \`${customerGateway.customerGatewayId}\` is the same as that of an existing tunnel peer or of the VPN gateway.`,
        );
    }
}
