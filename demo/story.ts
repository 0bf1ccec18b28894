/**
 * The demo's story, told the same way whichever driver plays the Pulumi engine: up → out-of-band
 * change → drift preview → up converges → destroy; for a tunnel on an emulator peering pair (the
 * cross-cloud example) also established → down after the console change → established again
 * (./tunnelCheck). This module holds the steps and
 * {@link tellStory}, which plays the middle of the story against a {@link StackDriver} and checks
 * each step's claim; what it runs is the {@link Scenario} (`scenario.ts`), and `run.ts` owns start
 * and cleanup.
 */
import { describeDrift, DriftFinding } from "../provider/core/driftLine";
import type { Scenario } from "./scenario";
import type { ApplyOutcome, DriftOutcome, ResourceView, StackDriver } from "./stackDriver";
import { describeEnds, describeStatusOutput, expectFreshStatusOutput, expectTunnel, TunnelEnds } from "./tunnelCheck";

/** Identifiers of the story's steps, in order. */
export type StepId = "start" | "up" | "outputs" | "console" | "drift" | "converge" | "destroy" | "cleanup";

/** One step of the story as the report names it. */
export interface StepDefinition {
    id: StepId;
    /** Short label printed at the start of the report line. */
    label: string;
    /** What the step shows, for readers of the code and of `--help`-like listings. */
    summary: string;
}

/** The story, in order. `start` and `cleanup` frame the middle that {@link tellStory} plays. */
export const STORY: readonly StepDefinition[] = [
    { id: "start", label: "start", summary: "start the embedded cloud emulator (loopback only, fake credentials)" },
    { id: "up", label: "up", summary: "pulumi up creates the example's VPN connections (a tunnel: both ends report it established)" },
    { id: "outputs", label: "outputs", summary: "the connections' ids and states as the stack records them" },
    { id: "console", label: "console", summary: "someone changes a connection in the console (IKE encryption; the cross-cloud Tencent end's pre-shared key)" },
    { id: "drift", label: "drift", summary: "pulumi refresh --preview-only detects the drift and names the field (a tunnel: it is down)" },
    { id: "converge", label: "converge", summary: "pulumi up --refresh puts the desired value back (a tunnel: established again); a refresh preview is clean" },
    { id: "destroy", label: "destroy", summary: "pulumi destroy deletes every connection; the emulator holds none" },
    { id: "cleanup", label: "cleanup", summary: "stop the plugin/CLI, the emulator, and remove temporary directories" },
];

/** The step definition of `id`. */
export function stepDefinition(id: StepId): StepDefinition {
    const found = STORY.find((s) => s.id === id);
    if (!found) throw new Error(`unknown story step ${id}`);
    return found;
}

/** The emulator control calls the story makes (satisfied by `emulator/core/controlClient`'s `ControlClient`). */
export interface ControlApi {
    call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** What a step reports: a one-line detail and, for assertions, structured facts. */
export interface StepOutcome {
    detail: string;
    facts?: StepFacts;
}

/** Structured facts a step may attach to its result. */
export interface StepFacts {
    resources?: ResourceView[];
    operations?: Record<string, string>;
    /** Both tunnel ends as the emulator reported them at the end of the step (tunnel scenarios). */
    tunnel?: TunnelEnds;
    /** The stack outputs the step's command reported (CLI driver). */
    stackOutputs?: Record<string, unknown>;
    drift?: DriftOutcome;
    /** The property path the console change was expected to surface as drift. */
    expectedDriftPath?: string;
}

/**
 * Runs one step: times it, prints its line, and turns a thrown error into a failed step. After a
 * failure it must skip (not run) every later body, which is what lets {@link tellStory} read as a
 * straight sequence.
 */
export type StepRunner = (id: StepId, body: () => Promise<StepOutcome>) => Promise<StepOutcome | undefined>;

/** Inputs of {@link tellStory}. */
export interface StoryContext {
    scenario: Scenario;
    /** Starts the driver (plugin process or CLI stack); called once, at the start of the `up` step. */
    openDriver: () => Promise<StackDriver>;
    control: ControlApi;
}

/**
 * Plays up → outputs → console change → drift preview → converge → destroy. Each step checks its
 * own claim (through the driver's results and, independently, through the emulator's control API)
 * and throws when it does not hold; after a failed step `step` skips the rest.
 */
export async function tellStory(ctx: StoryContext, step: StepRunner): Promise<void> {
    const { scenario, control } = ctx;
    const tunnel = scenario.tunnel;
    let driver!: StackDriver;
    const change = scenario.consoleChange;
    let resources: ResourceView[] = [];
    const byName = (name: string) => {
        const found = resources.find((r) => r.name === name);
        if (!found) throw new Error(`resource ${name} is not in the stack (have: ${resources.map((r) => r.name).join(", ") || "none"})`);
        return found;
    };
    const connectionPath = () => `/${change.cloud}/connections/${encodeURIComponent(byName(change.resourceName).id)}`;
    const readChangedValue = async () => valueAt(await control.call<Record<string, unknown>>("GET", connectionPath()), change.apiPath);

    await step("up", async () => {
        driver = await ctx.openDriver();
        const outcome = await driver.up();
        resources = outcome.resources;
        expectOperations(outcome, scenario, ["create"]);
        const created = scenario.resources.map((r) => `${r.name} ${byName(r.name).id}`);
        const facts: StepFacts = { operations: outcome.operations, resources, stackOutputs: outcome.outputs };
        if (!tunnel) return { detail: `created ${created.join(", ")}`, facts };
        facts.tunnel = await expectTunnel(control, tunnel, resources, "established");
        const fresh = await expectFreshStatusOutput(driver, scenario, tunnel, outcome, "established");
        resources = fresh.outcome.resources;
        facts.stackOutputs = fresh.outcome.outputs;
        return { detail: `created ${created.join(", ")}; tunnel established (${describeEnds(facts.tunnel)}; ${describeStatusOutput(tunnel, fresh)})`, facts };
    });

    // The story's connections only: the component's generated key is no connection (and its outputs are secret).
    await step("outputs", async () => {
        const shown = scenario.resources.map((r) => byName(r.name));
        return { detail: shown.map((r) => `${r.name}: ${describeOutputs(r)}`).join("; "), facts: { resources } };
    });

    await step("console", async () => {
        const cloudName = change.cloud === "alicloud" ? "Alibaba Cloud" : "Tencent Cloud";
        if (change.secret) {
            // The control API masks secrets: the change is checked by its effect (the drift step).
            await control.call("PATCH", connectionPath(), change.patch);
            return { detail: `${cloudName} console sets a new value of ${change.description} of ${byName(change.resourceName).id} (not shown)` };
        }
        const before = await readChangedValue();
        if (!sameText(before, change.from)) throw new Error(`${change.apiPath.join(".")} is ${String(before)} before the change, expected ${change.from}`);
        await control.call("PATCH", connectionPath(), change.patch);
        const after = await readChangedValue();
        if (!sameText(after, change.to)) throw new Error(`the console change did not take: ${change.apiPath.join(".")} is ${String(after)}`);
        return { detail: `${cloudName} console sets ${change.description} of ${byName(change.resourceName).id}: ${change.from} → ${change.to}` };
    });

    await step("drift", async () => {
        const drift = await driver.previewRefresh();
        const id = byName(change.resourceName).id;
        const finding = drift.findings.find((f) => f.id === id);
        if (!drift.drift) throw new Error("refresh preview reported no drift after the console change");
        if (!finding?.paths.includes(change.driftPath)) {
            throw new Error(`drift was reported, but not in ${change.driftPath} of ${id} (provider said: ${renderFindings(drift.findings) || "nothing"})`);
        }
        const inSync = scenario.resources.map((r) => byName(r.name)).filter((r) => !drift.findings.some((f) => f.id === r.id)).map((r) => r.name);
        const rest = inSync.length ? `; in sync: ${inSync.join(", ")}` : "";
        const facts: StepFacts = { drift, expectedDriftPath: change.driftPath };
        let down = "";
        if (tunnel) {
            facts.tunnel = await expectTunnel(control, tunnel, resources, "down");
            down = `; tunnel down (${describeEnds(facts.tunnel)})`;
        }
        const detail = `drift detected: ${renderFindings(drift.findings)}${rest}${down}`;
        if (change.secret && detail.includes(change.to)) throw new Error("the drift report shows the console's secret value");
        return { detail, facts };
    });

    await step("converge", async () => {
        const outcome = await driver.upWithRefresh();
        resources = outcome.resources;
        const expected = Object.fromEntries(scenario.resources.map((r) => [r.name, r.name === change.resourceName ? "update" : "same"]));
        for (const [name, op] of Object.entries(expected)) {
            if (outcome.operations[name] !== op) throw new Error(`up --refresh: expected ${name} to ${op}, got ${outcome.operations[name] ?? "nothing"}`);
        }
        if (!change.secret) {
            const value = await readChangedValue();
            if (!sameText(value, change.from)) throw new Error(`after up --refresh the cloud still has ${change.apiPath.join(".")} = ${String(value)}`);
        }
        const facts: StepFacts = { operations: outcome.operations };
        let established = "";
        if (tunnel) {
            facts.tunnel = await expectTunnel(control, tunnel, resources, "established");
            // The refresh read the unchanged end while the tunnel was down; the update re-read only the changed one.
            const fresh = await expectFreshStatusOutput(driver, scenario, tunnel, outcome, "established");
            resources = fresh.outcome.resources;
            facts.stackOutputs = fresh.outcome.outputs;
            established = `; established again (${describeEnds(facts.tunnel)}; ${describeStatusOutput(tunnel, fresh)})`;
        }
        const after = await driver.previewRefresh();
        if (after.drift) throw new Error(`refresh preview still reports drift: ${renderFindings(after.findings) || "(no field named)"}`);
        facts.drift = after;
        return {
            detail: `up --refresh updated ${change.resourceName} (${change.description} back to ${change.from})${established}; refresh preview: no drift`,
            facts,
        };
    });

    await step("destroy", async () => {
        const outcome = await driver.destroy();
        for (const r of scenario.resources) {
            if (outcome.operations[r.name] !== "delete") throw new Error(`destroy: expected ${r.name} to be deleted, got ${outcome.operations[r.name] ?? "nothing"}`);
        }
        const left = countConnections(await control.call<Record<string, unknown>>("GET", "/state"));
        if (left > 0) throw new Error(`the emulator still holds ${left} connection(s) after destroy`);
        return { detail: `${scenario.resources.length} connection(s) deleted; the emulator holds none`, facts: { operations: outcome.operations } };
    });
}

function expectOperations(outcome: ApplyOutcome, scenario: Scenario, allowed: string[]): void {
    for (const r of scenario.resources) {
        const op = outcome.operations[r.name];
        if (!op || !allowed.includes(op)) throw new Error(`expected ${r.name} to ${allowed.join("/")}, got ${op ?? "nothing"}`);
    }
}

/** `id state/status` for the report, from whichever of the usual output names the resource has. */
export function describeOutputs(resource: ResourceView): string {
    const o = resource.outputs;
    const state = o.state ?? o.State;
    const status = o.status ?? o.negotiationStatus;
    const parts = [state, status].filter((v) => typeof v === "string" && v !== "");
    return parts.length ? `${resource.id} (${parts.join(", ")})` : resource.id;
}

/** `vco-1 differs in a, b; vco-2 differs in c` */
export function renderFindings(findings: readonly DriftFinding[]): string {
    return findings.map(describeDrift).join("; ");
}

/** Connections across every cloud in a `GET /__emu/state` snapshot. */
export function countConnections(state: Record<string, unknown>): number {
    let count = 0;
    for (const cloud of Object.values(state)) {
        const connections = (cloud as { connections?: unknown } | null)?.connections;
        if (Array.isArray(connections)) count += connections.length;
    }
    return count;
}

function valueAt(value: unknown, keys: string[]): unknown {
    return keys.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** API enums are case-insensitive (Alibaba answers `aes256` or `AES256` depending on the call). */
function sameText(actual: unknown, expected: string): boolean {
    return typeof actual === "string" && actual.toLowerCase() === expected.toLowerCase();
}
