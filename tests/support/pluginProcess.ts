/**
 * Starts the real `@pulumi/pulumi/cmd/dynamic-provider` plugin process and talks to it over gRPC the way the
 * Pulumi engine does, with plain JS values on our side of the API.
 *
 * The Pulumi CLI (and so the engine) cannot be installed offline, so this is how the project exercises the
 * engine's side of its dynamic providers: closure deserialization in a separate process, module resolution
 * from the program directory, `configure`, error and partial-failure encoding, and the read-deleted contract.
 * The server: pulumi/pulumi `sdk/nodejs/cmd/dynamic-provider/index.ts`.
 */
import { ChildProcess, spawn } from "child_process";
import { EventEmitter } from "events";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
// google.rpc.Status ships with @pulumi/pulumi 3.248 (proto/status_pb.js); the plugin itself encodes with it.
import { Status } from "@pulumi/pulumi/proto/status_pb";

/** The repository root (`/work/main`): the program directory the engine would start the plugin in. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The engine's marker for a value not known during preview (`runtime/rpc.js` `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Key of the signature field that marks special values on the wire (`runtime/rpc.js` `specialSigKey`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a secret value: `{[SIG_KEY]: SECRET_SIG, value}` (`runtime/rpc.js` `specialSecretSig`). */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The property under which dynamic resources carry their serialized provider. */
export const PROVIDER_KEY = "__provider";

/** A property map as JSON-like plain values (what `Struct.toJavaScript` yields). */
export type PropertyMap = Record<string, any>;

/** Options of {@link startPlugin}. */
export interface StartPluginOptions {
    /**
     * Working directory of the plugin; `@pulumi/pulumi` and every module the closure `require`s resolve from it.
     * @default REPO_ROOT
     */
    cwd?: string;
    /**
     * Project name, exported as `PULUMI_NODEJS_PROJECT`/`PULUMI_PROJECT`; `Config.get("key")` in `configure`
     * reads `"<project>:key"`.
     * @default "test-project"
     */
    project?: string;
    /**
     * Full stack config with namespaced keys (`"alicloud:region"`), all values strings as the engine sends them.
     * Sent in Configure and, as JSON, in `PULUMI_CONFIG` (plaintext there, secret or not).
     */
    config?: Record<string, string>;
    /** Keys of `config` that are secret: sent wrapped in the secret signature, as the engine does. */
    secretConfigKeys?: string[];
    /** Extra environment for the plugin, on top of this process's; a key set to `undefined` is removed. */
    env?: NodeJS.ProcessEnv;
    /**
     * Bound on spawning, announcing the port, connecting and Configure.
     * @default 20000
     */
    startTimeoutMs?: number;
    /**
     * Deadline of every later RPC; a hook that hangs fails the call with DEADLINE_EXCEEDED instead of the test.
     * @default 30000
     */
    callTimeoutMs?: number;
}

/** One validation failure returned by Check. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** Result of Check: the inputs to use (always containing `__provider`) and any failures. */
export interface CheckResult {
    inputs: PropertyMap;
    failures: CheckFailure[];
}

/** The wire's `DiffResponse.DiffChanges` as a word. */
export type DiffChanges = "unknown" | "none" | "some";

/** Result of Diff as the server encodes it (`stables` and detailed diffs are never set). */
export interface DiffResult {
    changes: DiffChanges;
    replaces: string[];
    deleteBeforeReplace: boolean;
    /** `DiffResponse.diffs`; the dynamic provider server never sets it, so normally absent. */
    changedKeys?: string[];
}

/** Result of Create. */
export interface CreateResult {
    id: string;
    properties: PropertyMap;
}

/** Result of Read; a blank `id` means the resource is gone. `inputs` only when the hook returned some. */
export interface ReadResult {
    id: string;
    properties: PropertyMap;
    inputs?: PropertyMap;
}

/** Result of Update. */
export interface UpdateResult {
    properties: PropertyMap;
}

/** Capabilities the plugin answered to Configure (all false for dynamic providers). */
export interface PluginCapabilities {
    acceptSecrets: boolean;
    supportsPreview: boolean;
    acceptResources: boolean;
    acceptOutputs: boolean;
}

/** How the plugin process ended. */
export interface PluginExit {
    code: number | null;
    signal: NodeJS.Signals | null;
}

/** The decoded `pulumirpc.ErrorResourceInitFailed` of a partial failure (resource created, not initialized). */
export interface InitFailure {
    id: string;
    properties: PropertyMap;
    reasons: string[];
}

const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";
const PLUGIN_RPC_ERROR_BRAND = Symbol.for("pulumi-ipsec/tests/PluginRpcError");

/** A failed RPC to the plugin, with the gRPC status and, for Create/Update partial failures, the init failure. */
export class PluginRpcError extends Error {
    /** True for any {@link PluginRpcError}, even one created by a second copy of this module. */
    static isInstance(e: unknown): e is PluginRpcError {
        return typeof e === "object" && e !== null && (e as any)[PLUGIN_RPC_ERROR_BRAND] === true;
    }

    readonly [PLUGIN_RPC_ERROR_BRAND] = true;
    override readonly name = "PluginRpcError";

    constructor(
        /** The RPC, e.g. "Create". */
        readonly method: string,
        /** The gRPC status code (`grpc.status`); hook errors arrive as UNKNOWN (2). */
        readonly grpcCode: number,
        /** The status details: the hook's error message. */
        readonly details: string,
        /** Present when the hook threw an error carrying `id` (packed as ErrorResourceInitFailed). */
        readonly initFailure?: InitFailure,
    ) {
        super(`${method} failed (${grpc.status[grpcCode] ?? grpcCode}): ${details}`);
    }
}

/** A live plugin process with a connected, configured client. Create with {@link startPlugin}. */
export interface PluginConnection {
    /** Port the plugin announced. */
    readonly port: number;
    /** Process id of the plugin. */
    readonly pid: number;
    /** Every stdout/stderr line after the port announcement, in arrival order (the CLI shows them as info). */
    readonly logs: string[];
    /** What the plugin answered to Configure. */
    readonly capabilities: PluginCapabilities;
    /** Raw gRPC client, for RPCs this wrapper does not cover (e.g. Handshake, Invoke). */
    readonly client: ResourceProviderClient;
    /** Resolves when the process has exited (never rejects). */
    readonly exited: Promise<PluginExit>;
    /** The exit once it happened, else undefined. */
    exitInfo(): PluginExit | undefined;

    check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult>;
    /** `oldInputs` is sent as the engine does; the dynamic provider server ignores it. */
    diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult>;
    create(urn: string, properties: PropertyMap): Promise<CreateResult>;
    read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult>;
    update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<UpdateResult>;
    delete(id: string, urn: string, properties: PropertyMap, oldInputs?: PropertyMap): Promise<void>;
    getPluginInfo(): Promise<{ version: string }>;

    /**
     * Waits until a log line at index `since` or later matches (lines can trail the RPC response that caused
     * them, as they travel on a separate pipe). Rejects after `timeoutMs`.
     *
     * @param options
     *  `since`: first index of {@link PluginConnection.logs} to consider (default 0, e.g. pass `logs.length`
     *  taken before the action); `timeoutMs` default 2000.
     */
    waitForLog(match: string | RegExp, options?: { since?: number; timeoutMs?: number }): Promise<string>;
    /** Sends `signal` (default SIGKILL) and waits, bounded, for the exit; escalates to SIGKILL. Never rejects. */
    kill(signal?: NodeJS.Signals): Promise<PluginExit>;
    /** Closes the channel and ends the process (SIGTERM, then SIGKILL), bounded. Never rejects; idempotent. */
    close(): Promise<PluginExit>;
}

/** Every plugin still running; killed on exit of this process so that a forgotten close() leaves no orphan. */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess): void {
    liveChildren.add(child);
    child.once("exit", () => liveChildren.delete(child));
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once("exit", () => {
            for (const c of liveChildren) {
                try {
                    c.kill("SIGKILL");
                } catch {
                    // Already gone.
                }
            }
        });
    }
}

/**
 * Spawns `cmd/dynamic-provider` (resolved from `cwd`, as the engine's `pulumi-resource-pulumi-nodejs` launcher
 * does), reads the port from its first stdout line, connects and sends Configure.
 *
 * @param options
 *  Where and with which project/config/env to start; see {@link StartPluginOptions}.
 * @returns
 *  A connection; always `close()` it (e.g. in an `after` hook).
 */
export async function startPlugin(options: StartPluginOptions = {}): Promise<PluginConnection> {
    const cwd = options.cwd ?? REPO_ROOT;
    const project = options.project ?? "test-project";
    const config = options.config ?? {};
    const startTimeoutMs = options.startTimeoutMs ?? 20_000;
    let entry: string;
    try {
        entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd] });
    } catch (e) {
        // The engine's launcher fails the same way for a program directory without @pulumi/pulumi
        // (it resolves `@pulumi/pulumi/cmd/dynamic-provider` from there, pulumi/pulumi#2274).
        throw new Error(`cannot resolve @pulumi/pulumi/cmd/dynamic-provider from ${cwd}: ${(e as Error).message}`);
    }

    // The engine passes its own address; the plugin requires an argument but ignores it.
    const child = spawn(process.execPath, [entry, "127.0.0.1:0"], {
        cwd,
        env: {
            ...process.env,
            ...options.env,
            PULUMI_NODEJS_PROJECT: project,
            PULUMI_PROJECT: project,
            PULUMI_CONFIG: JSON.stringify(config),
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    trackChild(child);
    const proc = new PluginProcess(child);

    try {
        const port = await withTimeout(proc.port, startTimeoutMs, () =>
            new Error(`plugin did not announce a port within ${startTimeoutMs} ms`),
        );
        const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            // Same limit as the plugin's server: large closures must not fail on our side first.
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
        });
        const deadline = Date.now() + startTimeoutMs;
        await new Promise<void>((resolve, reject) =>
            client.waitForReady(deadline, (err) => (err ? reject(err) : resolve())),
        );
        const connection = new Connection(proc, client, port, options.callTimeoutMs ?? 30_000);
        await connection.configure(config, options.secretConfigKeys ?? [], startTimeoutMs);
        return connection;
    } catch (e) {
        await proc.terminate("SIGKILL");
        if (PluginRpcError.isInstance(e)) {
            throw e;
        }
        throw new Error(`could not start the dynamic provider plugin: ${(e as Error).message}${proc.describeOutput()}`);
    }
}

/** Owns the child process: port announcement, line-split output, exit tracking and bounded termination. */
class PluginProcess {
    readonly logs: string[] = [];
    readonly port: Promise<number>;
    readonly exited: Promise<PluginExit>;
    exit: PluginExit | undefined;
    private readonly lines = new EventEmitter();
    /** Stdout that should have been the port line, kept to explain a failed start (stderr is in `logs`). */
    private readonly startupOutput: string[] = [];
    private portSeen = false;

    constructor(readonly child: ChildProcess) {
        this.exited = new Promise((resolve) =>
            child.once("exit", (code, signal) => {
                this.exit = { code, signal };
                resolve(this.exit);
            }),
        );
        this.port = new Promise((resolve, reject) => {
            splitLines(child.stdout!, (line) => {
                if (this.portSeen) {
                    this.addLog(line);
                    return;
                }
                this.portSeen = true;
                // The engine strips terminal escapes and whitespace before parsing (plugin.go parsePort).
                const text = line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").trim();
                const port = /^\d+$/.test(text) ? Number(text) : NaN;
                if (Number.isInteger(port) && port > 0) {
                    resolve(port);
                } else {
                    this.startupOutput.push(line);
                    reject(new Error(`plugin printed ${JSON.stringify(line)} instead of a port`));
                }
            });
            child.once("error", reject);
            void this.exited.then((x) =>
                reject(new Error(`plugin exited before announcing a port (code ${x.code}, signal ${x.signal})`)),
            );
        });
        // A rejection nobody awaits yet (e.g. exit after the port was read) must not surface as unhandled.
        this.port.catch(() => undefined);
        splitLines(child.stderr!, (line) => this.addLog(line));
    }

    describeOutput(): string {
        const out = [...this.startupOutput, ...this.logs];
        return out.length ? `\n--- plugin output ---\n${out.join("\n")}` : "";
    }

    onLine(listener: (line: string) => void): () => void {
        this.lines.on("line", listener);
        return () => this.lines.off("line", listener);
    }

    /** Sends `signal`, waits up to 3 s, then SIGKILL and up to 3 s more; resolves even if the OS never reports. */
    async terminate(signal: NodeJS.Signals): Promise<PluginExit> {
        if (this.exit) {
            return this.exit;
        }
        const timedOut = Symbol("timeout");
        const wait = (ms: number) => Promise.race([this.exited, delay(ms).then(() => timedOut)]);
        safeKill(this.child, signal);
        let result = await wait(3000);
        if (result === timedOut) {
            safeKill(this.child, "SIGKILL");
            result = await wait(3000);
        }
        return result === timedOut ? { code: null, signal: null } : (result as PluginExit);
    }

    private addLog(line: string): void {
        this.logs.push(line);
        this.lines.emit("line", line);
    }
}

/** Implements {@link PluginConnection} over the generated client. */
class Connection implements PluginConnection {
    capabilities: PluginCapabilities = {
        acceptSecrets: false,
        supportsPreview: false,
        acceptResources: false,
        acceptOutputs: false,
    };
    private closing: Promise<PluginExit> | undefined;

    constructor(
        private readonly proc: PluginProcess,
        readonly client: ResourceProviderClient,
        readonly port: number,
        private readonly callTimeoutMs: number,
    ) {}

    get pid(): number {
        return this.proc.child.pid!;
    }
    get logs(): string[] {
        return this.proc.logs;
    }
    get exited(): Promise<PluginExit> {
        return this.proc.exited;
    }
    exitInfo(): PluginExit | undefined {
        return this.proc.exit;
    }

    async configure(config: Record<string, string>, secretKeys: string[], timeoutMs: number): Promise<void> {
        const unknownSecret = secretKeys.filter((k) => !(k in config));
        if (unknownSecret.length) {
            throw new Error(`secretConfigKeys not in config: ${unknownSecret.join(", ")}`);
        }
        const args: PropertyMap = {};
        for (const [k, v] of Object.entries(config)) {
            args[k] = secretKeys.includes(k) ? { [SIG_KEY]: SECRET_SIG, value: v } : v;
        }
        const req = new provproto.ConfigureRequest();
        req.setArgs(toStruct(args, "Configure.args"));
        // What the engine announces (provider_plugin.go Configure); the dynamic server ignores these flags.
        req.setAcceptsecrets(true);
        req.setAcceptresources(true);
        req.setSendsOldInputs(true);
        req.setSendsOldInputsToDelete(true);
        const res = await this.unary<provproto.ConfigureResponse>(
            "Configure",
            (md, opts, cb) => this.client.configure(req, md, opts, cb),
            timeoutMs,
        );
        this.capabilities = {
            acceptSecrets: res.getAcceptsecrets(),
            supportsPreview: res.getSupportspreview(),
            acceptResources: res.getAcceptresources(),
            acceptOutputs: res.getAcceptoutputs(),
        };
    }

    async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
        const req = new provproto.CheckRequest();
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setOlds(toStruct(olds, "Check.olds"));
        req.setNews(toStruct(news, "Check.news"));
        const res = await this.unary<provproto.CheckResponse>("Check", (md, opts, cb) =>
            this.client.check(req, md, opts, cb),
        );
        return {
            inputs: fromStruct(res.getInputs()),
            failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult> {
        const req = new provproto.DiffRequest();
        req.setId(id);
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setOlds(toStruct(olds, "Diff.olds"));
        req.setNews(toStruct(news, "Diff.news"));
        if (oldInputs) {
            req.setOldInputs(toStruct(oldInputs, "Diff.oldInputs"));
        }
        const res = await this.unary<provproto.DiffResponse>("Diff", (md, opts, cb) =>
            this.client.diff(req, md, opts, cb),
        );
        const codes = provproto.DiffResponse.DiffChanges;
        const changes: DiffChanges =
            res.getChanges() === codes.DIFF_SOME ? "some" : res.getChanges() === codes.DIFF_NONE ? "none" : "unknown";
        const result: DiffResult = {
            changes,
            replaces: res.getReplacesList(),
            deleteBeforeReplace: res.getDeletebeforereplace(),
        };
        if (res.getDiffsList().length) {
            result.changedKeys = res.getDiffsList();
        }
        return result;
    }

    async create(urn: string, properties: PropertyMap): Promise<CreateResult> {
        const req = new provproto.CreateRequest();
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setProperties(toStruct(properties, "Create.properties"));
        const res = await this.unary<provproto.CreateResponse>("Create", (md, opts, cb) =>
            this.client.create(req, md, opts, cb),
        );
        return { id: res.getId(), properties: fromStruct(res.getProperties()) };
    }

    async read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult> {
        const req = new provproto.ReadRequest();
        req.setId(id);
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setProperties(toStruct(properties, "Read.properties"));
        if (inputs) {
            req.setInputs(toStruct(inputs, "Read.inputs"));
        }
        const res = await this.unary<provproto.ReadResponse>("Read", (md, opts, cb) =>
            this.client.read(req, md, opts, cb),
        );
        const result: ReadResult = { id: res.getId(), properties: fromStruct(res.getProperties()) };
        // Unset means "the hook returned no inputs" (the engine then keeps the old ones), distinct from {}.
        if (res.hasInputs()) {
            result.inputs = fromStruct(res.getInputs());
        }
        return result;
    }

    async update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<UpdateResult> {
        const req = new provproto.UpdateRequest();
        req.setId(id);
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setOlds(toStruct(olds, "Update.olds"));
        req.setNews(toStruct(news, "Update.news"));
        if (oldInputs) {
            req.setOldInputs(toStruct(oldInputs, "Update.oldInputs"));
        }
        const res = await this.unary<provproto.UpdateResponse>("Update", (md, opts, cb) =>
            this.client.update(req, md, opts, cb),
        );
        return { properties: fromStruct(res.getProperties()) };
    }

    async delete(id: string, urn: string, properties: PropertyMap, oldInputs?: PropertyMap): Promise<void> {
        const req = new provproto.DeleteRequest();
        req.setId(id);
        req.setUrn(urn);
        setNameAndType(req, urn);
        req.setProperties(toStruct(properties, "Delete.properties"));
        if (oldInputs) {
            req.setOldInputs(toStruct(oldInputs, "Delete.oldInputs"));
        }
        await this.unary<Empty>("Delete", (md, opts, cb) => this.client.delete(req, md, opts, cb));
    }

    async getPluginInfo(): Promise<{ version: string }> {
        const res = await this.unary<{ getVersion(): string }>("GetPluginInfo", (md, opts, cb) =>
            this.client.getPluginInfo(new Empty(), md, opts, cb),
        );
        return { version: res.getVersion() };
    }

    waitForLog(match: string | RegExp, options: { since?: number; timeoutMs?: number } = {}): Promise<string> {
        const timeoutMs = options.timeoutMs ?? 2000;
        const test = (line: string) => (typeof match === "string" ? line.includes(match) : match.test(line));
        const found = this.logs.slice(options.since ?? 0).find(test);
        if (found !== undefined) {
            return Promise.resolve(found);
        }
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                off();
                reject(new Error(`no plugin log line matched ${String(match)} within ${timeoutMs} ms; logs:\n${this.logs.join("\n")}`));
            }, timeoutMs);
            const off = this.proc.onLine((line) => {
                if (test(line)) {
                    clearTimeout(timer);
                    off();
                    resolve(line);
                }
            });
        });
    }

    async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<PluginExit> {
        const exit = await this.proc.terminate(signal);
        this.client.close();
        return exit;
    }

    close(): Promise<PluginExit> {
        // The dynamic provider never exits on its own (its gRPC server keeps the loop alive), so the engine ends
        // it with a signal as well; SIGTERM lets Node run its exit handlers.
        this.closing ??= (async () => {
            this.client.close();
            return this.proc.terminate("SIGTERM");
        })();
        return this.closing;
    }

    /** Runs one unary RPC with a deadline and maps failures to {@link PluginRpcError}. */
    private unary<T>(
        method: string,
        invoke: (md: grpc.Metadata, opts: Partial<grpc.CallOptions>, cb: (err: grpc.ServiceError | null, res: T) => void) => unknown,
        timeoutMs = this.callTimeoutMs,
    ): Promise<T> {
        const exit = this.proc.exit;
        if (exit) {
            // Fail fast instead of waiting for the channel to time out against a dead port.
            return Promise.reject(
                new PluginRpcError(method, grpc.status.UNAVAILABLE, `plugin process has exited (code ${exit.code}, signal ${exit.signal})`),
            );
        }
        return new Promise<T>((resolve, reject) => {
            invoke(new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (err, res) => {
                if (err) {
                    reject(toPluginRpcError(method, err));
                } else {
                    resolve(res);
                }
            });
        });
    }
}

/** Converts a gRPC error, decoding `grpc-status-details-bin` for partial failures (ErrorResourceInitFailed). */
function toPluginRpcError(method: string, err: grpc.ServiceError): PluginRpcError {
    let initFailure: InitFailure | undefined;
    const raw = err.metadata?.get("grpc-status-details-bin") ?? [];
    for (const value of raw) {
        if (typeof value === "string") {
            continue;
        }
        for (const any of Status.deserializeBinary(new Uint8Array(value)).getDetailsList()) {
            if (any.getTypeName() !== INIT_FAILED_TYPE) {
                continue;
            }
            const detail = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
            initFailure = {
                id: detail.getId(),
                properties: fromStruct(detail.getProperties()),
                reasons: detail.getReasonsList(),
            };
        }
    }
    return new PluginRpcError(method, err.code, err.details ?? err.message, initFailure);
}

/** Sets the request's `name`/`type` from the URN, as the engine fills them (`diffResource` in step_generator.go). */
function setNameAndType(req: { setName(v: string): unknown; setType(v: string): unknown }, urn: string): void {
    const parsed = parseUrn(urn);
    if (parsed) {
        req.setName(parsed.name);
        req.setType(parsed.type);
    }
}

/**
 * Splits `urn:pulumi:<stack>::<project>::<qualified type>::<name>`; the type is the last `$` segment of the
 * qualified type, and the name may itself contain `::`.
 */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    const m = /^urn:pulumi:([^:]*)::([^:]*)::([^:]+(?::[^:]+)*)::(.*)$/.exec(urn);
    if (!m) {
        return undefined;
    }
    const qualified = m[3].split("$");
    return { stack: m[1], project: m[2], type: qualified[qualified.length - 1], name: m[4] };
}

/** Builds a URN the way the engine does for a top-level resource. */
export function makeUrn(stack: string, project: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/**
 * `Struct.fromJavaScript` with the offending path named: its own error ("Unexpected struct type") does not say
 * where the `undefined`/`Date`/`Buffer` is (pulumi/pulumi#2205, #3012), which makes test failures hard to read.
 */
function toStruct(value: PropertyMap, what: string): Struct {
    assertJsonLike(value, what);
    return Struct.fromJavaScript(value as any);
}

function assertJsonLike(value: unknown, where: string): void {
    if (value === null || typeof value === "string" || typeof value === "boolean") {
        return;
    }
    if (typeof value === "number") {
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((v, i) => assertJsonLike(v, `${where}[${i}]`));
        return;
    }
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        for (const [k, v] of Object.entries(value as object)) {
            assertJsonLike(v, `${where}.${k}`);
        }
        return;
    }
    const kind = value === undefined ? "undefined" : (value as object)?.constructor?.name ?? typeof value;
    throw new TypeError(`${where} is ${kind}; only JSON-like values can cross the plugin boundary`);
}

function fromStruct(s: Struct | undefined): PropertyMap {
    return s ? (s.toJavaScript() as PropertyMap) : {};
}

/** Calls `onLine` per complete line; a trailing partial line is flushed when the stream ends. */
function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
    let buffered = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
            onLine(buffered.slice(0, nl).replace(/\r$/, ""));
            buffered = buffered.slice(nl + 1);
        }
    });
    stream.on("end", () => {
        if (buffered) {
            onLine(buffered);
            buffered = "";
        }
    });
}

function safeKill(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
        child.kill(signal);
    } catch {
        // Already gone.
    }
}

function delay(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
        return await Promise.race([
            p,
            new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(onTimeout()), ms);
            }),
        ]);
    } finally {
        clearTimeout(timer);
    }
}
