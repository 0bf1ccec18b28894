/**
 * examples/gitops/drift-check.sh, the script the GitOps workflow runs on a schedule, against a tunnel
 * stack in the emulator through the real CLI: its three outcomes — clean (0), drift naming each
 * connection and field (1), and an error that is not drift (2).
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliResult, CliStack, REPO_ROOT, requireCli, StateResource } from "../support/cli";
import { oidcEnvironment } from "../../emulator";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { EXAMPLE_CONFIG, EXAMPLE_PSK } from "../support/exampleConfig";

const SCRIPT = path.join(REPO_ROOT, "examples/gitops/drift-check.sh");

/** The report the script prints on stdout, one finding per line. */
function reportLines(result: CliResult): string[] {
    return result.stdout.split("\n").filter((line) => line.trim() !== "");
}

describe("CLI tier: examples/gitops/drift-check.sh", function () {
    let cloud: TestCloud;
    let stack: CliStack;
    let alibaba: StateResource;
    let tencent: StateResource;

    const driftCheck = (env: Record<string, string> = {}) => stack.exec("sh", [SCRIPT, ...stack.stackArgs], { env });
    const patch = (cloudName: string, id: string, body: unknown) => cloud.control.call("PATCH", `/${cloudName}/connections/${encodeURIComponent(id)}`, body);

    before(async function () {
        await requireCli(this);
        this.timeout(300_000);
        cloud = await startTestCloud();
        stack = await CliStack.create({ program: "examples/tunnel", env: cloud.env, config: EXAMPLE_CONFIG.tunnel, secrets: { preSharedKey: EXAMPLE_PSK } });
        await stack.up();
        const resources = await stack.resources();
        alibaba = resources.find((r) => r.urn.endsWith("::alicloud-to-tencentcloud"))!;
        tencent = resources.find((r) => r.urn.endsWith("::tencentcloud-to-alicloud"))!;
        assert.ok(alibaba?.id && tencent?.id, "the tunnel's two connections are in state");
    });

    after(async function () {
        this.timeout(120_000);
        await stack?.dispose();
        await cloud?.stop();
    });

    it("can report a stack that matches the cloud as no drift, exit 0", async function () {
        this.timeout(180_000);
        // GIVEN the tunnel as `pulumi up` left it

        // WHEN the drift check runs
        const result = await driftCheck();

        // THEN it exits 0 with the one line of a clean report
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(reportLines(result), ["no drift"]);
    });

    it("can run the check as a pipeline does, with OIDC roles and no key, printing no token or temporary credential", async function () {
        this.timeout(180_000);
        // GIVEN the variables the workflow exports: role ARNs, OIDC providers and token files, no keys
        const env = oidcEnvironment(cloud.emulator.info);
        const tokens = [env.ALIBABA_CLOUD_OIDC_TOKEN_FILE, env.TKE_WEB_IDENTITY_TOKEN_FILE].map((file) => fs.readFileSync(file, "utf8").trim());
        tokens.forEach((token) => stack.addSecret(token));
        const before = await cloud.control.counters();

        // WHEN the drift check runs
        const result = await driftCheck(env);

        // THEN it exits 0 with a clean report, each cloud's role assumed with the token
        assert.equal(result.code, 0, result.output);
        assert.deepEqual(reportLines(result), ["no drift"]);
        const after = await cloud.control.counters();
        for (const action of ["alicloud:AssumeRoleWithOIDC", "tencentcloud:AssumeRoleWithWebIdentity"]) assert.ok((after[action] ?? 0) > (before[action] ?? 0), action);
        // AND no token, and nothing shaped like the temporary credentials the emulated STS issues, is in its output
        for (const token of tokens) assert.ok(!result.output.includes(token), "an OIDC token was printed");
        assert.doesNotMatch(result.output, /CAIS[A-Za-z0-9]{120}|[A-Za-z0-9]{160}/);
    });

    it("fails when the AccessKey secret is wrong with exit 2 and the signature error, never as drift", async function () {
        this.timeout(180_000);
        // GIVEN a drifted Tencent connection, and an Alibaba AccessKey secret the cloud does not know
        await patch("tencentcloud", tencent.id!, { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-128" } });
        try {
            // WHEN the drift check runs with that secret
            const result = await driftCheck({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: "not-the-emulator-secret" });

            // THEN it exits 2 and reports the CLI's error, naming the cloud's error code
            assert.equal(result.code, 2, result.output);
            const lines = reportLines(result);
            assert.ok(lines.length > 0 && lines.every((l) => l.startsWith("error: ")), lines.join("\n"));
            assert.ok(lines.some((l) => l.includes("SignatureDoesNotMatch")), lines.join("\n"));
            // AND it reports no drift, although the provider named the Tencent field in pulumi's output
            assert.match(result.stderr, /differs in ikeOptions\.propoEncryAlgorithm/);
            assert.ok(!lines.some((l) => l.startsWith("drift")), lines.join("\n"));
        } finally {
            await patch("tencentcloud", tencent.id!, { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-256" } });
        }
    });

    it("can name each drifted connection and field with exit 1, in the GitHub step summary too", async function () {
        this.timeout(180_000);
        // GIVEN two fields of the Alibaba connection and one of the Tencent connection changed in the consoles
        await patch("alicloud", alibaba.id!, { IkeConfig: { IkeEncAlg: "aes" }, IpsecConfig: { IpsecPfs: "group2" } });
        await patch("tencentcloud", tencent.id!, { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-128" } });
        const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "drift-summary-")), "summary.md");
        try {
            // WHEN the drift check runs as in GitHub Actions
            const result = await driftCheck({ GITHUB_STEP_SUMMARY: summary });

            // THEN it exits 1 with one line per drifted field, each naming its connection
            assert.equal(result.code, 1, result.output);
            const expected = [
                `drift: alicloud-to-tencentcloud (${alibaba.id}): ikeConfig.ikeEncAlg`,
                `drift: alicloud-to-tencentcloud (${alibaba.id}): ipsecConfig.ipsecPfs`,
                `drift: tencentcloud-to-alicloud (${tencent.id}): ikeOptions.propoEncryAlgorithm`,
            ];
            assert.deepEqual([...reportLines(result)].sort(), expected);
            // AND the step summary says so with the same lines
            const written = fs.readFileSync(summary, "utf8");
            assert.match(written, /drift check: drift detected/);
            for (const line of expected) assert.ok(written.includes(line), written);
        } finally {
            fs.rmSync(path.dirname(summary), { recursive: true, force: true });
            await patch("alicloud", alibaba.id!, { IkeConfig: { IkeEncAlg: "aes256" }, IpsecConfig: { IpsecPfs: "group14" } });
            await patch("tencentcloud", tencent.id!, { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-256" } });
        }
    });

    it("can report a connection deleted in the console as drift that up would create", async function () {
        this.timeout(180_000);
        // GIVEN the Tencent connection deleted out of band (the last test: it is not put back)
        await cloud.control.call("DELETE", `/tencentcloud/connections/${encodeURIComponent(tencent.id!)}`);

        // WHEN the drift check runs
        const result = await driftCheck();

        // THEN it exits 1 and names the missing connection and what `pulumi up` would do
        assert.equal(result.code, 1, result.output);
        assert.deepEqual(reportLines(result), ["drift: tencentcloud-to-alicloud: pulumi up would create it"]);
    });
});
