/**
 * A throwaway Pulumi program directory, laid out as a user's would be: `node_modules/pulumi-ipsec`
 * (a link to this repository, as `npm install file:…` makes) and `node_modules/@pulumi`. The plugin
 * runs with it as working directory, so the serialized providers resolve `pulumi-ipsec/dist/…`
 * exactly as they do under the Pulumi CLI.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./pluginProcess";


export interface ProgramDir {
    dir: string;
    remove(): void;
}

export function createProgramDir(): ProgramDir {
    const builtEntry = path.join(REPO_ROOT, "dist", "provider", "index.js");
    if (!fs.existsSync(builtEntry)) {
        throw new Error(`${builtEntry} is missing: run \`npm run build\` (npm test does) before plugin tests`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-program-"));
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(modules);
    fs.symlinkSync(REPO_ROOT, path.join(modules, "pulumi-ipsec"), "dir");
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "dir");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "program", private: true }));
    return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
