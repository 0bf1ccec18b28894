/**
 * The project's loopback cloud emulator: Alibaba Cloud VPC (and Tencent Cloud VPC once its front end
 * is present) on one 127.0.0.1 port, plus the `/__emu` control API.
 */
import type { AlicloudEndpointInfo } from "./alicloud/frontEnd";
import { createAlicloudFrontEnd } from "./alicloud/frontEnd";
import { startEmulator as startCore } from "./core/server";
import type { RunningEmulator, StartEmulatorOptions } from "./core/server";
import type { FrontEndFactory } from "./core/types";
import type { TencentEndpointInfo } from "./tencentcloud/frontEnd";

export { ControlClient, ControlClientError } from "./core/controlClient";
export type { FaultRequest } from "./core/controlClient";
export type { RequestLogEntry } from "./core/requestLog";
export type { CoreEmulatorInfo, RunningEmulator, StartEmulatorOptions } from "./core/server";
export type * from "./core/types";
export { createAlicloudFrontEnd } from "./alicloud/frontEnd";
export type { AlicloudEndpointInfo, AlicloudFrontEnd } from "./alicloud/frontEnd";
export * as alicloudFixtures from "./alicloud/fixtures";
export type { TencentEndpointInfo } from "./tencentcloud/frontEnd";
export { cloudEnvironment, FAST_TIMING_ENV } from "./environment";

/** The emulator info (the CLI's `--json` line). */
export interface EmulatorInfo {
    /** Base URL of the control API, `http://127.0.0.1:<port>/__emu`. */
    control: string;
    alicloud: AlicloudEndpointInfo;
    /** Present when the Tencent front end is served (the default). */
    tencentcloud?: TencentEndpointInfo;
}

/**
 * Starts the emulator with both clouds' front ends (unless `options.frontEnds` says otherwise).
 * Binds 127.0.0.1 only; `port` 0 (default) picks a free port.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator<EmulatorInfo>> {
    const frontEnds = options.frontEnds ?? defaultFrontEnds();
    const running = await startCore({ ...options, frontEnds });
    return running as RunningEmulator<EmulatorInfo>;
}

/** The Alibaba front end, and the Tencent one when its module exists. */
export function defaultFrontEnds(): FrontEndFactory[] {
    return [createAlicloudFrontEnd, ...optionalTencentFrontEnd()];
}

/**
 * Loads `./tencentcloud/frontEnd` if it is there and exports `createTencentFrontEnd`, so this part works
 * before and after the Tencent front end lands. Any other load failure is a real bug and propagates.
 */
function optionalTencentFrontEnd(): FrontEndFactory[] {
    let loaded: { createTencentFrontEnd?: unknown };
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = require("./tencentcloud/frontEnd");
    } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && /tencentcloud[\\/]frontEnd/.test(String((error as Error).message));
        if (missing) {
            return [];
        }
        throw error;
    }
    return typeof loaded.createTencentFrontEnd === "function" ? [loaded.createTencentFrontEnd as FrontEndFactory] : [];
}
