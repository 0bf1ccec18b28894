/**
 * `npm run setup:pulumi`: finds or builds the Pulumi CLI that the CLI test tier, the demo and the
 * benchmarks drive. A `pulumi` on PATH of the pinned SDK's release or newer is used as it is (with the
 * language host and dynamic-provider plugin its distribution puts beside it). Otherwise the CLI of the
 * pinned `@pulumi/pulumi` release is built from the Go module proxy through this folder's Go module,
 * together with the project's own Node.js language host and dynamic-provider launcher, into a cache
 * directory outside the clone keyed by version and by this folder's contents.
 *
 * The last line printed is the directory that holds `pulumi`: scripts and CI rely on it.
 */
import { execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** This folder: the Go module, the language host's source and the launcher. */
const MODULE_DIR = __dirname;
/** The plugins the engine needs beside `pulumi` to run a Node.js program with dynamic providers. */
export const BUNDLED_PLUGINS = ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"] as const;
const LAUNCHER = "pulumi-resource-pulumi-nodejs";
const VERSION_VARIABLE = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";
const HEARTBEAT_MS = 30_000;

export class SetupError extends Error {
    override readonly name = "SetupError";
}

/** The release of the pinned `@pulumi/pulumi`: the CLI built is of the same release. */
export function pinnedVersion(): string {
    return require("@pulumi/pulumi/package.json").version;
}

/** `a >= b` for plain `x.y.z` versions (a leading `v` and any pre-release suffix ignored). */
export function versionAtLeast(a: string, b: string): boolean {
    const parse = (v: string) => v.replace(/^v/, "").split(/[-+]/)[0].split(".").map((n) => Number(n) || 0);
    const [x, y] = [parse(a), parse(b)];
    for (let i = 0; i < 3; i++) {
        if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
    }
    return true;
}

/** The cache root: `PULUMI_IPSEC_CACHE_DIR`, else `$XDG_CACHE_HOME/pulumi-ipsec`, else `~/.cache/pulumi-ipsec`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
    if (env.PULUMI_IPSEC_CACHE_DIR) return path.resolve(env.PULUMI_IPSEC_CACHE_DIR);
    const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), ".cache");
    return path.join(base, "pulumi-ipsec");
}

/** Digest of everything the build depends on besides the version, so an edited host is rebuilt. */
export function buildInputsDigest(dir = MODULE_DIR): string {
    const hash = createHash("sha256");
    const walk = (d: string): string[] =>
        fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const file of walk(dir).filter((f) => /(\.go|go\.mod|go\.sum|pulumi-resource-pulumi-nodejs)$/.test(f)).sort()) {
        hash.update(path.relative(dir, file)).update("\0").update(fs.readFileSync(file)).update("\0");
    }
    return hash.digest("hex").slice(0, 12);
}

/** Where the built CLI of `version` lives. */
export function buildDir(version = pinnedVersion(), env: NodeJS.ProcessEnv = process.env): string {
    return path.join(cacheRoot(env), "pulumi-cli", `v${version}-${buildInputsDigest()}`);
}

/** `pulumi version` of the binary at `file`, or undefined when it does not run. */
function versionOf(file: string): string | undefined {
    try {
        return execFileSync(file, ["version"], { encoding: "utf8", timeout: 30_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim();
    } catch {
        return undefined;
    }
}

function which(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
        const file = path.join(dir, command);
        try {
            fs.accessSync(file, fs.constants.X_OK);
            if (fs.statSync(file).isFile()) return file;
        } catch {
            // not here
        }
    }
    return undefined;
}

/** A usable installation in `dir`: `pulumi` of at least `minVersion` with the bundled plugins beside it. */
function usableInstall(dir: string, minVersion: string): boolean {
    const version = versionOf(path.join(dir, "pulumi"));
    return version !== undefined && versionAtLeast(version, minVersion) && BUNDLED_PLUGINS.every((p) => fs.existsSync(path.join(dir, p)));
}

/** A user's own `pulumi` on PATH, when it is new enough and complete. */
export function pulumiOnPath(minVersion = pinnedVersion(), env: NodeJS.ProcessEnv = process.env): string | undefined {
    const found = which("pulumi", env);
    if (!found) return undefined;
    const dir = path.dirname(fs.realpathSync(found));
    return usableInstall(dir, minVersion) ? dir : undefined;
}

/** The already-built CLI in the cache, without building: for the demo, which never waits for a build. */
export function builtPulumi(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const dir = buildDir(pinnedVersion(), env);
    return usableInstall(dir, pinnedVersion()) ? dir : undefined;
}

/** A CLI at hand (on PATH or built), or undefined. */
export function availablePulumi(env: NodeJS.ProcessEnv = process.env): string | undefined {
    return pulumiOnPath(pinnedVersion(), env) ?? builtPulumi(env);
}

function goVersion(): string | undefined {
    try {
        return /go(\d+\.\d+(?:\.\d+)?)/.exec(execFileSync("go", ["version"], { encoding: "utf8", timeout: 30_000 }))?.[1];
    } catch {
        return undefined;
    }
}

/** The Go version the module needs (its `go` line). */
function requiredGo(): string {
    return /^go (\S+)/m.exec(fs.readFileSync(path.join(MODULE_DIR, "go.mod"), "utf8"))?.[1] ?? "1.25";
}

function run(command: string, args: string[], options: { cwd: string; log: (line: string) => void; what: string }): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, GOFLAGS: "-mod=readonly" }, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        const collect = (chunk: Buffer) => {
            output = (output + chunk.toString()).slice(-8000);
        };
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        const heartbeat = setInterval(() => options.log(`  … still ${options.what} (${Math.round((Date.now() - started) / 1000)}s so far)`), HEARTBEAT_MS);
        child.on("error", (error) => {
            clearInterval(heartbeat);
            reject(new SetupError(`${command} could not start: ${error.message}`));
        });
        child.on("close", (code) => {
            clearInterval(heartbeat);
            if (code === 0) resolve();
            else reject(new SetupError(`${command} ${args.join(" ")} failed (exit ${code}) in ${options.cwd}:\n${output.trim()}`));
        });
    });
}

/** Builds the CLI, the language host and the launcher into `target` (atomically: built aside, then renamed). */
async function build(version: string, target: string, log: (line: string) => void): Promise<void> {
    const staging = `${target}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const ldflags = `-X ${VERSION_VARIABLE}=v${version}`;
    try {
        const started = Date.now();
        log(`Building the Pulumi CLI v${version} from the Go module proxy into ${target}`);
        log("  (the first build downloads ~700 modules and compiles for about 5–10 minutes on 2 cores; later runs take seconds)");
        log("  downloading modules…");
        await run("go", ["mod", "download"], { cwd: MODULE_DIR, log, what: "downloading modules" });
        log("  compiling pulumi…");
        await run("go", ["build", "-ldflags", ldflags, "-o", path.join(staging, "pulumi"), "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"], { cwd: MODULE_DIR, log, what: "compiling pulumi" });
        log("  compiling pulumi-language-nodejs (the project's own Node.js language host)…");
        await run("go", ["build", "-ldflags", ldflags, "-o", path.join(staging, "pulumi-language-nodejs"), "./cmd/pulumi-language-nodejs"], { cwd: MODULE_DIR, log, what: "compiling the language host" });
        fs.copyFileSync(path.join(MODULE_DIR, LAUNCHER), path.join(staging, LAUNCHER));
        fs.chmodSync(path.join(staging, LAUNCHER), 0o755);
        const built = versionOf(path.join(staging, "pulumi"));
        if (built !== `v${version}`) throw new SetupError(`the built pulumi reports version ${JSON.stringify(built)}, expected v${version}`);
        try {
            fs.renameSync(staging, target);
        } catch (error) {
            // Another setup finished the same build first: keep its copy.
            if (!usableInstall(target, version)) throw error;
        }
        log(`  built in ${Math.round((Date.now() - started) / 1000)}s`);
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
}

/**
 * Returns the directory holding a usable `pulumi` (and its plugins), building it when needed.
 * Fails at once, saying what to install, when there is neither a CLI nor Go.
 */
export async function ensurePulumi(log: (line: string) => void = (line) => console.error(line), env: NodeJS.ProcessEnv = process.env): Promise<string> {
    const version = pinnedVersion();
    const onPath = pulumiOnPath(version, env);
    if (onPath) {
        log(`Using the Pulumi CLI on PATH (${onPath}).`);
        return onPath;
    }
    const target = buildDir(version, env);
    if (usableInstall(target, version)) {
        log(`Using the Pulumi CLI v${version} built earlier (${target}).`);
        return target;
    }
    const go = goVersion();
    if (!go || !versionAtLeast(go, requiredGo())) {
        throw new SetupError(
            `No Pulumi CLI v${version}+ on PATH and ${go ? `Go ${go} is older than the ${requiredGo()} needed` : "no Go on PATH"} to build one. ` +
                `Install Go ${requiredGo()} or newer (https://go.dev/doc/install), or the Pulumi CLI v${version} or newer (https://www.pulumi.com/docs/install/), then run npm run setup:pulumi again.`,
        );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await build(version, target, log);
    return target;
}

if (require.main === module) {
    ensurePulumi((line) => console.log(line))
        .then((dir) => console.log(dir))
        .catch((error) => {
            console.error(error instanceof SetupError ? `setup:pulumi: ${error.message}` : error);
            process.exit(1);
        });
}
