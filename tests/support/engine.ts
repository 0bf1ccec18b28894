/**
 * A one-resource engine simulator: plays the Pulumi engine's call sequences (up, preview, refresh, destroy)
 * against a real dynamic provider plugin and keeps a checkpoint-like record of the resource.
 *
 * Sources for each rule, in pulumi/pulumi: `pkg/resource/plugin/provider_plugin.go` (secrets, `annotateSecrets`),
 * `sdk/nodejs/cmd/dynamic-provider/index.ts` (diff results, which `__provider` runs, partial failures),
 * `pkg/resource/deploy/step.go` (`RefreshStep`) and the engine's step generator
 * (pkg/resource/deploy/step_generator.go: `diffResource`, `continueStepsFromDiff`, `applyReplaceOnChanges`).
 * Deliberately not modelled: dependencies between resources, aliases, protect, ignoreChanges, replaceOnChanges,
 * targets, plans, parallelism, and detailed diffs (the dynamic provider server never returns them).
 */
import {
    CheckFailure,
    DiffChanges,
    DiffResult,
    makeUrn,
    PluginConnection,
    PluginRpcError,
    PROVIDER_KEY,
    PropertyMap,
    ReadResult,
} from "./pluginProcess";
import { shortDiff } from "./displayDiff";

export { UNKNOWN } from "./pluginProcess";

/** The checkpoint record of the simulated resource. */
export interface EngineState {
    urn: string;
    id: string;
    /** Checked inputs, including `__provider` exactly as the plugin returned it. */
    inputs: PropertyMap;
    /** Outputs, including the `__provider` the plugin added (read and delete run this one). */
    outputs: PropertyMap;
    /** Reasons of a partial failure; the next `up` then updates the resource even without a diff. */
    initErrors?: string[];
}

/**
 * Which parts of a value are secret: `true` = this value and everything below it; an object = only the listed
 * children (array elements keyed by index). Absent = not secret.
 */
export type SecretMask = true | { [key: string]: SecretMask };

/** The secret mask of a property map: only the listed keys (down to their own masks) are secret. */
export type SecretMaskMap = { [key: string]: SecretMask };

/** Options of {@link EngineSimulator}. */
export interface EngineOptions {
    /** Full URN; overrides `stack`/`project`/`type`/`name`. */
    urn?: string;
    /** @default "test-stack" */
    stack?: string;
    /** @default "test-project" */
    project?: string;
    /** @default "pulumi-nodejs:dynamic:Resource" */
    type?: string;
    /** @default "test" */
    name?: string;
    /** The program's current `__provider` text (can also be given per `up`/`preview`, or by {@link EngineSimulator.withProviderText}). */
    providerText?: string;
    /** True when the SDK serialized `__provider` as secret (`containsSecrets`). @default false */
    providerSecret?: boolean;
    /** Top-level input keys the program passes as `pulumi.secret(...)`. @default [] */
    secretInputKeys?: string[];
    /** The resource option `additionalSecretOutputs`: top-level output keys the engine stores secret. @default [] */
    additionalSecretOutputs?: string[];
}

/** Per-call options of {@link EngineSimulator.up} and {@link EngineSimulator.preview}. */
export interface UpOptions {
    /** Overrides the simulator's current provider text for this call. */
    providerText?: string;
    /** Overrides whether that text is secret. */
    providerSecret?: boolean;
    /**
     * The resource option `deleteBeforeReplace`. When set (true or false) it wins over the provider's diff, as in
     * the engine; when unset the diff's `deleteBeforeReplace` decides.
     */
    deleteBeforeReplace?: boolean;
    /**
     * `pulumi up --replace <urn>` (or a tainted resource): the engine skips the provider's diff and
     * replaces with the inputs of the first check, creating first unless `deleteBeforeReplace` is set
     * (step_generator.go `isTargetedReplace`).
     */
    replace?: boolean;
}

/** The step the engine chose for the resource. */
export type Operation = "create" | "same" | "update" | "replace";

/** The diff as the engine acted on it. */
export interface EngineDiff extends DiffResult {
    /** What the provider answered; `changes` is the engine's verdict after its DIFF_UNKNOWN fallback. */
    providerChanges: DiffChanges;
}

/** Result of {@link EngineSimulator.up}. */
export interface UpResult {
    operation: Operation;
    /** Absent for a create (no diff is run). */
    diff?: EngineDiff;
    /** What the CLI prints as the step's `[diff: …]` ("" for a create or a same step). */
    display: string;
    state: EngineState;
}

/** Result of {@link EngineSimulator.preview}: what `up` would do, with the checked inputs. */
export interface PreviewResult {
    operation: Operation;
    diff?: EngineDiff;
    /** As in {@link UpResult}. */
    display: string;
    inputs: PropertyMap;
}

/** Result of {@link EngineSimulator.refresh}. */
export interface RefreshResult {
    /** True when `pulumi refresh --expect-no-changes` would fail (exit 7): deleted or diff reported changes. */
    drift: boolean;
    /** Read returned a blank id. */
    deleted: boolean;
    /** Engine verdict of the refresh diff (absent when deleted: no diff is run). */
    changes?: "none" | "some";
    /** What the provider's diff answered (absent when deleted). */
    providerChanges?: DiffChanges;
    /** Keys that differ when the engine fell back to comparing inputs itself. */
    changedKeys?: string[];
    /** What the CLI prints as the refresh step's `[diff: …]`: stored inputs against Read's ("" without drift or when deleted). */
    display: string;
    /** The raw Read result. */
    read: ReadResult;
}

/** One property map that crossed the plugin boundary, with what the engine knows to be secret in it. */
export interface TranscriptEntry {
    method: "check" | "diff" | "create" | "read" | "update" | "delete";
    direction: "sent" | "received";
    /** The request/response field, e.g. "news", "inputs", "properties", "initFailure.properties". */
    field: string;
    properties: PropertyMap;
    /** Paths the engine would keep secret, e.g. `psk`, `tunnels[0].key`; "" would mean the whole map. */
    secretPaths: string[];
    /** True when the engine writes this map to the checkpoint (encrypting only `secretPaths`). */
    stored: boolean;
}

/** A place where a sensitive string would be written to the checkpoint unencrypted. */
export interface PlaintextLeak {
    method: TranscriptEntry["method"];
    direction: TranscriptEntry["direction"];
    field: string;
    /** Path of the value (or of the key, for a map key containing the string). */
    path: string;
}

/** Check returned failures; the engine reports them and stops before any create/update. */
export class CheckFailedError extends Error {
    override readonly name = "CheckFailedError";
    constructor(
        readonly urn: string,
        readonly failures: CheckFailure[],
    ) {
        super(`resource ${urn} has check errors: ${failures.map((f) => `${f.property || "(resource)"}: ${f.reason}`).join("; ")}`);
    }
}

interface Checked {
    inputs: PropertyMap;
    mask: SecretMaskMap;
    failures: CheckFailure[];
}

/** The state plus what the engine keeps encrypted in it. */
interface ResourceRecord {
    state: EngineState;
    inputsMask: SecretMaskMap;
    outputsMask: SecretMaskMap;
}

/**
 * Drives one resource through a {@link PluginConnection} like the engine, recording a transcript of every
 * property map for secrets audits. Not thread-safe: await each operation.
 */
export class EngineSimulator {
    /** Every property map sent to / received from the plugin, in order. */
    readonly transcript: TranscriptEntry[] = [];
    /** Replaced resources whose delete failed; deleted at the end of the next successful `up` or on `destroy`. */
    readonly pendingDeletes: EngineState[] = [];
    readonly urn: string;
    private providerText: string | undefined;
    private providerSecret: boolean;
    private readonly secretInputKeys: string[];
    private readonly additionalSecretOutputs: string[];
    private current: ResourceRecord | undefined;
    private readonly pendingRecords: ResourceRecord[] = [];
    private readonly masks = new WeakMap<TranscriptEntry, SecretMaskMap>();

    constructor(
        private connection: PluginConnection,
        options: EngineOptions = {},
    ) {
        this.urn =
            options.urn ??
            makeUrn(
                options.stack ?? "test-stack",
                options.project ?? "test-project",
                options.type ?? "pulumi-nodejs:dynamic:Resource",
                options.name ?? "test",
            );
        this.providerText = options.providerText;
        this.providerSecret = options.providerSecret ?? false;
        this.secretInputKeys = options.secretInputKeys ?? [];
        this.additionalSecretOutputs = options.additionalSecretOutputs ?? [];
    }

    /** A deep copy of the checkpoint record, or undefined when the resource does not exist. */
    get state(): EngineState | undefined {
        return this.current ? clone(this.current.state) : undefined;
    }

    /** Secret paths of the stored inputs and outputs (empty lists when there is no state). */
    stateSecretPaths(): { inputs: string[]; outputs: string[] } {
        return {
            inputs: this.current ? maskPaths(this.current.inputsMask) : [],
            outputs: this.current ? maskPaths(this.current.outputsMask) : [],
        };
    }

    /**
     * Replaces the checkpoint record, e.g. to start from state written by an older provider version.
     * `secretKeys` lists top-level keys stored secret.
     */
    setState(state: EngineState | undefined, secretKeys: { inputs?: string[]; outputs?: string[] } = {}): this {
        this.current = state && {
            state: clone(state),
            inputsMask: keysMask(state.inputs, secretKeys.inputs ?? []),
            outputsMask: keysMask(state.outputs, secretKeys.outputs ?? []),
        };
        return this;
    }

    /**
     * Simulates an upgraded program: `text` is used for check/diff/create/update from now on, while read and
     * delete keep running the `__provider` stored in state (pulumi/pulumi#4805, #16826) until an update rewrites it.
     */
    withProviderText(text: string, secret = false): this {
        this.providerText = text;
        this.providerSecret = secret;
        return this;
    }

    /** Continues with another plugin process (e.g. after a crash), keeping state and transcript. */
    useConnection(connection: PluginConnection): this {
        this.connection = connection;
        return this;
    }

    /**
     * `pulumi up` for the resource: Check, then Create, or Diff followed by nothing/Update/replacement.
     *
     * @param desired
     *  The program's inputs WITHOUT `__provider` (plain values; mark secrets with `secretInputKeys`).
     * @throws {@link CheckFailedError} on check failures; {@link PluginRpcError} when a hook fails. A Create or
     *  Update error carrying an init failure first records the partial resource in state, as the engine does.
     */
    async up(desired: PropertyMap, options: UpOptions = {}): Promise<UpResult> {
        const result = await this.plan(desired, options, true);
        await this.deletePending();
        return { operation: result.operation, diff: result.diff, display: result.display, state: this.state! };
    }

    /**
     * `pulumi preview`: Check and Diff only (the dynamic provider does not support preview, so the engine never
     * calls Create/Update). `desired` may contain {@link UNKNOWN}. Nothing is stored.
     */
    async preview(desired: PropertyMap, options: UpOptions = {}): Promise<PreviewResult> {
        const result = await this.plan(desired, options, false);
        return { operation: result.operation, diff: result.diff, display: result.display, inputs: result.inputs };
    }

    /**
     * `pulumi refresh` (`previewOnly` = `--preview-only`): Read with the stored outputs and inputs, then the
     * engine's drift diff `diff(id, olds = refreshed outputs, news = stored inputs)` (`RefreshStep`). Unless previewOnly,
     * writes the refreshed outputs (and inputs, if Read returned any) or drops the state when deleted.
     */
    async refresh(options: { previewOnly?: boolean } = {}): Promise<RefreshResult> {
        const old = this.require("refresh");
        const store = !options.previewOnly;
        const { state } = old;
        this.record("read", "sent", "properties", state.outputs, old.outputsMask, false);
        this.record("read", "sent", "inputs", state.inputs, old.inputsMask, false);
        const read = await this.connection.read(state.id, this.urn, state.outputs, state.inputs);
        if (!read.id) {
            // The engine treats a blank id as "deleted" (step.go RefreshStep) and ignores the properties.
            if (store) {
                this.current = undefined;
            }
            return { drift: true, deleted: true, display: "", read };
        }
        const outputsMask = unionMask(
            annotateSecrets(read.properties, state.outputs, old.outputsMask),
            keysMask(read.properties, this.additionalSecretOutputs),
        );
        this.record("read", "received", "properties", read.properties, outputsMask, store);
        const inputs = read.inputs ?? state.inputs;
        let inputsMask = old.inputsMask;
        if (read.inputs) {
            inputsMask = annotateSecrets(read.inputs, state.inputs, old.inputsMask);
            this.record("read", "received", "inputs", read.inputs, inputsMask, store);
        }

        const diff = await this.diffVia(read.id, read.properties, outputsMask, state.inputs, old.inputsMask, inputs);
        if (store) {
            // A refresh rewrites the record from what Read saw, which also clears init errors.
            this.current = { state: { urn: this.urn, id: read.id, inputs, outputs: read.properties }, inputsMask, outputsMask };
        }
        const result: RefreshResult = {
            drift: diff.changes === "some",
            deleted: false,
            changes: diff.changes as "none" | "some",
            providerChanges: diff.providerChanges,
            display: diff.changes === "some" ? shortDiff(state.inputs, inputs, old.inputsMask, inputsMask) : "",
            read,
        };
        if (diff.changedKeys) {
            result.changedKeys = diff.changedKeys;
        }
        return result;
    }

    /** `pulumi destroy`: Delete with the stored outputs (so the stored `__provider` runs), then clear state. */
    async destroy(): Promise<void> {
        await this.deletePending();
        if (!this.current) {
            return;
        }
        await this.deleteRecord(this.current);
        this.current = undefined;
    }

    /**
     * Every place where one of `values` appears (as a substring) in a map the engine would store, outside the
     * secret paths, including the `__provider` text. `includeSent` also scans maps only sent to the plugin.
     */
    plaintextLeaks(values: string[], options: { includeSent?: boolean } = {}): PlaintextLeak[] {
        const needles = values.filter((v) => v.length > 0);
        const leaks: PlaintextLeak[] = [];
        for (const entry of this.transcript) {
            if (!entry.stored && !(options.includeSent && entry.direction === "sent")) {
                continue;
            }
            const mask = this.masks.get(entry) ?? {};
            walkStrings(entry.properties, mask, [], (segments, text) => {
                if (needles.some((n) => text.includes(n))) {
                    leaks.push({ method: entry.method, direction: entry.direction, field: entry.field, path: renderPath(segments) });
                }
            });
        }
        return leaks;
    }

    /** Plugin log lines (CLI diagnostics) that contain one of `values`. */
    logLeaks(values: string[]): string[] {
        const needles = values.filter((v) => v.length > 0);
        return this.connection.logs.filter((line) => needles.some((n) => line.includes(n)));
    }

    /** Shared by up and preview; `apply` = perform the steps and store. */
    private async plan(
        desired: PropertyMap,
        options: UpOptions,
        apply: boolean,
    ): Promise<{ operation: Operation; diff?: EngineDiff; display: string; inputs: PropertyMap }> {
        if (PROVIDER_KEY in desired) {
            throw new Error(`pass desired inputs without ${PROVIDER_KEY}; the simulator adds the provider text`);
        }
        const providerText = options.providerText ?? this.providerText;
        if (providerText === undefined) {
            throw new Error("no provider text: pass providerText to the constructor, withProviderText() or this call");
        }
        const news: PropertyMap = { ...desired, [PROVIDER_KEY]: providerText };
        const newsMask = keysMask(news, [...this.secretInputKeys, ...((options.providerSecret ?? this.providerSecret) ? [PROVIDER_KEY] : [])]);

        const old = this.current;
        const checked = await this.check(old?.state.inputs ?? {}, old?.inputsMask ?? {}, news, newsMask, apply);
        if (!old) {
            if (apply) {
                await this.create(checked);
            }
            return { operation: "create", display: "", inputs: checked.inputs };
        }

        const display = shortDiff(old.state.inputs, checked.inputs, old.inputsMask, checked.mask);
        if (options.replace) {
            const diff: EngineDiff = { changes: "some", replaces: ["id"], deleteBeforeReplace: false, providerChanges: "unknown" };
            if (apply) {
                await this.replace(old, checked, options.deleteBeforeReplace ?? false);
            }
            return { operation: "replace", diff, display, inputs: checked.inputs };
        }
        const diff = await this.diffVia(old.state.id, old.state.outputs, old.outputsMask, checked.inputs, checked.mask, old.state.inputs);
        const hasInitErrors = (old.state.initErrors?.length ?? 0) > 0;
        if (diff.changes === "some" && diff.replaces.length > 0) {
            // The engine re-runs Check with no olds so that defaults are recomputed for the new resource.
            const rechecked = await this.check({}, {}, news, newsMask, apply);
            if (apply) {
                await this.replace(old, rechecked, options.deleteBeforeReplace ?? diff.deleteBeforeReplace);
            }
            return { operation: "replace", diff, display, inputs: rechecked.inputs };
        }
        if (diff.changes === "some" || hasInitErrors) {
            // Init errors force an (empty) update to "continue" initialization, as continueStepsFromDiff does.
            if (apply) {
                await this.update(old, checked);
            }
            return { operation: "update", diff, display, inputs: checked.inputs };
        }
        if (apply) {
            // A same step keeps id and outputs but stores the new inputs (so a new `__provider` lands in inputs
            // only; read/delete keep using the one in outputs).
            this.current = { state: { ...old.state, inputs: checked.inputs }, inputsMask: checked.mask, outputsMask: old.outputsMask };
        }
        return { operation: "same", diff, display: "", inputs: checked.inputs };
    }

    private async check(olds: PropertyMap, oldsMask: SecretMaskMap, news: PropertyMap, newsMask: SecretMaskMap, store: boolean): Promise<Checked> {
        this.record("check", "sent", "olds", olds, oldsMask, false);
        this.record("check", "sent", "news", news, newsMask, false);
        const res = await this.connection.check(this.urn, olds, news);
        const mask = annotateSecrets(res.inputs, news, newsMask);
        this.record("check", "received", "inputs", res.inputs, mask, store && res.failures.length === 0);
        if (res.failures.length) {
            throw new CheckFailedError(this.urn, res.failures);
        }
        return { inputs: res.inputs, mask, failures: res.failures };
    }

    /**
     * Diff as `diffResource` does: the provider's answer, and on DIFF_UNKNOWN the engine's own comparison of
     * `oldInputs` with `news` (which is how `__provider` changes alone trigger updates).
     */
    private async diffVia(
        id: string,
        olds: PropertyMap,
        oldsMask: SecretMaskMap,
        news: PropertyMap,
        newsMask: SecretMaskMap,
        oldInputs: PropertyMap,
    ): Promise<EngineDiff> {
        this.record("diff", "sent", "olds", olds, oldsMask, false);
        this.record("diff", "sent", "news", news, newsMask, false);
        const raw = await this.connection.diff(id, this.urn, olds, news, oldInputs);
        const diff: EngineDiff = { ...raw, providerChanges: raw.changes };
        if (raw.changes === "unknown") {
            const changed = changedKeys(oldInputs, news);
            diff.changes = changed.length ? "some" : "none";
            if (changed.length) {
                diff.changedKeys = changed;
            }
        }
        return diff;
    }

    private async create(checked: Checked): Promise<void> {
        this.record("create", "sent", "properties", checked.inputs, checked.mask, false);
        let res;
        try {
            res = await this.connection.create(this.urn, checked.inputs);
        } catch (e) {
            this.keepPartialFailure(e, "create", checked);
            throw e;
        }
        // The engine rejects a create without id ("provider did not return an ID from Create").
        if (!res.id) {
            throw new Error(`provider did not return an ID from Create for ${this.urn}`);
        }
        const outputsMask = this.outputsMask(res.properties, checked);
        this.record("create", "received", "properties", res.properties, outputsMask, true);
        this.current = { state: { urn: this.urn, id: res.id, inputs: checked.inputs, outputs: res.properties }, inputsMask: checked.mask, outputsMask };
    }

    private async update(old: ResourceRecord, checked: Checked): Promise<void> {
        const { state } = old;
        this.record("update", "sent", "olds", state.outputs, old.outputsMask, false);
        this.record("update", "sent", "news", checked.inputs, checked.mask, false);
        let res;
        try {
            res = await this.connection.update(state.id, this.urn, state.outputs, checked.inputs, state.inputs);
        } catch (e) {
            this.keepPartialFailure(e, "update", checked, state.id);
            throw e;
        }
        const outputsMask = this.outputsMask(res.properties, checked);
        this.record("update", "received", "properties", res.properties, outputsMask, true);
        this.current = { state: { urn: this.urn, id: state.id, inputs: checked.inputs, outputs: res.properties }, inputsMask: checked.mask, outputsMask };
    }

    private async replace(old: ResourceRecord, checked: Checked, deleteBeforeReplace: boolean): Promise<void> {
        if (deleteBeforeReplace) {
            await this.deleteRecord(old);
            this.current = undefined;
            await this.create(checked);
            return;
        }
        try {
            await this.create(checked);
        } catch (e) {
            // A partially created replacement is stored, and the old resource becomes pending delete.
            if (this.current !== old) {
                this.pendingRecords.push(old);
                this.pendingDeletes.push(clone(old.state));
            }
            throw e;
        }
        try {
            await this.deleteRecord(old);
        } catch (e) {
            this.pendingRecords.push(old);
            this.pendingDeletes.push(clone(old.state));
            throw e;
        }
    }

    private async deleteRecord(record: ResourceRecord): Promise<void> {
        const { state } = record;
        this.record("delete", "sent", "properties", state.outputs, record.outputsMask, false);
        await this.connection.delete(state.id, this.urn, state.outputs, state.inputs);
    }

    private async deletePending(): Promise<void> {
        while (this.pendingRecords.length) {
            await this.deleteRecord(this.pendingRecords[0]);
            this.pendingRecords.shift();
            this.pendingDeletes.shift();
        }
    }

    /** On an init failure the engine stores the resource with the error's properties as outputs. */
    private keepPartialFailure(e: unknown, method: "create" | "update", checked: Checked, id?: string): void {
        if (!PluginRpcError.isInstance(e) || !e.initFailure) {
            return;
        }
        const { properties, reasons } = e.initFailure;
        const outputsMask = this.outputsMask(properties, checked);
        this.record(method, "received", "initFailure.properties", properties, outputsMask, true);
        this.current = {
            state: { urn: this.urn, id: id ?? e.initFailure.id, inputs: checked.inputs, outputs: properties, initErrors: reasons },
            inputsMask: checked.mask,
            outputsMask,
        };
    }

    private outputsMask(outputs: PropertyMap, checked: Checked): SecretMaskMap {
        return unionMask(annotateSecrets(outputs, checked.inputs, checked.mask), keysMask(outputs, this.additionalSecretOutputs));
    }

    private require(operation: string): ResourceRecord {
        if (!this.current) {
            throw new Error(`cannot ${operation}: the resource has no state`);
        }
        return this.current;
    }

    private record(
        method: TranscriptEntry["method"],
        direction: TranscriptEntry["direction"],
        field: string,
        properties: PropertyMap,
        mask: SecretMaskMap,
        stored: boolean,
    ): void {
        const entry: TranscriptEntry = { method, direction, field, properties: clone(properties), secretPaths: maskPaths(mask), stored };
        this.masks.set(entry, mask);
        this.transcript.push(entry);
    }
}

/**
 * The engine's `annotateSecrets(outs, ins)` for providers that do not accept secrets (`provider_plugin.go`): an output is secret
 * where the input with the same key was; objects recurse; arrays of equal length are matched by index, and an
 * array that ends up with any secret element becomes wholly secret.
 *
 * @returns the secret mask of `outs`
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap, insMask: SecretMask): SecretMaskMap {
    if (insMask === true) {
        // A wholly secret input map makes every same-key output secret.
        return keysMask(outs, Object.keys(ins));
    }
    const result: SecretMaskMap = {};
    for (const key of Object.keys(ins)) {
        const m = insMask[key];
        if (m === undefined || !(key in outs)) {
            continue;
        }
        const annotated = annotateValue(outs[key], ins[key], m);
        if (annotated !== undefined) {
            result[key] = annotated;
        }
    }
    return result;
}

function annotateValue(out: unknown, input: unknown, mask: SecretMask): SecretMask | undefined {
    if (mask === true) {
        return true;
    }
    if (isPlainObject(out) && isPlainObject(input)) {
        const sub = annotateSecrets(out, input, mask);
        return Object.keys(sub).length ? sub : undefined;
    }
    if (Array.isArray(out) && Array.isArray(input) && out.length === input.length) {
        const anySecret = input.some((v, i) => mask[String(i)] !== undefined && annotateValue(out[i], v, mask[String(i)]) !== undefined);
        return anySecret ? true : undefined;
    }
    return undefined;
}

/** Lists a mask as rendered paths (`a`, `a.b`, `a[0]`, `["x-y"]`), sorted. */
export function maskPaths(mask: SecretMask, prefix: (string | number)[] = []): string[] {
    if (mask === true) {
        return [renderPath(prefix)];
    }
    return Object.keys(mask)
        .flatMap((k) => maskPaths(mask[k], [...prefix, k]))
        .sort();
}

function keysMask(value: PropertyMap, keys: string[]): SecretMaskMap {
    const mask: SecretMaskMap = {};
    for (const k of keys) {
        if (k in value) {
            mask[k] = true;
        }
    }
    return mask;
}

function unionMask(a: SecretMaskMap, b: SecretMaskMap): SecretMaskMap {
    const result: SecretMaskMap = { ...a };
    for (const [k, m] of Object.entries(b)) {
        const existing = result[k];
        result[k] = existing === undefined ? m : existing === true || m === true ? true : unionMask(existing, m);
    }
    return result;
}

function isUnderSecret(mask: SecretMask, segments: (string | number)[]): boolean {
    let m: SecretMask | undefined = mask;
    for (const s of segments) {
        if (m === true) {
            return true;
        }
        m = m[String(s)];
        if (m === undefined) {
            return false;
        }
    }
    return m === true;
}

/** Calls `visit` for every string leaf and every map key (with the key's own path) outside secret paths. */
function walkStrings(value: unknown, mask: SecretMask, segments: (string | number)[], visit: (segments: (string | number)[], text: string) => void): void {
    if (isUnderSecret(mask, segments)) {
        return;
    }
    if (typeof value === "string") {
        visit(segments, value);
    } else if (Array.isArray(value)) {
        value.forEach((v, i) => walkStrings(v, mask, [...segments, i], visit));
    } else if (isPlainObject(value)) {
        for (const [k, v] of Object.entries(value)) {
            visit([...segments, k], k);
            walkStrings(v, mask, [...segments, k], visit);
        }
    }
}

function renderPath(segments: (string | number)[]): string {
    let out = "";
    for (const s of segments) {
        if (typeof s === "number" || /^\d+$/.test(s)) {
            out += `[${s}]`;
        } else if (/^[A-Za-z_$][\w$]*$/.test(s)) {
            out += out ? `.${s}` : s;
        } else {
            out += `[${JSON.stringify(s)}]`;
        }
    }
    return out;
}

/** Top-level keys whose values differ (the engine's `oldInputs.Diff(news).ChangedKeys()`), sorted. */
function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...keys].filter((k) => !deepEqual(olds[k], news[k])).sort();
}

function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}

function isPlainObject(v: unknown): v is PropertyMap {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}
