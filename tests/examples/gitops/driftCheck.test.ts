/**
 * The exit-code mapping of examples/gitops/drift-check.sh for what the emulator cannot provoke: no CLI
 * at all, and a CLI that fails without an `error:` line. A stand-in `pulumi` (a shell script) records
 * its arguments and exits as told; the real CLI's outcomes are in tests/cli/gitops.test.ts.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "../../../examples/gitops/drift-check.sh");

describe("examples/gitops/drift-check.sh", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-check-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A `pulumi` that writes its arguments to args.txt, prints `output` and exits with `code`. */
    function standIn(output: string, code: number): string {
        const file = path.join(dir, "pulumi");
        fs.writeFileSync(path.join(dir, "output.txt"), output);
        fs.writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args.txt"\ncat "${dir}/output.txt"\nexit ${code}\n`, { mode: 0o755 });
        return file;
    }

    const run = (pulumi: string, ...args: string[]) => spawnSync("sh", [SCRIPT, ...args], { env: { ...process.env, PULUMI: pulumi, GITHUB_STEP_SUMMARY: "" }, encoding: "utf8" });

    it("can run the drift preview with the options it is given", () => {
        // GIVEN a CLI that finds nothing to change
        const pulumi = standIn("Resources:\n    3 unchanged\n", 0);
        // WHEN the check runs for a stack in a program directory
        const result = run(pulumi, "--stack", "acme/prod", "--cwd", "infra");
        // THEN it ran the refresh preview that expects no changes, with those options, and reports no drift
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, "no drift\n");
        const args = fs.readFileSync(path.join(dir, "args.txt"), "utf8").trim().split("\n");
        assert.deepEqual(args.slice(0, 4), ["preview", "--refresh", "--expect-no-changes", "--diff"]);
        assert.deepEqual(args.slice(-4), ["--stack", "acme/prod", "--cwd", "infra"]);
        // AND pulumi's own output went to stderr, for the CI log
        assert.match(result.stderr, /3 unchanged/);
    });

    it("fails with exit 2 when pulumi is not found", () => {
        // WHEN the CLI named does not exist
        const result = run(path.join(dir, "missing-pulumi"));
        // THEN the check is an error, not drift
        assert.equal(result.status, 2);
        assert.match(result.stdout, /^error: .*missing-pulumi not found/);
    });

    it("fails with exit 2 and the CLI's last line when it exits otherwise without an error line", () => {
        // GIVEN a CLI that crashes with its internal-error status, printing a drift-like line first
        const pulumi = standIn("pulumi-ipsec: vco-1 differs in name\npanic: runtime error: invalid memory address\n", 255);
        // WHEN the check runs
        const result = run(pulumi);
        // THEN it reports the status and the last line, and no drift
        assert.equal(result.status, 2);
        assert.equal(result.stdout, "error: pulumi exited with status 255: panic: runtime error: invalid memory address\n");
    });
});
