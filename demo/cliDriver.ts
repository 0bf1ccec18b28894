/**
 * The story through the real Pulumi CLI, driven by the Automation API: a local file backend, a
 * passphrase secrets provider and a Pulumi home, all in a temporary directory, so nothing outside
 * it is read or written (no login, no ~/.pulumi, no Pulumi Cloud).
 *
 * Only what the CLI reports is used: engine events (each resource's operation, the provider's
 * stderr lines as diagnostics) and the exported checkpoint (ids and outputs).
 */
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { EngineEvent, LocalWorkspace, OpMap, OutputMap, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { DriftFinding, parseDriftLines } from "../provider/core/driftLine";
import type { Scenario } from "./scenario";
import type { ApplyOutcome, DriftOutcome, ResourceView, StackDriver } from "./stackDriver";

/** Options of {@link createCliDriver}. */
export interface CliDriverOptions {
    scenario: Scenario;
    /** The program copy the CLI runs (it writes `Pulumi.<stack>.yaml` there). */
    programDir: string;
    /** Environment for the CLI and, through it, the language host and the plugin. */
    env: Record<string, string>;
    /** A temporary directory the driver may fill (backend, Pulumi home); the caller removes it. */
    scratchDir: string;
    /** The directory holding `pulumi` and its plugins (see `availablePulumi()` in tools/pulumi-cli/setup.ts). */
    cliDir: string;
}

/** Operations that change a resource; a refresh preview counting any of them found drift. */
const CHANGE_OPS: readonly string[] = ["create", "update", "delete", "replace", "create-replacement", "delete-replaced", "discard", "discard-replaced"];

const DYNAMIC_TYPE = "pulumi-nodejs:dynamic";

/** The logical name at the end of a URN (`urn:pulumi:stack::project::type::name`). */
export function nameOfUrn(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** True when a refresh preview's summary counts a changing operation. */
export function summaryShowsChanges(summary: OpMap | undefined): boolean {
    return Object.entries(summary ?? {}).some(([op, count]) => CHANGE_OPS.includes(op) && (count ?? 0) > 0);
}

/**
 * The desired leaf paths whose refreshed value differs: every value in `desired` (the stored inputs)
 * compared with the same path in `refreshed` (the inputs `read` returned). Paths missing from the
 * refreshed inputs are skipped (secrets are left out of them, computed fields the program never
 * set are not managed), strings compare case-insensitively (cloud enums) and arrays as sets, which
 * approximates the provider's own diff. A stand-in for when the provider's log line is not shown.
 */
export function desiredDrift(desired: Record<string, unknown>, refreshed: Record<string, unknown>, prefix = ""): string[] {
    const paths: string[] = [];
    for (const [key, want] of Object.entries(desired)) {
        if (key === "__provider" || want === null || want === undefined || !(key in refreshed)) continue;
        const have = refreshed[key];
        const at = prefix ? `${prefix}.${key}` : key;
        if (isRecord(want) && isRecord(have)) {
            paths.push(...desiredDrift(want, have, at));
        } else if (comparable(want) !== comparable(have)) {
            paths.push(at);
        }
    }
    return paths;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function comparable(value: unknown): string {
    if (typeof value === "string") return JSON.stringify(value.toLowerCase());
    if (Array.isArray(value)) return `[${value.map(comparable).sort().join(",")}]`;
    if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${k}:${comparable(value[k])}`).join(",")}}`;
    return JSON.stringify(value);
}

/** Stack outputs as plain values; a secret one stays out of the story (it is never printed). */
export function plainOutputs(outputs: OutputMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).filter(([, o]) => !o.secret).map(([k, o]) => [k, o.value]));
}

/** Collects what the story needs from one command's engine events. */
export class CommandEvents {
    readonly diagnostics: string[] = [];
    /** Last changing-or-same operation per logical name (refresh steps of `up --refresh` excluded). */
    readonly operations: Record<string, string> = {};
    /** Per refreshed resource id: desired paths whose refreshed value differs (see {@link desiredDrift}). */
    readonly refreshed = new Map<string, string[]>();

    readonly onEvent = (event: EngineEvent): void => {
        if (event.diagnosticEvent) {
            this.diagnostics.push(event.diagnosticEvent.message);
        }
        const step = event.resOutputsEvent?.metadata ?? event.resourcePreEvent?.metadata;
        if (!step || !step.type.startsWith(DYNAMIC_TYPE)) return;
        if (step.op === "refresh") {
            const id = step.new?.id || step.old?.id;
            if (id && step.old?.inputs && step.new?.inputs) this.refreshed.set(id, desiredDrift(step.old.inputs, step.new.inputs));
        } else if (step.op !== "read") {
            this.operations[nameOfUrn(step.urn)] = step.op;
        }
    };

    /**
     * Drift per connection: the provider's own `differs in` lines (CLI 3.146+ shows a dynamic
     * provider's stderr as diagnostics), else the comparison of the refresh step's inputs.
     */
    findings(): DriftFinding[] {
        const reported = parseDriftLines(this.diagnostics);
        const inferred = [...this.refreshed]
            .filter(([id, paths]) => paths.length > 0 && !reported.some((f) => f.id === id))
            .map(([id, paths]) => ({ id, paths }));
        return [...reported, ...inferred];
    }
}

/**
 * Creates a stack for the scenario's program copy in a fresh file backend, sets its config (the
 * PSK as a secret) and returns a driver running `pulumi` commands against it.
 */
export async function createCliDriver(options: CliDriverOptions): Promise<StackDriver> {
    const { scenario, programDir, scratchDir } = options;
    const backendDir = path.join(scratchDir, "backend");
    const homeDir = path.join(scratchDir, "pulumi-home");
    fs.mkdirSync(backendDir, { recursive: true });
    fs.mkdirSync(homeDir, { recursive: true });
    const envVars: Record<string, string> = {
        ...options.env,
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        // Throwaway: it only protects a state that is deleted when the demo ends.
        PULUMI_CONFIG_PASSPHRASE: randomBytes(16).toString("hex"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // The story checks behaviour, not types (`npm run typecheck` does); skipping the check saves seconds.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    };
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: scenario.stack, workDir: programDir },
        { envVars, pulumiHome: homeDir, secretsProvider: "passphrase", pulumiCommand: await pulumiCommandIn(options.cliDir, scratchDir) },
    );
    await stack.setAllConfig(Object.fromEntries(Object.entries(scenario.config).map(([k, v]) => [k, { value: v, secret: scenario.secretKeys.includes(k) }])));
    return new CliDriver(stack);
}

/**
 * The Automation API's handle on the CLI in `cliDir`. `PulumiCommand.get({ root })` runs
 * `<root>/bin/pulumi` (and puts that directory first on the CLI's PATH, where the engine finds the
 * language host and the dynamic-provider plugin beside it), so `root` is a scratch directory whose
 * `bin` links to `cliDir`.
 */
async function pulumiCommandIn(cliDir: string, scratchDir: string): Promise<PulumiCommand> {
    const root = path.join(scratchDir, "pulumi-root");
    fs.mkdirSync(root, { recursive: true });
    fs.symlinkSync(cliDir, path.join(root, "bin"), "dir");
    return PulumiCommand.get({ root });
}

class CliDriver implements StackDriver {
    readonly kind = "cli";
    private removed = false;

    constructor(private readonly stack: Stack) {}

    async up(): Promise<ApplyOutcome> {
        const log = new CommandEvents();
        const result = await this.stack.up({ color: "never", onEvent: log.onEvent });
        return this.applied(log, result.outputs);
    }

    async previewRefresh(): Promise<DriftOutcome> {
        const log = new CommandEvents();
        const result = await this.stack.previewRefresh({ color: "never", onEvent: log.onEvent });
        const findings = log.findings();
        const drift = summaryShowsChanges(result.changeSummary) || findings.length > 0;
        return { drift, findings };
    }

    async upWithRefresh(): Promise<ApplyOutcome> {
        const log = new CommandEvents();
        const result = await this.stack.up({ color: "never", refresh: true, onEvent: log.onEvent });
        return this.applied(log, result.outputs);
    }

    async destroy(): Promise<ApplyOutcome> {
        const log = new CommandEvents();
        await this.stack.destroy({ color: "never", onEvent: log.onEvent });
        await this.stack.workspace.removeStack(this.stack.name);
        this.removed = true;
        return { operations: log.operations, resources: [] };
    }

    async dispose(): Promise<void> {
        if (this.removed) return;
        this.removed = true;
        try {
            // After a failed story the stack may still hold resources; they lived in the emulator,
            // which is stopped anyway, so the stack record can go with them.
            await this.stack.workspace.removeStack(this.stack.name, { force: true });
        } catch {
            // The backend directory is deleted with the scratch directory regardless.
        }
    }

    /** Operations per resource in state; one without a step event of its own was left as it was. */
    private async applied(log: CommandEvents, outputs: OutputMap): Promise<ApplyOutcome> {
        const resources = await this.resources();
        return { operations: { ...Object.fromEntries(resources.map((r) => [r.name, "same"])), ...log.operations }, resources, outputs: plainOutputs(outputs) };
    }

    private async resources(): Promise<ResourceView[]> {
        const exported = await this.stack.exportStack();
        const resources: { urn: string; type: string; id?: string; outputs?: Record<string, unknown> }[] = exported.deployment?.resources ?? [];
        return resources
            .filter((r) => r.type.startsWith(DYNAMIC_TYPE))
            .map((r) => ({ name: nameOfUrn(r.urn), type: r.type, id: r.id ?? "", outputs: r.outputs ?? {} }));
    }
}
