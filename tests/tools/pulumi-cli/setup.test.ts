/**
 * `npm run setup:pulumi`: which CLI it picks, what it prints, and how it fails. Fake `pulumi`
 * installations (shell scripts answering `pulumi version`) stand in for a user's own; the real build is
 * exercised by the CLI tier, which gets its CLI through the same code.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUNDLED_PLUGINS, buildDir, cacheRoot, pinnedVersion, pulumiOnPath, versionAtLeast } from "../../../tools/pulumi-cli/setup";

const REPO_ROOT = path.resolve(__dirname, "../../..");
const SETUP = path.join(REPO_ROOT, "tools/pulumi-cli/setup.ts");

/** A directory holding a fake `pulumi` of `version`, with or without the plugins beside it. */
function fakeInstall(root: string, version: string, withPlugins = true): string {
    const dir = fs.mkdtempSync(path.join(root, "bin-"));
    fs.writeFileSync(path.join(dir, "pulumi"), `#!/bin/sh\necho v${version}\n`, { mode: 0o755 });
    if (withPlugins) for (const plugin of BUNDLED_PLUGINS) fs.writeFileSync(path.join(dir, plugin), "#!/bin/sh\n", { mode: 0o755 });
    return dir;
}

/** Runs the setup script as `npm run setup:pulumi` does, with only `pathDirs` (plus node's) on PATH. */
function runSetup(pathDirs: string[], env: Record<string, string>) {
    const PATH = [...pathDirs, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter);
    const tsNode = require.resolve("ts-node/dist/bin.js");
    return spawnSync(process.execPath, [tsNode, "--transpile-only", SETUP], { cwd: REPO_ROOT, env: { ...process.env, ...env, PATH }, encoding: "utf8", timeout: 60_000 });
}

describe("setup:pulumi", function () {
    this.timeout(60_000);
    let scratch: string;

    beforeEach(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-ipsec-setup-"));
    });

    afterEach(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("can compare versions with or without a leading v and pre-release suffixes", () => {
        // GIVEN / WHEN / THEN
        assert.equal(versionAtLeast("v3.248.0", "3.248.0"), true);
        assert.equal(versionAtLeast("3.250.1", "3.248.0"), true);
        assert.equal(versionAtLeast("v3.247.9", "3.248.0"), false);
        assert.equal(versionAtLeast("4.0.0-alpha.1", "3.248.0"), true);
        assert.equal(versionAtLeast("v3.100.0", "3.248.0"), false);
    });

    it("can key the cache by version outside the clone, honouring PULUMI_IPSEC_CACHE_DIR and XDG_CACHE_HOME", () => {
        // GIVEN
        const explicit = { PULUMI_IPSEC_CACHE_DIR: path.join(scratch, "c") };
        const xdg = { XDG_CACHE_HOME: path.join(scratch, "xdg") };

        // WHEN
        const dir = buildDir(pinnedVersion(), explicit);

        // THEN
        assert.equal(cacheRoot(explicit), path.join(scratch, "c"));
        assert.equal(cacheRoot(xdg), path.join(scratch, "xdg", "pulumi-ipsec"));
        assert.ok(dir.startsWith(path.join(scratch, "c", "pulumi-cli", `v${pinnedVersion()}-`)));
        assert.ok(!dir.startsWith(REPO_ROOT));
    });

    it("can use a new enough pulumi on PATH that has its plugins beside it", () => {
        // GIVEN
        const newer = fakeInstall(scratch, "3.260.0");

        // WHEN
        const found = pulumiOnPath(pinnedVersion(), { PATH: newer });

        // THEN
        assert.equal(found, newer);
    });

    it("fails to pick a pulumi on PATH that is older than the pinned SDK or lacks the plugins", () => {
        // GIVEN
        const older = fakeInstall(scratch, "3.100.0");
        const incomplete = fakeInstall(scratch, "3.260.0", false);

        // WHEN / THEN
        assert.equal(pulumiOnPath(pinnedVersion(), { PATH: older }), undefined);
        assert.equal(pulumiOnPath(pinnedVersion(), { PATH: incomplete }), undefined);
    });

    it("can print the directory holding pulumi as its last line", () => {
        // GIVEN a user's own CLI on PATH
        const newer = fakeInstall(scratch, "3.260.0");

        // WHEN
        const result = runSetup([newer], { PULUMI_IPSEC_CACHE_DIR: path.join(scratch, "cache") });

        // THEN
        assert.equal(result.status, 0, result.stderr);
        const lines = result.stdout.trim().split("\n");
        assert.equal(lines[lines.length - 1], newer);
    });

    it("fails at once, saying what to install, with neither a CLI nor Go", () => {
        // GIVEN no pulumi, no go and an empty cache
        const empty = fs.mkdtempSync(path.join(scratch, "empty-"));

        // WHEN
        const result = runSetup([empty], { PULUMI_IPSEC_CACHE_DIR: path.join(scratch, "cache") });

        // THEN
        assert.equal(result.status, 1);
        assert.match(result.stderr, /no Go on PATH/);
        assert.match(result.stderr, /Install Go .* or the Pulumi CLI v3\.248\.0 or newer/);
        assert.equal(fs.existsSync(path.join(scratch, "cache")), false, "nothing was built");
    });
});
