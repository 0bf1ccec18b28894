import assert from "node:assert/strict";
import * as http from "http";
import { Client as TagClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client";
import { CommonClient } from "tencentcloud-sdk-nodejs/tencentcloud/common/common_client";
import { createRequest, sdkError, withTencentEmulator, type TencentHarness, type VpcClient, TRANSITION_MS } from "./support";

describe("Tencent Tag service (real tencentcloud-sdk-nodejs Tag client against the emulator)", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    let tag: TagClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
        tag = tagClient(harness, { secretId: harness.info.secretId, secretKey: harness.info.secretKey });
    });

    function tagClient(harness: TencentHarness, credential: { secretId: string; secretKey: string }): TagClient {
        return new TagClient({
            credential,
            region: harness.info.region,
            profile: { httpProfile: { endpoint: harness.info.tagEndpoint.replace(/^http:\/\//, ""), protocol: "http://", reqTimeout: 5, agent: new http.Agent({ keepAlive: false }) } },
        });
    }

    async function createAvailable(overrides: Record<string, unknown> = {}): Promise<string> {
        const request = createRequest(overrides);
        await vpc.CreateVpnConnection(request as never);
        const found = await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-connection-name", Values: [request.VpnConnectionName] }] });
        await h.control.advanceClock(TRANSITION_MS);
        return found.VpnConnectionSet![0].VpnConnectionId!;
    }

    const resource = (id: string, region = h.info.region) => `qcs::vpc:${region}:uin/:vpnx/${id}`;
    const tagSet = async (id: string) => (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0].TagSet;

    it("can add, re-value and detach tags with ModifyResourceTags, seen in DescribeVpnConnections' TagSet", async () => {
        // GIVEN a connection created with two tags
        const id = await createAvailable({ Tags: [{ Key: "env", Value: "prod" }, { Key: "old", Value: "x" }] });
        // WHEN one is re-valued, one added and one detached
        await tag.ModifyResourceTags({ Resource: resource(id), ReplaceTags: [{ TagKey: "env", TagValue: "dev" }, { TagKey: "owner", TagValue: "net" }], DeleteTags: [{ TagKey: "old" }] });
        // THEN
        assert.deepEqual(await tagSet(id), [
            { Key: "env", Value: "dev" },
            { Key: "owner", Value: "net" },
        ]);
    });

    it("can list a connection's tags with DescribeResourceTags", async () => {
        // GIVEN
        const id = await createAvailable({ Tags: [{ Key: "env", Value: "prod" }] });
        // WHEN
        const answer = await tag.DescribeResourceTags({ ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: h.info.region, ResourceId: id });
        // THEN
        assert.equal(answer.TotalCount, 1);
        assert.deepEqual(
            answer.Rows!.map((r) => [r.TagKey, r.TagValue, r.ResourceId, r.ServiceType]),
            [["env", "prod", id, "vpc"]],
        );
    });

    it("can list the tags of several connections with DescribeResourceTagsByResourceIds, page by page", async () => {
        // GIVEN two connections with two tags each, and an ID of no connection
        const first = await createAvailable({ VpnConnectionName: "first", Tags: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "net" }] });
        const second = await createAvailable({ VpnConnectionName: "second", Tags: [{ Key: "env", Value: "dev" }, { Key: "cost", Value: "7" }] });
        const request = { ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: h.info.region, ResourceIds: [first, "vpnx-missing", second], Limit: 3 };
        // WHEN both pages are asked for
        const page1 = await tag.DescribeResourceTagsByResourceIds({ ...request, Offset: 0 });
        const page2 = await tag.DescribeResourceTagsByResourceIds({ ...request, Offset: 3 });
        // THEN the four rows come three and one, each naming its connection
        assert.equal(page1.TotalCount, 4);
        assert.deepEqual(
            [...page1.Tags!, ...page2.Tags!].map((r) => [r.ResourceId, r.TagKey, r.TagValue]),
            [
                [first, "env", "prod"],
                [first, "team", "net"],
                [second, "env", "dev"],
                [second, "cost", "7"],
            ],
        );
    });

    it("can answer DescribeResourceTagsByResourceIds to a CommonClient too", async () => {
        // GIVEN a connection with a tag, and the SDK's generic client on the Tag service
        const id = await createAvailable({ Tags: [{ Key: "env", Value: "prod" }] });
        const common = new CommonClient(h.info.tagEndpoint.replace(/^http:\/\//, ""), "2018-08-13", {
            credential: { secretId: h.info.secretId, secretKey: h.info.secretKey },
            region: h.info.region,
            profile: { httpProfile: { protocol: "http://", reqTimeout: 5, agent: new http.Agent({ keepAlive: false }) } },
        });
        // WHEN
        const answer = (await common.request("DescribeResourceTagsByResourceIds", { ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: h.info.region, ResourceIds: [id] })) as { TotalCount: number; Tags: { TagKey: string }[] };
        // THEN
        assert.equal(answer.TotalCount, 1);
        assert.equal(answer.Tags[0].TagKey, "env");
    });

    for (const [title, request, code] of [
        ["ResourceIds holds 51 IDs", { ResourceIds: Array.from({ length: 51 }, (_, i) => `vpnx-${i}`) }, "InvalidParameter"],
        ["ResourceIds is empty", { ResourceIds: [] }, "MissingParameter"],
        ["ResourceIds is not an array", { ResourceIds: "vpnx-1" }, "InvalidParameter"],
        ["ResourceRegion is missing", { ResourceRegion: undefined }, "MissingParameter"],
        ["Offset is not a multiple of Limit", { Limit: 10, Offset: 5 }, "InvalidParameterValue.OffsetInvalid"],
    ] as const) {
        it(`fails when DescribeResourceTagsByResourceIds' ${title}, with ${code}`, async () => {
            // GIVEN
            const valid = { ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: h.info.region, ResourceIds: ["vpnx-1"] };
            // WHEN
            const error = await sdkError(tag.DescribeResourceTagsByResourceIds({ ...valid, ...(request as object) } as never));
            // THEN
            assert.equal(error.code, code, error.message);
        });
    }

    for (const [title, request, code] of [
        ["the resource name is not six segments", { Resource: "vpnx-1", ReplaceTags: [{ TagKey: "a", TagValue: "b" }] }, "InvalidParameterValue.ResourceDescriptionError"],
        ["the tag key is reserved (qcloud)", { ReplaceTags: [{ TagKey: "qcloud:x", TagValue: "b" }] }, "InvalidParameterValue.ReservedTagKey"],
        ["the tag key has 128 characters", { ReplaceTags: [{ TagKey: "k".repeat(128), TagValue: "b" }] }, "InvalidParameterValue.TagKeyLengthExceeded"],
        ["the tag value has 256 characters", { ReplaceTags: [{ TagKey: "k", TagValue: "v".repeat(256) }] }, "InvalidParameterValue.TagValueLengthExceeded"],
        ["the tag key holds a character outside the allowed set", { ReplaceTags: [{ TagKey: "a#b", TagValue: "b" }] }, "InvalidParameterValue.TagKeyCharacterIllegal"],
        ["one key is both replaced and deleted", { ReplaceTags: [{ TagKey: "a", TagValue: "b" }], DeleteTags: [{ TagKey: "a" }] }, "InvalidParameterValue.DeleteTagsParamError"],
        ["neither ReplaceTags nor DeleteTags is given", {}, "MissingParameter"],
    ] as const) {
        it(`fails when ${title}, with ${code} and nothing changed`, async () => {
            // GIVEN
            const id = await createAvailable({ Tags: [{ Key: "env", Value: "prod" }] });
            // WHEN
            const error = await sdkError(tag.ModifyResourceTags({ Resource: resource(id), ...(request as object) } as never));
            // THEN
            assert.equal(error.code, code, error.message);
            assert.deepEqual(await tagSet(id), [{ Key: "env", Value: "prod" }]);
        });
    }

    it("fails when the connection does not exist in the named region, with InvalidParameterValue.ResourceIdInvalid", async () => {
        // WHEN
        const error = await sdkError(tag.ModifyResourceTags({ Resource: resource("vpnx-missing"), ReplaceTags: [{ TagKey: "a", TagValue: "b" }] }));
        // THEN
        assert.equal(error.code, "InvalidParameterValue.ResourceIdInvalid");
    });

    it("fails when the call is signed with a wrong key, as the VPC front end refuses it", async () => {
        // GIVEN a client with the right id and a wrong key
        const bad = tagClient(h, { secretId: h.info.secretId, secretKey: "wrong-key" });
        // WHEN
        const error = await sdkError(bad.DescribeResourceTags({}));
        // THEN
        assert.equal(error.code, "AuthFailure.SignatureFailure");
    });

    it("fails when a create carries a reserved tag key, with InvalidParameterValue.ReservedTagKey", async () => {
        // WHEN
        const error = await sdkError(vpc.CreateVpnConnection(createRequest({ Tags: [{ Key: "tencent:x", Value: "y" }] }) as never));
        // THEN
        assert.equal(error.code, "InvalidParameterValue.ReservedTagKey");
    });
});
