/**
 * `npm run docs`: writes what the field tables generate — each resource's SDK types
 * (`sdk/<cloud>/args.generated.ts`, `outputs.generated.ts`, `fields.generated.ts`, the shared
 * blocks' `sdk/shared.generated.ts`)
 * and its README tables. `--check` writes nothing and exits 1 naming the stale files.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { ResourceDoc } from "./facts";
import { renderFieldTables, spliceTables } from "./readmeTables";
import { RESOURCES } from "./resources";
import { renderArgsTypes, renderFieldLists, renderOutputsTypes, renderSharedTypes, sharedBlocks } from "./sdkTypes";

export interface GeneratedFile {
    /** Relative to the repository root. */
    path: string;
    text: string;
}

/** Every generated file's text for `resources`, the README's given as it is now (`readme`). */
export function generatedFiles(resources: readonly ResourceDoc[], readme: string): GeneratedFile[] {
    const shared = sharedBlocks(resources);
    const files: GeneratedFile[] = shared.length > 0 ? [{ path: "sdk/shared.generated.ts", text: renderSharedTypes(shared, resources) }] : [];
    let nextReadme = readme;
    for (const resource of resources) {
        files.push({ path: `${resource.sdkDir}/args.generated.ts`, text: renderArgsTypes(resource, shared) });
        files.push({ path: `${resource.sdkDir}/outputs.generated.ts`, text: renderOutputsTypes(resource, shared) });
        files.push({ path: `${resource.sdkDir}/fields.generated.ts`, text: renderFieldLists(resource) });
        nextReadme = spliceTables(nextReadme, resource, renderFieldTables(resource));
    }
    return [...files, { path: "README.md", text: nextReadme }];
}

/** The generated files that differ from the ones under `root`. */
export function staleFiles(root: string, files: readonly GeneratedFile[]): string[] {
    const current = (path: string) => {
        try {
            return readFileSync(join(root, path), "utf8");
        } catch {
            return undefined;
        }
    };
    return files.filter((file) => current(file.path) !== file.text).map((file) => file.path);
}

function main(argv: readonly string[]): number {
    const root = join(__dirname, "..", "..");
    const files = generatedFiles(RESOURCES, readFileSync(join(root, "README.md"), "utf8"));
    const stale = staleFiles(root, files);
    if (argv.includes("--check")) {
        if (stale.length > 0) console.error(`stale, run npm run docs: ${stale.join(", ")}`);
        return stale.length > 0 ? 1 : 0;
    }
    for (const file of files.filter((f) => stale.includes(f.path))) writeFileSync(join(root, file.path), file.text);
    console.log(stale.length > 0 ? `wrote ${stale.join(", ")}` : "up to date");
    return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
