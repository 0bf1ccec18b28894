/**
 * Starts the real `@pulumi/pulumi/cmd/dynamic-provider` plugin process and talks to it over gRPC the way the
 * Pulumi engine does, with plain JS values on our side of the API.
 *
 * The Pulumi CLI (and so the engine) cannot be installed offline, so this is how the project exercises the
 * engine's side of its dynamic providers: closure deserialization in a separate process, module resolution
 * from the program directory, `configure`, error and partial-failure encoding, and the read-deleted contract.
 * The server: pulumi/pulumi `sdk/nodejs/cmd/dynamic-provider/index.ts`.
 */
import { spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { PluginChild, trackChild } from "./pluginChild";
import { Connection, PluginConnection } from "./pluginConnection";
import { PluginRpcError } from "./pluginRpc";

/** The repository root (`/work/main`): the program directory the engine would start the plugin in. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

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
    const proc = new PluginChild(child);

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
