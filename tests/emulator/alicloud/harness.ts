/**
 * Test harness: the emulator on 127.0.0.1:0 plus the REAL @alicloud/pop-core RPCClient pointed at it.
 */
import assert from "node:assert/strict";
import RPCClient = require("@alicloud/pop-core");
import { ControlClient, startEmulator } from "../../../emulator";
import type { AlicloudEndpointInfo, EmulatorInfo, EmulatorSettings, RunningEmulator } from "../../../emulator";

/** The error pop-core throws for an API error body. */
export interface PopCoreError extends Error {
    code?: string;
    data?: Record<string, unknown>;
    entry?: { response: { statusCode: number } };
}

export interface AlicloudHarness {
    emulator: RunningEmulator<EmulatorInfo>;
    control: ControlClient;
    info: AlicloudEndpointInfo;
    /** A pop-core client with the fixture credentials, or the given ones. */
    client(credentials?: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string }): RPCClient;
    /** POSTs an action with the fixture credentials; RegionId defaults to the fixture region. */
    call<T = Record<string, any>>(action: string, params?: Record<string, unknown>, options?: { timeout?: number; method?: "GET" | "POST" }): Promise<T>;
    /** Ends every running transition by moving the emulator clock past `transitionMs`. */
    settle(): Promise<void>;
    stop(): Promise<void>;
}

/** Short enough to keep tests fast, long enough that an immediate second call sees the transition. */
export const TEST_TRANSITION_MS = 40;

export async function startAlicloudHarness(settings: Partial<EmulatorSettings> = {}): Promise<AlicloudHarness> {
    const emulator = await startEmulator({ port: 0, settings: { transitionMs: TEST_TRANSITION_MS, ...settings } });
    const info = emulator.info.alicloud;
    const control = new ControlClient(emulator.info.control);
    const client: AlicloudHarness["client"] = (credentials = {}) =>
        new RPCClient({
            endpoint: info.endpoint,
            apiVersion: "2016-04-28",
            accessKeyId: credentials.accessKeyId ?? info.accessKeyId,
            accessKeySecret: credentials.accessKeySecret ?? info.accessKeySecret,
            securityToken: credentials.securityToken,
        });
    const defaultClient = client();
    return {
        emulator,
        control,
        info,
        client,
        async call(action, params = {}, options = {}) {
            const response = await defaultClient.request<unknown>(action, { RegionId: info.regionId, ...params }, { method: options.method ?? "POST", timeout: options.timeout ?? 5000 });
            // pop-core parses with json-bigint (null-prototype objects): normalise for deepEqual.
            return JSON.parse(JSON.stringify(response));
        },
        async settle() {
            const { transitionMs } = await control.call<EmulatorSettings>("GET", "/settings");
            await control.advanceClock(transitionMs + 1);
        },
        stop: () => emulator.stop(),
    };
}

/** Asserts the promise rejects with the pop-core error `code`; returns the error for further checks. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<PopCoreError> {
    let caught: PopCoreError | undefined;
    await assert.rejects(promise, (error: PopCoreError) => {
        caught = error;
        return true;
    });
    assert.equal(caught?.code, code, `expected ${code}, got ${caught?.code}: ${caught?.message}`);
    return caught!;
}

/** A valid CreateVpnConnection request on the first fixture gateways. */
export function connectionParams(info: AlicloudEndpointInfo, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        VpnGatewayId: info.vpnGatewayIds[0],
        CustomerGatewayId: info.customerGatewayIds[0],
        LocalSubnet: "10.0.0.0/24,10.0.1.0/24",
        RemoteSubnet: "192.168.0.0/24",
        ...overrides,
    };
}

/** Creates a connection and waits for it to be active; returns its id. */
export async function createActiveConnection(h: AlicloudHarness, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await h.call("CreateVpnConnection", connectionParams(h.info, overrides));
    await h.settle();
    return created.VpnConnectionId as string;
}
