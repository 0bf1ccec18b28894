/**
 * Test harness: the emulator on 127.0.0.1:0 plus the REAL @alicloud/pop-core RPCClient pointed at it,
 * and the REAL V2 SDK (@alicloud/vpc20160428 on @alicloud/openapi-client) for a second official client.
 */
import assert from "node:assert/strict";
import * as $OpenApi from "@alicloud/openapi-client";
import RPCClient = require("@alicloud/pop-core");
import Vpc from "@alicloud/vpc20160428";
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
    client(credentials?: ClientCredentials): RPCClient;
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
        new RPCClient({ endpoint: info.endpoint, apiVersion: "2016-04-28", ...keyOrFixture(info, credentials) });
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

/** Credentials a test client signs with; an absent key falls back to the fixture key pair. */
export interface ClientCredentials {
    accessKeyId?: string;
    accessKeySecret?: string;
    securityToken?: string;
}

function keyOrFixture(info: AlicloudEndpointInfo, credentials: ClientCredentials): Required<Omit<ClientCredentials, "securityToken">> & ClientCredentials {
    return {
        accessKeyId: credentials.accessKeyId ?? info.accessKeyId,
        accessKeySecret: credentials.accessKeySecret ?? info.accessKeySecret,
        securityToken: credentials.securityToken,
    };
}

/** How the V2 SDK signs: its default, signature method V3, or the RPC signature (`signatureAlgorithm: "v2"`). */
export type OpenApiSignature = "ACS3-HMAC-SHA256" | "v2";

/** The V2 SDK's error for an API error answer: `code` is the body's Code, `data` the body plus `statusCode`. */
export interface OpenApiError extends Error {
    code?: string;
    data?: Record<string, unknown> & { statusCode?: number };
}

/** A V2 SDK VPC client on the emulator, with the fixture credentials or the given ones. */
export function openApiClient(info: AlicloudEndpointInfo, signature: OpenApiSignature, credentials: ClientCredentials = {}): Vpc {
    const endpoint = new URL(info.endpoint);
    return new Vpc(
        new $OpenApi.Config({
            ...keyOrFixture(info, credentials),
            // The SDK takes a host, not a URL: the emulator's path prefix rides along in it.
            endpoint: `${endpoint.host}${endpoint.pathname}`,
            protocol: "http",
            regionId: info.regionId,
            signatureAlgorithm: signature === "v2" ? "v2" : undefined,
            connectTimeout: 5000,
            readTimeout: 5000,
        }),
    );
}

/** Asserts the promise rejects with the SDK error `code` (pop-core's or the V2 SDK's); returns the error for further checks. */
export async function rejectsWithCode<E extends Error & { code?: string } = PopCoreError>(promise: Promise<unknown>, code: string): Promise<E> {
    let caught: E | undefined;
    await assert.rejects(promise, (error: E) => {
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
