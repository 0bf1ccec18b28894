/**
 * Drift detection, the GitOps core, under the real `pulumi`: the two drift checks exit 0 right after
 * `up` and over a sweep of cosmetic differences (enum spellings, list orders, API defaults set or
 * left unset), exit 7 naming exactly the drifted field after an out-of-band change, `up --refresh`
 * converges, and an out-of-band deletion shows on refresh and is recreated by the next `up`.
 */
import { strict as assert } from "assert";
import { CliResult, CliStack } from "../support/cli";
import { alicloudSpec, ConnectionSpec, emulatorConnection, requestMark, tencentSpec, useConnectionsStack, writesSince } from "../support/cliConnections";
import { reportedDrift, shortDiffs, stepLines } from "../support/cliOutput";
import { TestCloud } from "../support/cloudEnv";

/** The two drift checks of the README: `refresh --preview-only` and `preview --refresh`, both with `--expect-no-changes`. */
async function driftChecks(stack: CliStack): Promise<{ refresh: CliResult; preview: CliResult }> {
    const refresh = await stack.run(["refresh", "--preview-only", "--expect-no-changes"]);
    const preview = await stack.run(["preview", "--refresh", "--expect-no-changes"]);
    return { refresh, preview };
}

function assertClean(checks: Record<string, CliResult>): void {
    for (const [label, result] of Object.entries(checks)) {
        assert.equal(result.code, 0, `${label} exit code:\n${result.output}`);
        assert.deepEqual(reportedDrift(result.output), {}, `${label} reports no drift`);
        assert.deepEqual(shortDiffs(result.output), {}, `${label} shows no step with a diff`);
    }
}

describe("CLI tier: drift checks, convergence and out-of-band deletion", function () {
    let cloud: TestCloud;
    let stack: CliStack;
    let ids: Record<string, string>;

    const fixture = useConnectionsStack([alicloudSpec("ali"), tencentSpec("t3", "3.0"), tencentSpec("t2", "2.0")]);
    before(() => ({ cloud, stack } = fixture));

    it("can find no drift right after up, writing nothing", async function () {
        this.timeout(120_000);
        // GIVEN a stack just brought up
        await stack.up();
        ids = (await stack.outputs()).connectionIds as Record<string, string>;
        const mark = await requestMark(cloud.control);
        // WHEN both drift checks run
        const checks = await driftChecks(stack);
        // THEN both exit 0, report nothing and write nothing
        assertClean(checks);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("fails both drift checks with exit 7 after an out-of-band change, naming exactly the field", async function () {
        this.timeout(120_000);
        // GIVEN one field of each connection changed in the "console"
        await cloud.control.call("PATCH", `/alicloud/connections/${ids.ali}`, { IkeConfig: { IkeEncAlg: "3des" } });
        await cloud.control.call("PATCH", `/tencentcloud/connections/${ids.t3}`, { IKEOptionsSpecification: { PropoEncryAlgorithm: "DES-CBC" } });
        await cloud.control.call("PATCH", `/tencentcloud/connections/${ids.t2}`, { IPSECOptionsSpecification: { PfsDhGroup: "DH-GROUP2" } });
        const mark = await requestMark(cloud.control);
        // WHEN both drift checks run
        const checks = await driftChecks(stack);
        // THEN both exit 7 (NoChangesExpectedError), showing only the drifted block and naming the field
        for (const [label, result] of Object.entries(checks)) {
            assert.equal(result.code, 7, `${label} exit code:\n${result.output}`);
            assert.match(result.output, new RegExp(`error: no changes were expected for ${label} but changes were proposed`));
            assert.deepEqual(shortDiffs(result.stdout), { ali: "~ikeConfig", t3: "~ikeOptions", t2: "~ipsecOptions" }, label);
            assert.deepEqual(
                reportedDrift(result.output),
                { [ids.ali]: ["ikeConfig.ikeEncAlg"], [ids.t3]: ["ikeOptions.propoEncryAlgorithm"], [ids.t2]: ["ipsecOptions.pfsDhGroup"] },
                label,
            );
        }
        assert.deepEqual(await writesSince(cloud.control, mark), [], "a drift check writes nothing");
    });

    it("can converge with up --refresh, after which both checks exit 0", async function () {
        this.timeout(180_000);
        // GIVEN the drifted connections
        const mark = await requestMark(cloud.control);
        // WHEN up runs with --refresh
        const up = await stack.up("--refresh");
        // THEN one modify per connection put the fields back, and the drift checks are clean again
        assert.match(up.stdout, /~ 3 updated/);
        assert.deepEqual((await writesSince(cloud.control, mark)).sort(), ["alicloud:ModifyVpnConnectionAttribute", "tencentcloud:ModifyVpnConnEx", "tencentcloud:ModifyVpnConnectionAttribute"]);
        assert.equal((await emulatorConnection(cloud.control, ids.ali))?.IkeConfig.IkeEncAlg, "aes");
        assert.equal((await emulatorConnection(cloud.control, ids.t3))?.IKEOptionsSpecification.PropoEncryAlgorithm, "3DES-CBC");
        assert.equal((await emulatorConnection(cloud.control, ids.t2))?.IPSECOptionsSpecification.PfsDhGroup, "NULL");
        assertClean(await driftChecks(stack));
    });

    it("can show an out-of-band deletion on refresh and recreate the connection on the next up", async function () {
        this.timeout(180_000);
        // GIVEN the API 2.0 connection deleted in the "console"
        await cloud.control.call("DELETE", `/tencentcloud/connections/${ids.t2}`);
        // WHEN the drift check runs, the deletion is accepted into state, and up runs
        const check = await stack.run(["refresh", "--preview-only", "--expect-no-changes"]);
        const refresh = await stack.expect(0, "refresh", "--yes");
        const inState = (await stack.resources()).map((r) => r.urn.split("::").pop());
        const up = await stack.up();
        // THEN the check exits 7 showing it deleted, the refresh dropped it, and up created a new one
        assert.equal(check.code, 7, check.output);
        const t2Steps = stepLines(check.stdout).filter((line) => line.name === "t2" && line.text !== "refreshing");
        assert.deepEqual(t2Steps.map((line) => [line.symbol, line.text]), [["-", "delete"]]);
        assert.match(refresh.stdout, /- 1 deleted/);
        assert.deepEqual(inState.sort(), ["ali", "t3"]);
        assert.match(up.stdout, /\+ 1 created/);
        const recreated = ((await stack.outputs()).connectionIds as Record<string, string>).t2;
        assert.notEqual(recreated, ids.t2);
        assert.ok(await emulatorConnection(cloud.control, recreated));
        assertClean(await driftChecks(stack));
    });
});

/** Cosmetic variants of each kind: every one must read back as no drift. */
const SWEEP: ConnectionSpec[] = [
    alicloudSpec("ali-upper", {
        ikeConfig: { ikeVersion: "IKEV2", ikeMode: "Main", ikeEncAlg: "AES256", ikeAuthAlg: "SHA256", ikePfs: "GROUP14" },
        ipsecConfig: { ipsecEncAlg: "AES256", ipsecAuthAlg: "Sha256", ipsecPfs: "Group14" },
    }),
    alicloudSpec("ali-order", { customerGatewayId: "cgw-emu00000000000002", localSubnets: ["10.1.0.0/16", "10.0.0.0/16"], remoteSubnets: ["192.168.20.0/24", "192.168.10.0/24"] }),
    alicloudSpec("ali-defaults", {
        vpnGatewayId: "vpn-emu00000000000002",
        effectImmediately: false,
        enableDpd: true,
        enableNatTraversal: true,
        autoConfigRoute: true,
        ikeConfig: { ikeVersion: "ikev1", ikeMode: "main", ikeEncAlg: "aes", ikeAuthAlg: "md5", ikePfs: "group2", ikeLifetime: 86400 },
        ipsecConfig: { ipsecEncAlg: "aes", ipsecAuthAlg: "md5", ipsecPfs: "group2", ipsecLifetime: 86400 },
        healthCheckConfig: { enable: false, interval: 3, retry: 3 },
    }),
    // Nothing optional: no name, and no PSK (Alibaba generates one).
    { name: "ali-unset", cloud: "alicloud", args: { vpnGatewayId: "vpn-emu00000000000002", customerGatewayId: "cgw-emu00000000000002", localSubnets: ["10.2.0.0/16"], remoteSubnets: ["192.168.30.0/24"] } },
    tencentSpec("t3-case", "3.0", {
        negotiationType: "ACTIVE",
        ikeOptions: { remoteAddress: "198.51.100.11", propoEncryAlgorithm: "aes-cbc-256", propoAuthenAlgorithm: "sha-256", exchangeMode: "main", dhGroupName: "group14", ikeVersion: "ikev2" },
        ipsecOptions: { encryptAlgorithm: "aes-cbc-256", integrityAlgorithm: "sha-256", pfsDhGroup: "dh-group14" },
    }),
    tencentSpec("t3-order", "3.0", {
        vpnGatewayId: "vpngw-emu0003",
        securityPolicyDatabases: [
            { localCidrBlock: "10.4.0.0/16", remoteCidrBlocks: ["192.168.41.0/24", "192.168.40.0/24"] },
            { localCidrBlock: "10.3.0.0/16", remoteCidrBlocks: ["192.168.31.0/24", "192.168.30.0/24"] },
        ],
    }),
    tencentSpec("t3-defaults", "3.0", {
        customerGatewayId: "cgw-emu0002",
        securityPolicyDatabases: [{ localCidrBlock: "10.5.0.0/16", remoteCidrBlocks: ["192.168.50.0/24"] }],
        routeType: "STATIC",
        negotiationType: "active",
        dpdEnable: false,
        enableHealthCheck: false,
        ikeOptions: {
            remoteAddress: "198.51.100.12",
            propoEncryAlgorithm: "3DES-CBC",
            propoAuthenAlgorithm: "SHA",
            exchangeMode: "MAIN",
            localIdentity: "ADDRESS",
            remoteIdentity: "ADDRESS",
            dhGroupName: "GROUP1",
            ikeSaLifetimeSeconds: 86400,
            ikeVersion: "IKEV1",
        },
        ipsecOptions: { encryptAlgorithm: "AES-CBC-128", integrityAlgorithm: "SHA1", ipsecSaLifetimeSeconds: 14400, pfsDhGroup: "NULL", ipsecSaLifetimeTraffic: 4096000000 },
    }),
    tencentSpec("t3-unset", "3.0", { vpnGatewayId: "vpngw-emu0003", customerGatewayId: "cgw-emu0003", securityPolicyDatabases: [{ localCidrBlock: "10.6.0.0/16", remoteCidrBlocks: ["192.168.60.0/24"] }] }),
    tencentSpec("t2-case", "2.0", {
        ikeOptions: { remoteAddress: "198.51.100.12", propoEncryAlgorithm: "aes-cbc-256", propoAuthenAlgorithm: "sha", exchangeMode: "Aggressive", dhGroupName: "group14" },
        ipsecOptions: { encryptAlgorithm: "aes-cbc-256", integrityAlgorithm: "sha1", pfsDhGroup: "dh-group14" },
    }),
    tencentSpec("t2-order", "2.0", {
        customerGatewayId: "cgw-emu0001",
        securityPolicyDatabases: [{ localCidrBlock: "10.7.0.0/16", remoteCidrBlocks: ["192.168.71.0/24", "192.168.70.0/24"] }],
    }),
];

describe("CLI tier: no false drift over enum spellings, list orders and API defaults", function () {
    let cloud: TestCloud;
    let stack: CliStack;

    const fixture = useConnectionsStack(SWEEP);
    before(() => ({ cloud, stack } = fixture));

    it("can read every variant back with both drift checks exiting 0 and a plain preview planning nothing", async function () {
        this.timeout(240_000);
        // GIVEN every variant created
        const up = await stack.up();
        assert.match(up.stdout, new RegExp(`\\+ ${SWEEP.length + 1} created`));
        const mark = await requestMark(cloud.control);
        // WHEN both drift checks and a preview of the unchanged program run
        const checks = await driftChecks(stack);
        const plainPreview = await stack.run(["preview", "--expect-no-changes"]);
        // THEN none sees a change, and nothing was written
        assertClean({ ...checks, plainPreview });
        assert.match(plainPreview.stdout, new RegExp(`${SWEEP.length + 1} unchanged`));
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });
});
