/**
 * A throwaway copy of an example program, laid out as after `npm install`: `node_modules/pulumi-ipsec`
 * links to this repository (what the example's `file:../..` dependency makes) and the few packages
 * the program, the Node.js language host and the dynamic-provider plugin resolve from the program
 * directory link to the repository's own. The example folder itself is never written to (the CLI
 * would add `Pulumi.<stack>.yaml` there).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./scenario";

/**
 * Packages looked up from the program directory: the SDK (program and plugin), and the TypeScript
 * toolchain the language host loads for `typescript: true` projects. Everything else resolves from
 * these packages' real paths inside the repository.
 */
const LINKED_PACKAGES = ["@pulumi", "@types", "typescript", "ts-node"];

/** Files of an example that make up the program. */
const PROGRAM_FILES = ["Pulumi.yaml", "index.ts", "tsconfig.json"];

/** A temporary program directory; {@link ProgramCopy.remove} deletes it (links only, never their targets). */
export interface ProgramCopy {
    dir: string;
    /** The program's entry file. */
    entry: string;
    remove(): void;
}

/** Files the plugin loads from `dist/`; without them it fails deep inside the first RPC. */
export const BUILT_ENTRIES = ["dist/provider/index.js", "dist/sdk/index.js"];

/** The built files that are missing (relative paths), empty when `npm run build` has run. */
export function missingBuild(repoRoot = REPO_ROOT): string[] {
    return BUILT_ENTRIES.filter((f) => !fs.existsSync(path.join(repoRoot, f)));
}

/**
 * Copies the example in `exampleDir` into a new directory under `parent` (default: the OS temp
 * dir) and links its dependencies.
 */
export function copyProgram(exampleDir: string, parent = os.tmpdir()): ProgramCopy {
    const dir = fs.mkdtempSync(path.join(parent, "pulumi-ipsec-demo-program-"));
    try {
        for (const file of PROGRAM_FILES) {
            fs.copyFileSync(path.join(exampleDir, file), path.join(dir, file));
        }
        // The example's `file:../..` would point nowhere from here; name the repository instead.
        const original = JSON.parse(fs.readFileSync(path.join(exampleDir, "package.json"), "utf8"));
        const pkg = { ...original, dependencies: { ...original.dependencies, "pulumi-ipsec": `file:${REPO_ROOT}` } };
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
        const modules = path.join(dir, "node_modules");
        fs.mkdirSync(modules);
        fs.symlinkSync(REPO_ROOT, path.join(modules, "pulumi-ipsec"), "dir");
        for (const name of LINKED_PACKAGES) {
            const target = path.join(REPO_ROOT, "node_modules", name);
            if (fs.existsSync(target)) fs.symlinkSync(target, path.join(modules, name), "dir");
        }
    } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
    }
    return { dir, entry: path.join(dir, "index.ts"), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
