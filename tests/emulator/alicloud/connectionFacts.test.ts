import assert from "node:assert/strict";
import { ALICLOUD_DEFAULT_RESOURCE_GROUP_ID, newConnectionFacts } from "../../../emulator/alicloud/connectionFacts";
import { ALICLOUD_VPN_GATEWAYS } from "../../../emulator/alicloud/fixtures";
import { createActiveConnection, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

describe("Alibaba connection facts (NetworkType, ResourceGroupId, VcoHealthCheck.Policy)", () => {
    describe("newConnectionFacts", () => {
        it("can give a connection on a gateway without a network type the public network and the default resource group", () => {
            // GIVEN
            const gateway = { ...ALICLOUD_VPN_GATEWAYS[0] };
            // WHEN
            const facts = newConnectionFacts(gateway);
            // THEN
            assert.deepEqual(facts, { NetworkType: "public", ResourceGroupId: ALICLOUD_DEFAULT_RESOURCE_GROUP_ID });
        });

        it("can give a connection on a private gateway the private network", () => {
            // GIVEN
            const gateway = { ...ALICLOUD_VPN_GATEWAYS[0], NetworkType: "private" as const };
            // WHEN
            const facts = newConnectionFacts(gateway);
            // THEN
            assert.equal(facts.NetworkType, "private");
        });
    });

    describe("through the API (real pop-core)", () => {
        let h: AlicloudHarness;

        before(async () => {
            h = await startAlicloudHarness();
        });
        after(() => h.stop());
        beforeEach(() => h.control.reset());

        it("can report NetworkType, ResourceGroupId and the health check Policy as strings on DescribeVpnConnection and DescribeVpnConnections", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const one = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            const listed = (await h.call("DescribeVpnConnections")).VpnConnections.VpnConnection[0];
            // THEN
            for (const connection of [one, listed]) {
                assert.equal(connection.NetworkType, "public");
                assert.equal(connection.ResourceGroupId, ALICLOUD_DEFAULT_RESOURCE_GROUP_ID);
                assert.equal(connection.VcoHealthCheck.Policy, "revoke_route");
            }
        });

        it("can filter DescribeVpnConnections by ResourceGroupId, as documented", async () => {
            // GIVEN a connection in the default group
            await createActiveConnection(h);
            // WHEN listed by its group and by another
            const inGroup = await h.call("DescribeVpnConnections", { ResourceGroupId: ALICLOUD_DEFAULT_RESOURCE_GROUP_ID });
            const elsewhere = await h.call("DescribeVpnConnections", { ResourceGroupId: "rg-other" });
            // THEN only the matching group lists it
            assert.equal(inGroup.TotalCount, 1);
            assert.equal(elsewhere.TotalCount, 0);
        });

        it("can report a gateway's network type on DescribeVpnGateway", async () => {
            // WHEN
            const gateway = await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] });
            // THEN
            assert.equal(gateway.NetworkType, "public");
        });
    });
});
