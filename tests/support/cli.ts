/**
 * Drives the real `pulumi` CLI for the CLI test tier: one stack per test in a file backend, a
 * passphrase secrets provider and a Pulumi home, all in a temporary directory, so nothing outside it
 * is read or written (no login, no ~/.pulumi). Programs run in place as directory programs; the
 * stack's configuration lives in the temporary directory too (`--config-file`), so the repository is
 * never written to.
 *
 * The CLI comes from `npm run setup:pulumi`'s code (a `pulumi` on PATH, or the one built into the
 * cache, building it when needed). `PULUMI_IPSEC_SKIP_CLI_TESTS=1` turns the tier off on purpose.
 */
import { ChildProcess, spawn } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePulumi } from "../../tools/pulumi-cli/setup";

export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The variable that turns the CLI tier off (documented in the README; CI never sets it). */
export const SKIP_VARIABLE = "PULUMI_IPSEC_SKIP_CLI_TESTS";

/** A first build on a fresh machine downloads and compiles the CLI: allow for it. */
export const SETUP_TIMEOUT_MS = 30 * 60_000;

let cliDir: Promise<string> | undefined;

/** The directory holding `pulumi`, found or built once per process. */
export function pulumiDir(): Promise<string> {
    cliDir ??= ensurePulumi((line) => console.error(`    [setup:pulumi] ${line}`));
    return cliDir;
}

/**
 * For a CLI-tier suite's `before`: gets the CLI (failing the suite with setup's message when there is
 * none), or skips the suite when the tier is turned off on purpose.
 */
export async function requireCli(context: Mocha.Context): Promise<string> {
    if (process.env[SKIP_VARIABLE] === "1") {
        console.error(`    CLI tier skipped: ${SKIP_VARIABLE}=1`);
        context.skip();
    }
    context.timeout(SETUP_TIMEOUT_MS);
    return pulumiDir();
}

/** Commands whose stack configuration is read from the stack's config file. */
const TAKES_CONFIG_FILE = new Set(["up", "preview", "refresh", "destroy", "import", "config"]);

export interface CliResult {
    /** The arguments after `pulumi`, as given. */
    args: string[];
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    /** stdout then stderr. */
    output: string;
}

export interface RunOptions {
    /** Extra environment for this command only. */
    env?: Record<string, string>;
    /** Kills the command (SIGKILL) past this; @default 180000 */
    timeoutMs?: number;
    /** Called with each chunk of stdout as it arrives (e.g. to interrupt at a given line). */
    onStdout?(chunk: string, child: import("child_process").ChildProcess): void;
    /** The command prints secrets on purpose: secrets audits skip it. @default true with `--show-secrets` */
    revealsSecrets?: boolean;
}

/** A command started by {@link CliStack.start}, still running or finished. */
export interface RunningCommand {
    /** The `pulumi` process's id. */
    pid: number;
    /** What it printed so far: stdout then stderr. */
    output(): string;
    /** Sends `signal` to the `pulumi` process (nothing once it has exited). */
    signal(signal: NodeJS.Signals): void;
    /** The ids of the processes it started (language host, program, plugins) and theirs, now (Linux `/proc`; [] elsewhere). */
    descendants(): number[];
    /** Its result once it has exited (or was killed past its timeout). */
    result: Promise<CliResult>;
}

/** A command's result as the transcript keeps it. */
export interface TranscriptEntry extends CliResult {
    stack: string;
    revealsSecrets: boolean;
}

/** Every command any {@link CliStack} of this process ran, in order: what secrets audits read. */
export const CLI_TRANSCRIPT: TranscriptEntry[] = [];

/** Every stack's {@link CliStack.secretValues}, for an audit of the whole transcript. */
export const CLI_SECRET_VALUES = new Set<string>();

export interface StackOptions {
    /** The program directory, relative to the repository root or absolute. */
    program: string;
    /** Environment for the CLI and, through it, the program and the plugin (e.g. the emulator's). */
    env: Record<string, string>;
    /** Plain stack configuration (`pulumi config set`). */
    config?: Record<string, string>;
    /** Secret stack configuration (`pulumi config set --secret`). */
    secrets?: Record<string, string>;
    /** Type-check the TypeScript program as `pulumi up` does by default; @default false (transpile only) */
    typecheck?: boolean;
    /** Stack name; @default a random one */
    stack?: string;
}

/** One stack of a program, in a throwaway backend. */
export class CliStack {
    readonly name: string;
    readonly programDir: string;
    readonly scratchDir: string;
    readonly configFile: string;
    readonly backendDir: string;
    readonly passphrase = randomBytes(12).toString("hex");
    /** This stack's commands, in order (also in {@link CLI_TRANSCRIPT}). */
    readonly transcript: TranscriptEntry[] = [];
    /** Values that must never appear in plain: secret config values and the environment's secret keys. */
    readonly secretValues = new Set<string>();
    private readonly env: Record<string, string>;

    private constructor(readonly cliDir: string, options: StackOptions) {
        this.programDir = path.resolve(REPO_ROOT, options.program);
        this.name = options.stack ?? `t${randomBytes(4).toString("hex")}`;
        this.scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-cli-"));
        this.backendDir = path.join(this.scratchDir, "backend");
        const home = path.join(this.scratchDir, "pulumi-home");
        fs.mkdirSync(this.backendDir);
        fs.mkdirSync(home);
        this.configFile = path.join(this.scratchDir, `Pulumi.${this.name}.yaml`);
        this.env = {
            ...options.env,
            PATH: `${cliDir}${path.delimiter}${process.env.PATH ?? ""}`,
            PULUMI_HOME: home,
            PULUMI_BACKEND_URL: `file://${this.backendDir}`,
            PULUMI_CONFIG_PASSPHRASE: this.passphrase,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_ACCESS_TOKEN: "",
            ...(options.typecheck ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
        };
        for (const [name, value] of Object.entries(options.env)) if (/(SECRET|TOKEN)(?!_ID)/.test(name) && value) this.addSecret(value);
        this.addSecret(this.passphrase);
    }

    /** Creates the stack and sets its configuration. */
    static async create(options: StackOptions): Promise<CliStack> {
        const stack = new CliStack(await pulumiDir(), options);
        try {
            await stack.expect(0, "stack", "init", stack.name, "--secrets-provider", "passphrase");
            for (const [key, value] of Object.entries(options.config ?? {})) await stack.expect(0, "config", "set", key, value);
            for (const [key, value] of Object.entries(options.secrets ?? {})) await stack.setSecret(key, value);
        } catch (error) {
            stack.removeScratch();
            throw error;
        }
        return stack;
    }

    /** Runs `pulumi <args>` in the program directory for this stack. */
    run(args: string[], options: RunOptions = {}): Promise<CliResult> {
        return this.exec(path.join(this.cliDir, "pulumi"), this.pulumiArgs(args), options);
    }

    /** `args` with the options every command of this stack takes. */
    private pulumiArgs(args: string[]): string[] {
        const full = ["--non-interactive", "--color", "never", ...args];
        if (args[0] !== "stack" || args[1] !== "init") full.push("--stack", this.name);
        if (TAKES_CONFIG_FILE.has(args[0])) full.push("--config-file", this.configFile);
        return full;
    }

    /** The options that point a `pulumi` command at this stack (for scripts that run `pulumi` themselves). */
    get stackArgs(): string[] {
        return ["--stack", this.name, "--config-file", this.configFile];
    }

    /** Runs `file` in the program directory with this stack's environment (`pulumi` first on PATH). */
    exec(file: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
        return this.spawnCommand(file, args, options).result;
    }

    /**
     * Starts `pulumi <args>` without waiting for it, e.g. to interrupt it: {@link RunningCommand.signal}
     * sends a signal to the `pulumi` process alone, as a terminal's Ctrl-C does (the engine runs its
     * plugins in process groups of their own). Killed (SIGKILL) past `timeoutMs` like {@link run}.
     */
    start(args: string[], options: RunOptions = {}): RunningCommand {
        const { child, result, output } = this.spawnCommand(path.join(this.cliDir, "pulumi"), this.pulumiArgs(args), options);
        return {
            pid: child.pid!,
            output,
            result,
            signal: (signal) => {
                if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            },
            descendants: () => descendantsOf(child.pid!),
        };
    }

    private spawnCommand(file: string, args: string[], options: RunOptions): { child: ChildProcess; result: Promise<CliResult>; output: () => string } {
        const timeoutMs = options.timeoutMs ?? 180_000;
        const child = spawn(file, args, {
            cwd: this.programDir,
            env: { ...process.env, ...this.env, ...options.env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        const result = new Promise<CliResult>((resolve, reject) => {
            child.stdout!.on("data", (chunk: Buffer) => {
                stdout += chunk.toString();
                options.onStdout?.(chunk.toString(), child);
            });
            child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
            const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.on("error", (error) => {
                clearTimeout(timer);
                reject(error);
            });
            child.on("close", (code, signal) => {
                clearTimeout(timer);
                const result = { args, code, signal, stdout, stderr, output: `${stdout}\n${stderr}` };
                const shownArgs = args.map((arg) => (this.secretValues.has(arg) ? "[secret]" : arg));
                const entry = { ...result, args: shownArgs, stack: this.name, revealsSecrets: options.revealsSecrets ?? args.includes("--show-secrets") };
                this.transcript.push(entry);
                CLI_TRANSCRIPT.push(entry);
                resolve(result);
            });
        });
        return { child, result, output: () => `${stdout}\n${stderr}` };
    }

    /** Runs a command and fails, showing its output, unless it exits with `code`. */
    async expect(code: number, ...args: string[]): Promise<CliResult> {
        const result = await this.run(args);
        if (result.code !== code) {
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code ?? result.signal}, expected ${code}:\n${result.output.slice(-6000)}`);
        }
        return result;
    }

    /** `pulumi config set <key> <value>`. */
    async setConfig(key: string, value: string): Promise<void> {
        await this.expect(0, "config", "set", key, value);
    }

    /** A value that must never appear in plain (e.g. a PSK the cloud generated or a console set). */
    addSecret(value: string): void {
        this.secretValues.add(value);
        CLI_SECRET_VALUES.add(value);
    }

    /** `pulumi config set --secret <key> <value>`; the value joins {@link secretValues}. */
    async setSecret(key: string, value: string): Promise<void> {
        this.addSecret(value);
        await this.expect(0, "config", "set", "--secret", key, value);
    }

    /** `pulumi up --yes`, expecting success. */
    up(...args: string[]): Promise<CliResult> {
        return this.expect(0, "up", "--yes", ...args);
    }

    /** `pulumi destroy --yes`, expecting success. */
    destroy(...args: string[]): Promise<CliResult> {
        return this.expect(0, "destroy", "--yes", ...args);
    }

    /** The stack's outputs (`pulumi stack output --json`; secrets stay masked unless asked for). */
    async outputs(showSecrets = false): Promise<Record<string, unknown>> {
        const result = await this.expect(0, "stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : []));
        return JSON.parse(result.stdout);
    }

    /** The checkpoint as `pulumi stack export` writes it (secrets encrypted). */
    async exported(): Promise<{ text: string; deployment: { resources?: StateResource[]; pending_operations?: unknown[] } }> {
        const result = await this.expect(0, "stack", "export");
        return { text: result.stdout, deployment: JSON.parse(result.stdout).deployment };
    }

    /** The dynamic resources in state. */
    async resources(): Promise<StateResource[]> {
        return ((await this.exported()).deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    }

    /** The URN of the resource with this logical name. */
    async urnOf(name: string): Promise<string> {
        const found = (await this.resources()).find((r) => r.urn.endsWith(`::${name}`));
        if (!found) throw new Error(`no resource named ${name} in stack ${this.name}`);
        return found.urn;
    }

    /** Removes the stack (whatever it still holds) and the temporary directory. */
    async dispose(): Promise<void> {
        try {
            await this.run(["stack", "rm", "--force", "--yes"], { timeoutMs: 60_000 });
        } finally {
            this.removeScratch();
        }
    }

    private removeScratch(): void {
        fs.rmSync(this.scratchDir, { recursive: true, force: true });
    }
}

/** The ids of `root`'s descendant processes, from `/proc/<pid>/stat` (Linux); [] where there is no `/proc`. */
export function descendantsOf(root: number): number[] {
    const parentOf = new Map<number, number>();
    let entries: string[];
    try {
        entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
        return [];
    }
    for (const name of entries) {
        try {
            const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
            // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
            parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
        } catch {
            // The process ended meanwhile.
        }
    }
    const found: number[] = [];
    // A process tree is finite; the depth bound only guards against a /proc snapshot gone odd.
    for (let frontier = [root], depth = 0; frontier.length > 0 && depth < 32; depth++) {
        const next = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
        found.push(...next);
        frontier = next;
    }
    return found;
}

/** True while a process with this id exists. */
export function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** How a secret could show in text: as is, base64-encoded, and JSON-escaped. */
export function secretForms(secret: string): string[] {
    return [...new Set([secret, Buffer.from(secret).toString("base64"), JSON.stringify(secret).slice(1, -1)])];
}

/** Each place where one of `secrets` (in any of its {@link secretForms}) appears in the transcript entries. */
export function plaintextIn(entries: readonly TranscriptEntry[], secrets: Iterable<string>): string[] {
    const forms = [...secrets].filter((s) => s.length > 0).flatMap(secretForms);
    return entries
        .filter((entry) => !entry.revealsSecrets)
        .flatMap((entry) => forms.filter((form) => entry.output.includes(form)).map(() => `pulumi ${entry.args.join(" ")} (stack ${entry.stack})`));
}

/** Calls per `cloud:Action` that are not reads (everything but `Describe*`), from the emulator's counters. */
export function writeCounts(counters: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(counters).filter(([key]) => !/:Describe/.test(key)));
}

/** A resource as `pulumi stack export` lists it. */
export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    initErrors?: string[];
    [key: string]: unknown;
}
