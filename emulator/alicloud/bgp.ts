/**
 * The peer side of a single-tunnel connection's BGP session as DescribeVpnConnection(s) report it
 * (`VpnBgpConfig.PeerAsn`, `PeerBgpIp`, `Status`: aliyun/alibabacloud-typescript-sdk
 * `vpc-20160428/src/models/DescribeVpnConnectionResponseBody.ts`). The emulator runs no BGP session, so:
 * - PeerAsn is the customer gateway's ASN (CreateCustomerGateway `Asn`; "If you want to add BGP
 *   configurations to an IPsec-VPN connection, make sure that an ASN is assigned to the customer gateway",
 *   https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnattachment-vpns);
 * - PeerBgpIp is the other host address of the /30 tunnel CIDR [inferred];
 * - Status is `success` while BGP is enabled, "" otherwise [inferred].
 */
import { formatIpv4, parseIpv4, parseIpv4Cidr, networkOf } from "../core/ipv4";
import type { VpnBgpConfigView } from "./model";

/** The other usable address of a /30 (`.1` ↔ `.2`), or "" when the block or the address does not allow one. */
export function peerAddressOf(tunnelCidr: string, localBgpIp: string): string {
    const cidr = parseIpv4Cidr(tunnelCidr);
    const local = parseIpv4(localBgpIp);
    if (!cidr || cidr.prefix !== 30 || local === undefined) return "";
    const network = networkOf(cidr);
    const offset = local - network;
    return offset === 1 ? formatIpv4(network + 2) : offset === 2 ? formatIpv4(network + 1) : "";
}

/** `view` completed with what the emulator reports about the peer. */
export function withPeer(view: VpnBgpConfigView, peerAsn: number | undefined): VpnBgpConfigView {
    const enabled = view.EnableBgp === "true";
    return {
        ...view,
        PeerAsn: enabled ? peerAsn : undefined,
        PeerBgpIp: enabled ? peerAddressOf(view.TunnelCidr, view.LocalBgpIp) : "",
        Status: enabled ? "success" : "",
    };
}
