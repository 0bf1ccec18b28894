/**
 * The contract between the emulator's HTTP core and each cloud front end.
 *
 * The core owns the socket, the control API (`/__emu/...`), the request log, per-action counters,
 * fault injection and the clock; a cloud front end owns its wire protocol (signature, envelope),
 * its actions and its in-memory store. Both clouds are served from one port, routed by path prefix.
 */
import type { IncomingHttpHeaders } from "http";

/** One HTTP request as the core hands it to a front end (body already read). */
export interface EmulatorRequest {
    method: string;
    /** Path without the front end's prefix, always starting with "/" (e.g. "/" or "/v2/index.php"). */
    path: string;
    /** Raw query string without "?" ("" when absent). */
    query: string;
    headers: IncomingHttpHeaders;
    body: string;
}

/** What a front end answers; the core serialises `json` with the given status. */
export interface EmulatorResponse {
    status: number;
    json: unknown;
    headers?: Record<string, string>;
}

/** A fault armed through the control API, consumed by the core before/after a front end handles an action. */
export type FaultSpec =
    /** Answer with this cloud error code instead of running the action. */
    | { kind: "error"; code: string; httpStatus?: number; message?: string }
    /** Destroy the socket without answering, before the action runs (nothing committed). */
    | { kind: "reset-before" }
    /** Run the action (committed), then destroy the socket without answering. */
    | { kind: "reset-after" }
    /** Run the action, then wait `ms` before answering (beyond a client timeout = ambiguous failure). */
    | { kind: "delay"; ms: number }
    /**
     * Answer `status` with `body` verbatim instead of the API's envelope (a proxy's HTML page, a
     * truncated or empty body, `{}`): before the action runs, or after it committed with `commit`.
     */
    | { kind: "raw"; status: number; body: string; contentType?: string; commit?: boolean };

export interface ArmedFault {
    cloud: CloudName;
    /** Action name as the cloud names it (e.g. "CreateVpnConnection", "AddVpnConnEx"); "*" matches any. */
    action: string;
    /** How many matching calls it applies to. @default 1 */
    count: number;
    fault: FaultSpec;
}

export type CloudName = "alicloud" | "tencentcloud";

/** A parsed, authenticated call, which the core uses for logging, counters and fault matching. */
export interface ParsedCall {
    action: string;
    /** Parameters with secret values (PSK, signature, keys) already redacted by the front end. */
    redactedParams: Record<string, unknown>;
    /** Runs the action against the store and returns the response. */
    run(): Promise<EmulatorResponse> | EmulatorResponse;
    /**
     * Builds this protocol's error envelope (used for injected "error" faults).
     * The core passes `message: ""` when the armed fault names none: the front end then uses its
     * own default message for `code`; `httpStatus` undefined likewise means "the code's usual status".
     */
    error(code: string, message: string, httpStatus?: number): EmulatorResponse;
}

/** Shared services the core offers to front ends. */
export interface EmulatorContext {
    /** Milliseconds since epoch; tests may shift it through the control API. */
    now(): number;
    /** Emulator timing knobs (asynchronous state transitions). */
    settings: EmulatorSettings;
    /** A fresh request id (UUID v4, upper-case for Alibaba is the front end's business). */
    newRequestId(): string;
}

export interface EmulatorSettings {
    /** How long a VPN gateway / connection stays in its transitional state after a change. @default 50 */
    transitionMs: number;
    /** Connections each VPN gateway may hold before creates fail with the cloud's quota error. @default 200 */
    connectionQuotaPerGateway: number;
    /**
     * Milliseconds every cloud API call waits before it is answered (not the control API), for a
     * real-cloud-like round trip in benchmarks (e.g. 50). @default 0
     */
    latencyMs: number;
    /**
     * Lifetime in seconds of the temporary credentials the STS front ends issue, so tests can make
     * them expire quickly; 0 means the requested (or default) `DurationSeconds`, as the clouds do. @default 0
     */
    stsCredentialLifetimeSeconds?: number;
}

/**
 * Creates a front end bound to the core's shared services. The core builds the context first
 * (clock, settings, request ids), then every front end from its factory.
 */
export type FrontEndFactory = (ctx: EmulatorContext) => CloudFrontEnd;

export interface CloudFrontEnd {
    readonly cloud: CloudName;
    /** Path prefix this front end serves, e.g. "/alicloud". Requests under it are routed here. */
    readonly prefix: string;
    /**
     * Authenticates and parses a request. Returns either a ready response (signature failure,
     * malformed request: no action runs, not counted as an action call) or a ParsedCall.
     */
    parse(req: EmulatorRequest): EmulatorResponse | ParsedCall;
    /** Forget every resource created or changed since start; restore fixtures. */
    reset(): void;
    /** JSON-serialisable snapshot of the store (for `GET /__emu/state`; the snapshots of one cloud's front ends are merged). */
    dump(): unknown;
    /**
     * Out-of-band operations for drift tests, routed from `/__emu/<cloud>/...` (to each front end of
     * the cloud in turn). Returns undefined when the path is not one of its own.
     */
    control(method: string, subPath: string, body: unknown): EmulatorResponse | undefined;
    /**
     * The cloud's entry of the `--json` line (endpoint, credentials, fixture IDs). Several front ends
     * may serve one cloud (its VPC API and its STS): their entries are merged.
     */
    describe(baseUrl: string): Record<string, unknown>;
    /** Releases what the front end holds outside memory (temp files); called once by `stop()`. */
    close?(): void;
}
