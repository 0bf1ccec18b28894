/**
 * What DescribeVpnConnection(s) reports about a connection that CreateVpnConnection and
 * ModifyVpnConnectionAttribute cannot set: `NetworkType`, `ResourceGroupId` and the health check's
 * `VcoHealthCheck.Policy`. The three are request parameters of CreateVpnAttachment /
 * ModifyVpnAttachmentAttribute only (connections attached to a transit router,
 * https://www.alibabacloud.com/help/en/vpn/developer-reference/api-vpc-2016-04-28-createvpnattachment);
 * the VPN-gateway operations this resource calls list none of them
 * (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns,
 * https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute), so they are outputs.
 */
import { Props } from "../core/schema";

export interface ConnectionFacts {
    /** `public` (over the Internet) or `private` (over private networks). */
    networkType: string | null;
    /** The resource group the connection belongs to (`rg-…`). */
    resourceGroupId: string | null;
    /** `revoke_route` or `reserve_route`: whether advertised routes are withdrawn when the health check fails. */
    healthCheckPolicy: string | null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The facts of one described connection; absent or empty values are null. */
export function connectionFacts(connection: Props): ConnectionFacts {
    const health = connection.VcoHealthCheck as Props | undefined;
    return {
        networkType: text(connection.NetworkType),
        resourceGroupId: text(connection.ResourceGroupId),
        healthCheckPolicy: text(health?.Policy),
    };
}
