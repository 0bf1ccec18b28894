import assert from "node:assert/strict";
import { connectionFacts } from "../../../provider/alicloud/connectionFacts";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { setStackConfig } from "../../../provider/core/config";
import { diffResource } from "../../../provider/core/resource";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

describe("alicloud connection facts: networkType, resourceGroupId, healthCheckPolicy", function () {
    describe("connectionFacts", () => {
        it("can read the three facts from a described connection", () => {
            // GIVEN a DescribeVpnConnection answer
            const described = { NetworkType: "private", ResourceGroupId: "rg-acfm1", VcoHealthCheck: { Policy: "reserve_route", Enable: "true" } };
            // WHEN
            const facts = connectionFacts(described);
            // THEN
            assert.deepEqual(facts, { networkType: "private", resourceGroupId: "rg-acfm1", healthCheckPolicy: "reserve_route" });
        });

        it("can report absent or empty facts as null", () => {
            // GIVEN an answer without them (older documents) or with empty strings
            // WHEN / THEN
            assert.deepEqual(connectionFacts({}), { networkType: null, resourceGroupId: null, healthCheckPolicy: null });
            assert.deepEqual(connectionFacts({ NetworkType: "", ResourceGroupId: "", VcoHealthCheck: { Policy: "" } }), { networkType: null, resourceGroupId: null, healthCheckPolicy: null });
        });
    });

    describe("through the hooks (emulator, real pop-core)", function () {
        this.timeout(30_000);
        let cloud: TestCloud;

        before(async () => {
            cloud = await startTestCloud({ applyToProcess: true });
        });
        after(async () => cloud?.stop());
        beforeEach(async () => {
            await cloud.control.reset();
            setStackConfig(undefined);
        });

        async function checked(news: Props): Promise<Props> {
            const result = await hooks.check({}, news);
            assert.deepEqual(result.failures ?? [], []);
            return result.inputs as Props;
        }

        it("can output the network type, resource group and health-check route policy the cloud reports", async () => {
            // GIVEN checked inputs
            const inputs = await checked(VALID);
            // WHEN created
            const created = await hooks.create(inputs);
            // THEN the outputs carry the cloud's facts
            assert.equal(created.outs.networkType, "public");
            assert.match(created.outs.resourceGroupId, /^rg-/);
            assert.equal(created.outs.healthCheckPolicy, "revoke_route");
        });

        it("can follow the facts on read without a diff, since no input sets them", async () => {
            // GIVEN a connection whose facts change in the console
            const inputs = await checked(VALID);
            const created = await hooks.create(inputs);
            await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { ResourceGroupId: "rg-moved", VcoHealthCheck: { Policy: "reserve_route" } });
            // WHEN refreshed
            const read = await hooks.read(created.id, created.outs);
            // THEN the outputs show the new facts and nothing drifts
            assert.equal(read.props!.resourceGroupId, "rg-moved");
            assert.equal(read.props!.healthCheckPolicy, "reserve_route");
            assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, []);
        });
    });
});
