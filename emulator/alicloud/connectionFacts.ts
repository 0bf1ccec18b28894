/**
 * What DescribeVpnConnection(s) reports about a connection that CreateVpnConnection cannot set
 * (https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections):
 * `NetworkType` (`public` | `private`) and `ResourceGroupId`, both strings. They are request parameters of
 * CreateVpnAttachment only (https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-createvpnattachment:
 * NetworkType "public (default)"; without ResourceGroupId the connection "belongs to the default resource group").
 */
import type { VpnGatewayRecord } from "./model";

/** The account's default resource group, where connections made by CreateVpnConnection land [inferred]. */
export const ALICLOUD_DEFAULT_RESOURCE_GROUP_ID = "rg-acfmemulator0001";

/** The network type of a gateway without one: `public`, the documented default. */
export const DEFAULT_NETWORK_TYPE = "public";

/** A new connection's facts: its gateway's network [inferred: a private gateway's connections run over private networks] and the default group. */
export function newConnectionFacts(gateway: VpnGatewayRecord): { NetworkType: string; ResourceGroupId: string } {
    return { NetworkType: gateway.NetworkType ?? DEFAULT_NETWORK_TYPE, ResourceGroupId: ALICLOUD_DEFAULT_RESOURCE_GROUP_ID };
}
