/**
 * The story without the Pulumi CLI: the example program runs in this process under Pulumi's mocks
 * (which still serialize each resource's `__provider` exactly as a real run does), and the real
 * `@pulumi/pulumi/cmd/dynamic-provider` process is then driven over gRPC by the test suite's
 * engine simulator, which makes the engine's calls for up, refresh and destroy.
 *
 * What is real: program, SDK classes, provider serialization, the plugin process started in the
 * program directory, every hook, the cloud SDKs and their HTTP traffic (to the emulator). What is
 * simulated: the engine's step logic (tests/support/engine.ts) and the checkpoint.
 */
import * as pulumi from "@pulumi/pulumi";
import { EngineSimulator } from "../tests/support/engine";
import { PluginConnection } from "../tests/support/pluginConnection";
import { startPlugin } from "../tests/support/pluginProcess";
import { SECRET_SIG, SIG_KEY } from "../tests/support/propertyMap";
import { driftLineStart, parseDriftLines } from "../provider/core/driftLine";
import { namespacedConfig, Scenario } from "./scenario";
import type { ApplyOutcome, DriftOutcome, ResourceView, StackDriver } from "./stackDriver";

/** A dynamic resource the program registered, with what the engine would receive. */
export interface RegisteredResource {
    name: string;
    type: string;
    /** Inputs with secrets unwrapped, without `__provider`. */
    inputs: Record<string, unknown>;
    /** Top-level input keys that were secret. */
    secretInputKeys: string[];
    /** The serialized provider module. */
    providerText: string;
    providerSecret: boolean;
}

/** Options of {@link createPluginDriver}. */
export interface PluginDriverOptions {
    scenario: Scenario;
    /** The program copy: its entry is run under mocks, and the plugin starts with it as cwd. */
    programDir: string;
    programEntry: string;
    /** Environment for the plugin (the emulator's endpoints and credentials). */
    env: Record<string, string>;
    /** Bound on the program registering its resources. @default 20000 */
    registerTimeoutMs?: number;
}

const DYNAMIC_TYPE = "pulumi-nodejs:dynamic";

/** Mocks and config are process-global in the Pulumi SDK: program runs must not overlap. */
let programQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs the program at `entry` under mocks with the scenario's stack config and collects every
 * dynamic resource it registers. Each call needs a program file not loaded before (a fresh copy),
 * since Node runs a module once.
 */
export function runProgramUnderMocks(entry: string, scenario: Scenario, timeoutMs = 20_000): Promise<RegisteredResource[]> {
    const run = programQueue.then(() => runOnce(entry, scenario, timeoutMs));
    programQueue = run.catch(() => undefined);
    return run;
}

async function runOnce(entry: string, scenario: Scenario, timeoutMs: number): Promise<RegisteredResource[]> {
    const expected = scenario.resources.length;
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    let settle!: (error?: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve());
    });
    // A provider that fails to serialize never reaches newResource; the SDK's rejected
    // registration promise is the only trace, and nobody awaits it.
    const onUnhandled = (reason: unknown) => {
        const message = reason instanceof Error ? reason.message : String(reason);
        if (/__provider|Error serializing/.test(message)) settle(new Error(`serializing a provider failed: ${message}`));
    };
    const savedConfig = pulumi.runtime.allConfig();
    let timer: NodeJS.Timeout | undefined;
    process.on("unhandledRejection", onUnhandled);
    try {
        await pulumi.runtime.setMocks(
            {
                newResource(args) {
                    if (args.type.startsWith(DYNAMIC_TYPE)) {
                        registered.push(args);
                        if (registered.length === expected) settle();
                    }
                    return { id: `${args.name}-mock-id`, state: args.inputs };
                },
                call(args) {
                    return args.inputs;
                },
            },
            scenario.project,
            scenario.stack,
            false,
        );
        const config = namespacedConfig(scenario.project, scenario.config);
        pulumi.runtime.setAllConfig(config, Object.keys(namespacedConfig(scenario.project, pick(scenario.config, scenario.secretKeys))));
        require(entry);
        await Promise.race([
            done,
            new Promise<never>((_, reject) => {
                timer = setTimeout(
                    () => reject(new Error(`the program registered ${registered.length} of ${expected} resources within ${timeoutMs} ms`)),
                    timeoutMs,
                );
            }),
        ]);
    } finally {
        clearTimeout(timer);
        process.off("unhandledRejection", onUnhandled);
        pulumi.runtime.setAllConfig(savedConfig);
    }
    return registered.map(toRegistered);
}

function pick(record: Record<string, string>, keys: string[]): Record<string, string> {
    return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));
}

function toRegistered(args: pulumi.runtime.MockResourceArgs): RegisteredResource {
    const inputs: Record<string, unknown> = {};
    const secretInputKeys: string[] = [];
    for (const [key, value] of Object.entries(args.inputs as Record<string, unknown>)) {
        if (key === "__provider") continue;
        if (isSecret(value)) secretInputKeys.push(key);
        inputs[key] = unwrap(value);
    }
    const provider = (args.inputs as Record<string, unknown>).__provider;
    const providerText = unwrap(provider);
    if (typeof providerText !== "string") throw new Error(`${args.name} registered without a __provider text`);
    return { name: args.name, type: args.type, inputs, secretInputKeys, providerText, providerSecret: isSecret(provider) };
}

/** Mocks deliver secrets as the wire's signature objects; the engine would hand hooks plain values. */
function isSecret(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

function unwrap(value: unknown): unknown {
    if (isSecret(value)) return unwrap(value.value);
    if (Array.isArray(value)) return value.map(unwrap);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
    return value;
}

/** One resource's engine, with the program's desired inputs. */
interface Managed {
    resource: RegisteredResource;
    engine: EngineSimulator;
}

/**
 * Runs the program under mocks, starts the plugin in the program directory with the stack config
 * and `env`, and returns a driver that plays the engine's calls for every registered resource.
 */
export async function createPluginDriver(options: PluginDriverOptions): Promise<StackDriver> {
    const { scenario } = options;
    const registered = await runProgramUnderMocks(options.programEntry, scenario, options.registerTimeoutMs);
    const names = registered.map((r) => r.name);
    const missing = scenario.resources.filter((r) => !names.includes(r.name));
    if (missing.length > 0) {
        throw new Error(`the program registered ${names.join(", ")}, but the story expects ${scenario.resources.map((r) => r.name).join(", ")}`);
    }
    const plugin = await startPlugin({
        cwd: options.programDir,
        project: scenario.project,
        config: namespacedConfig(scenario.project, scenario.config),
        secretConfigKeys: Object.keys(namespacedConfig(scenario.project, pick(scenario.config, scenario.secretKeys))),
        env: options.env,
    });
    const managed: Managed[] = registered.map((resource) => ({
        resource,
        engine: new EngineSimulator(plugin, {
            project: scenario.project,
            stack: scenario.stack,
            type: resource.type,
            name: resource.name,
            providerText: resource.providerText,
            providerSecret: resource.providerSecret,
            secretInputKeys: resource.secretInputKeys,
            additionalSecretOutputs: ["preSharedKey"],
        }),
    }));
    return new PluginDriver(plugin, managed);
}

class PluginDriver implements StackDriver {
    readonly kind = "plugin";

    constructor(
        private readonly plugin: PluginConnection,
        private readonly managed: Managed[],
    ) {}

    async up(): Promise<ApplyOutcome> {
        // Independent resources: the engine registers and steps them concurrently.
        const results = await Promise.all(this.managed.map(async (m) => [m.resource.name, (await m.engine.up(m.resource.inputs)).operation] as const));
        return { operations: Object.fromEntries(results), resources: this.resources() };
    }

    async previewRefresh(): Promise<DriftOutcome> {
        const since = this.plugin.logs.length;
        const results = await Promise.all(this.managed.map((m) => m.engine.refresh({ previewOnly: true })));
        // Logs travel on a pipe separate from the gRPC answer: wait for each drifted resource's line.
        await Promise.all(
            results.map((r, i) =>
                r.drift && !r.deleted
                    ? this.plugin.waitForLog(driftLineStart(this.managed[i].engine.state!.id), { since, timeoutMs: 2000 }).catch(() => undefined)
                    : undefined,
            ),
        );
        return { drift: results.some((r) => r.drift), findings: parseDriftLines(this.plugin.logs.slice(since)) };
    }

    async upWithRefresh(): Promise<ApplyOutcome> {
        // `up --refresh`: the refresh writes what the cloud has into state, so the diff sees the drift.
        await Promise.all(this.managed.map((m) => m.engine.refresh()));
        return this.up();
    }

    async destroy(): Promise<ApplyOutcome> {
        await Promise.all(this.managed.map((m) => m.engine.destroy()));
        return { operations: Object.fromEntries(this.managed.map((m) => [m.resource.name, "delete"])), resources: this.resources() };
    }

    async dispose(): Promise<void> {
        await this.plugin.close();
    }

    private resources(): ResourceView[] {
        return this.managed.flatMap((m) => {
            const state = m.engine.state;
            return state ? [{ name: m.resource.name, type: m.resource.type, id: state.id, outputs: state.outputs }] : [];
        });
    }
}
