/**
 * `CrossCloudHaTunnel` under the real `pulumi up` against the emulator: one dual-tunnel Alibaba
 * connection, two Tencent connections and the generated key; a second `up` changes nothing (the
 * key included), with and without BGP.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { CliStack, requireCli, writeCounts } from "../support/cli";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { REPO_ROOT } from "../support/pluginProcess";
import { SECRET_SIG, SIG_KEY } from "../support/propertyMap";

const PROGRAM = path.join(REPO_ROOT, "tests/cli/programs/cross-cloud-ha");

/** Emulator fixtures: the dual-tunnel gateway (203.0.113.111 / .112) and Tencent's gateway and customer gateways. */
const ARGS = {
    alicloudVpnGatewayId: "vpn-emu00000000000011",
    alicloudCustomerGatewayId: "cgw-emu00000000000001",
    tencentcloudVpcId: "vpc-emu00001",
    tencentcloudVpnGatewayId: "vpngw-emu0001",
    tencentcloudCustomerGatewayIds: ["cgw-emu0001", "cgw-emu0002"],
    alicloudCidrs: ["172.16.0.0/16"],
    tencentcloudCidrs: ["10.0.0.0/16"],
};
const BGP = { alicloudAsn: 65010, tencentcloudAsn: 64551, tunnelCidrs: ["169.254.10.0/30", "169.254.11.0/30"] };

describe("CLI tier: CrossCloudHaTunnel under pulumi up", function () {
    let cloud: TestCloud;

    before(async function () {
        await requireCli(this);
        cloud = await startTestCloud();
    });
    after(async () => {
        await cloud?.stop();
    });

    const cases = [
        { title: "policy-based, the tunnel addresses from the Alibaba connection's outputs", args: ARGS },
        { title: "with BGP and the tunnel addresses given", args: { ...ARGS, bgp: BGP, alicloudTunnelIps: ["203.0.113.111", "203.0.113.112"] } },
    ];
    for (const { title, args } of cases) {
        it(`can create the three connections and change nothing on a second up: ${title}`, async function () {
            this.timeout(240_000);
            // GIVEN a new stack of the HA program, pointed at the emulator
            await cloud.control.reset();
            const stack = await CliStack.create({ program: PROGRAM, env: cloud.env, config: { args: JSON.stringify(args) }, typecheck: true });
            try {
                // WHEN it is brought up twice
                const first = await stack.up();
                const before = writeCounts(await cloud.control.counters());
                const second = await stack.up();
                const after = writeCounts(await cloud.control.counters());
                // THEN the stack, the component, the key and three connections were created, and nothing after
                assert.match(first.stdout, /\+ 6 created/);
                const resources = await stack.resources();
                assert.equal(resources.length, 4);
                // AND the generated key is stored encrypted, not in the clear
                const key = resources.find((r) => r.type === "pulumi-nodejs:dynamic/pulumi-ipsec/crossCloud:PresharedKey")!;
                assert.equal((key.outputs?.value as Record<string, unknown>)?.[SIG_KEY], SECRET_SIG);
                assert.ok(typeof (key.outputs!.value as Record<string, unknown>).ciphertext === "string");
                assert.match(second.stdout, /6 unchanged/);
                assert.deepEqual(after, before, "the second up sent no write to the cloud");
                // AND each Tencent connection names its Alibaba tunnel's address as its peer, both with the one key
                const state = await cloud.control.state<any>();
                const tencent = state.tencentcloud.connections.map((c: any) => [c.CustomerGatewayId, c.IKEOptionsSpecification?.RemoteAddress]).sort();
                assert.deepEqual(tencent, [["cgw-emu0001", "203.0.113.111"], ["cgw-emu0002", "203.0.113.112"]]);
                assert.equal(new Set(state.tencentcloud.connections.map((c: any) => c.PreShareKey)).size, 1);
                // AND both pairs are up
                const outputs = await stack.outputs();
                assert.deepEqual([outputs.tunnelStatuses, outputs.tunnelStatus], [["established", "established"], "established"]);
                await stack.destroy();
            } finally {
                await stack.dispose();
            }
        });
    }
});
