/**
 * What the story asks of whichever driver plays the Pulumi engine (the real CLI or the plugin
 * driven over gRPC), and what each command reports back.
 */
import type { DriftFinding } from "../provider/core/driftLine";

/** A managed resource as the stack's state records it. */
export interface ResourceView {
    /** Logical name, e.g. `office`. */
    name: string;
    /** Pulumi type token. */
    type: string;
    id: string;
    /** Outputs (secrets may be absent or encrypted, depending on the driver). */
    outputs: Record<string, unknown>;
}

/** What the engine did to each resource in an up or destroy. */
export interface ApplyOutcome {
    /** Operation per logical name: `create`, `update`, `same`, `replace`, `delete`. */
    operations: Record<string, string>;
    /** The resources in state afterwards. */
    resources: ResourceView[];
    /**
     * The stack outputs the program exported, as plain values (undefined when the driver has no
     * program run of its own to report them: the plugin driver).
     */
    outputs?: Record<string, unknown>;
}

/** The verdict of a refresh preview. */
export interface DriftOutcome {
    /** True when `pulumi refresh --preview-only --expect-no-changes` would fail. */
    drift: boolean;
    /** The provider's own account of which fields differ, per connection id. */
    findings: DriftFinding[];
}

/**
 * Plays the Pulumi engine for the story: the Pulumi CLI through the Automation API, or the
 * dynamic-provider plugin driven over gRPC. Each call is one CLI command's worth of work.
 */
export interface StackDriver {
    /** `cli` or `plugin`, for the report. */
    readonly kind: "cli" | "plugin";
    /** `pulumi up`. */
    up(): Promise<ApplyOutcome>;
    /** `pulumi refresh --preview-only`: reads every resource, writes nothing. */
    previewRefresh(): Promise<DriftOutcome>;
    /** `pulumi up --refresh`: refreshes state from the cloud, then converges it to the program. */
    upWithRefresh(): Promise<ApplyOutcome>;
    /** `pulumi destroy`, then removal of the stack. */
    destroy(): Promise<ApplyOutcome>;
    /** Ends everything the driver started; idempotent, never rejects. */
    dispose(): Promise<void>;
}
