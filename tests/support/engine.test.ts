import * as assert from "node:assert/strict";
import { CheckFailedError } from "./engineTypes";
import { TOY_TYPE, useToyEngine } from "./fixtures/toyEngine";
import { counterProviderV2, initFailProvider, minimalProvider } from "./fixtures/toyProvider";
import { PluginRpcError } from "./pluginRpc";
import { PROVIDER_KEY, UNKNOWN } from "./propertyMap";
import { serializeProvider, serializeProviderText } from "./providerString";

describe("EngineSimulator", () => {
    const bed = useToyEngine();
    const engine = bed.engine;
    let v2: string;

    before(async () => {
        v2 = await serializeProviderText(counterProviderV2);
    });

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
            assert.equal(created.state.urn, `urn:pulumi:test-stack::test-project::${TOY_TYPE}::c1`);
            assert.deepEqual(created.state.inputs, { name: "n1", size: 1, zone: "zone-a", [PROVIDER_KEY]: bed.providerText });
            assert.equal(created.state.outputs[PROVIDER_KEY], bed.providerText);
            assert.equal(same.operation, "same");
            assert.equal(same.diff?.changes, "none");
            assert.equal(updated.operation, "update");
            assert.equal(updated.state.outputs.size, 2);
            assert.equal(updated.state.id, "toy-1");
            assert.equal(sim.state, undefined);
            assert.deepEqual(bed.store.read().items, {});
        });

        it("can replace create-before-delete when the diff returns replaces", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = bed.plugin.logs.length;

            // WHEN
            const result = await sim.up({ name: "n1", zone: "zone-b" });

            // THEN
            assert.equal(result.operation, "replace");
            assert.deepEqual(result.diff?.replaces, ["zone"]);
            assert.equal(result.state.id, "toy-2");
            assert.deepEqual(Object.keys(bed.store.read().items), ["toy-2"]);
            await bed.plugin.waitForLog("toy delete toy-1", { since: logStart });
            assert.deepEqual(
                bed.plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy create toy-2 by v1", "toy delete toy-1 by v1"],
            );
        });

        it("can replace delete-before-create when the diff asks for it", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = bed.plugin.logs.length;

            // WHEN
            const result = await sim.up({ name: "n1", zone: "zone-b", dbr: true });

            // THEN
            assert.equal(result.operation, "replace");
            assert.equal(result.diff?.deleteBeforeReplace, true);
            await bed.plugin.waitForLog("toy create toy-2", { since: logStart });
            assert.deepEqual(
                bed.plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy delete toy-1 by v1", "toy create toy-2 by v1"],
            );
        });

        it("can replace delete-before-create when the resource option says so", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            const logStart = bed.plugin.logs.length;

            // WHEN
            await sim.up({ name: "n1", zone: "zone-b" }, { deleteBeforeReplace: true });

            // THEN
            await bed.plugin.waitForLog("toy create toy-2", { since: logStart });
            assert.deepEqual(
                bed.plugin.logs.slice(logStart).filter((l) => /toy (create|delete)/.test(l)),
                ["toy delete toy-1 by v1", "toy create toy-2 by v1"],
            );
        });

        it("can force a replacement (--replace) without asking the provider's diff, creating first", async () => {
            // GIVEN a resource whose provider would ask to delete first on any replacement
            const sim = engine();
            await sim.up({ name: "n1", dbr: true });
            const logStart = bed.plugin.logs.length;

            // WHEN it is replaced by force with unchanged inputs
            const result = await sim.up({ name: "n1", dbr: true }, { replace: true });

            // THEN the engine blamed the id and created first, as without the resource option it does
            assert.equal(result.operation, "replace");
            assert.deepEqual(result.diff?.replaces, ["id"]);
            await bed.plugin.waitForLog("toy delete toy-1", { since: logStart });
            assert.deepEqual(
                bed.plugin.logs.slice(logStart).filter((l) => /toy (create|delete|diff)/.test(l)),
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
            assert.deepEqual(bed.store.read().items, {});
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
            const since = bed.plugin.logs.length;

            // WHEN
            const same = await sim.up({ name: "n1" });
            await sim.destroy();

            // THEN
            assert.equal(same.operation, "same");
            assert.equal(same.state.inputs[PROVIDER_KEY], v2);
            assert.equal(same.state.outputs[PROVIDER_KEY], bed.providerText);
            assert.match(await bed.plugin.waitForLog("toy delete toy-1", { since }), /by v1$/);
        });

        it("can run the new code for read and delete once an update rewrites state", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1" });
            sim.withProviderText(v2);
            const since = bed.plugin.logs.length;

            // WHEN
            await sim.up({ name: "n1", size: 5 });
            await sim.refresh();
            await sim.destroy();

            // THEN
            assert.match(await bed.plugin.waitForLog("toy update toy-1", { since }), /by v2$/);
            assert.match(await bed.plugin.waitForLog("toy read toy-1", { since }), /by v2$/);
            assert.match(await bed.plugin.waitForLog("toy delete toy-1", { since }), /by v2$/);
        });
    });

    describe("preview", () => {
        it("can preview a change with unknown inputs without calling create or update", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1", size: 1 });
            const before = sim.state;
            const itemsBefore = bed.store.read().items;

            // WHEN
            const created = await engine({ name: "c2" }).preview({ name: "n2" });
            const result = await sim.preview({ name: "n1", size: UNKNOWN });

            // THEN
            assert.equal(created.operation, "create");
            assert.equal(result.operation, "update");
            assert.equal(result.inputs.size, UNKNOWN);
            assert.deepEqual(sim.state, before);
            assert.deepEqual(bed.store.read().items, itemsBefore);
        });
    });

    describe("refresh", () => {
        it("can report drift with --preview-only semantics and store it only on a real refresh", async () => {
            // GIVEN
            const sim = engine();
            await sim.up({ name: "n1", size: 1 });
            bed.store.mutate("toy-1", { size: 9 });

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
            bed.store.mutate("toy-1", undefined);

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
});
