/**
 * The examples, unchanged, as directory programs under the real `pulumi up`: a first `up` creates
 * exactly their connections, a second one changes nothing and sends no write to the cloud. Some
 * stacks take their endpoints from the stack config instead of the environment — the
 * `pulumi-ipsec:` keys, or the deprecated names earlier releases read — with the environment's
 * endpoints pointing nowhere, so only the config can reach the emulator.
 */
import { strict as assert } from "assert";
import { Setting, SETTINGS } from "../../provider/core/settingKeys";
import { CliStack, requireCli, writeCounts } from "../support/cli";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { EXAMPLE_CONFIG, EXAMPLE_PSK } from "../support/exampleConfig";

/** Where a stack finds its endpoints: the emulator's environment, or the stack config under the current or the deprecated keys. */
type EndpointSource = "environment" | "config" | "deprecated config";

type Cloud = "alicloud" | "tencentcloud";

/**
 * `others`: resources besides the connections — dynamic ones (a generated key) and components —
 * and `outputs`: stack outputs the first `up` must report.
 */
const EXAMPLES: {
    program: string;
    config: Record<string, string>;
    connections: number;
    clouds: Cloud[];
    endpoints: EndpointSource;
    others?: { dynamic: number; components: number };
    outputs?: Record<string, unknown>;
}[] = [
    { program: "examples/alicloud", config: EXAMPLE_CONFIG.alicloud, connections: 1, clouds: ["alicloud"], endpoints: "config" },
    { program: "examples/alicloud-dual-tunnel", config: EXAMPLE_CONFIG["alicloud-dual-tunnel"], connections: 1, clouds: ["alicloud"], endpoints: "environment" },
    { program: "examples/tencentcloud", config: EXAMPLE_CONFIG.tencentcloud, connections: 1, clouds: ["tencentcloud"], endpoints: "deprecated config" },
    { program: "examples/tunnel", config: EXAMPLE_CONFIG.tunnel, connections: 2, clouds: ["alicloud", "tencentcloud"], endpoints: "config" },
    {
        program: "examples/cross-cloud",
        config: EXAMPLE_CONFIG["cross-cloud"],
        connections: 2,
        clouds: ["alicloud", "tencentcloud"],
        endpoints: "config",
        others: { dynamic: 1, components: 1 },
        outputs: { tunnelStatus: "established" },
    },
];

/** An endpoint nothing listens on: a stack that read it instead of its config would fail. */
const NOWHERE = "http://127.0.0.1:1/";

/**
 * The environment and the extra stack config that point a stack of `clouds` at the emulator through
 * `source`, and the deprecated keys among that config.
 */
function endpointsFrom(source: EndpointSource, clouds: Cloud[], cloud: TestCloud): { env: Record<string, string>; config: Record<string, string>; deprecatedKeys: string[] } {
    const endpoints: Record<Cloud, [Setting, string][]> = {
        alicloud: [[SETTINGS.alicloudVpcEndpoint, cloud.alicloud.endpoint]],
        tencentcloud: [
            [SETTINGS.tencentcloudVpcEndpoint, cloud.tencentcloud!.endpoint],
            [SETTINGS.tencentcloudVpcLegacyEndpoint, cloud.tencentcloud!.legacyEndpoint],
            [SETTINGS.tencentcloudTagEndpoint, cloud.tencentcloud!.tagEndpoint],
        ],
    };
    const env = { ...cloud.env };
    const config: Record<string, string> = {};
    const deprecatedKeys: string[] = [];
    if (source === "environment") return { env, config, deprecatedKeys };
    for (const [setting, url] of clouds.flatMap((name) => endpoints[name])) {
        env[setting.env[0]] = NOWHERE;
        const key = source === "config" ? setting.key : setting.deprecatedKeys![0];
        config[key] = url;
        if (key !== setting.key) deprecatedKeys.push(key);
    }
    return { env, config, deprecatedKeys };
}

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
        it(`can create ${example.program} and change nothing on a second up, endpoints from the ${example.endpoints}`, async function () {
            this.timeout(240_000);
            // GIVEN a new stack of the example, type-checked as `pulumi up` does by default, pointed at the emulator
            await cloud.control.reset();
            const endpoints = endpointsFrom(example.endpoints, example.clouds, cloud);
            const config = { ...example.config, ...endpoints.config };
            const stack = await CliStack.create({ program: example.program, env: endpoints.env, config, secrets: { preSharedKey: EXAMPLE_PSK }, typecheck: true });
            try {
                // WHEN it is brought up twice
                const first = await stack.up();
                const countersBefore = writeCounts(await cloud.control.counters());
                const second = await stack.up();
                const countersAfter = writeCounts(await cloud.control.counters());

                // THEN the first creates every connection, the second changes nothing and writes nothing
                const others = example.others ?? { dynamic: 0, components: 0 };
                const total = example.connections + others.dynamic + others.components + 1;
                assert.match(first.stdout, new RegExp(`\\+ ${total} created`));
                const resources = await stack.resources();
                assert.equal(resources.length, example.connections + others.dynamic);
                for (const r of resources) assert.ok(r.id, `${r.urn} has an id`);
                if (example.outputs) assert.deepEqual(Object.fromEntries(Object.entries(await stack.outputs()).filter(([k]) => k in example.outputs!)), example.outputs);
                assert.match(second.stdout, new RegExp(`${total} unchanged`));
                assert.doesNotMatch(second.stdout, /to create|to update|to replace|created|updated|replaced/);
                assert.deepEqual(countersAfter, countersBefore, "the second up sent no write to the cloud");
                // AND the diagnostics name each deprecated key the stack sets once, with its new key (the live
                // progress display echoes the same line beside the stack's row); the current keys warn of nothing
                for (const key of endpoints.deprecatedKeys) {
                    const warning = new RegExp(`^\\s+pulumi-ipsec: the stack config key ${key} is deprecated: set pulumi-ipsec:\\w+ instead`);
                    const diagnostics = first.stdout.split("\n").filter((line) => warning.test(line));
                    assert.equal(diagnostics.length, 1, `${key}:\n${first.stdout}`);
                }
                if (endpoints.deprecatedKeys.length === 0) assert.doesNotMatch(first.output, /deprecated/);
                await stack.destroy();
            } finally {
                await stack.dispose();
            }
        });
    }
});
