/**
 * Starts the emulator for provider tests and points both clouds' settings at it through the same
 * environment variables users set, with fast retry/wait timing. Restores the environment on stop.
 */
import { cloudEnvironment, EmulatorInfo, FAST_TIMING_ENV, RunningEmulator, startEmulator, TencentEndpointInfo } from "../../emulator";
import { ControlClient } from "../../emulator/core/controlClient";

export interface TestCloud {
    emulator: RunningEmulator<EmulatorInfo>;
    control: ControlClient;
    /** The environment handed to the plugin process (or applied in-process). */
    env: Record<string, string>;
    alicloud: EmulatorInfo["alicloud"];
    tencentcloud?: TencentEndpointInfo;
    stop(): Promise<void>;
}

export { FAST_TIMING_ENV };

export async function startTestCloud(options: { applyToProcess?: boolean; transitionMs?: number } = {}): Promise<TestCloud> {
    const emulator = await startEmulator({ port: 0, settings: { transitionMs: options.transitionMs ?? 20 } });
    const { info } = emulator;
    const env = cloudEnvironment(info);
    const saved: Record<string, string | undefined> = {};
    if (options.applyToProcess) {
        for (const [name, value] of Object.entries(env)) {
            saved[name] = process.env[name];
            process.env[name] = value;
        }
    }
    return {
        emulator,
        control: new ControlClient(info.control),
        env,
        alicloud: info.alicloud,
        tencentcloud: info.tencentcloud,
        async stop() {
            for (const [name, value] of Object.entries(saved)) {
                if (value === undefined) delete process.env[name];
                else process.env[name] = value;
            }
            await emulator.stop();
        },
    };
}

/**
 * One emulator for the enclosing `describe`, applied to this process and reset before each test:
 * the returned function gives it (inside hooks and tests only).
 */
export function useTestCloud(options: { transitionMs?: number } = {}): () => TestCloud {
    let cloud: TestCloud | undefined;
    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true, ...options });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud!.control.reset());
    return () => cloud!;
}
