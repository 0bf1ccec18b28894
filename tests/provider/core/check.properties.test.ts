/**
 * Property-based check of both resources' `check` hooks: valid inputs with arbitrary JSON at any
 * declared property path (or an undeclared key beside them) are either refused with failures that
 * each name a declared path or the undeclared key, or accepted — and then the emulator accepts them
 * too, as a create through the provider's own create hook. `check` never throws and never opens a
 * socket. Runs are bounded in number and time; a failure prints fast-check's seed and path (set
 * CHECK_PROPERTIES_SEED to replay one).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import * as alicloudHooks from "../../../provider/alicloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as ALICLOUD_SCHEMA } from "../../../provider/alicloud/schema";
import { setStackConfig } from "../../../provider/core/config";
import { Props, Schema } from "../../../provider/core/schema";
import * as tencentHooks from "../../../provider/tencentcloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as TENCENT_SCHEMA } from "../../../provider/tencentcloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { absentItem, AbsentItem, applyMutation, droppedValues, Mutation, mutation, namesInput, undeclaredKeys } from "../../support/schemaArbitraries";
import { recordConnects } from "../../support/socketLog";
import { VALID as ALICLOUD_VALID } from "../alicloud/fixtures";
import { VALID as TENCENT_VALID } from "../tencentcloud/fixtures";

/** Runs per resource (two resources) and the time bound of each property. */
const RUNS = 80;
const TIME_LIMIT_MS = 60_000;
const SEED = process.env.CHECK_PROPERTIES_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.CHECK_PROPERTIES_SEED);

interface Resource {
    name: string;
    hooks: typeof alicloudHooks | typeof tencentHooks;
    schema: Schema;
    valid: Props;
    /**
     * Paths whose accepted values still depend on what exists in the cloud (ids of gateways and
     * VPCs, the region, the connection to adopt): `check` cannot judge them, so a create is not
     * expected to succeed after they change.
     */
    cloudState: readonly string[];
}

const RESOURCES: Resource[] = [
    {
        name: "alicloud.VpnConnection",
        hooks: alicloudHooks,
        schema: ALICLOUD_SCHEMA,
        valid: ALICLOUD_VALID,
        cloudState: ["region", "vpnGatewayId", "customerGatewayId", "adoptConnectionId"],
    },
    {
        name: "tencentcloud.VpnConnection",
        hooks: tencentHooks,
        schema: TENCENT_SCHEMA,
        // The emulator's 4.0 gateway, so the GCM algorithms the API documents for 4.0 gateways are creatable.
        valid: { ...TENCENT_VALID, vpnGatewayId: "vpngw-emu0003" },
        cloudState: ["region", "vpcId", "vpnGatewayId", "customerGatewayId", "adoptConnectionId"],
    },
];

/** Runs `property` `runs` times under the seed and time bound; a failure names its cause and the seed to replay. */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, runs: number): Promise<void> {
    try {
        await fc.assert(property, { numRuns: runs, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS });
    } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        throw new Error(`${(error as Error).message}\nCause: ${cause instanceof Error ? cause.message : String(cause)}\n(replay with CHECK_PROPERTIES_SEED=${SEED})`);
    }
}

describe("check properties: arbitrary input at every declared path", function () {
    this.timeout(4 * TIME_LIMIT_MS);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        setStackConfig(undefined);
    });
    after(async () => cloud?.stop());

    for (const resource of RESOURCES) {
        it(`can refuse ${resource.name} inputs by property or accept what the emulator accepts, never throwing or connecting`, async () => {
            let accepted = 0;
            let created = 0;
            const property = fc.asyncProperty(fc.array(mutation(resource.schema), { minLength: 1, maxLength: 2 }), async (mutations: Mutation[]) => {
                // GIVEN valid inputs with one or two generated mutations
                await cloud.control.reset();
                const news = mutations.reduce(applyMutation, resource.valid);
                // WHEN checked, recording every connection started meanwhile
                const { outcome, attempts } = await recordConnects(() => resource.hooks.check({}, news));
                // THEN it answers without throwing or opening a socket
                if (outcome.status === "rejected") throw outcome.reason;
                assert.deepEqual(attempts, [], "check opened a socket");
                assert.deepEqual(await cloud.control.counters(), {}, "check reached the emulator");
                const { inputs, failures = [] } = outcome.value;
                if (failures.length > 0) {
                    // AND each failure names a declared path or an undeclared key the input holds, with a reason
                    for (const failure of failures) {
                        assert.ok(namesInput(resource.schema, news, failure.property), `failure names ${failure.property}, which is neither declared nor a key of the input`);
                        assert.ok(typeof failure.reason === "string" && failure.reason.length > 0, `failure of ${failure.property} has no reason`);
                    }
                    return;
                }
                // AND accepted input holds no key the table does not declare (none may be dropped silently),
                // and is accepted by the cloud too, unless it changed what only the cloud can judge
                assert.deepEqual(undeclaredKeys(resource.schema, news), [], "check accepted undeclared keys");
                assert.deepEqual(droppedValues(resource.schema, news, inputs), [], "check accepted input but dropped values it held");
                accepted++;
                if (mutations.some((m) => resource.cloudState.some((path) => m.path === path || m.path.startsWith(`${path}.`)))) return;
                const create = await recordConnects(() => resource.hooks.create(inputs as Props));
                if (create.outcome.status === "rejected") throw create.outcome.reason;
                assert.ok(create.attempts.every((a) => a.host === "127.0.0.1"), `create connected to ${JSON.stringify(create.attempts)}`);
                assert.ok(Object.keys(await cloud.control.counters()).length > 0, "the create reached the emulator");
                created++;
            });
            await assertProperty(property, RUNS);
            // The runs reached both outcomes (else the generators would be testing nothing).
            assert.ok(accepted > 0 && created > 0, `accepted ${accepted}, created ${created} of ${RUNS} runs (seed ${SEED})`);
        });

        it(`fails ${resource.name} inputs whose list holds a null or missing item, naming the item, at every list path`, async () => {
            const property = fc.asyncProperty(absentItem(resource.schema, resource.valid), async ({ mutation: change, item }: AbsentItem) => {
                // GIVEN valid inputs with one list holding an absent item
                const news = applyMutation(resource.valid, change);
                // WHEN checked
                const { failures = [] } = await resource.hooks.check({}, news);
                // THEN the item is named: it never vanishes, taking its list with it
                assert.ok(
                    failures.some((failure) => failure.property === item),
                    `no failure names ${item}: ${JSON.stringify(failures.map((f) => f.property))}`,
                );
            });
            await assertProperty(property, RUNS / 2);
        });
    }
});
