import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { diffResource } from "../../../provider/core/resource";
import { TestCloud } from "../../support/cloudEnv";
import { checkedBy, useTestCloud } from "../../support/hookSuite";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

describe("alicloud tags (hooks against the emulator, real pop-core)", function () {
    let cloud: TestCloud;
    useTestCloud((started) => (cloud = started));

    const checked = checkedBy(hooks.check);

    async function cloudTags(id: string): Promise<unknown> {
        const connection = await cloud.control.call<Props>("GET", `/alicloud/connections/${id}`);
        return connection.Tags.Tag;
    }

    it("can create a connection with tags (Tags.N on CreateVpnConnection) and read them back without a diff", async () => {
        // GIVEN
        const inputs = await checked({ ...VALID, tags: { env: "prod", team: "" } });
        // WHEN
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, created.outs);
        // THEN
        assert.deepEqual(await cloudTags(created.id), [
            { Key: "env", Value: "prod" },
            { Key: "team", Value: "" },
        ]);
        assert.deepEqual(read.props!.tags, { env: "prod", team: "" });
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
        const counters = await cloud.control.counters();
        assert.equal(counters["alicloud:TagResources"], undefined);
    });

    it("can change only tags in place through UnTagResources and TagResources, without ModifyVpnConnectionAttribute", async () => {
        // GIVEN
        const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod", old: "x" } }));
        const changed = await checked({ ...VALID, tags: { env: "dev", owner: "net" } });
        // WHEN
        const diff = await hooks.diff(created.id, created.outs, changed);
        const before = await cloud.control.counters();
        const updated = await hooks.update(created.id, created.outs, changed);
        const after = await cloud.control.counters();
        // THEN
        const delta = (action: string) => (after[`alicloud:${action}`] ?? 0) - (before[`alicloud:${action}`] ?? 0);
        assert.deepEqual([delta("UnTagResources"), delta("TagResources"), delta("ModifyVpnConnectionAttribute")], [1, 1, 0]);
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual(updated.outs.tags, { env: "dev", owner: "net" });
        assert.deepEqual(await cloudTags(created.id), [
            { Key: "env", Value: "dev" },
            { Key: "owner", Value: "net" },
        ]);
    });

    it("can report an out-of-band tag change on refresh, and a diff that converges it", async () => {
        // GIVEN
        const inputs = await checked({ ...VALID, tags: { env: "prod" } });
        const created = await hooks.create(inputs);
        await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { Tags: { Tag: [{ Key: "env", Value: "console" }, { Key: "extra", Value: "1" }] } });
        // WHEN
        const read = await hooks.read(created.id, created.outs);
        const diff = await hooks.diff(created.id, read.props!, inputs);
        // THEN
        assert.deepEqual(read.props!.tags, { env: "console", extra: "1" });
        assert.equal(diff.changes, true);
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, ["tags"]);
        // AND an update restores the desired tags
        await hooks.update(created.id, read.props!, inputs);
        assert.deepEqual(await cloudTags(created.id), [{ Key: "env", Value: "prod" }]);
    });

    it("can leave tags unmanaged when `tags` is unset: an out-of-band tag shows no diff", async () => {
        // GIVEN
        const inputs = await checked(VALID);
        const created = await hooks.create(inputs);
        await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { Tags: { Tag: [{ Key: "console", Value: "1" }] } });
        // WHEN
        const read = await hooks.read(created.id, created.outs);
        // THEN
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
    });

    it("can remove every tag with `tags: {}`", async () => {
        // GIVEN
        const created = await hooks.create(await checked({ ...VALID, tags: { env: "prod", team: "net" } }));
        // WHEN
        await hooks.update(created.id, created.outs, await checked({ ...VALID, tags: {} }));
        // THEN
        assert.deepEqual(await cloudTags(created.id), []);
    });
});
