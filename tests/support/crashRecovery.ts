/**
 * Crash recovery through the real plugin process: the plugin is killed while a create is in flight
 * — its CreateVpnConnection committed but unanswered, or answered and waiting for the connection to
 * become ready — and the engine never learned the id. A new plugin and the same `up` must converge
 * on that one connection (Alibaba through the deterministic ClientToken, Tencent by looking the
 * connection up and adopting it): exactly one connection, never a duplicate, no secret in state or logs.
 */
import assert from "node:assert/strict";
import { startTestCloud, TestCloud } from "./cloudEnv";
import { EngineSimulator } from "./engine";
import { PluginConnection } from "./pluginConnection";
import { startPlugin } from "./pluginProcess";
import { captureProviderString, CapturedProvider } from "./providerString";
import { createProgramDir, ProgramDir } from "./programDir";

type Props = Record<string, any>;

export interface CrashKit {
    cloud: "alicloud" | "tencentcloud";
    title: string;
    /** SDK args; `preSharedKey` is audited. */
    args(cloud: TestCloud): Props;
    construct(name: string, args: Props): unknown;
    additionalSecretOutputs: string[];
    /** The action that creates a connection. */
    createAction: string;
    connections(state: any): Props[];
    idOf(connection: Props): string;
    credentials(cloud: TestCloud): string[];
}

/** How long the emulator holds a committed create's answer: far beyond the moment of the kill. */
const HELD_ANSWER_MS = 20_000;
/** Transition time of the "killed while waiting" case: the plugin is still polling when killed. */
const SLOW_TRANSITION_MS = 1_000;

/** Polls `probe` until it returns true, at most `timeoutMs`. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

export function describeCrashRecovery(kit: CrashKit): void {
    describe(`${kit.title}: the plugin is killed mid-create, and a re-run converges`, function () {
        this.timeout(60_000);
        let cloud: TestCloud;
        let program: ProgramDir;
        let captured: CapturedProvider;
        const plugins: PluginConnection[] = [];

        before(async () => {
            cloud = await startTestCloud();
            program = createProgramDir();
            captured = await captureProviderString(() => kit.construct("crash", kit.args(cloud)));
        });
        afterEach(async () => {
            await Promise.all(plugins.splice(0).map((p) => p.close()));
        });
        after(async () => {
            program?.remove();
            await cloud?.stop();
        });
        beforeEach(() => cloud.control.reset());

        const plugin = async () => {
            const started = await startPlugin({ cwd: program.dir, env: cloud.env });
            plugins.push(started);
            return started;
        };
        const connections = async () => kit.connections(await cloud.control.state<any>());
        const createCalls = async () => (await cloud.control.counters())[`${kit.cloud}:${kit.createAction}`] ?? 0;

        async function crashThenRerun(inFlight: () => Promise<void>): Promise<void> {
            const first = await plugin();
            const engine = new EngineSimulator(first, {
                type: captured.type,
                name: "crash",
                providerText: captured.providerText,
                providerSecret: captured.providerSecret,
                secretInputKeys: captured.secretInputKeys,
                additionalSecretOutputs: kit.additionalSecretOutputs,
            });
            // WHEN `up` starts, the create reaches the cloud, and the plugin is killed
            const up = engine.up(captured.inputs).then(
                () => "completed",
                () => "failed",
            );
            await inFlight();
            await first.kill();
            // THEN the engine learned nothing, while the cloud holds the connection
            assert.equal(await up, "failed");
            assert.equal(engine.state, undefined);
            const orphan = await connections();
            assert.equal(orphan.length, 1);

            // WHEN `up` runs again in a new plugin
            const second = await plugin();
            const rerun = await engine.useConnection(second).up(captured.inputs);
            // THEN it adopted that connection: exactly one, now in state, no duplicate
            assert.equal(rerun.operation, "create");
            const all = await connections();
            assert.deepEqual(all.map(kit.idOf), [kit.idOf(orphan[0])]);
            assert.equal(rerun.state.id, kit.idOf(orphan[0]));
            // … and neither the state nor either plugin's log holds the PSK or a credential
            const secrets = [kit.args(cloud).preSharedKey, ...kit.credentials(cloud)];
            assert.deepEqual(engine.plaintextLeaks(secrets), []);
            for (const p of [first, second]) {
                assert.deepEqual(p.logs.filter((line) => secrets.some((s) => line.includes(s))), []);
            }
            await engine.destroy();
            assert.deepEqual(await connections(), []);
        }

        it("can converge after a kill while the committed create is unanswered", async () => {
            // GIVEN a cloud that commits the create but holds its answer
            await cloud.control.armFault({ cloud: kit.cloud, action: kit.createAction, fault: { kind: "delay", ms: HELD_ANSWER_MS } });
            await crashThenRerun(() => eventually(`${kit.createAction} to reach the cloud`, async () => (await createCalls()) === 1));
        });

        it("can converge after a kill while waiting for the new connection to become ready", async () => {
            // GIVEN slow transitions, so the plugin is still polling the new connection when killed
            await cloud.control.settings({ transitionMs: SLOW_TRANSITION_MS });
            await crashThenRerun(async () => {
                await eventually(`${kit.createAction} to be answered`, async () =>
                    (await cloud.control.requests()).some((e) => e.action === kit.createAction && e.outcome === "OK"),
                );
                await eventually("the plugin to poll the new connection", async () => (await cloud.control.requests()).some((e) => /^Describe/.test(e.action)));
            });
        });
    });
}
