/**
 * Two identities in one stack under the real `pulumi`: connections that use the provider's keys
 * beside connections naming a role to assume (`credentials.assumeRole`), each cloud's role assumed
 * once at the emulator's STS, and the state holding the role's ARN but no secret.
 */
import { strict as assert } from "assert";
import { ALICLOUD_STS_ROLE } from "../../emulator/alicloud/fixtures";
import { STS_ROLE_ARN } from "../../emulator/tencentcloud/fixtures";
import { CliStack, plaintextIn, requireCli } from "../support/cli";
import { alicloudSpec, connectionsConfig, PROGRAM, PSKS, tencentSpec, useConnectionsStack } from "../support/cliConnections";
import { startTestCloud } from "../support/cloudEnv";

const roleOf = (roleArn: string) => ({ credentials: { assumeRole: { roleArn, sessionName: "second-account" } } });

describe("CLI tier: a resource's credentials input (two identities in one stack)", function () {
    const fixture = useConnectionsStack([
        alicloudSpec("ali-keys"),
        alicloudSpec("ali-role", { ...roleOf(ALICLOUD_STS_ROLE.arn), customerGatewayId: "cgw-emu00000000000002", localSubnets: ["10.5.0.0/16"], remoteSubnets: ["192.168.50.0/24"] }),
        tencentSpec("t-role", "3.0", roleOf(STS_ROLE_ARN)),
    ]);

    it("can create connections with keys and with an assumed role side by side, keeping no secret of the role in state", async function () {
        this.timeout(240_000);
        const { cloud, stack } = fixture;
        // GIVEN a stack whose second Alibaba connection and Tencent connection name a role
        // WHEN it is brought up, then refreshed
        await stack.up();
        await stack.expect(0, "refresh", "--yes");
        const counters = await cloud.control.counters();
        const exported = await stack.exported();
        const resources = await stack.resources();
        // THEN each cloud's role was assumed (once per plugin process), every connection exists, and the state names the role only
        assert.ok((counters["alicloud:AssumeRole"] ?? 0) >= 1 && (counters["tencentcloud:AssumeRole"] ?? 0) >= 1, JSON.stringify(counters));
        const aliRole = resources.find((r) => r.urn.endsWith("::ali-role"))!;
        assert.deepEqual(aliRole.inputs?.credentials, roleOf(ALICLOUD_STS_ROLE.arn).credentials);
        assert.equal(resources.filter((r) => r.type.includes("VpnConnection") && r.id).length, 3, "every connection has an id");
        assert.doesNotMatch(exported.text, /CAIS[A-Za-z0-9]{120}|[A-Za-z0-9]{160}/, "no temporary credential in state");
        assert.deepEqual(plaintextIn(stack.transcript, stack.secretValues), []);
    });
});

describe("CLI tier: alicloud:assumeRole and tencentcloud:assumeRole set with pulumi config set --path", function () {
    it("can hand the object-valued keys to the provider, which assumes each role for every connection", async function () {
        await requireCli(this);
        this.timeout(240_000);
        // GIVEN the emulator's keys and both assume-role objects in the stack config, set field by field
        const cloud = await startTestCloud();
        const stack = await CliStack.create({ program: PROGRAM, env: cloud.env, config: { connections: connectionsConfig([alicloudSpec("ali"), tencentSpec("t3", "3.0")]) }, secrets: PSKS });
        try {
            await stack.expect(0, "config", "set", "--path", "alicloud:assumeRole.roleArn", ALICLOUD_STS_ROLE.arn);
            await stack.expect(0, "config", "set", "--path", "alicloud:assumeRole.sessionExpiration", "1200");
            await stack.expect(0, "config", "set", "--path", "tencentcloud:assumeRole.roleArn", STS_ROLE_ARN);
            // WHEN the stack is brought up
            await stack.up();
            // THEN both connections exist, and each cloud's role was assumed with the keys
            const counters = await cloud.control.counters();
            assert.ok((counters["alicloud:AssumeRole"] ?? 0) >= 1 && (counters["tencentcloud:AssumeRole"] ?? 0) >= 1, JSON.stringify(counters));
            assert.equal((await stack.resources()).filter((r) => r.id).length, 2);
        } finally {
            await stack.dispose();
            await cloud.stop();
        }
    });
});
