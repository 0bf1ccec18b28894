/**
 * Changes under the real `pulumi`: an input change previews as exactly that update, replacements
 * delete first (the SDK classes' default, which `--replace` needs) and create first only when the
 * program says `deleteBeforeReplace: false`, `--replace` and `--target` do what they say, and
 * `destroy` leaves the emulator none of the stack's connections. One stack holds one connection of each kind (Alibaba, Tencent API 3.0 and 2.0), and
 * the flow is sequential: each test starts from the state the previous one left.
 */
import { strict as assert } from "assert";
import { CliStack } from "../support/cli";
import { alicloudSpec, ConnectionSpec, connectionsConfig, emulatorConnection, emulatorConnections, requestMark, tencentSpec, useConnectionsStack, writesSince } from "../support/cliConnections";
import { afterPreview, changedProperties, replacementSteps, shortDiffs, stepLines } from "../support/cliOutput";
import { TestCloud } from "../support/cloudEnv";

const NAMES = ["ali", "t3", "t2"] as const;
type Name = (typeof NAMES)[number];
type Overrides = Partial<Record<Name, Record<string, unknown>>>;

/** The stack's three connections with per-connection overrides of their args (and the API 2.0 one's options). */
function specs(overrides: Overrides = {}, t2Options?: ConnectionSpec["options"]): ConnectionSpec[] {
    return [alicloudSpec("ali", overrides.ali), tencentSpec("t3", "3.0", overrides.t3), { ...tencentSpec("t2", "2.0", overrides.t2), options: t2Options }];
}

/** Per connection, which of its create and delete calls the emulator answered, in order. */
function createDeleteOrder(writes: string[]): Record<Name, string[]> {
    const calls: Record<Name, [string, string]> = {
        ali: ["alicloud:CreateVpnConnection", "alicloud:DeleteVpnConnection"],
        t3: ["tencentcloud:CreateVpnConnection", "tencentcloud:DeleteVpnConnection"],
        t2: ["tencentcloud:AddVpnConnEx", "tencentcloud:DeleteVpnConn"],
    };
    const order = {} as Record<Name, string[]>;
    for (const name of NAMES) {
        const [create, remove] = calls[name];
        order[name] = writes.filter((w) => w === create || w === remove).map((w) => (w === create ? "create" : "delete"));
    }
    return order;
}

/** Every connection on another customer gateway and another VPN gateway than it started on, renamed. */
const MOVED: Overrides = {
    ali: { name: "office-2", customerGatewayId: "cgw-emu00000000000002", vpnGatewayId: "vpn-emu00000000000002" },
    t3: { name: "office-2", customerGatewayId: "cgw-emu0002", ikeOptions: { remoteAddress: "198.51.100.12" }, vpnGatewayId: "vpngw-emu0003" },
    t2: { name: "office-2", customerGatewayId: "cgw-emu0003", ikeOptions: { remoteAddress: "198.51.100.13" }, vpnGatewayId: "vpngw-emu0001" },
};

describe("CLI tier: changes, replacements, --replace, --target and destroy", function () {
    let cloud: TestCloud;
    let stack: CliStack;
    /** The connection ids of the last `up`, and every id the stack ever had. */
    let ids: Record<Name, string>;
    const everyId = new Set<string>();

    const idsNow = async () => {
        const outputs = (await stack.outputs()).connectionIds as Record<Name, string>;
        Object.values(outputs).forEach((id) => everyId.add(id));
        return outputs;
    };
    const configure = (overrides: Overrides, t2Options?: ConnectionSpec["options"]) => stack.setConfig("connections", connectionsConfig(specs(overrides, t2Options)));

    const fixture = useConnectionsStack(specs());
    before(() => ({ cloud, stack } = fixture));

    it("can create one connection of each kind with one up", async function () {
        this.timeout(120_000);
        // GIVEN the new stack
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up
        const up = await stack.up();
        // THEN the stack and three connections were created, with one create call each
        assert.match(up.stdout, /\+ 4 created/);
        ids = await idsNow();
        for (const name of NAMES) assert.ok(await emulatorConnection(cloud.control, ids[name]), `${name} exists in the emulator`);
        assert.deepEqual((await writesSince(cloud.control, mark)).sort(), ["alicloud:CreateVpnConnection", "tencentcloud:AddVpnConnEx", "tencentcloud:CreateVpnConnection"]);
    });

    it("can preview an input change as exactly that update, naming the field, without writing", async function () {
        this.timeout(120_000);
        // GIVEN each connection renamed in the program
        await configure({ ali: { name: "office-2" }, t3: { name: "office-2" }, t2: { name: "office-2" } });
        const mark = await requestMark(cloud.control);
        // WHEN previewed with --diff
        const preview = await stack.expect(0, "preview", "--diff");
        // THEN each shows as an update of `name` and nothing else, and nothing was written
        for (const name of NAMES) assert.deepEqual(changedProperties(preview.stdout, name), ["~name"], name);
        assert.match(preview.stdout, /~ 3 to update/);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("can apply that update with one modify per connection, keeping every id", async function () {
        this.timeout(120_000);
        // GIVEN the renamed program
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up
        const up = await stack.up();
        // THEN each step names `name`, one modify call went out per connection, and the ids stayed
        assert.deepEqual(shortDiffs(afterPreview(up.stdout)), { ali: "~name", t3: "~name", t2: "~name" });
        assert.deepEqual((await writesSince(cloud.control, mark)).sort(), ["alicloud:ModifyVpnConnectionAttribute", "tencentcloud:ModifyVpnConnEx", "tencentcloud:ModifyVpnConnectionAttribute"]);
        assert.deepEqual(await idsNow(), ids);
        assert.equal((await emulatorConnection(cloud.control, ids.ali))?.Name, "office-2");
        assert.equal((await emulatorConnection(cloud.control, ids.t3))?.VpnConnectionName, "office-2");
        assert.equal((await emulatorConnection(cloud.control, ids.t2))?.VpnConnectionName, "office-2");
    });

    it("can replace on the same gateway by deleting the old connection first", async function () {
        this.timeout(180_000);
        // GIVEN each connection moved to another customer gateway (a replace-on-change field)
        const renamed = { name: "office-2" };
        await configure({
            ali: { ...renamed, customerGatewayId: "cgw-emu00000000000002" },
            t3: { ...renamed, customerGatewayId: "cgw-emu0002", ikeOptions: { remoteAddress: "198.51.100.12" } },
            t2: { ...renamed, customerGatewayId: "cgw-emu0003", ikeOptions: { remoteAddress: "198.51.100.13" } },
        });
        // WHEN previewed with the replacement steps shown, then brought up
        const preview = await stack.expect(0, "preview", "--diff", "--show-replacement-steps");
        const mark = await requestMark(cloud.control);
        await stack.up();
        // THEN the preview lists delete-replaced before create-replacement, and the cloud saw the same order
        for (const name of NAMES) assert.deepEqual(replacementSteps(preview.stdout, name), ["delete-replaced", "replace", "create-replacement"], name);
        assert.deepEqual(createDeleteOrder(await writesSince(cloud.control, mark)), { ali: ["delete", "create"], t3: ["delete", "create"], t2: ["delete", "create"] });
        await assertReplaced();
    });

    it("can replace onto another gateway deleting first, or creating first where the program says so", async function () {
        this.timeout(180_000);
        // GIVEN each connection moved to another VPN gateway, the API 2.0 one with deleteBeforeReplace: false
        await configure(MOVED, { deleteBeforeReplace: false });
        // WHEN previewed with the replacement steps shown, then brought up
        const preview = await stack.expect(0, "preview", "--diff", "--show-replacement-steps");
        const mark = await requestMark(cloud.control);
        await stack.up();
        // THEN the SDK's default deleted first, the option created first, in the preview and in the cloud
        for (const name of ["ali", "t3"]) assert.deepEqual(replacementSteps(preview.stdout, name), ["delete-replaced", "replace", "create-replacement"], name);
        assert.deepEqual(replacementSteps(preview.stdout, "t2"), ["create-replacement", "replace", "delete-replaced"]);
        assert.deepEqual(createDeleteOrder(await writesSince(cloud.control, mark)), { ali: ["delete", "create"], t3: ["delete", "create"], t2: ["create", "delete"] });
        await assertReplaced();
    });

    it("can force a replacement with --replace, deleting first, and hold one connection each", async function () {
        this.timeout(180_000);
        // GIVEN an unchanged program, every connection with the SDK's default deleteBeforeReplace
        await configure(MOVED);
        const urns = await Promise.all(NAMES.map((name) => stack.urnOf(name)));
        const mark = await requestMark(cloud.control);
        // WHEN each connection is replaced by force
        const up = await stack.up(...urns.flatMap((urn) => ["--replace", urn]));
        // THEN each was deleted before its new one was created (the same gateway), under a new id
        assert.match(up.stdout, /\+-3 replaced/);
        assert.deepEqual(createDeleteOrder(await writesSince(cloud.control, mark)), { ali: ["delete", "create"], t3: ["delete", "create"], t2: ["delete", "create"] });
        await assertReplaced();
    });

    it("can limit an up to --target and leave the other connections as they were", async function () {
        this.timeout(180_000);
        // GIVEN every connection renamed in the program
        const current = (await emulatorConnection(cloud.control, ids.t2))!;
        await configure({ ali: { ...MOVED.ali, name: "office-3" }, t3: { ...MOVED.t3, name: "office-3" }, t2: { ...MOVED.t2, name: "office-3" } });
        const mark = await requestMark(cloud.control);
        // WHEN only the Tencent API 3.0 connection is targeted
        const up = await stack.up("--target", await stack.urnOf("t3"));
        // THEN only it was modified; a preview still plans the other two
        assert.deepEqual(await writesSince(cloud.control, mark), ["tencentcloud:ModifyVpnConnectionAttribute"]);
        assert.deepEqual(Object.keys(shortDiffs(afterPreview(up.stdout))), ["t3"]);
        assert.equal((await emulatorConnection(cloud.control, ids.t3))?.VpnConnectionName, "office-3");
        assert.equal((await emulatorConnection(cloud.control, ids.t2))?.VpnConnectionName, current.VpnConnectionName);
        const pending = await stack.run(["preview", "--expect-no-changes"]);
        assert.equal(pending.code, 7, pending.output);
        assert.deepEqual(shortDiffs(pending.stdout), { ali: "~name", t2: "~name" });
    });

    it("can destroy, leaving the emulator none of the stack's connections", async function () {
        this.timeout(120_000);
        // GIVEN the stack's connections
        // WHEN it is destroyed
        const destroy = await stack.destroy();
        // THEN every connection the stack ever had is gone
        assert.match(destroy.stdout, /- 4 deleted/);
        assert.deepEqual(
            stepLines(afterPreview(destroy.stdout)).filter((line) => /^deleted/.test(line.text)).map((line) => line.name).sort(),
            [...NAMES].sort(),
        );
        const left = (await emulatorConnections(cloud.control)).map((c) => String(c.VpnConnectionId));
        assert.deepEqual(left.filter((id) => everyId.has(id)), []);
        assert.ok(everyId.size >= 12, `${everyId.size} ids seen across the replacements`);
    });

    /** After a replacement: new ids, the old ones gone, one connection per resource in the emulator. */
    async function assertReplaced(): Promise<void> {
        const next = await idsNow();
        for (const name of NAMES) {
            assert.notEqual(next[name], ids[name], `${name} has a new id`);
            assert.equal(await emulatorConnection(cloud.control, ids[name]), undefined, `${name}'s old connection is gone`);
            assert.ok(await emulatorConnection(cloud.control, next[name]), `${name}'s new connection exists`);
        }
        assert.equal((await emulatorConnections(cloud.control)).length, NAMES.length);
        ids = next;
    }
});
