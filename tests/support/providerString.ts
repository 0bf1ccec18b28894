/**
 * Obtains the `__provider` text of a dynamic resource exactly as the SDK serializes it, without an engine.
 *
 * Under `pulumi.runtime.setMocks` the dynamic resource's hooks never run, but its constructor still serializes the
 * provider closure into the `__provider` input (pulumi/pulumi `sdk/nodejs/dynamic/index.ts`), so a mock `newResource` sees the very text the engine would
 * store and hand to the plugin.
 *
 * How setMocks delivers secrets (observed with @pulumi/pulumi 3.248.0, Node 20): mocks report
 * `supportsSecrets = true`, so every secret input arrives in `newResource` as a signature object
 * `{[SIG_KEY]: SECRET_SIG, value}`, never as plaintext. Secretness is hoisted to the top-level property: a plain
 * object with one secret field (`{k: secret("v")}`) and an array with one secret element both arrive as ONE secret
 * wrapping the whole plain value (the resource constructor lifts each prop through `output()`, so the real engine
 * receives the same top-level secrets [inferred]). `__provider` arrives wrapped when the closure captured a secret Output
 * (`containsSecrets`, pulumi/pulumi#13329), plain otherwise. {@link captureProviderString} unwraps all of that and reports which
 * top-level keys were secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { PropertyMap, PROVIDER_KEY, SECRET_SIG, SIG_KEY } from "./propertyMap";

/** What {@link captureProviderString} captured from the first dynamic resource registration. */
export interface CapturedProvider {
    /** Type token, e.g. `pulumi-nodejs:dynamic/toy:Counter`. */
    type: string;
    /** Resource name as registered. */
    name: string;
    /** Program inputs with secrets unwrapped and WITHOUT `__provider` (what the engine simulator's `up` takes). */
    inputs: PropertyMap;
    /** Top-level input keys that arrived secret (feed these to the engine simulator's `secretInputKeys`). */
    secretInputKeys: string[];
    /** The inputs exactly as setMocks delivered them (secret signature objects, `__provider` included). */
    rawInputs: PropertyMap;
    /** The serialized provider module text, unwrapped. */
    providerText: string;
    /** True when the SDK marked `__provider` secret (the closure captured a secret Output). */
    providerSecret: boolean;
}

/** Options of {@link captureProviderString}. */
export interface CaptureOptions {
    /**
     * Bound on waiting for the registration (closure serialization can take a second on a cold start).
     * @default 15000
     */
    timeoutMs?: number;
    /** @default "test-project" */
    project?: string;
    /** @default "test-stack" */
    stack?: string;
}

const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/** setMocks replaces process-global runtime state, so captures must not overlap. */
let captureQueue: Promise<unknown> = Promise.resolve();

/**
 * Installs mocks, runs `construct` (which should do `new SomeDynamicResource(...)`) and returns the first dynamic
 * resource registration's type, inputs and `__provider` text.
 *
 * Rejects with the SDK's own message when serializing the provider fails (e.g. a captured client), and after
 * `timeoutMs` when no dynamic resource registers. Note: the mocks stay installed afterwards (they are global).
 */
export function captureProviderString(construct: () => unknown, options: CaptureOptions = {}): Promise<CapturedProvider> {
    const run = captureQueue.then(() => captureOnce(construct, options));
    captureQueue = run.catch(() => undefined);
    return run;
}

async function captureOnce(construct: () => unknown, options: CaptureOptions): Promise<CapturedProvider> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    let onRegistered!: (args: pulumi.runtime.MockResourceArgs) => void;
    let onFailed!: (e: Error) => void;
    const registered = new Promise<pulumi.runtime.MockResourceArgs>((resolve, reject) => {
        onRegistered = resolve;
        onFailed = reject;
    });

    // A failing `__provider` serialization never reaches newResource: the SDK's registration promise rejects
    // and nobody awaits it, so the only place the error shows up is an unhandled rejection.
    const onUnhandled = (reason: unknown) => {
        const message = reason instanceof Error ? reason.message : String(reason);
        if (/__provider|Error serializing/.test(message)) {
            onFailed(reason instanceof Error ? reason : new Error(message));
        }
    };
    process.on("unhandledRejection", onUnhandled);
    let timer: NodeJS.Timeout | undefined;
    try {
        await pulumi.runtime.setMocks(
            {
                newResource(args) {
                    if (args.type.startsWith(DYNAMIC_TYPE_PREFIX)) {
                        onRegistered(args);
                    }
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call(args) {
                    return args.inputs;
                },
            },
            options.project ?? "test-project",
            options.stack ?? "test-stack",
            false,
        );
        construct();
        const args = await Promise.race([
            registered,
            new Promise<never>((_, reject) => {
                timer = setTimeout(
                    () => reject(new Error(`no dynamic resource registered within ${timeoutMs} ms`)),
                    timeoutMs,
                );
            }),
        ]);
        return toCaptured(args);
    } finally {
        clearTimeout(timer);
        process.off("unhandledRejection", onUnhandled);
    }
}

function toCaptured(args: pulumi.runtime.MockResourceArgs): CapturedProvider {
    const rawInputs = args.inputs as PropertyMap;
    const inputs: PropertyMap = {};
    const secretInputKeys: string[] = [];
    for (const [k, v] of Object.entries(rawInputs)) {
        if (k === PROVIDER_KEY) {
            continue;
        }
        if (isSecret(v)) {
            secretInputKeys.push(k);
        }
        inputs[k] = unwrapSecrets(v);
    }
    const provider = rawInputs[PROVIDER_KEY];
    const providerText = unwrapSecrets(provider);
    if (typeof providerText !== "string") {
        throw new Error(`${args.type} registered without a string ${PROVIDER_KEY}`);
    }
    return { type: args.type, name: args.name, inputs, secretInputKeys, rawInputs, providerText, providerSecret: isSecret(provider) };
}

function isSecret(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as any)[SIG_KEY] === SECRET_SIG;
}

function unwrapSecrets(v: unknown): any {
    if (isSecret(v)) {
        return unwrapSecrets(v.value);
    }
    if (Array.isArray(v)) {
        return v.map(unwrapSecrets);
    }
    if (typeof v === "object" && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
    }
    return v;
}

/**
 * Serializes a provider object exactly as `pulumi.dynamic.Resource` does
 * (`serializeFunction(() => provider, {allowSecrets: true})`), returning the text and whether it captured secrets.
 */
export async function serializeProvider(provider: object): Promise<{ text: string; containsSecrets: boolean }> {
    // The parameter is named `provider` on purpose: the closure text names the captured variable, and the SDK's
    // own closure captures a variable of that name, so the output is identical.
    const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return { text: sf.text, containsSecrets: sf.containsSecrets };
}

/** The `__provider` text for `provider`, as `pulumi.dynamic.Resource` would store it. */
export async function serializeProviderText(provider: object): Promise<string> {
    return (await serializeProvider(provider)).text;
}
