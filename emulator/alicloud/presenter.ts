/**
 * Shapes store records as the API returns them (DescribeVpnConnection(s) and DescribeVpnGateway(s) in the
 * VPC 2016-04-28 API reference, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections-vpns).
 */
import { DEFAULT_NETWORK_TYPE } from "./connectionFacts";
import { isDualTunnelConnection, presentDualTunnel } from "./dualTunnel";
import type { ConnectionRecord, CustomerGatewayRecord, VpnGatewayRecord } from "./model";
import type { AlicloudStore } from "./store";
import type { Paging } from "./validation";

/**
 * Key of the negotiation status: `Status` in the current API reference and SDK models; the Chinese
 * DescribeVpnConnections samples of mid-2019 (AlibabaCloudDocs/vpn, cn.zh-CN/API参考/IPsec-VPN) spell it `status`.
 */
export type StatusKey = "status" | "Status";

/** A connection as DescribeVpnConnection(s) returns it: stored attributes + `State` + negotiation status. */
export function presentConnection(store: AlicloudStore, record: ConnectionRecord, statusKey: StatusKey): Record<string, unknown> {
    if (isDualTunnelConnection(record.attributes)) {
        const state = store.connectionState(record);
        const view = presentDualTunnel(record.attributes, state, store.tunnelStatuses(record));
        return { ...view, State: state, [statusKey]: store.negotiationStatus(record) };
    }
    return {
        ...structuredClone(record.attributes),
        State: store.connectionState(record),
        [statusKey]: store.negotiationStatus(record),
    };
}

/** A VPN gateway as DescribeVpnGateway(s) returns it; `Status` follows the gateway's transitions. */
export function presentGateway(store: AlicloudStore, gateway: VpnGatewayRecord): Record<string, unknown> {
    return {
        ...gateway,
        NetworkType: gateway.NetworkType ?? DEFAULT_NETWORK_TYPE,
        Status: store.gatewayStatus(gateway.VpnGatewayId),
        BusinessStatus: "Normal",
        IpsecVpn: "enable",
        SslVpn: "disable",
    };
}

export function presentCustomerGateway(customerGateway: CustomerGatewayRecord): Record<string, unknown> {
    return { ...customerGateway };
}

/** One page of `items` (a page past the end is empty), with the paging fields every list returns. */
export function paginate<T>(items: readonly T[], paging: Paging): { page: T[]; TotalCount: number; PageNumber: number; PageSize: number } {
    const start = (paging.pageNumber - 1) * paging.pageSize;
    return {
        page: items.slice(start, start + paging.pageSize),
        TotalCount: items.length,
        PageNumber: paging.pageNumber,
        PageSize: paging.pageSize,
    };
}
