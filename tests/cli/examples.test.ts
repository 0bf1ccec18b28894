/**
 * The examples, unchanged, as directory programs under the real `pulumi up`: a first `up` creates
 * exactly their connections, a second one changes nothing and sends no write to the cloud.
 */
import { strict as assert } from "assert";
import { CliStack, requireCli, writeCounts } from "../support/cli";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { EXAMPLE_CONFIG, EXAMPLE_PSK } from "../support/exampleConfig";

const EXAMPLES: { program: string; config: Record<string, string>; connections: number }[] = [
    { program: "examples/alicloud", config: EXAMPLE_CONFIG.alicloud, connections: 1 },
    { program: "examples/alicloud-dual-tunnel", config: EXAMPLE_CONFIG["alicloud-dual-tunnel"], connections: 1 },
    { program: "examples/tencentcloud", config: EXAMPLE_CONFIG.tencentcloud, connections: 1 },
    { program: "examples/tunnel", config: EXAMPLE_CONFIG.tunnel, connections: 2 },
];

describe("CLI tier: the examples under pulumi up", function () {
    let cloud: TestCloud;

    before(async function () {
        await requireCli(this);
        cloud = await startTestCloud();
    });

    after(async () => {
        await cloud?.stop();
    });

    for (const example of EXAMPLES) {
        it(`can create ${example.program} and change nothing on a second up`, async function () {
            this.timeout(240_000);
            // GIVEN a new stack of the example, type-checked as `pulumi up` does by default
            await cloud.control.reset();
            const stack = await CliStack.create({ program: example.program, env: cloud.env, config: example.config, secrets: { preSharedKey: EXAMPLE_PSK }, typecheck: true });
            try {
                // WHEN it is brought up twice
                const first = await stack.up();
                const countersBefore = writeCounts(await cloud.control.counters());
                const second = await stack.up();
                const countersAfter = writeCounts(await cloud.control.counters());

                // THEN the first creates every connection, the second changes nothing and writes nothing
                assert.match(first.stdout, new RegExp(`\\+ ${example.connections + 1} created`));
                const resources = await stack.resources();
                assert.equal(resources.length, example.connections);
                for (const r of resources) assert.ok(r.id, `${r.urn} has an id`);
                assert.match(second.stdout, new RegExp(`${example.connections + 1} unchanged`));
                assert.doesNotMatch(second.stdout, /to create|to update|to replace|created|updated|replaced/);
                assert.deepEqual(countersAfter, countersBefore, "the second up sent no write to the cloud");
                await stack.destroy();
            } finally {
                await stack.dispose();
            }
        });
    }
});
