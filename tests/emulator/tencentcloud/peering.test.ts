import assert from "node:assert/strict";
import { tencentRequest, withPeeringEmulator } from "../peering/harness";
import type { PeeringHarness } from "../peering/harness";

describe("Tencent peering (negotiated NetStatus against the facing Alibaba connection)", () => {
    let h: PeeringHarness;
    withPeeringEmulator((harness) => (h = harness));

    it("can report NetStatus AVAILABLE when the facing Alibaba connection has compatible parameters", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createAlicloud(pair);
        // WHEN
        const id = await h.createTencent(pair);
        // THEN
        assert.equal(await h.tencentNetStatus(id), "AVAILABLE");
    });

    it("fails when no Alibaba connection faces it, reporting UNAVAILABLE", async () => {
        // WHEN
        const id = await h.createTencent(h.pairs[0]);
        // THEN
        assert.equal(await h.tencentNetStatus(id), "UNAVAILABLE");
    });

    it("fails when either phase cannot agree, reporting UNAVAILABLE", async () => {
        // GIVEN
        const [pair] = h.pairs;
        await h.createAlicloud(pair);
        // WHEN
        const ike = await h.createTencent(pair, { VpnConnectionName: "ike-mismatch", ike: { PropoEncryAlgorithm: "3DES-CBC" } });
        const ipsec = await h.createTencent(pair, { VpnConnectionName: "ipsec-mismatch", ipsec: { IPSECSaLifetimeSeconds: 14400 } });
        // THEN
        assert.deepEqual([await h.tencentNetStatus(ike), await h.tencentNetStatus(ipsec)], ["UNAVAILABLE", "UNAVAILABLE"]);
    });

    it("fails when the PSK is changed out of band on the Tencent side, bringing both ends down", async () => {
        // GIVEN
        const [pair] = h.pairs;
        const alicloudId = await h.createAlicloud(pair);
        const id = await h.createTencent(pair);
        assert.deepEqual([await h.tencentNetStatus(id), await h.alicloudStatus(alicloudId)], ["AVAILABLE", "ipsec_sa_established"]);
        // WHEN
        await h.ali.control.call("PATCH", `/tencentcloud/connections/${id}`, { PreShareKey: "changed-in-console" });
        // THEN
        assert.deepEqual([await h.tencentNetStatus(id), await h.alicloudStatus(alicloudId)], ["UNAVAILABLE", "ike_sa_not_established"]);
    });

    it("fails while the Tencent connection is still being created, and its counterpart with it", async () => {
        // GIVEN
        const [pair] = h.pairs;
        const alicloudId = await h.createAlicloud(pair);
        // WHEN
        await h.vpc.CreateVpnConnection(tencentRequest(pair, { local: "192.0.2.31", remote: "192.0.2.21" }) as never);
        // THEN
        assert.equal(await h.alicloudStatus(alicloudId), "ike_sa_not_established");
        await h.settle();
        assert.equal(await h.alicloudStatus(alicloudId), "ipsec_sa_established");
    });

    it("can keep the NetStatus override winning over the negotiation", async () => {
        // GIVEN
        const id = await h.createTencent(h.pairs[0]);
        // WHEN
        await h.ali.control.call("PATCH", `/tencentcloud/connections/${id}`, { NetStatus: "AVAILABLE" });
        // THEN
        assert.equal(await h.tencentNetStatus(id), "AVAILABLE");
    });

    it("can leave a connection off the pairs AVAILABLE as before", async () => {
        // WHEN a peering gateway with a customer gateway that does not face it
        const id = await h.createTencent(h.pairs[0], { CustomerGatewayId: "cgw-emu0001" });
        // THEN
        assert.equal(await h.tencentNetStatus(id), "AVAILABLE");
    });
});
