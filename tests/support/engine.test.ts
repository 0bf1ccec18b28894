import * as assert from "node:assert/strict";
import { CheckFailedError, EngineSimulator, UNKNOWN } from "./engine";
import { PluginConnection, PluginRpcError, PROVIDER_KEY, startPlugin } from "./pluginProcess";
import { captureProviderString, serializeProvider, serializeProviderText } from "./providerString";
import {
    counterProviderV2,
    initFailProvider,
    makeCapturingProvider,
    minimalProvider,
    ToyCounter,
} from "./fixtures/toyProvider";
import { ToyStore } from "./fixtures/toyStore";

const TYPE = "pulumi-nodejs:dynamic/toy:Counter";

describe("EngineSimulator", () => {
    let store: ToyStore;
    let plugin: PluginConnection;
    let v1: string;
    let v2: string;

    before(async () => {
        store = new ToyStore();
        let captured;
        [plugin, captured, v2] = await Promise.all([
            startPlugin({ env: store.env }),
            captureProviderString(() => new ToyCounter("c1", { name: "n1" })),
            serializeProviderText(counterProviderV2),
        ]);
        v1 = captured.providerText;
    });

    after(async () => {
        await plugin?.close();
        store?.remove();
    });

    beforeEach(() => store.reset());

    function engine(options: ConstructorParameters<typeof EngineSimulator>[1] = {}): EngineSimulator {
        return new EngineSimulator(plugin, { type: TYPE, name: "c1", providerText: v1, ...options });
    }

    describe("up", () => {
        it("can create, keep, update and destroy a resource", async () => {
            // GIVEN
            const sim = engine();

            // WHEN
            const created = await sim.up({ name: "n1", size: 1 });
            const same = await sim.up({ name: "n1", size: 1 });
            const updated = await sim.up({ name: "n1", size: 2 });
            await sim.destroy();

            // THEN
            assert.equal(created.operation, "create");
            assert.equal(created.state.id, "toy-1");
            assert.equal(created.state.urn, `urn:pulumi:test-stack::test-project::${TYPE}::c1`);
            assert.deepEqual(created.state.inputs, { name: "n1", size: 1, zone: "zone-a", [PROVIDER_KEY]: v1 });
            assert.equal(created.state.outputs[PROVIDER_KEY], v1);
            assert.equal(same.operation, "same");
            assert.equal(same.diff?.changes, "none");
            assert.equal(updated.operation, "update");
            assert.equal(updated.state.outputs.size, 2);
            assert.equal(updated.state.id, "toy-1");
            assert.equal(sim.state, undefined);
            assert.deepEqual(store.read().items, {});
        });

        it("can replace create-before-delete when the diff returns replaces", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = plugin.logs.length;

            // WHEN
            const result = await sim.up({ name: "n1", zone: "zone-b" });

            // THEN
            assert.equal(result.operation, "replace");
            assert.deepEqual(result.diff?.replaces, ["zone"]);
            assert.equal(result.state.id, "toy-2");
            assert.deepEqual(Object.keys(store.read().items), ["toy-2"]);
            await plugin.waitForLog("toy delete toy-1", { since: logStart });
            assert.deepEqual(
                plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy create toy-2 by v1", "toy delete toy-1 by v1"],
            );
        });

        it("can replace delete-before-create when the diff asks for it", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = plugin.logs.length;

            // WHEN
            const result = await sim.up({ name: "n1", zone: "zone-b", dbr: true });

            // THEN
            assert.equal(result.operation, "replace");
            assert.equal(result.diff?.deleteBeforeReplace, true);
            await plugin.waitForLog("toy create toy-2", { since: logStart });
            assert.deepEqual(
                plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy delete toy-1 by v1", "toy create toy-2 by v1"],
            );
        });

        it("can replace delete-before-create when the resource option says so", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = plugin.logs.length;

            // WHEN
            await sim.up({ name: "n1", zone: "zone-b" }, { deleteBeforeReplace: true });

            // THEN
            await plugin.waitForLog("toy create toy-2", { since: logStart });
            assert.deepEqual(
                plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy delete toy-1 by v1", "toy create toy-2 by v1"],
            );
        });

        it("can force a replacement (--replace) without asking the provider's diff, creating first", async () => {
            // GIVEN a resource whose provider would ask to delete first on any replacement
            const sim = engine();
            await sim.up({ name: "n1", dbr: true });
            const logStart = plugin.logs.length;

            // WHEN it is replaced by force with unchanged inputs
            const result = await sim.up({ name: "n1", dbr: true }, { replace: true });

            // THEN the engine blamed the id and created first, as without the resource option it does
            assert.equal(result.operation, "replace");
            assert.deepEqual(result.diff?.replaces, ["id"]);
            await plugin.waitForLog("toy delete toy-1", { since: logStart });
            assert.deepEqual(
                plugin.logs.slice(logStart).filter((l) => /toy (create|delete|diff)/.test(l)),
                ["toy create toy-2 by v1", "toy delete toy-1 by v1"],
            );
        });

        it("fails when check reports failures, creating nothing", async () => {
            // GIVEN
            const sim = engine();

            // WHEN / THEN
            await assert.rejects(sim.up({ size: "big" }), (e: unknown) => {
                assert.ok(e instanceof CheckFailedError);
                assert.deepEqual(e.failures.map((f) => f.property), ["name", "size"]);
                assert.match(e.message, /name: `name` is required/);
                return true;
            });
            assert.equal(sim.state, undefined);
            assert.deepEqual(store.read().items, {});
        });

        it("fails when create only partially succeeds, keeping the resource and updating it on the next up", async () => {
            // GIVEN
            const sim = engine({ providerText: await serializeProviderText(initFailProvider) });

            // WHEN
            const error = await sim.up({ a: 1 }).then(
                () => assert.fail("up should fail"),
                (e: unknown) => e,
            );
            const partial = sim.state;
            const healed = await sim.up({ a: 1 });

            // THEN
            assert.ok(PluginRpcError.isInstance(error) && error.initFailure);
            assert.equal(partial?.id, "x");
            assert.deepEqual(partial?.initErrors, ["r"]);
            assert.equal(partial?.outputs.partial, true);
            assert.equal(healed.operation, "update");
            assert.equal(healed.diff?.changes, "none");
            assert.equal(healed.state.outputs.healed, true);
            assert.equal(healed.state.initErrors, undefined);
        });

        it("can decide a DIFF_UNKNOWN by comparing inputs, so a new __provider alone updates", async () => {
            // GIVEN
            const minimal = await serializeProvider(minimalProvider);
            const sim = engine({ providerText: minimal.text });
            await sim.up({ a: 1 });
            const changedCode = minimal.text.replace('"minimal-1"', '"minimal-1" /* v2 */');

            // WHEN
            const same = await sim.up({ a: 1 });
            const upgraded = await sim.up({ a: 1 }, { providerText: changedCode });

            // THEN
            assert.equal(same.operation, "same");
            assert.equal(same.diff?.providerChanges, "unknown");
            assert.equal(upgraded.operation, "update");
            assert.deepEqual(upgraded.diff?.changedKeys, [PROVIDER_KEY]);
            assert.equal(upgraded.state.outputs[PROVIDER_KEY], changedCode);
        });
    });

    describe("provider code from state", () => {
        it("can run delete with the stored __provider while a custom diff ignores the new code", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            sim.withProviderText(v2);
            const since = plugin.logs.length;

            // WHEN
            const same = await sim.up({ name: "n1" });
            await sim.destroy();

            // THEN
            assert.equal(same.operation, "same");
            assert.equal(same.state.inputs[PROVIDER_KEY], v2);
            assert.equal(same.state.outputs[PROVIDER_KEY], v1);
            assert.match(await plugin.waitForLog("toy delete toy-1", { since }), /by v1$/);
        });

        it("can run the new code for read and delete once an update rewrites state", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            sim.withProviderText(v2);
            const since = plugin.logs.length;

            // WHEN
            await sim.up({ name: "n1", size: 5 });
            await sim.refresh();
            await sim.destroy();

            // THEN
            assert.match(await plugin.waitForLog("toy update toy-1", { since }), /by v2$/);
            assert.match(await plugin.waitForLog("toy read toy-1", { since }), /by v2$/);
            assert.match(await plugin.waitForLog("toy delete toy-1", { since }), /by v2$/);
        });
    });

    describe("preview", () => {
        it("can preview a change with unknown inputs without calling create or update", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1", size: 1 });
            const before = sim.state;
            const itemsBefore = store.read().items;

            // WHEN
            const created = await engine({ name: "c2" }).preview({ name: "n2" });
            const result = await sim.preview({ name: "n1", size: UNKNOWN });

            // THEN
            assert.equal(created.operation, "create");
            assert.equal(result.operation, "update");
            assert.equal(result.inputs.size, UNKNOWN);
            assert.deepEqual(sim.state, before);
            assert.deepEqual(store.read().items, itemsBefore);
        });
    });

    describe("refresh", () => {
        it("can report drift with --preview-only semantics and store it only on a real refresh", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1", size: 1 });
            store.mutate("toy-1", { size: 9 });

            // WHEN
            const preview = await sim.refresh({ previewOnly: true });
            const stateAfterPreview = sim.state;
            const refreshed = await sim.refresh();
            const again = await sim.refresh({ previewOnly: true });

            // THEN
            assert.equal(preview.drift, true);
            assert.equal(preview.changes, "some");
            assert.equal(preview.read.inputs?.size, 9);
            assert.equal(stateAfterPreview?.outputs.size, 1);
            assert.equal(refreshed.drift, true);
            assert.equal(sim.state?.outputs.size, 9);
            assert.equal(sim.state?.inputs.size, 9);
            assert.equal(again.drift, false);
        });

        it("can report no drift when nothing changed", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });

            // WHEN
            const result = await sim.refresh({ previewOnly: true });

            // THEN
            assert.deepEqual([result.drift, result.deleted, result.changes, result.providerChanges], [false, false, "none", "none"]);
        });

        it("can report a resource deleted out of band and drop it from state", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            store.mutate("toy-1", undefined);

            // WHEN
            const preview = await sim.refresh({ previewOnly: true });
            const kept = sim.state;
            const refreshed = await sim.refresh();

            // THEN
            assert.deepEqual([preview.drift, preview.deleted, preview.read.id], [true, true, ""]);
            assert.equal(kept?.id, "toy-1");
            assert.equal(refreshed.deleted, true);
            assert.equal(sim.state, undefined);
        });

        it("can never see drift without a read hook", async () => {
            // GIVEN
            const sim = engine({ providerText: await serializeProviderText(minimalProvider) });
            await sim.up({ a: 1 });

            // WHEN
            const result = await sim.refresh({ previewOnly: true });

            // THEN
            assert.equal(result.drift, false);
            assert.equal(result.read.inputs, undefined);
        });

        it("fails when there is no state to refresh", async () => {
            // WHEN / THEN
            await assert.rejects(engine().refresh(), /cannot refresh: the resource has no state/);
        });
    });

    describe("secrets bookkeeping", () => {
        it("can copy secretness from inputs to same-key outputs", async () => {
            // GIVEN
            const sim = engine({ secretInputKeys: ["psk"] });

            // WHEN
            await sim.up({ name: "n1", psk: "s3cret" });

            // THEN
            assert.deepEqual(sim.stateSecretPaths(), { inputs: ["psk"], outputs: ["psk"] });
            const received = sim.transcript.filter((e) => e.direction === "received").map((e) => [e.method, e.field, e.secretPaths]);
            assert.deepEqual(received, [
                ["check", "inputs", ["psk"]],
                ["create", "properties", ["psk"]],
            ]);
        });

        it("can find a secret copied into a derived output, until it is an additional secret output", async () => {
            // GIVEN
            const leaky = engine({ secretInputKeys: ["psk"] });
            const declared = engine({ secretInputKeys: ["psk"], additionalSecretOutputs: ["derived"] });

            // WHEN
            await leaky.up({ name: "n1", psk: "s3cret" });
            await leaky.refresh();
            await declared.up({ name: "n1", psk: "s3cret" });
            await declared.refresh();

            // THEN
            assert.deepEqual(
                leaky.plaintextLeaks(["s3cret"]).map((l) => `${l.method}.${l.field}:${l.path}`),
                ["create.properties:derived", "read.properties:derived"],
            );
            assert.deepEqual(declared.plaintextLeaks(["s3cret"]), []);
        });

        it("can find a secret that is not marked secret in the program", async () => {
            // GIVEN
            const sim = engine();

            // WHEN
            await sim.up({ name: "n1", psk: "s3cret" });

            // THEN
            assert.deepEqual(
                sim.plaintextLeaks(["s3cret"]).map((l) => `${l.method}.${l.field}:${l.path}`),
                ["check.inputs:psk", "create.properties:derived", "create.properties:psk"],
            );
        });

        it("can find a plain string captured in the __provider text", async () => {
            // GIVEN
            const sim = engine({ providerText: await serializeProviderText(makeCapturingProvider("tok-abc-123")) });

            // WHEN
            await sim.up({ a: 1 });

            // THEN
            assert.deepEqual(
                sim.plaintextLeaks(["tok-abc-123"]).map((l) => `${l.method}.${l.field}:${l.path}`),
                ["check.inputs:__provider", "create.properties:__provider"],
            );
        });

        it("can keep a secret __provider out of the leak report", async () => {
            // GIVEN
            const sim = engine({
                providerText: await serializeProviderText(makeCapturingProvider("tok-abc-123")),
                providerSecret: true,
            });

            // WHEN
            await sim.up({ a: 1 });

            // THEN
            assert.deepEqual(sim.plaintextLeaks(["tok-abc-123"]), []);
            assert.deepEqual(sim.stateSecretPaths(), { inputs: [PROVIDER_KEY], outputs: [PROVIDER_KEY] });
        });

        it("can find secrets in plugin log lines", async () => {
            // GIVEN
            const sim = engine();
            const since = plugin.logs.length;

            // WHEN
            await sim.up({ name: "secret-name-77" });
            await plugin.waitForLog("toy create toy-1", { since });

            // THEN
            assert.ok(sim.logLeaks(["toy create toy-1"]).length > 0);
            assert.deepEqual(sim.logLeaks(["secret-name-77"]), []);
        });
    });
});
