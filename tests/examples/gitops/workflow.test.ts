/**
 * examples/gitops/pulumi-ipsec.yml: the workflow asks GitHub for OIDC tokens and hands them to the
 * providers through the variables the clouds' credential libraries read. Its token step runs here
 * against a loopback stand-in for GitHub's token endpoint.
 */
import { strict as assert } from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import { createServer } from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { ALICLOUD_OIDC_ENV, TENCENTCLOUD_OIDC_ENV } from "../../../provider/core/settingKeys";

const WORKFLOW = path.resolve(__dirname, "../../../examples/gitops/pulumi-ipsec.yml");
const yaml = require("js-yaml");

interface Step {
    name?: string;
    run?: string;
}
/** Runs a shell script with `env` only, bounded in time. */
function runScript(script: string, env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn("sh", ["-e", "-c", script], { env, timeout: 20_000 });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

const workflow = () => yaml.load(fs.readFileSync(WORKFLOW, "utf8")) as { permissions: Record<string, string>; env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

describe("examples/gitops/pulumi-ipsec.yml", () => {
    it("can let every job ask for an OIDC token and pass the libraries' role variables", () => {
        // GIVEN the workflow
        const { permissions, env, jobs } = workflow();
        // WHEN / THEN it may request ID tokens, sets each cloud's role variables (the token files come from the token step)
        assert.equal(permissions["id-token"], "write");
        for (const name of [...ALICLOUD_OIDC_ENV, ...TENCENTCLOUD_OIDC_ENV].filter((n) => !n.endsWith("TOKEN_FILE"))) assert.ok(name in env, name);
        for (const [job, { steps }] of Object.entries(jobs)) {
            const names = steps.map((s) => s.name);
            assert.ok(names.indexOf("OIDC tokens") >= 0 && names.indexOf("OIDC tokens") < names.findIndex((n) => n?.startsWith("pulumi ")), `${job}: the tokens come before pulumi runs`);
        }
    });

    it("can write each cloud's token to a private file and export its path", async function () {
        // The step runs curl, as GitHub's runners have it; a machine without it cannot run the step.
        if (spawnSync("sh", ["-c", "command -v curl"]).status !== 0) this.skip();
        // GIVEN GitHub's token endpoint (a loopback stand-in) and both roles configured
        const audiences: string[] = [];
        const server = createServer((req, res) => {
            const url = new URL(req.url ?? "/", "http://x");
            audiences.push(url.searchParams.get("audience") ?? "");
            assert.equal(req.headers.authorization, "bearer request-token");
            res.end(JSON.stringify({ value: `token-for-${url.searchParams.get("audience")}` }));
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oidc-step-"));
        try {
            const step = workflow().jobs.drift.steps.find((s) => s.name === "OIDC tokens")!;
            // The expressions GitHub would substitute: no audience variables set, so the defaults.
            const script = step.run!.replace(/\$\{\{ vars\.\w+ \|\| '([^']+)' \}\}/g, "$1");
            const githubEnv = path.join(dir, "github-env");
            // WHEN the step's script runs
            // (Asynchronously: the stand-in answers from this process.)
            const result = await runScript(script, {
                PATH: process.env.PATH,
                ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
                ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
                RUNNER_TEMP: dir,
                GITHUB_ENV: githubEnv,
                ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/ci",
                TKE_ROLE_ARN: "qcs::cam::uin/1:roleName/ci",
            });
            // THEN each token is in its file, readable by the runner's user only, and its path exported
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(audiences, ["sts.aliyuncs.com", "sts.cloud.tencent.com"]);
            const exported = Object.fromEntries(fs.readFileSync(githubEnv, "utf8").trim().split("\n").map((l) => l.split("=")));
            assert.equal(fs.readFileSync(exported.ALIBABA_CLOUD_OIDC_TOKEN_FILE, "utf8"), "token-for-sts.aliyuncs.com");
            assert.equal(fs.readFileSync(exported.TKE_WEB_IDENTITY_TOKEN_FILE, "utf8"), "token-for-sts.cloud.tencent.com");
            assert.equal(fs.statSync(exported.TKE_WEB_IDENTITY_TOKEN_FILE).mode & 0o077, 0);
            assert.ok(!result.stdout.includes("token-for"), "no token in the log");
        } finally {
            server.close();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
