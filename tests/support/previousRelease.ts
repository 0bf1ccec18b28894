/**
 * The package as its previous release shipped it, for upgrade tests: the release commit's sources
 * (`git archive`), built with this repository's TypeScript and dependencies, and a program directory
 * laid out as a user's (`node_modules/pulumi-ipsec` a link to the package, as `npm install <path>`
 * makes) whose link can be switched to the current package between two `pulumi` commands.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./cli";

/** The previous release: the last commit of main before the CLI tier (its README and package as users had them). */
export const PREVIOUS_RELEASE = "6af12c6";

/** What the build needs from the release: sources and build configuration, nothing else. */
const RELEASE_PATHS = ["package.json", "tsconfig.json", "tsconfig.build.json", "provider", "sdk"];

let built: Promise<string> | undefined;

/**
 * The directory of the previous release's package, built once per process (a few seconds) under a
 * temporary directory that is removed when the process exits.
 * @throws when the clone lacks the commit (a shallow clone: `git fetch --unshallow`) or the build fails
 */
export function previousReleasePackage(): Promise<string> {
    built ??= Promise.resolve().then(() => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-release-"));
        process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
        const dir = path.join(root, "pulumi-ipsec");
        fs.mkdirSync(dir);
        let archive: Buffer;
        try {
            archive = execFileSync("git", ["-C", REPO_ROOT, "archive", "--format=tar", PREVIOUS_RELEASE, ...RELEASE_PATHS], { maxBuffer: 64 * 1024 * 1024 });
        } catch (error) {
            throw new Error(`the previous release ${PREVIOUS_RELEASE} is not in this clone (a shallow clone? run \`git fetch --unshallow\`): ${(error as Error).message}`);
        }
        execFileSync("tar", ["-x", "-C", dir], { input: archive });
        // Its dependencies are the pinned ones this repository installs (same @pulumi/pulumi, SDKs, TypeScript).
        fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: dir, stdio: "pipe" });
        return dir;
    });
    return built;
}

/** A program directory whose `pulumi-ipsec` can be switched between packages. */
export interface SwitchableProgram {
    dir: string;
    /** Points `node_modules/pulumi-ipsec` at `packageDir` (for the next `pulumi` command). */
    use(packageDir: string): void;
    remove(): void;
}

/** A copy of the test program `programDir` (relative to the repository) with its own `node_modules`. */
export function switchableProgram(programDir: string): SwitchableProgram {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-upgrade-program-"));
    const source = path.resolve(REPO_ROOT, programDir);
    for (const file of ["Pulumi.yaml", "index.ts", "package.json"]) fs.copyFileSync(path.join(source, file), path.join(dir, file));
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(modules);
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "dir");
    const link = path.join(modules, "pulumi-ipsec");
    return {
        dir,
        use(packageDir) {
            fs.rmSync(link, { force: true });
            fs.symlinkSync(packageDir, link, "dir");
        },
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
