import assert from "node:assert/strict";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

describe("Alibaba control routes (/__emu/alicloud)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    describe("PATCH /connections/<id>", () => {
        it("can change a connection out of band, visible through Describe, without a transition or a counted call", async () => {
            // GIVEN
            const id = await createActiveConnection(h, { IkeConfig: JSON.stringify({ Psk: "Original-1" }) });
            const countersBefore = await h.control.counters();
            // WHEN
            const view = await h.control.call<Record<string, any>>("PATCH", `/alicloud/connections/${id}`, { Name: "x", IkeConfig: { IkeEncAlg: "aes256" }, LocalSubnet: "10.9.0.0/24" });
            // THEN
            assert.deepEqual(await h.control.counters(), countersBefore);
            assert.equal(view.IkeConfig.Psk, "***");
            const described = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            assert.equal(described.Name, "x");
            assert.equal(described.LocalSubnet, "10.9.0.0/24");
            assert.equal(described.IkeConfig.IkeEncAlg, "aes256");
            assert.equal(described.IkeConfig.Psk, "Original-1");
            assert.equal(described.State, "active");
        });

        it("can set the negotiation status", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            await h.control.call("POST", `/alicloud/connections/${id}`, { Status: "ike_sa_not_established" });
            // THEN
            assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).Status, "ike_sa_not_established");
        });

        it("can add a VpnBgpConfig to a connection that had none", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            await h.control.call("PATCH", `/alicloud/connections/${id}`, { VpnBgpConfig: { EnableBgp: "true" } });
            // THEN
            assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).VpnBgpConfig.EnableBgp, "true");
        });

        it("fails when the patch has an unknown key, an immutable key or another type, applying nothing", async () => {
            // GIVEN
            const id = await createActiveConnection(h, { Name: "kept" });
            const patch = (body: unknown) => h.control.call("PATCH", `/alicloud/connections/${id}`, body);
            // WHEN / THEN
            await assert.rejects(patch({ Name: "lost", Nme: "typo" }), { status: 400, message: /`Nme`/ });
            await assert.rejects(patch({ VpnGatewayId: "vpn-other" }), { status: 400, message: /`VpnGatewayId`/ });
            await assert.rejects(patch({ IkeConfig: { IkeLifetime: "86400" } }), { status: 400, message: /`IkeConfig.IkeLifetime` must be a number/ });
            await assert.rejects(patch({ EnableDpd: "false" }), { status: 400, message: /`EnableDpd` must be a boolean/ });
            assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).Name, "kept");
        });

        it("fails when the connection does not exist", async () => {
            // WHEN / THEN
            await assert.rejects(h.control.call("PATCH", "/alicloud/connections/vco-missing", { Name: "x" }), { status: 404, code: "NotFound" });
        });
    });

    describe("DELETE /connections/<id>", () => {
        it("can delete a connection out of band: NotFound for Describe, gone from lists, its ClientToken free", async () => {
            // GIVEN
            const id = await createActiveConnection(h, { ClientToken: "oob" });
            // WHEN
            await h.control.call("DELETE", `/alicloud/connections/${id}`);
            // THEN
            await rejectsWithCode(h.call("DescribeVpnConnection", { VpnConnectionId: id }), "InvalidVpnConnectionInstanceId.NotFound");
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
            const recreated = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "oob" }));
            assert.notEqual(recreated.VpnConnectionId, id);
        });
    });

    describe("POST /gateways/<id>/busy", () => {
        it("can keep a gateway updating so mutations fail with VpnGateway.Configuring until the time has passed", async () => {
            // GIVEN
            const gateway = h.info.vpnGatewayIds[0];
            // WHEN
            await h.control.call("POST", `/alicloud/gateways/${gateway}/busy`, { ms: 60_000 });
            // THEN
            assert.equal((await h.call("DescribeVpnGateway", { VpnGatewayId: gateway })).Status, "updating");
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info)), "VpnGateway.Configuring");
            await h.control.advanceClock(60_000);
            assert.match((await h.call("CreateVpnConnection", connectionParams(h.info))).VpnConnectionId, /^vco-/);
        });

        it("fails when the gateway does not exist or ms is not a non-negative integer", async () => {
            // WHEN / THEN
            await assert.rejects(h.control.call("POST", "/alicloud/gateways/vpn-missing/busy", { ms: 10 }), { status: 404 });
            await assert.rejects(h.control.call("POST", `/alicloud/gateways/${h.info.vpnGatewayIds[0]}/busy`, { ms: -1 }), { status: 400, message: /`ms`/ });
        });
    });

    describe("POST /settings", () => {
        it("can report the negotiation status as Status by default, as the SDK models and Terraform read it", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const described = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            const [listed] = (await h.call("DescribeVpnConnections")).VpnConnections.VpnConnection;
            // THEN
            assert.equal(described.Status, "ipsec_sa_established");
            assert.equal(described.status, undefined);
            assert.equal(listed.Status, "ipsec_sa_established");
            assert.deepEqual(await h.control.call("GET", "/alicloud/settings"), { statusKey: "Status", clientTokensOutliveConnections: false });
        });

        it("can switch the negotiation status key to the 2019 samples' status, and reset restores Status", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            await h.control.call("POST", "/alicloud/settings", { statusKey: "status" });
            // THEN
            const lower = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            assert.equal(lower.status, "ipsec_sa_established");
            assert.equal(lower.Status, undefined);
            const [listed] = (await h.call("DescribeVpnConnections")).VpnConnections.VpnConnection;
            assert.equal(listed.status, "ipsec_sa_established");
            await h.control.reset();
            assert.deepEqual(await h.control.call("GET", "/alicloud/settings"), { statusKey: "Status", clientTokensOutliveConnections: false });
        });

        it("fails when statusKey is neither status nor Status", async () => {
            // WHEN / THEN
            await assert.rejects(h.control.call("POST", "/alicloud/settings", { statusKey: "STATUS" }), { status: 400, message: /`statusKey`/ });
        });
    });
});
