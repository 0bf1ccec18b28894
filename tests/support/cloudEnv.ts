/**
 * Starts the emulator for provider tests and points both clouds' settings at it through the same
 * environment variables users set, with fast retry/wait timing. Restores the environment on stop.
 */
import { startEmulator } from "../../emulator";
import { ControlClient } from "../../emulator/core/controlClient";

export interface TestCloud {
    emulator: Awaited<ReturnType<typeof startEmulator>>;
    control: ControlClient;
    /** The environment handed to the plugin process (or applied in-process). */
    env: Record<string, string>;
    alicloud: { regionId: string; vpnGatewayIds: string[]; customerGatewayIds: string[]; accessKeySecret: string; accessKeyId: string };
    tencentcloud?: { region: string; vpcIds: string[]; vpnGatewayIds: string[]; customerGatewayIds: string[]; secretKey: string; secretId: string };
    stop(): Promise<void>;
}

/** Fast timing for tests: transitions of ~20 ms are seen within a few polls. */
export const FAST_TIMING_ENV: Record<string, string> = {
    PULUMI_IPSEC_MIN_DELAY_MS: "5",
    PULUMI_IPSEC_MAX_DELAY_MS: "40",
    PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "15000",
    PULUMI_IPSEC_READ_TIMEOUT_MS: "5000",
    PULUMI_IPSEC_REQUEST_TIMEOUT_MS: "3000",
};

export async function startTestCloud(options: { applyToProcess?: boolean; transitionMs?: number } = {}): Promise<TestCloud> {
    const emulator = await startEmulator({ port: 0, settings: { transitionMs: options.transitionMs ?? 20 } });
    const info = emulator.info as any;
    const env: Record<string, string> = {
        ...FAST_TIMING_ENV,
        ALIBABA_CLOUD_ACCESS_KEY_ID: info.alicloud.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.alicloud.accessKeySecret,
        ALIBABA_CLOUD_REGION: info.alicloud.regionId,
        ALIBABA_CLOUD_VPC_ENDPOINT: info.alicloud.endpoint,
    };
    if (info.tencentcloud) {
        Object.assign(env, {
            TENCENTCLOUD_SECRET_ID: info.tencentcloud.secretId,
            TENCENTCLOUD_SECRET_KEY: info.tencentcloud.secretKey,
            TENCENTCLOUD_REGION: info.tencentcloud.region,
            TENCENTCLOUD_VPC_ENDPOINT: info.tencentcloud.endpoint,
            TENCENTCLOUD_VPC_LEGACY_ENDPOINT: info.tencentcloud.legacyEndpoint,
        });
    }
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
