/**
 * The demo's story, told the same way whichever driver plays the Pulumi engine: up → out-of-band
 * change → drift preview → up converges → destroy. This module holds the story as data (steps,
 * the scenario of each example), the pure helpers the story needs, and {@link tellStory}, which
 * runs the middle of the story against a {@link StackDriver}; `run.ts` owns start and cleanup.
 */
import * as fs from "fs";
import * as path from "path";
import type { EmulatorInfo } from "../emulator";

/** The repository root, where `examples/` and `dist/` live. */
export const REPO_ROOT = path.resolve(__dirname, "..");

/** Stack name used by both drivers (the CLI's state lives in a temporary backend, so it never clashes). */
export const STACK_NAME = "demo";

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
    { id: "up", label: "up", summary: "pulumi up creates the example's VPN connections" },
    { id: "outputs", label: "outputs", summary: "the connections' ids and states as the stack records them" },
    { id: "console", label: "console", summary: "someone changes the Alibaba connection's IKE encryption in the console" },
    { id: "drift", label: "drift", summary: "pulumi refresh --preview-only detects the drift and names the field" },
    { id: "converge", label: "converge", summary: "pulumi up --refresh puts the desired value back; a refresh preview is clean" },
    { id: "destroy", label: "destroy", summary: "pulumi destroy deletes every connection; the emulator holds none" },
    { id: "cleanup", label: "cleanup", summary: "stop the plugin/CLI, the emulator, and remove temporary directories" },
];

/** The step definition of `id`. */
export function stepDefinition(id: StepId): StepDefinition {
    const found = STORY.find((s) => s.id === id);
    if (!found) throw new Error(`unknown story step ${id}`);
    return found;
}

/** The clouds a resource can live in, named as the SDK's namespaces. */
export type Cloud = "alicloud" | "tencentcloud";

/** An out-of-band change made through the emulator's control API, as a console user would. */
export interface ConsoleChange {
    cloud: Cloud;
    /** Logical name of the resource whose connection is changed. */
    resourceName: string;
    /** Human wording for the report. */
    description: string;
    /** Body of `PATCH /<cloud>/connections/<id>`: a partial connection in the cloud API's shape. */
    patch: Record<string, unknown>;
    /** Where the changed value sits in the control API's connection view. */
    apiPath: string[];
    /** The value the program asks for, and the one the console sets. */
    from: string;
    to: string;
    /** The resource property path the provider is expected to report as drifted. */
    driftPath: string;
}

/** The examples the story can run: the tunnel by default, a single cloud's connection otherwise. */
export type ExampleName = "tunnel" | "alicloud" | "tencentcloud";

/** Everything the drivers need to know about the example the story runs. */
export interface Scenario {
    /** Folder name under `examples/`. */
    example: ExampleName;
    exampleDir: string;
    /** Pulumi project name, from the example's Pulumi.yaml. */
    project: string;
    stack: string;
    /** Stack config without the project prefix, all strings (as the engine passes them). */
    config: Record<string, string>;
    /** Keys of {@link Scenario.config} set as secrets. */
    secretKeys: string[];
    /** The dynamic resources the program declares, by logical name. */
    resources: { name: string; cloud: Cloud }[];
    consoleChange: ConsoleChange;
}

/** Options of {@link scenarioFor}. */
export interface ScenarioOptions {
    /** The example to run; `tunnel` and `tencentcloud` need the emulator's Tencent front end. */
    example: ExampleName;
    /** The pre-shared key to configure (a fresh one per run, so none is ever committed). */
    preSharedKey: string;
    /** Public IP of the Alibaba VPN gateway the tunnel uses (the Tencent side's remote identity); tunnel only. */
    alicloudVpnGatewayIp?: string;
    /** Where the examples live. @default `<repo>/examples` */
    examplesDir?: string;
}

/** The Alibaba IKE encryption change both examples drift on: they ask for aes256, the console sets aes. */
function alibabaIkeChange(resourceName: string): ConsoleChange {
    return {
        cloud: "alicloud",
        resourceName,
        description: "IKE encryption",
        patch: { IkeConfig: { IkeEncAlg: "aes" } },
        apiPath: ["IkeConfig", "IkeEncAlg"],
        from: "aes256",
        to: "aes",
        driftPath: "ikeConfig.ikeEncAlg",
    };
}

/** The Tencent counterpart: the example asks for AES-CBC-256, the console sets AES-CBC-128. */
function tencentIkeChange(resourceName: string): ConsoleChange {
    return {
        cloud: "tencentcloud",
        resourceName,
        description: "IKE encryption",
        patch: { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-128" } },
        apiPath: ["IKEOptionsSpecification", "PropoEncryAlgorithm"],
        from: "AES-CBC-256",
        to: "AES-CBC-128",
        driftPath: "ikeOptions.propoEncryAlgorithm",
    };
}

/**
 * The scenario of the example the story runs, wired to the emulator's fixtures: gateway ids from
 * its info, a fresh PSK as a secret, and a console change to the IKE encryption of the example's
 * first connection (the Alibaba one in the tunnel).
 *
 * @throws when a Tencent example is asked for but the emulator has no Tencent front end, or the
 *  tunnel without the Alibaba gateway's IP
 */
export function scenarioFor(info: EmulatorInfo, options: ScenarioOptions): Scenario {
    const examplesDir = options.examplesDir ?? path.join(REPO_ROOT, "examples");
    const exampleDir = path.join(examplesDir, options.example);
    const base = { example: options.example, exampleDir, project: projectName(exampleDir), stack: STACK_NAME, secretKeys: ["preSharedKey"] };
    const ali = info.alicloud;
    if (options.example === "alicloud") {
        return {
            ...base,
            config: { vpnGatewayId: ali.vpnGatewayIds[0], customerGatewayId: ali.customerGatewayIds[0], preSharedKey: options.preSharedKey },
            resources: [{ name: "office", cloud: "alicloud" }],
            consoleChange: alibabaIkeChange("office"),
        };
    }
    const tc = info.tencentcloud;
    if (!tc) throw new Error(`examples/${options.example} needs the emulator's Tencent Cloud front end`);
    if (options.example === "tencentcloud") {
        return {
            ...base,
            config: {
                vpcId: tc.vpcIds[0],
                vpnGatewayId: tc.vpnGatewayIds[0],
                customerGatewayId: tc.customerGatewayIds[0],
                // The emulator does not check identities against gateways; a documentation address will do.
                customerGatewayIp: "198.51.100.11",
                preSharedKey: options.preSharedKey,
            },
            resources: [{ name: "office", cloud: "tencentcloud" }],
            consoleChange: tencentIkeChange("office"),
        };
    }
    if (!options.alicloudVpnGatewayIp) throw new Error("the tunnel example needs the Alibaba VPN gateway's public IP");
    return {
        ...base,
        config: {
            alicloudVpnGatewayId: ali.vpnGatewayIds[0],
            alicloudCustomerGatewayId: ali.customerGatewayIds[0],
            alicloudVpnGatewayIp: options.alicloudVpnGatewayIp,
            tencentcloudVpcId: tc.vpcIds[0],
            tencentcloudVpnGatewayId: tc.vpnGatewayIds[0],
            tencentcloudCustomerGatewayId: tc.customerGatewayIds[0],
            preSharedKey: options.preSharedKey,
        },
        resources: [
            { name: "alicloud-to-tencentcloud", cloud: "alicloud" },
            { name: "tencentcloud-to-alicloud", cloud: "tencentcloud" },
        ],
        consoleChange: alibabaIkeChange("alicloud-to-tencentcloud"),
    };
}

/** The public IP of Alibaba VPN gateway `gatewayId` in a `GET /__emu/state` snapshot, if listed. */
export function alicloudGatewayIp(state: Record<string, unknown>, gatewayId: string): string | undefined {
    const gateways = (state.alicloud as { vpnGateways?: { VpnGatewayId?: string; InternetIp?: string }[] } | undefined)?.vpnGateways ?? [];
    return gateways.find((g) => g.VpnGatewayId === gatewayId)?.InternetIp;
}

/** The `name:` of a Pulumi.yaml (a top-level scalar, so a line match is enough and needs no YAML parser). */
export function projectName(projectDir: string): string {
    const text = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
    const match = /^name:\s*["']?([^"'\s#]+)/m.exec(text);
    if (!match) throw new Error(`${projectDir}/Pulumi.yaml has no top-level name`);
    return match[1];
}

/** `config` with every key namespaced to `project`, as the engine hands stack config to plugins. */
export function namespacedConfig(project: string, config: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
}

/**
 * Fast provider timing: the emulator finishes transitions in milliseconds, so polling every few
 * ms keeps the whole story within a few seconds.
 */
/** One drifted connection as the provider reported it (`pulumi-ipsec: <id> differs in <paths>`). */
export interface DriftFinding {
    id: string;
    paths: string[];
}

const DRIFT_LINE = /pulumi-ipsec: (\S+) differs in (.+?)\s*$/;

/**
 * The provider's drift messages among `lines` (plugin stderr or CLI diagnostics), merged per id,
 * in first-seen order. Other lines are ignored.
 */
export function parseDriftMessages(lines: readonly string[]): DriftFinding[] {
    const byId = new Map<string, Set<string>>();
    for (const raw of lines) {
        for (const line of raw.split(/\r?\n/)) {
            const match = DRIFT_LINE.exec(line);
            if (!match) continue;
            const paths = byId.get(match[1]) ?? new Set<string>();
            for (const p of match[2].split(",")) {
                if (p.trim()) paths.add(p.trim());
            }
            byId.set(match[1], paths);
        }
    }
    return [...byId].map(([id, paths]) => ({ id, paths: [...paths] }));
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
        return { detail: `created ${created.join(", ")}`, facts: { operations: outcome.operations, resources } };
    });

    await step("outputs", async () => ({
        detail: resources.map((r) => `${r.name}: ${describeOutputs(r)}`).join("; "),
        facts: { resources },
    }));

    await step("console", async () => {
        const before = await readChangedValue();
        if (!sameText(before, change.from)) throw new Error(`${change.apiPath.join(".")} is ${String(before)} before the change, expected ${change.from}`);
        await control.call("PATCH", connectionPath(), change.patch);
        const after = await readChangedValue();
        if (!sameText(after, change.to)) throw new Error(`the console change did not take: ${change.apiPath.join(".")} is ${String(after)}`);
        const cloudName = change.cloud === "alicloud" ? "Alibaba Cloud" : "Tencent Cloud";
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
        const inSync = resources.filter((r) => !drift.findings.some((f) => f.id === r.id)).map((r) => r.name);
        const rest = inSync.length ? `; in sync: ${inSync.join(", ")}` : "";
        return { detail: `drift detected: ${renderFindings(drift.findings)}${rest}`, facts: { drift, expectedDriftPath: change.driftPath } };
    });

    await step("converge", async () => {
        const outcome = await driver.upWithRefresh();
        resources = outcome.resources;
        const expected = Object.fromEntries(scenario.resources.map((r) => [r.name, r.name === change.resourceName ? "update" : "same"]));
        for (const [name, op] of Object.entries(expected)) {
            if (outcome.operations[name] !== op) throw new Error(`up --refresh: expected ${name} to ${op}, got ${outcome.operations[name] ?? "nothing"}`);
        }
        const value = await readChangedValue();
        if (!sameText(value, change.from)) throw new Error(`after up --refresh the cloud still has ${change.apiPath.join(".")} = ${String(value)}`);
        const after = await driver.previewRefresh();
        if (after.drift) throw new Error(`refresh preview still reports drift: ${renderFindings(after.findings) || "(no field named)"}`);
        return {
            detail: `up --refresh updated ${change.resourceName} (${change.description} back to ${change.from}); refresh preview: no drift`,
            facts: { operations: outcome.operations, drift: after },
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

/** `vco-1: a, b; vco-2: c` */
export function renderFindings(findings: readonly DriftFinding[]): string {
    return findings.map((f) => `${f.id} differs in ${f.paths.join(", ")}`).join("; ");
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
