/**
 * Upgrade under the real `pulumi`: a stack brought up with the previous release's package (built
 * from its commit, tests/support/previousRelease.ts) — its `__provider`, its default idempotency key
 * and its outputs without recorded inputs in state — is refreshed, updated and destroyed after the
 * program switches to the current package: the refresh finds no drift, an unchanged program plans
 * nothing, an input change updates in place, and destroy leaves no connection behind.
 */
import { strict as assert } from "assert";
import { HOOK_MODULES, providerText } from "../../provider";
import { CliStack, plaintextIn, REPO_ROOT, requireCli, StateResource } from "../support/cli";
import { alicloudSpec, connectionsConfig, ConnectionSpec, emulatorConnection, emulatorConnections, PROGRAM, PSKS, requestMark, tencentSpec, writesSince } from "../support/cliConnections";
import { reportedDrift, shortDiffs } from "../support/cliOutput";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { PREVIOUS_RELEASE, previousReleasePackage, SwitchableProgram, switchableProgram } from "../support/previousRelease";

const SPECS: ConnectionSpec[] = [alicloudSpec("ali"), tencentSpec("t3", "3.0"), tencentSpec("t2", "2.0")];

describe(`CLI tier: a stack made with the previous release (${PREVIOUS_RELEASE}) under the current package`, function () {
    let cloud: TestCloud;
    let program: SwitchableProgram;
    let stack: CliStack;
    let ids: Record<string, string>;
    let before_: StateResource[];

    before(async function () {
        await requireCli(this);
        const previous = await previousReleasePackage();
        cloud = await startTestCloud();
        program = switchableProgram(PROGRAM);
        program.use(previous);
        stack = await CliStack.create({ program: program.dir, env: cloud.env, config: { connections: connectionsConfig(SPECS) }, secrets: PSKS });
        // GIVEN the stack brought up with the previous release's package
        await stack.up();
        ids = (await stack.outputs()).connectionIds as Record<string, string>;
        before_ = await stack.resources();
        // WHEN the program switches to the current package
        program.use(REPO_ROOT);
    });

    after(async () => {
        await stack?.dispose();
        program?.remove();
        await cloud?.stop();
    });

    it("starts from the previous release's state: its default idempotency key, no recorded inputs", function () {
        assert.deepEqual(before_.map((r) => r.urn.split("::").pop()).sort(), ["ali", "t2", "t3"]);
        for (const resource of before_) {
            const name = resource.urn.split("::").pop();
            assert.match(String(resource.inputs?.idempotencyKey), new RegExp(`^ipsec-cli-connections/${stack.name}/${name}$`), "the old default key");
            assert.equal(resource.outputs?.__inputs, undefined, "no recorded inputs");
            assert.equal(typeof resource.inputs?.__provider, "string");
        }
    });

    it("can refresh with no drift and plan nothing for the unchanged program", async function () {
        this.timeout(180_000);
        const mark = await requestMark(cloud.control);
        // WHEN the unchanged program is previewed, the drift checks run, the refresh is accepted,
        // and the program is previewed again
        const first = await stack.run(["preview", "--expect-no-changes"]);
        const check = await stack.run(["refresh", "--preview-only", "--expect-no-changes"]);
        const previewRefresh = await stack.run(["preview", "--refresh", "--expect-no-changes"]);
        const refresh = await stack.expect(0, "refresh", "--yes");
        const after = await stack.run(["preview", "--expect-no-changes", "--diff"]);
        // THEN nothing drifted, nothing is planned or displayed, and nothing was written to the cloud
        for (const [label, result] of Object.entries({ first, check, previewRefresh, after })) {
            assert.equal(result.code, 0, `${label}:\n${result.output}`);
            assert.deepEqual(reportedDrift(result.output), {}, label);
            assert.deepEqual(shortDiffs(result.stdout), {}, label);
        }
        assert.deepEqual(shortDiffs(refresh.stdout), {}, refresh.stdout);
        assert.match(after.stdout, /4 unchanged/);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("can update an input in place", async function () {
        this.timeout(180_000);
        // GIVEN every connection renamed in the program
        const renamed = SPECS.map((spec) => ({ ...spec, args: { ...spec.args, name: "office-2" } }));
        await stack.setConfig("connections", connectionsConfig(renamed));
        const mark = await requestMark(cloud.control);
        // WHEN up runs
        const up = await stack.up();
        // THEN each connection was modified, keeping its ID, and no other write happened
        assert.match(up.stdout, /~ 3 updated/);
        assert.deepEqual(shortDiffs(up.stdout), { ali: "~name", t3: "~name", t2: "~name" });
        assert.deepEqual((await stack.outputs()).connectionIds, ids);
        assert.deepEqual((await writesSince(cloud.control, mark)).sort(), ["alicloud:ModifyVpnConnectionAttribute", "tencentcloud:ModifyVpnConnEx", "tencentcloud:ModifyVpnConnectionAttribute"]);
        assert.equal((await emulatorConnection(cloud.control, ids.ali))?.Name, "office-2");
        assert.equal((await emulatorConnection(cloud.control, ids.t3))?.VpnConnectionName, "office-2");
        // and the update stored this release's short provider text in place of the serialized closure
        for (const resource of await stack.resources()) {
            if (!resource.urn.includes(":VpnConnection::")) continue;
            const text = providerText(resource.urn.includes("/alicloud:") ? HOOK_MODULES.alicloudVpnConnection : HOOK_MODULES.tencentcloudVpnConnection);
            const before = before_.find((r) => r.urn === resource.urn);
            assert.notEqual(before?.inputs?.__provider, text, "the previous release stored another text");
            assert.equal(resource.inputs?.__provider, text, resource.urn);
            assert.equal(resource.outputs?.__provider, text, resource.urn);
        }
    });

    it("can destroy, leaving no connection in the cloud", async function () {
        this.timeout(180_000);
        // WHEN the stack is destroyed
        const destroy = await stack.destroy();
        // THEN every connection is gone from the emulator and from state
        assert.match(destroy.stdout, /- 4 deleted/);
        assert.deepEqual(await emulatorConnections(cloud.control), []);
        assert.deepEqual(await stack.resources(), []);
        // and no command of the whole upgrade printed or stored a PSK or credential in plain
        assert.deepEqual(plaintextIn(stack.transcript, stack.secretValues), []);
    });
});
