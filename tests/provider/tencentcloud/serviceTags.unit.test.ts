import assert from "node:assert/strict";
import { Props } from "../../../provider/core/schema";
import type { Api3Client } from "../../../provider/tencentcloud/api3Client";
import { ServiceTags } from "../../../provider/tencentcloud/serviceTags";

/** A Tag service answering each action from `answer` (or throwing what it returns as an Error), recording the calls. */
function tagService(answer: (action: string, params: Props) => Props | Error) {
    const calls: { action: string; params: Props }[] = [];
    const client = {
        async call({ action, params }: { action: string; params: Props }) {
            calls.push({ action, params });
            const result = answer(action, params);
            if (result instanceof Error) throw result;
            return result;
        },
    } as unknown as Api3Client;
    return { client, calls };
}

const row = (id: string, key: string, value: string, category = "Custom") => ({ ResourceId: id, TagKey: key, TagValue: value, Category: category });
const listed = (id: string): Props => ({ VpnConnectionId: id, TagSet: [] });

describe("tencentcloud serviceTags (the provider's own logic over a recorded Tag service)", () => {
    it("can leave out the cloud's system tags, in a single and a batched read alike", async () => {
        // GIVEN a Tag service that lists a user tag and a system tag of one connection
        const rows = [row("vpnx-1", "env", "prod"), row("vpnx-1", "tencentcloud:createdBy", "x", "System")];
        const { client } = tagService((action) => (action === "DescribeResourceTags" ? { Rows: rows } : { Tags: rows }));
        const tags = new ServiceTags(client, "ap-guangzhou");
        // WHEN it is read alone and through a listing
        const one = await tags.one("vpnx-1", listed("vpnx-1"), Date.now() + 60_000);
        const [many] = await tags.many([listed("vpnx-1")], Date.now() + 60_000);
        // THEN both hold the user tag only
        assert.deepEqual(one.TagSet, [{ Key: "env", Value: "prod" }]);
        assert.deepEqual(many.TagSet, one.TagSet);
    });

    it("can keep the listed tags, calling nothing more, when a batch is refused past the read's deadline", async () => {
        // GIVEN a Tag service that refuses the batched call, and a deadline already passed
        const { client, calls } = tagService(() => new Error("RequestLimitExceeded"));
        const tags = new ServiceTags(client, "ap-guangzhou");
        const connections = [{ VpnConnectionId: "vpnx-1", TagSet: [{ Key: "env", Value: "listed" }] }, listed("vpnx-2")];
        // WHEN the listing's connections are read
        const answers = await tags.many(connections, Date.now() - 1);
        // THEN one call was made, and each connection keeps what the listing showed
        assert.deepEqual(calls.map((c) => c.action), ["DescribeResourceTagsByResourceIds"]);
        assert.deepEqual(answers, connections);
    });

    it("can walk a batch's rows until a short page, whatever TotalCount says", async () => {
        // GIVEN 50 connections with two tags each (100 rows), and a TotalCount that counts resources
        const ids = Array.from({ length: 50 }, (_, i) => `vpnx-${i}`);
        const rows = ids.flatMap((id) => [row(id, "env", id), row(id, "team", "net")]);
        const { client, calls } = tagService((_action, params) => ({ TotalCount: 50, Tags: rows.slice(params.Offset as number, (params.Offset as number) + (params.Limit as number)) }));
        // WHEN they are read through a listing
        const answers = await new ServiceTags(client, "ap-guangzhou").many(ids.map(listed), Date.now() + 60_000);
        // THEN every row was read (two full pages and an empty one), the last connection's included
        assert.deepEqual(calls.map((c) => c.params.Offset), [0, 50, 100]);
        assert.deepEqual(answers[49].TagSet, [{ Key: "env", Value: "vpnx-49" }, { Key: "team", Value: "net" }]);
    });
});
