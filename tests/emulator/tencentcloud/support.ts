/**
 * Test support for the Tencent front end: an emulator on 127.0.0.1 serving only this front end, the
 * real `tencentcloud-sdk-nodejs` VPC client pointed at it, a test-only API 2.0 signer written from the
 * documented algorithm (https://tencentcloud.com/document/api/214/1526), a fake context for unit tests, and a bounded poll.
 */
import * as http from "http";
import { createHmac } from "crypto";
import { ControlClient } from "../../../emulator/core/controlClient";
import { startEmulator, type RunningEmulator } from "../../../emulator/core/server";
import type { EmulatorContext, EmulatorSettings, FrontEndFactory } from "../../../emulator/core/types";
import { isTencentError, type TencentError } from "../../../emulator/tencentcloud/errors";
import { createTencentFrontEnd, TencentEndpointInfo } from "../../../emulator/tencentcloud/frontEnd";
import { Client as VpcClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client";

export { VpcClient };

/** The `describe()` entry of the Tencent front end. */
export type TencentInfo = TencentEndpointInfo;

/** A running emulator with only the Tencent front end. */
export interface TencentHarness {
    emulator: RunningEmulator;
    control: ControlClient;
    info: TencentInfo;
    /** A real SDK client; `credential` overrides the emulator's key pair. */
    client(credential?: { secretId: string; secretKey: string; token?: string }): VpcClient;
    /** An API 2.0 call signed by the test signer; resolves to the JSON body. */
    api2(action: string, params: Record<string, string>, options?: Api2Options): Promise<Api2Body>;
    stop(): Promise<void>;
}

/** Loose view of an API 2.0 response body. */
export interface Api2Body {
    code: number;
    message: string;
    codeDesc: string;
    totalCount?: number;
    data?: any;
}

export interface Api2Options {
    method?: "GET" | "POST";
    secretId?: string;
    secretKey?: string;
    signatureMethod?: "HmacSHA1" | "HmacSHA256";
    /** Seconds; default now. */
    timestamp?: number;
    nonce?: number;
    region?: string;
    /** Replaces the computed signature. */
    signature?: string;
}

/**
 * Transition time of wire tests: long enough that a state seen right after a call is still transitional
 * on a slow machine; tests finish transitions by advancing the emulator clock by this much.
 */
export const TRANSITION_MS = 1000;

/** Starts the emulator on an ephemeral 127.0.0.1 port with the Tencent front end only (or the given ones). */
export async function startTencent(settings: Partial<EmulatorSettings> = { transitionMs: TRANSITION_MS }, frontEnds: FrontEndFactory[] = [createTencentFrontEnd]): Promise<TencentHarness> {
    const emulator = await startEmulator({ port: 0, settings, frontEnds });
    const info = emulator.info.tencentcloud as unknown as TencentInfo;
    const control = new ControlClient(emulator.info.control);
    const agent = new http.Agent({ keepAlive: false });
    return {
        emulator,
        control,
        info,
        client: (credential) =>
            new VpcClient({
                credential: credential ?? { secretId: info.secretId, secretKey: info.secretKey },
                region: info.region,
                profile: {
                    // Always an agent: without one the SDK routes through $http_proxy (`tencentcloud/common/http/fetch.js`).
                    httpProfile: { endpoint: info.endpoint.replace(/^http:\/\//, ""), protocol: "http://", reqTimeout: 5, agent },
                },
            }),
        api2: (action, params, options) => api2Call(info, action, params, options),
        stop: async () => {
            agent.destroy();
            await emulator.stop();
        },
    };
}

/**
 * Registers mocha hooks for the enclosing `describe`: one emulator for all its tests, reset (fixtures,
 * settings, clock, faults, log) after each test, stopped at the end. `use` receives the harness.
 */
export function withTencentEmulator(use: (harness: TencentHarness) => void): void {
    let harness: TencentHarness | undefined;
    before(async () => {
        harness = await startTencent();
        use(harness);
    });
    afterEach(async () => {
        await harness?.control.reset();
    });
    after(async () => {
        await harness?.stop();
    });
}

/**
 * API 2.0 signature from the documented algorithm (https://tencentcloud.com/document/api/214/1526): sort parameter names, join raw
 * `k=v` with `&`, prepend `METHOD + host + path + "?"`, HMAC (SHA1 default, SHA256 on request), base64.
 */
export function signApi2(method: string, hostWithPort: string, path: string, params: Record<string, string>, secretKey: string, digest: "sha1" | "sha256"): string {
    const query = Object.keys(params)
        .sort()
        .map((k) => k + "=" + params[k])
        .join("&");
    return createHmac(digest, secretKey).update(method + hostWithPort + path + "?" + query).digest("base64");
}

let nonceSeq = 1000;

/** Sends one signed API 2.0 request (form POST by default) and parses the JSON answer. */
export function api2Call(info: TencentInfo, action: string, params: Record<string, string>, options: Api2Options = {}): Promise<Api2Body> {
    const url = new URL(info.legacyEndpoint);
    const method = options.method ?? "POST";
    const all: Record<string, string> = {
        Action: action,
        Region: options.region ?? info.api2Region,
        Timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
        Nonce: String(options.nonce ?? nonceSeq++),
        SecretId: options.secretId ?? info.secretId,
        ...(options.signatureMethod === "HmacSHA256" ? { SignatureMethod: "HmacSHA256" } : {}),
        ...params,
    };
    all.Signature =
        options.signature ??
        signApi2(method, url.host, url.pathname, all, options.secretKey ?? info.secretKey, options.signatureMethod === "HmacSHA256" ? "sha256" : "sha1");
    const encoded = new URLSearchParams(all).toString();
    return new Promise((resolve, reject) => {
        const req = http.request(
            method === "GET" ? `${url.href}?${encoded}` : url,
            {
                method,
                agent: false,
                timeout: 5000,
                headers: method === "POST" ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(encoded) } : {},
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () => {
                    try {
                        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Api2Body);
                    } catch (e) {
                        reject(e);
                    }
                });
                res.on("error", reject);
            },
        );
        req.on("timeout", () => req.destroy(new Error("legacy call timed out")));
        req.on("error", reject);
        req.end(method === "POST" ? encoded : undefined);
    });
}

/** Rejection of an SDK call, with its Tencent error code. */
export async function sdkError(promise: Promise<unknown>): Promise<{ code?: string; message: string; requestId?: string }> {
    try {
        await promise;
    } catch (e) {
        return e as { code?: string; message: string; requestId?: string };
    }
    throw new Error("expected the call to fail");
}

/** Polls `probe` every `intervalMs` until it returns a value other than undefined; at most `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 3000, intervalMs = 10): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, intervalMs));
    }
}

/** A context whose clock only moves when the test says so. */
export function fakeContext(settings: Partial<EmulatorSettings> = {}): EmulatorContext & { advance(ms: number): void } {
    let now = Date.UTC(2026, 0, 1, 0, 0, 0);
    let id = 0;
    return {
        now: () => now,
        settings: { transitionMs: 50, connectionQuotaPerGateway: 200, latencyMs: 0, ...settings },
        newRequestId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}`,
        advance(ms: number) {
            now += ms;
        },
    };
}

/** A minimal valid CreateVpnConnection request. */
export function createRequest(overrides: Record<string, unknown> = {}): Record<string, any> {
    return {
        VpcId: "vpc-emu00001",
        VpnGatewayId: "vpngw-emu0001",
        CustomerGatewayId: "cgw-emu0001",
        VpnConnectionName: "conn-a",
        PreShareKey: "psk-secret-1",
        SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.10.0/24"] }],
        ...overrides,
    };
}

/** The TencentError `fn` throws; any other outcome fails the test. */
export function thrownTencentError(fn: () => unknown): TencentError {
    try {
        fn();
    } catch (e) {
        if (isTencentError(e)) return e;
        throw e;
    }
    throw new Error("expected a TencentError");
}
