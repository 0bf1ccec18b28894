/**
 * A refresh at scale under the real `pulumi`: 45 Alibaba and 45 Tencent API 3.0 connections on three
 * gateways each, refreshed with the engine's default `--parallel`. The plugin's reads share one listing
 * per gateway (provider/core/readBatch), so the Describe count stays near one per gateway per pass;
 * `PULUMI_IPSEC_READ_BATCHING=off` sends one per connection. Both refreshes show no drift, nor does one
 * where Tencent's describes list no tags, which are then read from the Tag service 50 connections a call.
 */
import { strict as assert } from "assert";
import { alicloudSpec, ConnectionSpec, tencentSpec, useConnectionsStack } from "../support/cliConnections";

const PER_CLOUD = 45;
const ALICLOUD_GATEWAYS = ["vpn-emu00000000000001", "vpn-emu00000000000002", "vpn-emu00000000000003"];
const TENCENT_GATEWAYS = ["vpngw-emu0001", "vpngw-emu0002", "vpngw-emu0003"];

function specs(): ConnectionSpec[] {
    return Array.from({ length: PER_CLOUD }, (_, i) => [
        alicloudSpec(`ali-${i}`, { vpnGatewayId: ALICLOUD_GATEWAYS[i % 3], name: `ali-${i}`, localSubnets: [`10.${i}.0.0/16`] }),
        tencentSpec(`t3-${i}`, "3.0", {
            vpnGatewayId: TENCENT_GATEWAYS[i % 3],
            name: `t3-${i}`,
            securityPolicyDatabases: [{ localCidrBlock: `10.${i}.0.0/16`, remoteCidrBlocks: ["192.168.10.0/24"] }],
        }),
    ]).flat();
}

describe("CLI tier: pulumi refresh of 90 connections reads through gateway listings", function () {
    this.timeout(900_000);
    const fixture = useConnectionsStack(specs());

    before(async function () {
        const up = await fixture.stack.run(["up", "--yes", "--skip-preview"], { timeoutMs: 600_000 });
        assert.equal(up.code, 0, up.output.slice(-3000));
    });

    /** DescribeVpnConnections per cloud sent while `refresh` ran. */
    async function describesOf(args: string[], env: Record<string, string> = {}) {
        const before = await fixture.cloud.control.counters();
        const run = await fixture.stack.run(args, { env, timeoutMs: 600_000 });
        const after = await fixture.cloud.control.counters();
        const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
        return {
            run,
            alicloud: delta("alicloud:DescribeVpnConnections"),
            tencentcloud: delta("tencentcloud:DescribeVpnConnections"),
            tagCalls: { byIds: delta("tencentcloud:DescribeResourceTagsByResourceIds"), single: delta("tencentcloud:DescribeResourceTags") },
        };
    }

    it("can refresh with no drift sending at most a few Describes per cloud", async () => {
        // GIVEN the stack of 90 connections (before)
        // WHEN a drift check runs through the CLI
        const { run, alicloud, tencentcloud } = await describesOf(["refresh", "--preview-only", "--expect-no-changes"]);
        // THEN it saw no drift, and each cloud got about one listing per gateway (not one Describe per connection)
        assert.equal(run.code, 0, run.output.slice(-3000));
        assert.ok(alicloud <= PER_CLOUD / 5, `alicloud: ${alicloud} DescribeVpnConnections for ${PER_CLOUD} connections`);
        assert.ok(tencentcloud <= PER_CLOUD / 5, `tencentcloud: ${tencentcloud} DescribeVpnConnections for ${PER_CLOUD} connections`);
    });

    it("can read one by one with PULUMI_IPSEC_READ_BATCHING=off, with the same result", async () => {
        // GIVEN the same stack
        // WHEN the drift check runs with batching off
        const { run, alicloud, tencentcloud } = await describesOf(["refresh", "--preview-only", "--expect-no-changes"], { PULUMI_IPSEC_READ_BATCHING: "off" });
        // THEN one Describe per connection, and no drift either
        assert.equal(run.code, 0, run.output.slice(-3000));
        assert.equal(alicloud, PER_CLOUD);
        assert.equal(tencentcloud, PER_CLOUD);
    });

    it("can refresh with no drift when Tencent's describes list no tags, asking the Tag service once per gateway", async () => {
        // GIVEN the same stack, and describes that list no TagSet (the create token among the tags unseen)
        await fixture.cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: true });
        try {
            // WHEN the drift check runs
            const { run, tagCalls } = await describesOf(["refresh", "--preview-only", "--expect-no-changes"]);
            // THEN no drift, and each gateway's 15 connections had their tags read in one call
            assert.equal(run.code, 0, run.output.slice(-3000));
            assert.deepEqual(tagCalls, { byIds: TENCENT_GATEWAYS.length, single: 0 });
        } finally {
            await fixture.cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: false });
        }
    });
});
