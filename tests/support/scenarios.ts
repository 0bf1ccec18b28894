/**
 * The engine contract, as one suite every resource kit runs through the real plugin process:
 * up, no-op up, in-place update, replacement (create-before-delete and delete-before-replace),
 * preview with unknowns, refresh with and without drift (each mutable field), out-of-band
 * deletion, destroy, partial failure, state from an older provider version, adoption, a drift
 * sweep over every enum value of the field table, and a secrets audit of everything the engine
 * would store.
 */
import assert from "node:assert/strict";
import { driftLineStart, parseDriftLine } from "../../provider/core/driftLine";
import { isPlainObject, Schema, secretPaths, secretValues } from "../../provider/core/schema";
import { TestCloud } from "./cloudEnv";
import { EngineSimulator } from "./engine";
import { UNKNOWN } from "./propertyMap";
import { PluginHarness, startPluginHarness } from "./pluginHarness";
import { PluginConnection } from "./pluginConnection";
import { PluginRpcError } from "./pluginRpc";
import { captureProviderString, CapturedProvider } from "./providerString";
import { sweepVariants } from "./enumSweep";

type Props = Record<string, any>;

/** An out-of-band change made in the "console" and the one input path it must show up as. */
export interface Drift {
    /** Input path the provider must report, e.g. `ikeConfig.ikeEncAlg`. */
    path: string;
    /** Partial connection in the cloud API's response shape, for `PATCH /__emu/<cloud>/connections/<id>`. */
    patch: Props;
    /** Args over the kit's baseline for a field that needs other settings (e.g. BGP on a `Bgp` tunnel). @default none */
    args?(cloud: TestCloud): Props;
}

export interface ResourceKit {
    cloud: "alicloud" | "tencentcloud";
    title: string;
    /** Field table of the resource, for the enum sweep. */
    schema: Schema;
    /** SDK args of the baseline resource; every mutable field set so drift in it is managed. */
    args(cloud: TestCloud): Props;
    /** `new Sdk.VpnConnection(name, args)`. */
    construct(name: string, args: Props): unknown;
    /** Output keys the SDK passes as `additionalSecretOutputs`. */
    additionalSecretOutputs: string[];
    /** An in-place change (and a check of the resulting outputs). */
    inPlaceChange: { args: Props; verify(outputs: Props): void };
    /** A change that must replace the connection. */
    replacingChange(cloud: TestCloud): Props;
    /** One out-of-band change per mutable field. */
    drifts: Drift[];
    /** The connection records in the emulator's `/__emu/state` dump. */
    connections(state: any): Props[];
    /** Mutating API actions (their counters must not move during previews and no-op ups). */
    writeActions: string[];
    /** Name of the adoption input. */
    adoptProperty: string;
    /** Enum paths the sweep must skip (values valid only with other settings). */
    sweepSkip?: string[];
    /** The smallest valid args (everything optional left to the API's defaults). @default the required fields of `args` */
    minimalArgs?(cloud: TestCloud): Props;
    /** Run the enum sweep (off where the API generation accepts only a subset of the table's enums). @default true */
    sweep?: boolean;
    /** Secrets the audit looks for besides the PSKs used. */
    credentials(cloud: TestCloud): string[];
}

export function describeEngineScenarios(kit: ResourceKit): void {
    describe(`${kit.title}: the engine's flows through the dynamic-provider plugin`, function () {
        this.timeout(120_000);
        let harness: PluginHarness;
        let cloud: TestCloud;
        let plugin: PluginConnection;
        let base: CapturedProvider;
        const engines: EngineSimulator[] = [];
        const psks = new Set<string>();

        before(async () => {
            harness = await startPluginHarness();
            ({ cloud, plugin } = harness);
            base = await capture("conn", kit.args(cloud));
        });
        after(() => harness?.stop());
        beforeEach(() => cloud.control.reset());

        async function capture(name: string, args: Props): Promise<CapturedProvider> {
            // Every secret row's value, the tunnels' PSKs included.
            secretValues(kit.schema, args).forEach((value) => psks.add(value));
            return captureProviderString(() => kit.construct(name, args));
        }

        function engine(name = "conn", captured = base): EngineSimulator {
            const simulator = new EngineSimulator(plugin, {
                type: captured.type,
                name,
                providerText: captured.providerText,
                providerSecret: captured.providerSecret,
                secretInputKeys: captured.secretInputKeys,
                additionalSecretOutputs: kit.additionalSecretOutputs,
            });
            engines.push(simulator);
            return simulator;
        }

        const connections = async () => kit.connections(await cloud.control.state<any>());
        const writes = async () => {
            const counters = await cloud.control.counters();
            return kit.writeActions.reduce((sum, action) => sum + (counters[`${kit.cloud}:${action}`] ?? 0), 0);
        };
        const desiredWith = async (extra: Props) => (await capture("conn", { ...kit.args(cloud), ...extra })).inputs;
        /** Paths the provider reported in its diff log line for `id` since `since` (stderr may trail the RPC reply). */
        const reportedPaths = async (id: string, since: number): Promise<string[]> => {
            const line = await plugin.waitForLog(driftLineStart(id), { since, timeoutMs: 5000 });
            return parseDriftLine(line)!.paths;
        };

        it("can create, then see no change and write nothing on the next up", async () => {
            const simulator = engine();
            const created = await simulator.up(base.inputs);
            assert.equal(created.operation, "create");
            assert.equal((await connections()).length, 1);
            const before = await writes();
            const again = await simulator.up(base.inputs);
            assert.equal(again.operation, "same");
            assert.equal(await writes(), before, "a no-op up must not call a write API");
            await simulator.destroy();
            assert.equal((await connections()).length, 0);
        });

        it("can update in place without replacing", async () => {
            const simulator = engine();
            const created = await simulator.up(base.inputs);
            const updated = await simulator.up(await desiredWith(kit.inPlaceChange.args));
            assert.equal(updated.operation, "update");
            assert.equal(updated.state.id, created.state.id);
            // The CLI's [diff: …] names exactly the changed fields.
            assert.equal(updated.display, `~${Object.keys(kit.inPlaceChange.args).sort().join(",")}`);
            kit.inPlaceChange.verify(updated.state.outputs);
            assert.equal((await simulator.refresh({ previewOnly: true })).drift, false);
            await simulator.destroy();
        });

        const replacementOrders: [string, boolean | undefined, string[]][] = [
            ["creating first (deleteBeforeReplace: false)", false, ["create", "create", "delete"]],
            ["deleting first (deleteBeforeReplace: true)", true, ["create", "delete", "create"]],
            // Unset: the provider deletes first because the replacement keeps the VPN gateway.
            ["deleting first by the provider's choice (option unset, same gateway)", undefined, ["create", "delete", "create"]],
        ];
        for (const [title, deleteBeforeReplace, expectedOrder] of replacementOrders) {
            it(`can replace ${title}`, async () => {
                // GIVEN a connection
                const simulator = engine();
                const created = await simulator.up(base.inputs);
                // WHEN a replace-only field changes
                const replaced = await simulator.up(await desiredWith(kit.replacingChange(cloud)), { deleteBeforeReplace });
                // THEN a new connection took the old one's place, in the expected order
                assert.equal(replaced.operation, "replace");
                assert.notEqual(replaced.state.id, created.state.id);
                const remaining = await connections();
                assert.equal(remaining.length, 1);
                const order = (await cloud.control.requests())
                    .filter((entry: any) => entry.outcome === "OK" && /^(Create|Delete|AddVpnConnEx|DeleteVpnConn)/.test(entry.action))
                    .map((entry: any) => (entry.action.startsWith("Delete") ? "delete" : "create"));
                assert.deepEqual(order, expectedOrder);
                await simulator.destroy();
            });
        }

        it("can force a replacement (--replace) deleting first, as the SDK classes' option makes the engine do", async () => {
            // GIVEN a connection
            const simulator = engine();
            const created = await simulator.up(base.inputs);
            // WHEN it is replaced by force with unchanged inputs (the SDK classes default deleteBeforeReplace to true)
            const replaced = await simulator.up(base.inputs, { replace: true, deleteBeforeReplace: true });
            // THEN a new connection took its place
            assert.notEqual(replaced.state.id, created.state.id);
            assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [replaced.state.id]);
            await simulator.destroy();
        });

        it("fails to keep the connection when a forced replacement creates first (why the SDK classes delete first)", async () => {
            // GIVEN a connection
            const simulator = engine();
            const created = await simulator.up(base.inputs);
            // WHEN it is replaced by force creating first (deleteBeforeReplace: false)
            const replaced = await simulator.up(base.inputs, { replace: true, deleteBeforeReplace: false });
            // THEN the create was handed the old connection back by its idempotency token, and the engine deleted it
            assert.equal(replaced.state.id, created.state.id);
            assert.deepEqual(await connections(), []);
            await simulator.destroy();
        });

        it("can preview with unknown inputs without calling a write API", async () => {
            // GIVEN no resource yet: the preview's check passes the unknown through and calls no API at all
            const simulator = engine();
            const fresh = await simulator.preview({ ...base.inputs, name: UNKNOWN });
            assert.equal(fresh.inputs.name, UNKNOWN);
            assert.deepEqual(await cloud.control.counters(), {});
            // GIVEN an existing resource: the diff plans an update and nothing is written
            await simulator.up(base.inputs);
            const before = await writes();
            const planned = await simulator.preview({ ...base.inputs, name: UNKNOWN });
            assert.equal(planned.operation, "update");
            assert.equal(await writes(), before);
            await simulator.destroy();
        });

        it("can refresh with no drift and report none", async () => {
            const simulator = engine();
            await simulator.up(base.inputs);
            const result = await simulator.refresh({ previewOnly: true });
            assert.equal(result.drift, false);
            const stored = await simulator.refresh();
            assert.equal(stored.drift, false);
            assert.equal((await simulator.up(base.inputs)).operation, "same");
            await simulator.destroy();
        });

        for (const drift of kit.drifts) {
            it(`can report drift in exactly \`${drift.path}\` and converge it back`, async () => {
                // GIVEN a connection changed out of band in that one field
                const baseline = drift.args ? await capture("conn", { ...kit.args(cloud), ...drift.args(cloud) }) : base;
                const simulator = engine("conn", baseline);
                const { state } = await simulator.up(baseline.inputs);
                // A PSK set "in the console" comes back through read: the secrets audit must look for it too.
                if (isSecretPath(kit, drift.path)) stringLeaves(drift.patch).forEach((value) => psks.add(value));
                await cloud.control.call("PATCH", `/${kit.cloud}/connections/${state.id}`, drift.patch);
                // WHEN a drift check runs (refresh --preview-only --expect-no-changes)
                const since = plugin.logs.length;
                const result = await simulator.refresh({ previewOnly: true });
                // THEN it trips, naming only that field, in the log line and in the CLI's [diff: …]
                // (where a secret, reaching the display masked, never shows a change)
                const top = drift.path.split(/[.[]/)[0];
                const topLevel = isSecretPath(kit, drift.path) || kit.additionalSecretOutputs.includes(top) ? "" : `~${top}`;
                assert.equal(result.drift, true);
                assert.deepEqual(await reportedPaths(state.id, since), [drift.path]);
                assert.equal(result.display, topLevel);
                // WHEN up runs with --refresh
                await simulator.refresh();
                const converged = await simulator.up(baseline.inputs);
                // THEN the field is put back and the next drift check is clean
                assert.equal(converged.operation, "update");
                assert.equal(converged.display, topLevel);
                assert.equal((await simulator.refresh({ previewOnly: true })).drift, false);
                await simulator.destroy();
            });
        }

        it("can see an out-of-band deletion and recreate on the next up", async () => {
            const simulator = engine();
            const { state } = await simulator.up(base.inputs);
            await cloud.control.call("DELETE", `/${kit.cloud}/connections/${state.id}`);
            const result = await simulator.refresh();
            assert.equal(result.deleted, true);
            assert.equal(simulator.state, undefined);
            const recreated = await simulator.up(base.inputs);
            assert.equal(recreated.operation, "create");
            assert.equal((await connections()).length, 1);
            await simulator.destroy();
        });

        it("can keep a half-created connection in state and converge it without a duplicate", async () => {
            // GIVEN a cloud slower than the resource's create timeout: the create succeeds, the wait cannot
            await cloud.control.settings({ transitionMs: 4000 });
            const impatient = await capture("conn", { ...kit.args(cloud), timeouts: { create: 1 } });
            const simulator = engine("conn", impatient);
            // WHEN up runs
            await assert.rejects(simulator.up(impatient.inputs), (error: unknown) => {
                assert.ok(PluginRpcError.isInstance(error));
                assert.ok(error.initFailure?.id, "the engine must get the id to keep the resource");
                return true;
            });
            // THEN the engine kept it, and the next up finishes it instead of creating another
            assert.ok(simulator.state?.id);
            await cloud.control.settings({ transitionMs: 20 });
            const next = await simulator.up(impatient.inputs);
            assert.equal(next.operation, "update");
            assert.equal((await connections()).length, 1);
            await simulator.destroy();
            assert.equal((await connections()).length, 0);
        });

        it("can read, diff and delete state written by the previous provider version", async () => {
            // GIVEN state as an older version wrote it: the same module-name provider text, fewer computed outputs
            const simulator = engine();
            const { state } = await simulator.up(base.inputs);
            const older = { ...state, outputs: { ...state.outputs } };
            delete older.outputs.healthCheckStatus;
            delete older.outputs.__inputs;
            simulator.setState(older, { inputs: base.secretInputKeys, outputs: kit.additionalSecretOutputs });
            // WHEN the next version refreshes, runs up and destroys it
            const refreshed = await simulator.refresh({ previewOnly: true });
            const before = await writes();
            const next = await simulator.up(base.inputs);
            // THEN nothing drifted and nothing needs to change
            assert.equal(refreshed.drift, false);
            assert.equal(next.operation, "same");
            assert.equal(await writes(), before);
            await simulator.destroy();
            assert.equal((await connections()).length, 0);
        });

        it("can record a changed timeout without calling the cloud", async () => {
            const simulator = engine();
            await simulator.up(base.inputs);
            const before = await writes();
            const slower = await capture("conn", { ...kit.args(cloud), timeouts: { delete: 1800 } });
            const updated = await simulator.up(slower.inputs);
            assert.equal(updated.operation, "update");
            assert.deepEqual(updated.state.outputs.timeouts, { delete: 1800 });
            assert.equal(await writes(), before);
            await simulator.destroy();
        });

        it("can adopt an existing connection by id without creating a second one", async () => {
            // GIVEN a connection made by another stack
            const other = engine("other", await capture("other", kit.args(cloud)));
            const { state } = await other.up((await capture("other", kit.args(cloud))).inputs);
            // WHEN this stack adopts it
            const adopter = engine("adopter", await capture("adopter", { ...kit.args(cloud), [kit.adoptProperty]: state.id }));
            const adopted = await adopter.up((await capture("adopter", { ...kit.args(cloud), [kit.adoptProperty]: state.id })).inputs);
            // THEN it manages that connection
            assert.equal(adopted.state.id, state.id);
            assert.equal((await connections()).length, 1);
            await adopter.destroy();
            assert.equal((await connections()).length, 0);
        });

        it("fails adoption clearly when the id does not exist", async () => {
            const captured = await capture("adopter", { ...kit.args(cloud), [kit.adoptProperty]: "does-not-exist-1" });
            await assert.rejects(engine("adopter", captured).up(captured.inputs), new RegExp(`${kit.adoptProperty}.*does-not-exist-1`));
            assert.equal((await connections()).length, 0);
        });

        if (kit.sweep !== false) {
            it("can sweep every enum value (mixed case) and reordered lists with zero drift", async function () {
                this.timeout(300_000);
                const variants = sweepVariants(kit.schema, kit.args(cloud), kit.sweepSkip ?? [], kit.minimalArgs?.(cloud));
                assert.ok(variants.length >= 10, `only ${variants.length} variants`);
                for (const [label, args] of variants) {
                    const captured = await capture("sweep", args);
                    const simulator = engine("sweep", captured);
                    await simulator.up(captured.inputs);
                    const refreshed = await simulator.refresh({ previewOnly: true });
                    assert.equal(refreshed.drift, false, `drift after creating ${label}`);
                    assert.equal((await simulator.preview(captured.inputs)).operation, "same", `diff after creating ${label}`);
                    await simulator.destroy();
                }
            });
        }

        it("can keep every PSK and credential out of what the engine stores in plaintext", () => {
            // Runs last: audits every property map of every scenario above.
            const secrets = [...psks, ...kit.credentials(cloud)];
            // Not vacuous: the PSKs of the baseline and of a console change, stored maps, plugin logs.
            const consolePsks = kit.drifts.filter((d) => isSecretPath(kit, d.path)).flatMap((d) => stringLeaves(d.patch));
            assert.ok(consolePsks.length > 0 && consolePsks.every((psk) => psks.has(psk)), "a PSK drift row ran");
            assert.ok(engines.length > 5 && engines.every((e) => e.transcript.some((entry) => entry.stored)));
            assert.ok(plugin.logs.length > 0);
            for (const simulator of engines) {
                assert.deepEqual(simulator.plaintextLeaks(secrets), []);
                assert.deepEqual(simulator.logLeaks(secrets), []);
            }
        });
    });
}

/** True when `path` names a secret row; an item of a list of blocks counts as its row (`tunnels[1].preSharedKey`). */
function isSecretPath(kit: ResourceKit, path: string): boolean {
    return secretPaths(kit.schema).includes(path.replace(/\[\d+\]/g, "[]"));
}

/** Every string value inside a (patch) object. */
function stringLeaves(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(stringLeaves);
    return isPlainObject(value) ? Object.values(value).flatMap(stringLeaves) : [];
}
