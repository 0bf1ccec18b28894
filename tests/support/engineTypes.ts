/**
 * The engine simulator's vocabulary: the checkpoint record, its options and per-call options, and
 * what each command returns (the `EngineSimulator` of `engine.ts`).
 */
import type { CheckFailure, DiffChanges, DiffResult, ReadResult } from "./pluginRpc";
import type { PropertyMap } from "./propertyMap";
import type { SecretMaskMap } from "./secretMask";

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

/** Options of `EngineSimulator`. */
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
    /** The program's current `__provider` text (can also be given per `up`/`preview`, or by `EngineSimulator.withProviderText`). */
    providerText?: string;
    /** True when the SDK serialized `__provider` as secret (`containsSecrets`). @default false */
    providerSecret?: boolean;
    /** Top-level input keys the program passes as `pulumi.secret(...)`. @default [] */
    secretInputKeys?: string[];
    /** The resource option `additionalSecretOutputs`: top-level output keys the engine stores secret. @default [] */
    additionalSecretOutputs?: string[];
}

/** Per-call options of `EngineSimulator.up` and `EngineSimulator.preview`. */
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

/** Result of `EngineSimulator.up`. */
export interface UpResult {
    operation: Operation;
    /** Absent for a create (no diff is run). */
    diff?: EngineDiff;
    /** What the CLI prints as the step's `[diff: …]` ("" for a create or a same step). */
    display: string;
    state: EngineState;
}

/** Result of `EngineSimulator.preview`: what `up` would do, with the checked inputs. */
export interface PreviewResult {
    operation: Operation;
    diff?: EngineDiff;
    /** As in {@link UpResult}. */
    display: string;
    inputs: PropertyMap;
}

/** Result of `EngineSimulator.refresh`. */
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

/** What Check answered, with the secret mask the engine gives its inputs. */
export interface Checked {
    inputs: PropertyMap;
    mask: SecretMaskMap;
    failures: CheckFailure[];
}

/** The state plus what the engine keeps encrypted in it. */
export interface ResourceRecord {
    state: EngineState;
    inputsMask: SecretMaskMap;
    outputsMask: SecretMaskMap;
}
