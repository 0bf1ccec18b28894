/**
 * The emulator info: what a running emulator tells its users (the CLI's `--json` line).
 */
import type { AlicloudEndpointInfo } from "./alicloud/frontEnd";
import type { PeeringPair } from "./peering/pairs";
import type { AlicloudStsInfo } from "./alicloud/stsFrontEnd";
import type { TencentEndpointInfo } from "./tencentcloud/frontEnd";
import type { TencentStsInfo } from "./tencentcloud/stsFrontEnd";

/** The emulator info (the CLI's `--json` line). */
export interface EmulatorInfo {
    /** Base URL of the control API, `http://127.0.0.1:<port>/__emu`. */
    control: string;
    /** The VPC API's entry, with `sts` (the STS front end, served by default). */
    alicloud: AlicloudEndpointInfo & { sts: AlicloudStsInfo };
    /** Present when the Tencent front end is served (the default; `frontEnds` may leave it out); `sts` likewise. */
    tencentcloud?: TencentEndpointInfo & { sts: TencentStsInfo };
    /**
     * Gateways that face each other across the clouds (present when both front ends are served): connections on a
     * pair negotiate with each other, see emulator/peering.
     */
    peering?: PeeringPair[];
}
