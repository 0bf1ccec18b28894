import assert from "node:assert/strict";
import { Props } from "../../../provider/core/schema";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import type { TestCloud } from "../../support/cloudEnv";
import { withEnv } from "../../support/faultMatrix";
import { checkedBy, useTestCloud } from "../../support/hookSuite";
import { VALID } from "./fixtures";

const checked = checkedBy(hooks.check);

describe("tencentcloud tags of listed connections from the Tag service (hooks against the emulator, real SDK clients)", function () {
    this.timeout(120_000);
    let cloud: TestCloud;
    useTestCloud((c) => (cloud = c));

    const counted = async <T>(run: () => Promise<T[]>) => {
        const before = await cloud.control.counters();
        const answers = await run();
        const after = await cloud.control.counters();
        const calls = (action: string) => (after[`tencentcloud:${action}`] ?? 0) - (before[`tencentcloud:${action}`] ?? 0);
        return { answers, byIds: calls("DescribeResourceTagsByResourceIds"), single: calls("DescribeResourceTags") };
    };

    /** `n` connections with a tag each on one gateway. */
    async function createMany(n: number): Promise<{ id: string; outs: Props }[]> {
        const inputs = await Promise.all(
            Array.from({ length: n }, (_, i) =>
                checked({ ...VALID, name: `tagged-${i}`, tags: { env: `e${i}` }, securityPolicyDatabases: [{ localCidrBlock: `10.${i}.0.0/24`, remoteCidrBlocks: ["192.168.0.0/24"] }] }),
            ),
        );
        return Promise.all(inputs.map(async (i) => { const { id, outs } = await hooks.create(i); return { id, outs: outs! }; }));
    }
    const readAll = (created: { id: string; outs: Props }[]) => Promise.all(created.map((c) => hooks.read(c.id, c.outs)));

    it("can read the tags of 60 connections whose listing shows none in 3 calls, answering as single reads do", async () => {
        // GIVEN 60 connections with a tag each, describes that list no TagSet, and the one-by-one reads
        const created = await createMany(60);
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: true });
        const single = await counted(() => withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created)));
        // WHEN all are read at once, as a refresh does
        const batched = await counted(() => readAll(created));
        // THEN 50 + 10 connections were asked for (two tags each: 100 rows in 2 full pages and an empty one, then 20), none by itself
        assert.equal(single.single, 60);
        assert.deepEqual({ byIds: batched.byIds, single: batched.single }, { byIds: 4, single: 0 });
        assert.deepEqual(batched.answers, single.answers);
        assert.deepEqual(batched.answers[7].props!.tags, { env: "e7" });
    });

    it("can ask the Tag service nothing for listed connections that carry the create token", async () => {
        // GIVEN 30 connections made by this provider, their TagSet listed
        const created = await createMany(30);
        // WHEN all are read at once
        const batched = await counted(() => readAll(created));
        // THEN no tag call was made
        assert.deepEqual({ byIds: batched.byIds, single: batched.single }, { byIds: 0, single: 0 });
    });

    it("can read a batch's tags one by one when the batched call is refused, answering as single reads do", async () => {
        // GIVEN 50 connections (one batch) whose listing shows no TagSet, their single reads, and a refused batched call
        const created = await createMany(50);
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: true });
        const single = await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeResourceTagsByResourceIds", count: 1, fault: { kind: "error", code: "AuthFailure.UnauthorizedOperation", httpStatus: 200 } });
        // WHEN all are read at once
        const batched = await counted(() => readAll(created));
        // THEN the fault met the batch, whose 50 connections were read one by one, and every answer equals its single read
        assert.deepEqual(await cloud.control.faults(), [], "the armed fault fired");
        assert.equal(batched.single, 50);
        assert.deepEqual(batched.answers, single);
    });
});
