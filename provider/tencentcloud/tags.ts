/**
 * A Tencent Cloud connection's tag changes through the Tag service: ModifyResourceTags on the
 * connection's six-segment resource name (tencentcloud-sdk-nodejs `tag/v20180813/tag_models.d.ts`
 * ModifyResourceTagsRequest; resource description https://cloud.tencent.com/document/product/598/10606). The uin segment is
 * left empty as the Terraform provider builds it (tencentcloudstack/terraform-provider-tencentcloud
 * `tencentcloud/common/common.go` BuildTagResourceName, `qcs::%s:%s:uin/:%s/%s`). The provider's own
 * create token tag is never listed as a user tag, so no change ever removes or rewrites it.
 */
import { fromTagList, tagChange } from "../core/tags";
import type { Api3Client } from "./api3Client";
import { CREATE_TOKEN_TAG } from "./tokenTag";

/** `ReplaceTags` and `DeleteTags` take at most 10 tags each (tencentcloud-sdk-nodejs `tag/v20180813/tag_models.d.ts`). */
const TAGS_PER_CALL = 10;

export function vpnConnectionResource(region: string, id: string): string {
    return `qcs::vpc:${region}:uin/:vpnx/${id}`;
}

/** Turns the listed `TagSet` (user tags plus the create token) into the desired user tags. */
export async function applyTags(client: Api3Client, region: string, id: string, tagSet: unknown, desired: unknown, deadline: number): Promise<void> {
    const { set, remove } = tagChange(fromTagList(tagSet, [CREATE_TOKEN_TAG]), desired);
    const replace = Object.entries(set).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    const deletes = remove.filter((key) => key !== CREATE_TOKEN_TAG).map((TagKey) => ({ TagKey }));
    const Resource = vpnConnectionResource(region, id);
    for (let i = 0; i < Math.max(replace.length, deletes.length); i += TAGS_PER_CALL) {
        const ReplaceTags = replace.slice(i, i + TAGS_PER_CALL);
        const DeleteTags = deletes.slice(i, i + TAGS_PER_CALL);
        await client.call({
            action: "ModifyResourceTags",
            params: { Resource, ...(ReplaceTags.length > 0 ? { ReplaceTags } : {}), ...(DeleteTags.length > 0 ? { DeleteTags } : {}) },
            deadline,
            kind: "write",
        });
    }
}
