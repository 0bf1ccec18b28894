/**
 * Connections inside components under the real `pulumi` (issue 9, defect 9): two components of
 * different types, each with a child Alibaba connection of the same name and the same inputs, get
 * two connections. Their default `idempotencyKey` — the seed of the create's ClientToken — is the
 * URN the engine records for each, parent type chain included, so Alibaba never hands the second
 * create the first one's connection.
 */
import { strict as assert } from "assert";
import { CliStack, StateResource } from "../support/cli";
import { alicloudSpec, ConnectionSpec, emulatorConnections, requestMark, useConnectionsStack, writesSince } from "../support/cliConnections";
import { TestCloud } from "../support/cloudEnv";

const BRANCHES = [
    { type: "acme:net:EastBranch", name: "east" },
    { type: "acme:net:WestBranch", name: "west" },
];
/** The same connection, named `office`, in each branch. */
const SPECS: ConnectionSpec[] = BRANCHES.map((component) => ({ ...alicloudSpec("office"), component }));
const KEYS = BRANCHES.map((branch) => `${branch.name}/office`);
const CONNECTION_TYPE = "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection";

describe("CLI tier: same-named connections in components of different types", function () {
    let cloud: TestCloud;
    let stack: CliStack;
    let ids: Record<string, string>;

    const fixture = useConnectionsStack(SPECS);
    before(() => ({ cloud, stack } = fixture));

    it("can create one connection for each, with ClientTokens seeded by their URNs", async function () {
        this.timeout(120_000);
        // GIVEN the new stack
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up
        const up = await stack.up();
        // THEN the stack, both components and two distinct connections were created
        assert.match(up.stdout, /\+ 5 created/);
        ids = (await stack.outputs()).connectionIds as Record<string, string>;
        assert.deepEqual(Object.keys(ids).sort(), KEYS);
        assert.notEqual(ids[KEYS[0]], ids[KEYS[1]]);
        assert.deepEqual((await emulatorConnections(cloud.control)).map((c) => c.VpnConnectionId).sort(), Object.values(ids).sort());
        // AND each create carried its own ClientToken
        assert.deepEqual(await writesSince(cloud.control, mark), ["alicloud:CreateVpnConnection", "alicloud:CreateVpnConnection"]);
        const tokens = (await cloud.control.requests()).filter((entry) => entry.seq > mark && entry.action === "CreateVpnConnection").map((entry) => entry.params.ClientToken);
        assert.equal(new Set(tokens).size, 2, `ClientTokens ${JSON.stringify(tokens)}`);
        // AND the key each connection recorded is the URN the engine gave it, its component's type in the chain
        const resources: StateResource[] = await stack.resources();
        assert.deepEqual(
            resources.map((r) => r.urn).sort(),
            BRANCHES.map((branch) => `urn:pulumi:${stack.name}::ipsec-cli-connections::${branch.type}$${CONNECTION_TYPE}::office`),
        );
        for (const resource of resources) assert.equal(resource.inputs?.idempotencyKey, resource.urn);
        assert.deepEqual(resources.map((r) => r.id).sort(), Object.values(ids).sort());
    });

    it("can preview the stack again with no changes", async function () {
        this.timeout(120_000);
        // GIVEN the stack as brought up
        const mark = await requestMark(cloud.control);
        // WHEN previewed, expecting no changes
        const preview = await stack.run(["preview", "--expect-no-changes"]);
        // THEN the keys computed by the program are the ones in state, and nothing was written
        assert.equal(preview.code, 0, preview.output);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("can destroy both, leaving the emulator neither", async function () {
        this.timeout(120_000);
        // WHEN the stack is destroyed
        await stack.destroy();
        // THEN both connections are gone from the cloud
        assert.deepEqual(await emulatorConnections(cloud.control), []);
    });
});
