import assert from "node:assert/strict";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

/** `Prefix.N.Key/Value` parameters for `tags`. */
function tagParams(prefix: "Tags" | "Tag", tags: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    Object.entries(tags).forEach(([key, value], i) => {
        out[`${prefix}.${i + 1}.Key`] = key;
        out[`${prefix}.${i + 1}.Value`] = value;
    });
    return out;
}

const manyTags = (count: number, prefix = "k") => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));

describe("Alibaba tags (real pop-core against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    const describeTags = async (id: string) => (await h.call("DescribeVpnConnection", { VpnConnectionId: id })).Tags.Tag;
    const listedTags = async (id: string) => (await h.call("DescribeVpnConnections", { VpnConnectionId: id })).VpnConnections.VpnConnection[0].Tag.Tag;
    const tagCall = (action: string, id: string, extra: Record<string, unknown>) => h.call(action, { ResourceType: "VpnConnection", "ResourceId.1": id, ...extra });

    describe("CreateVpnConnection Tags.N", () => {
        it("can store the tags of a create and return them in DescribeVpnConnection's Tags.Tag and DescribeVpnConnections' Tag.Tag", async () => {
            // WHEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod", team: "" }));
            // THEN
            const expected = [
                { Key: "env", Value: "prod" },
                { Key: "team", Value: "" },
            ];
            assert.deepEqual(await describeTags(id), expected);
            assert.deepEqual(await listedTags(id), expected);
        });

        it("can answer an empty tag list for a connection created without tags", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN / THEN
            assert.deepEqual(await describeTags(id), []);
        });

        for (const [title, tags, parameter] of [
            ["a key starts with aliyun", { aliyunEnv: "x" }, "Tags.1.Key"],
            ["a key starts with acs:", { "acs:env": "x" }, "Tags.1.Key"],
            ["a key contains https://", { "see-https://x": "x" }, "Tags.1.Key"],
            ["a value starts with aliyun", { env: "aliyun-x" }, "Tags.1.Value"],
            ["a key has 65 characters", { ["k".repeat(65)]: "x" }, "Tags.1.Key"],
            ["a value has 129 characters", { env: "v".repeat(129) }, "Tags.1.Value"],
        ] as const) {
            it(`fails when ${title}, with InvalidParameter naming ${parameter} and nothing created`, async () => {
                // WHEN
                const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, tagParams("Tags", tags))), "InvalidParameter");
                // THEN
                assert.match(error.message, new RegExp(parameter.replace(/\./g, "\\.")));
                assert.equal((await h.control.call<any>("GET", "/state")).alicloud.connections.length, 0);
            });
        }

        it("fails when a create carries 21 tags, refusing Tags.21", async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, tagParams("Tags", manyTags(21)))), "InvalidParameter");
            // THEN
            assert.match(error.message, /Tags\.21/);
        });

        it("fails when two tags of a create share a key", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { "Tags.1.Key": "env", "Tags.2.Key": "env" })), "InvalidParameter");
        });
    });

    describe("DescribeVpnConnections Tag.N filter", () => {
        it("can list only the connections carrying every given tag, a key without a value matching any value", async () => {
            // GIVEN two connections with different tags
            const prod = await createActiveConnection(h, tagParams("Tags", { env: "prod", team: "net" }));
            await createActiveConnection(h, { ...tagParams("Tags", { env: "dev" }), CustomerGatewayId: h.info.customerGatewayIds[1] });
            const ids = async (params: Record<string, string>) =>
                (await h.call("DescribeVpnConnections", params)).VpnConnections.VpnConnection.map((c: { VpnConnectionId: string }) => c.VpnConnectionId);
            // WHEN / THEN
            assert.deepEqual(await ids(tagParams("Tag", { env: "prod" })), [prod]);
            assert.deepEqual(await ids({ "Tag.1.Key": "team" }), [prod]);
            assert.equal((await ids({ "Tag.1.Key": "env" })).length, 2);
            assert.deepEqual(await ids(tagParams("Tag", { env: "prod", team: "other" })), []);
        });
    });

    describe("TagResources / UnTagResources / ListTagResources", () => {
        it("can add tags and overwrite an existing key's value, the resource type matched case-insensitively", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            // WHEN
            await h.call("TagResources", { ResourceType: "VPNCONNECTION", "ResourceId.1": id, ...tagParams("Tag", { env: "dev", owner: "net" }) });
            // THEN
            assert.deepEqual(await describeTags(id), [
                { Key: "env", Value: "dev" },
                { Key: "owner", Value: "net" },
            ]);
        });

        it("fails when a connection would carry 21 tags, with QuotaExceed.TagNum and no tag added", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", manyTags(20)));
            // WHEN
            await rejectsWithCode(tagCall("TagResources", id, tagParams("Tag", { extra: "x" })), "QuotaExceed.TagNum");
            // THEN
            assert.equal((await describeTags(id)).length, 20);
        });

        it("fails when the resource does not exist, with InvalidInstanceIds.NotFound", async () => {
            // WHEN / THEN
            await rejectsWithCode(tagCall("TagResources", "vco-missing", tagParams("Tag", { env: "x" })), "InvalidInstanceIds.NotFound");
        });

        it("fails when the resource type is not a VPN connection, naming ResourceType", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const error = await rejectsWithCode(h.call("TagResources", { ResourceType: "VPC", "ResourceId.1": id, ...tagParams("Tag", { env: "x" }) }), "InvalidParameter");
            // THEN
            assert.match(error.message, /ResourceType/);
        });

        it("fails when a TagResources key starts with acs:, naming Tag.1.Key", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const error = await rejectsWithCode(tagCall("TagResources", id, tagParams("Tag", { "acs:x": "y" })), "InvalidParameter");
            // THEN
            assert.match(error.message, /Tag\.1\.Key/);
        });

        it("can remove named keys, ignoring one the connection does not carry", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod", team: "net" }));
            // WHEN
            await tagCall("UnTagResources", id, { "TagKey.1": "env", "TagKey.2": "absent" });
            // THEN
            assert.deepEqual(await describeTags(id), [{ Key: "team", Value: "net" }]);
        });

        it("can remove every tag with All=true", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod", team: "net" }));
            // WHEN
            await tagCall("UnTagResources", id, { All: true });
            // THEN
            assert.deepEqual(await describeTags(id), []);
        });

        it("fails when UnTagResources names no key and All is not true", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            // WHEN / THEN
            await rejectsWithCode(tagCall("UnTagResources", id, {}), "MissingTagKey");
            assert.equal((await describeTags(id)).length, 1);
        });

        it("can list a connection's tags as TagResources.TagResource rows", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            // WHEN
            const listed = await tagCall("ListTagResources", id, {});
            // THEN
            assert.deepEqual(listed.TagResources.TagResource, [{ ResourceId: id, ResourceType: "VpnConnection", TagKey: "env", TagValue: "prod" }]);
            assert.equal(listed.NextToken, "");
        });

        it("can list the connections carrying a tag key, whatever its value", async () => {
            // GIVEN
            const tagged = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            await createActiveConnection(h, { ...tagParams("Tags", { other: "x" }), CustomerGatewayId: h.info.customerGatewayIds[1] });
            // WHEN
            const listed = await h.call("ListTagResources", { ResourceType: "VpnConnection", "Tag.1.Key": "env" });
            // THEN
            assert.deepEqual(
                listed.TagResources.TagResource.map((row: { ResourceId: string }) => row.ResourceId),
                [tagged],
            );
        });

        it("fails when ListTagResources names neither a resource nor a tag", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("ListTagResources", { ResourceType: "VpnConnection" }), "MissingParameter");
        });
    });

    describe("control API", () => {
        it("can replace a connection's tags out of band, as the console would", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            // WHEN
            await h.control.call("PATCH", `/alicloud/connections/${id}`, { Tags: { Tag: [{ Key: "env", Value: "dev" }] } });
            // THEN
            assert.deepEqual(await describeTags(id), [{ Key: "env", Value: "dev" }]);
        });

        it("fails when an out-of-band tag breaks the documented limits, changing nothing", async () => {
            // GIVEN
            const id = await createActiveConnection(h, tagParams("Tags", { env: "prod" }));
            // WHEN
            await assert.rejects(h.control.call("PATCH", `/alicloud/connections/${id}`, { Name: "renamed", Tags: { Tag: [{ Key: "aliyun-x", Value: "y" }] } }), /aliyun/);
            // THEN
            const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            assert.deepEqual(connection.Tags.Tag, [{ Key: "env", Value: "prod" }]);
            assert.notEqual(connection.Name, "renamed");
        });
    });
});
