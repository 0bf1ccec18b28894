/**
 * An Alibaba Cloud connection's tag changes: TagResources sets new and changed tags, UnTagResources
 * removes the others (VPN Gateway TagResources, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-tagresources-vpns;
 * UnTagResources with `ResourceId.N`, `TagKey.N` and `All`, as aliyun/alibabacloud-typescript-sdk `vpc-20160428` UnTagResourcesRequest models it).
 * The resource type of an IPsec-VPN connection is `VpnConnection` (case-insensitive, as the
 * documents say; the Terraform provider sends `VPNCONNECTION`, aliyun/terraform-provider-alicloud
 * `alicloud/resource_alicloud_vpn_connection.go`).
 */
import { tagChange, toTagList } from "../core/tags";
import type { AlicloudVpcClient } from "./client";

export const VPN_CONNECTION_RESOURCE_TYPE = "VpnConnection";

/** TagResources/UnTagResources at most take 20 tag keys a call (the same documents). */
const TAGS_PER_CALL = 20;

/** Turns the connection's tags `actual` into `desired`: removals first, so a full set never passes the 20-tag quota. */
export async function applyTags(client: AlicloudVpcClient, region: string, id: string, actual: unknown, desired: unknown, deadline: number): Promise<void> {
    const { set, remove } = tagChange(actual, desired);
    const base = { RegionId: region, ResourceType: VPN_CONNECTION_RESOURCE_TYPE, ResourceId: [id] };
    for (let i = 0; i < remove.length; i += TAGS_PER_CALL) {
        await client.call({ action: "UnTagResources", params: { ...base, TagKey: remove.slice(i, i + TAGS_PER_CALL) }, deadline });
    }
    const tags = toTagList(set);
    for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
        await client.call({ action: "TagResources", params: { ...base, Tag: tags.slice(i, i + TAGS_PER_CALL) }, deadline });
    }
}
