import assert from "node:assert/strict";
import { diffResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import { CREATE_TOKEN_TAG } from "../../../provider/tencentcloud/createToken";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { vpnConnectionResource } from "../../../provider/tencentcloud/tags";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { withEnv } from "../../support/faultMatrix";
import { VALID } from "./fixtures";

async function checked(raw: Props): Promise<Props> {
    const result = await hooks.check({}, raw);
    assert.deepEqual(result.failures ?? [], []);
    return result.inputs!;
}

describe("tencentcloud tags (hooks against the emulator, real SDK VPC and Tag clients)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    /** The connection's TagSet in the cloud, the provider's create token included. */
    const cloudTags = async (id: string): Promise<Props[]> => (await cloud.control.call<Props>("GET", `/tencentcloud/connections/${id}`)).TagSet as Props[];
    const userTags = (set: Props[]) => set.filter((t) => t.Key !== CREATE_TOKEN_TAG);
    const token = (set: Props[]) => set.find((t) => t.Key === CREATE_TOKEN_TAG)?.Value;
    const delta = (before: Record<string, number>, after: Record<string, number>, action: string) => (after[`tencentcloud:${action}`] ?? 0) - (before[`tencentcloud:${action}`] ?? 0);

    it("can create a connection with tags beside the create token, and never show the token as a user tag", async () => {
        // GIVEN
        const inputs = await checked({ ...VALID, tags: { env: "prod", team: "" } });
        // WHEN
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, created.outs);
        // THEN the cloud holds both the user tags and the token
        const set = await cloudTags(created.id);
        assert.deepEqual(userTags(set), [
            { Key: "env", Value: "prod" },
            { Key: "team", Value: "" },
        ]);
        assert.equal(typeof token(set), "string");
        // AND outputs list only the user tags, with no diff
        assert.deepEqual(created.outs.tags, { env: "prod", team: "" });
        assert.deepEqual(read.props!.tags, { env: "prod", team: "" });
        assert.deepEqual(diffResource(SCHEMA, read.props!, inputs).changedPaths, []);
    });

    it("can change only tags in place through the Tag service's ModifyResourceTags, keeping the create token", async () => {
        // GIVEN
        const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod", old: "x" } }));
        const tokenBefore = token(await cloudTags(created.id));
        const changed = await checked({ ...VALID, tags: { env: "dev", owner: "net" } });
        const diff = await hooks.diff(created.id, created.outs, changed);
        const before = await cloud.control.counters();
        // WHEN
        const updated = await hooks.update(created.id, created.outs, changed);
        // THEN
        const after = await cloud.control.counters();
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual([delta(before, after, "ModifyResourceTags"), delta(before, after, "ModifyVpnConnectionAttribute")], [1, 0]);
        const set = await cloudTags(created.id);
        assert.deepEqual(userTags(set), [
            { Key: "env", Value: "dev" },
            { Key: "owner", Value: "net" },
        ]);
        assert.equal(token(set), tokenBefore);
        assert.deepEqual(updated.outs.tags, { env: "dev", owner: "net" });
    });

    it("can remove every user tag with `tags: {}` and never remove the create token", async () => {
        // GIVEN
        const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod", team: "net" } }));
        const tokenBefore = token(await cloudTags(created.id));
        // WHEN
        await hooks.update(created.id, created.outs, await checked({ ...VALID, tags: {} }));
        // THEN
        const set = await cloudTags(created.id);
        assert.deepEqual(userTags(set), []);
        assert.equal(token(set), tokenBefore);
    });

    it("can report an out-of-band user tag change on refresh, but never the create token's", async () => {
        // GIVEN
        const inputs = await checked({ ...VALID, tags: { env: "prod" } });
        const created = await hooks.create(inputs);
        const tokenValue = token(await cloudTags(created.id));
        // WHEN only the token's value changes out of band
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { TagSet: [{ Key: "env", Value: "prod" }, { Key: CREATE_TOKEN_TAG, Value: "changed-elsewhere" }] });
        const quiet = await hooks.read(created.id, created.outs);
        // THEN nothing drifts
        assert.deepEqual(diffResource(SCHEMA, quiet.props!, inputs).changedPaths, []);
        // WHEN a user tag changes out of band
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { TagSet: [{ Key: "env", Value: "console" }, { Key: CREATE_TOKEN_TAG, Value: String(tokenValue) }] });
        const drifted = await hooks.read(created.id, created.outs);
        // THEN `tags` drifts, and the update converges it
        assert.deepEqual(drifted.props!.tags, { env: "console" });
        assert.deepEqual(diffResource(SCHEMA, drifted.props!, inputs).changedPaths, ["tags"]);
        await hooks.update(created.id, drifted.props!, inputs);
        assert.deepEqual(userTags(await cloudTags(created.id)), [{ Key: "env", Value: "prod" }]);
        assert.equal(token(await cloudTags(created.id)), tokenValue);
    });

    it("can read and change tags through the Tag service when DescribeVpnConnections lists no TagSet", async () => {
        // GIVEN a cloud whose describes never list tags, and a connection with tags
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: true });
        const inputs = await checked({ ...VALID, tags: { env: "prod" } });
        const created = await hooks.create(inputs);
        // WHEN read
        const before = await cloud.control.counters();
        const read = await hooks.read(created.id, created.outs);
        const after = await cloud.control.counters();
        // THEN the tags come from the Tag service (a read through its gateway's listing asks by IDs), without the token, and nothing drifts
        assert.deepEqual([delta(before, after, "DescribeResourceTagsByResourceIds"), delta(before, after, "DescribeResourceTags")], [1, 0]);
        assert.deepEqual(read.props!.tags, { env: "prod" });
        assert.deepEqual(diffResource(SCHEMA, read.props!, inputs).changedPaths, []);
        // AND a change removes the old key and keeps the token
        await hooks.update(created.id, read.props!, await checked({ ...VALID, tags: { owner: "net" } }));
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: false });
        const set = await cloudTags(created.id);
        assert.deepEqual(userTags(set), [{ Key: "owner", Value: "net" }]);
        assert.equal(typeof token(set), "string");
    });

    for (const batching of ["off", "on"] as const) {
        it(`can keep the listed TagSet when the Tag service refuses the read (PULUMI_IPSEC_READ_BATCHING=${batching})`, async () => {
            // GIVEN a connection whose TagSet lacks the create token, and a Tag service that refuses each way of reading it
            const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod" } }));
            await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { TagSet: [{ Key: "env", Value: "listed" }] });
            const refusal = { kind: "error", code: "AuthFailure.UnauthorizedOperation", httpStatus: 200 } as const;
            await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeResourceTags", count: 1, fault: refusal });
            if (batching === "on") await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeResourceTagsByResourceIds", count: 1, fault: refusal });
            // WHEN read
            const read = await withEnv({ PULUMI_IPSEC_READ_BATCHING: batching }, () => hooks.read(created.id, created.outs));
            // THEN every refusal met the read, which succeeds with the listed tags
            assert.deepEqual(await cloud.control.faults(), []);
            assert.deepEqual(read.props!.tags, { env: "listed" });
        });
    }

    it("can read a connection's tags from its TagSet alone when the create token is listed", async () => {
        // GIVEN
        const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod" } }));
        // WHEN
        const before = await cloud.control.counters();
        await hooks.read(created.id, created.outs);
        const after = await cloud.control.counters();
        // THEN no Tag service call
        assert.equal(delta(before, after, "DescribeResourceTags") + delta(before, after, "DescribeResourceTagsByResourceIds"), 0);
    });

    it("can name a connection's Tag resource in the six-segment form", () => {
        // GIVEN / WHEN
        const name = vpnConnectionResource("ap-guangzhou", "vpnx-1");
        // THEN
        assert.equal(name, "qcs::vpc:ap-guangzhou:uin/:vpnx/vpnx-1");
    });

    it("can pass check with a 127-character key, a 255-character value and the Use Limits' special characters", async () => {
        // GIVEN tags at the length limits and with English and Chinese special characters
        const tags = { ["k".repeat(127)]: "v".repeat(255), "a(b)[c],d;e>f<g": "x [1]", "部门【一】": "运维（负责人）" };
        // WHEN checked
        const { failures = [], inputs } = await hooks.check({}, { ...VALID, tags });
        // THEN nothing fails and the tags are kept
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs!.tags, tags);
    });

    for (const [title, change, property, reason] of [
        ["tags are set with apiVersion 2.0", { apiVersion: "2.0", tags: { env: "prod" } }, "tags", /not supported by API 2\.0.*apiVersion "3\.0"/],
        ["a tag key is the provider's own create token key", { tags: { [CREATE_TOKEN_TAG]: "x" } }, `tags["${CREATE_TOKEN_TAG}"]`, /provider's own tag/],
        ["a tag key starts with qcloud", { tags: { qcloudEnv: "x" } }, 'tags["qcloudEnv"]', /its key must not start with qcloud \(reserved prefixes: qcs:, project, 项目, qcloud, tencent\)/],
        ["a tag key starts with qcs:", { tags: { "qcs:env": "x" } }, 'tags["qcs:env"]', /its key must not start with qcs:/],
        ["a tag key starts with 项目", { tags: { 项目名: "x" } }, 'tags["项目名"]', /its key must not start with 项目/],
        ["a tag value holds #", { tags: { env: "a#b" } }, 'tags["env"]', /must hold only Chinese and English letters, digits, spaces and \+ - = \. _ : \/ @ \( \) \[ \] , ; > </],
        ["there are 51 tags", { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, "tags", /at most 50 entries \(got 51\)/],
        ["a tag key has 128 characters", { tags: { ["k".repeat(128)]: "x" } }, `tags["${"k".repeat(128)}"]`, /its key must be at most 127 characters/],
        ["a tag value has 256 characters", { tags: { env: "v".repeat(256) } }, 'tags["env"]', /must be at most 255 characters/],
    ] as const) {
        it(`fails at check when ${title}, naming ${property.length > 40 ? "the key" : property}`, async () => {
            // GIVEN / WHEN
            const { failures = [] } = await hooks.check({}, { ...VALID, ...change });
            // THEN
            assert.deepEqual(
                failures.map((f) => f.property),
                [property],
                JSON.stringify(failures),
            );
            assert.match(failures[0].reason, reason);
            assert.deepEqual(await cloud.control.counters(), {});
        });
    }
});
