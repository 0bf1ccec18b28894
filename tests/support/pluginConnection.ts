/**
 * A connected, configured plugin: the engine's RPCs (Configure, Check, Diff, Create, Read, Update,
 * Delete) with plain JS values on our side, each under a deadline, plus its log lines and its end.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { PluginChild, PluginExit } from "./pluginChild";
import {
    CheckResult,
    CreateResult,
    DiffChanges,
    DiffResult,
    PluginCapabilities,
    PluginRpcError,
    ReadResult,
    toPluginRpcError,
    UpdateResult,
} from "./pluginRpc";
import { fromStruct, PropertyMap, SECRET_SIG, SIG_KEY, toStruct } from "./propertyMap";
import { parseUrn } from "./urn";

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

/** Implements {@link PluginConnection} over the generated client. */
export class Connection implements PluginConnection {
    capabilities: PluginCapabilities = {
        acceptSecrets: false,
        supportsPreview: false,
        acceptResources: false,
        acceptOutputs: false,
    };
    private closing: Promise<PluginExit> | undefined;

    constructor(
        private readonly proc: PluginChild,
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

/** Sets the request's `name`/`type` from the URN, as the engine fills them (`diffResource` in step_generator.go). */
function setNameAndType(req: { setName(v: string): unknown; setType(v: string): unknown }, urn: string): void {
    const parsed = parseUrn(urn);
    if (parsed) {
        req.setName(parsed.name);
        req.setType(parsed.type);
    }
}
