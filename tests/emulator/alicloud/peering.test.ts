import assert from "node:assert/strict";
import { ALICLOUD_IKE, ALICLOUD_IPSEC, withPeeringEmulator } from "../peering/harness";
import type { PeeringHarness } from "../peering/harness";

/** Flattened tunnel parameters of a dual-tunnel create on the pairs of the dual-tunnel gateway (master, slave). */
function dualTunnelParams(h: PeeringHarness): Record<string, unknown> {
    const [, master, slave] = h.pairs;
    const tunnel = (n: number, role: string, customerGatewayId: string) => ({
        [`TunnelOptionsSpecification.${n}.Role`]: role,
        [`TunnelOptionsSpecification.${n}.CustomerGatewayId`]: customerGatewayId,
        [`TunnelOptionsSpecification.${n}.TunnelIkeConfig`]: JSON.stringify(ALICLOUD_IKE),
        [`TunnelOptionsSpecification.${n}.TunnelIpsecConfig`]: JSON.stringify(ALICLOUD_IPSEC),
    });
    return {
        VpnGatewayId: master.alicloud.vpnGatewayId,
        LocalSubnet: "10.20.0.0/16",
        RemoteSubnet: "10.1.0.0/16",
        ...tunnel(1, "master", master.alicloud.customerGatewayId),
        ...tunnel(2, "slave", slave.alicloud.customerGatewayId),
    };
}

describe("Alibaba peering (negotiated Status against the facing Tencent connection)", () => {
    let h: PeeringHarness;
    withPeeringEmulator((harness) => (h = harness));

    it("can report ipsec_sa_established when the facing Tencent connection has compatible parameters", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair);
        // WHEN
        const id = await h.createAlicloud(pair);
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_established");
        const [listed] = (await h.ali.call("DescribeVpnConnections", { VpnGatewayId: pair.alicloud.vpnGatewayId })).VpnConnections.VpnConnection;
        assert.equal(listed.Status, "ipsec_sa_established");
    });

    it("fails when no Tencent connection faces it, reporting ike_sa_not_established", async () => {
        // WHEN
        const id = await h.createAlicloud(h.pairs[0]);
        // THEN
        assert.equal(await h.alicloudStatus(id), "ike_sa_not_established");
    });

    it("fails when IKE phase 1 cannot agree on the version, reporting ike_sa_not_established", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair, { ike: { IKEVersion: "IKEV1" } });
        // WHEN
        const id = await h.createAlicloud(pair);
        // THEN
        assert.equal(await h.alicloudStatus(id), "ike_sa_not_established");
    });

    it("fails when the pre-shared keys differ, reporting ike_sa_not_established", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair, { PreShareKey: "another-key" });
        // WHEN
        const id = await h.createAlicloud(pair);
        // THEN
        assert.equal(await h.alicloudStatus(id), "ike_sa_not_established");
    });

    it("fails when phase 2 cannot agree on PFS, reporting ipsec_sa_not_established", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair, { ipsec: { PfsDhGroup: "NULL" } });
        // WHEN
        const id = await h.createAlicloud(pair);
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_not_established");
    });

    it("fails when the subnets are not mirror images, reporting ipsec_sa_not_established", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair);
        // WHEN
        const id = await h.createAlicloud(pair, { LocalSubnet: "10.30.0.0/16" });
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_not_established");
    });

    it("can renegotiate when a modify makes the two sides agree", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createTencent(pair);
        const id = await h.createAlicloud(pair, { ike: { IkeAuthAlg: "sha1" } });
        assert.equal(await h.alicloudStatus(id), "ike_sa_not_established");
        // WHEN
        await h.ali.call("ModifyVpnConnectionAttribute", {
            VpnConnectionId: id,
            LocalSubnet: "10.20.0.0/16",
            RemoteSubnet: "10.1.0.0/16",
            IkeConfig: JSON.stringify(ALICLOUD_IKE),
        });
        await h.settle();
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_established");
    });

    it("fails when the PSK is changed out of band on the Alibaba side, bringing both ends down", async () => {
        // GIVEN
        const [pair] = h.pairs;
        const tencentId = await h.createTencent(pair);
        const id = await h.createAlicloud(pair);
        assert.deepEqual([await h.alicloudStatus(id), await h.tencentNetStatus(tencentId)], ["ipsec_sa_established", "AVAILABLE"]);
        // WHEN
        await h.ali.control.call("PATCH", `/alicloud/connections/${id}`, { IkeConfig: { Psk: "changed-in-console" } });
        // THEN
        assert.deepEqual([await h.alicloudStatus(id), await h.tencentNetStatus(tencentId)], ["ike_sa_not_established", "UNAVAILABLE"]);
    });

    it("can keep the status override winning over the negotiation", async () => {
        // GIVEN
        const [pair] = h.pairs;
        const id = await h.createAlicloud(pair);
        // WHEN
        await h.ali.control.call("PATCH", `/alicloud/connections/${id}`, { Status: "ipsec_sa_established" });
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_established");
    });

    it("can leave a connection off the pairs established as before, on a peering gateway too", async () => {
        // GIVEN a customer gateway that does not face the gateway
        const [pair] = h.pairs;
        // WHEN
        const id = await h.createAlicloud(pair, { CustomerGatewayId: h.ali.info.customerGatewayIds[0] });
        // THEN
        assert.equal(await h.alicloudStatus(id), "ipsec_sa_established");
    });

    it("can report each tunnel of a dual-tunnel connection against its own facing Tencent connection", async () => {
        // GIVEN only the master tunnel has a counterpart
        const [, masterPair, slavePair] = h.pairs;
        const tencentMaster = await h.createTencent(masterPair);
        const created = await h.ali.call("CreateVpnConnection", dualTunnelParams(h));
        await h.settle();
        const describe = async () => (await h.ali.call("DescribeVpnConnection", { VpnConnectionId: created.VpnConnectionId })).TunnelOptionsSpecification.TunnelOptions;
        const before = (await describe()).map((t: { Role: string; Status: string }) => [t.Role, t.Status]);
        // WHEN the slave's counterpart appears
        await h.createTencent(slavePair);
        const after = (await describe()).map((t: { Role: string; Status: string }) => [t.Role, t.Status]);
        // THEN
        assert.deepEqual(before, [["master", "ipsec_sa_established"], ["slave", "ike_sa_not_established"]]);
        assert.deepEqual(after, [["master", "ipsec_sa_established"], ["slave", "ipsec_sa_established"]]);
        assert.equal(await h.tencentNetStatus(tencentMaster), "AVAILABLE");
    });
});
