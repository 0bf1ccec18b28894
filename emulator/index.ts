/**
 * The project's loopback cloud emulator: Alibaba Cloud VPC and STS and Tencent Cloud VPC and STS on one
 * 127.0.0.1 port, plus the `/__emu` control API.
 */
import { createAlicloudFrontEnd } from "./alicloud/frontEnd";
import { createAlicloudStsFrontEnd } from "./alicloud/stsFrontEnd";
import { startEmulator as startCore } from "./core/server";
import type { RunningEmulator, StartEmulatorOptions } from "./core/server";
import type { FrontEndFactory } from "./core/types";
import type { EmulatorInfo } from "./info";
import { peeringInfo } from "./peering/pairs";
import { createTencentFrontEnd } from "./tencentcloud/frontEnd";
import { createTencentStsFrontEnd } from "./tencentcloud/stsFrontEnd";

export { ControlClient, ControlClientError } from "./core/controlClient";
export type { FaultRequest } from "./core/controlClient";
export type { RequestLogEntry } from "./core/requestLog";
export type { CoreEmulatorInfo, RunningEmulator, StartEmulatorOptions } from "./core/server";
export type * from "./core/types";
export { createAlicloudFrontEnd } from "./alicloud/frontEnd";
export type { AlicloudEndpointInfo, AlicloudFrontEnd } from "./alicloud/frontEnd";
export { createAlicloudStsFrontEnd } from "./alicloud/stsFrontEnd";
export type { AlicloudStsInfo } from "./alicloud/stsFrontEnd";
export { createTencentStsFrontEnd } from "./tencentcloud/stsFrontEnd";
export type { TencentStsInfo } from "./tencentcloud/stsFrontEnd";
export * as alicloudFixtures from "./alicloud/fixtures";
export type { TencentEndpointInfo } from "./tencentcloud/frontEnd";
export { cloudEnvironment, FAST_TIMING_ENV, oidcEnvironment } from "./environment";
export type { EmulatorInfo } from "./info";
export type { PeeringPair } from "./peering/pairs";

/**
 * Starts the emulator with both clouds' front ends (unless `options.frontEnds` says otherwise).
 * Binds 127.0.0.1 only; `port` 0 (default) picks a free port. With both clouds served, the info lists the
 * gateways that face each other (`peering`).
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator<EmulatorInfo>> {
    const frontEnds = options.frontEnds ?? defaultFrontEnds();
    const running = (await startCore({ ...options, frontEnds })) as RunningEmulator<EmulatorInfo>;
    if (running.frontEnd("alicloud") && running.frontEnd("tencentcloud")) {
        running.info.peering = peeringInfo();
    }
    return running;
}

/** Both clouds' front ends: Alibaba VPC and STS, then Tencent VPC and STS (VPC first: `frontEnd(cloud)` answers it). */
export function defaultFrontEnds(): FrontEndFactory[] {
    return [createAlicloudFrontEnd, createAlicloudStsFrontEnd, createTencentFrontEnd, createTencentStsFrontEnd];
}
