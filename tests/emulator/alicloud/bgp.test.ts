import assert from "node:assert/strict";
import { peerAddressOf, withPeer } from "../../../emulator/alicloud/bgp";
import { EMPTY_BGP_CONFIG } from "../../../emulator/alicloud/model";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

describe("Alibaba BGP peer (emulator/alicloud/bgp)", () => {
    it("can derive the peer address as the other host of the /30", () => {
        // WHEN / THEN
        assert.equal(peerAddressOf("169.254.11.0/30", "169.254.11.1"), "169.254.11.2");
        assert.equal(peerAddressOf("169.254.11.0/30", "169.254.11.2"), "169.254.11.1");
    });

    it("can report no peer address for a network or broadcast address, or a block that is not a /30", () => {
        // WHEN / THEN
        assert.equal(peerAddressOf("169.254.11.0/30", "169.254.11.0"), "");
        assert.equal(peerAddressOf("169.254.11.0/30", "169.254.11.3"), "");
        assert.equal(peerAddressOf("169.254.11.0/29", "169.254.11.1"), "");
        assert.equal(peerAddressOf("", ""), "");
    });

    it("can leave the peer out while BGP is disabled", () => {
        // GIVEN a configured but disabled BGP block
        const view = { ...EMPTY_BGP_CONFIG, TunnelCidr: "169.254.11.0/30", LocalBgpIp: "169.254.11.1" };
        // WHEN
        const out = withPeer(view, 65101);
        // THEN
        assert.deepEqual([out.PeerAsn, out.PeerBgpIp, out.Status], [undefined, "", ""]);
    });
});

describe("Alibaba BGP through the actions (real pop-core against the emulator)", () => {
    let h: AlicloudHarness;
    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    const bgp = (config: Record<string, unknown>) => JSON.stringify({ EnableBgp: "true", TunnelCidr: "169.254.30.0/30", LocalBgpIp: "169.254.30.1", ...config });

    it("can describe the peer's ASN (the customer gateway's) and address, with the default LocalAsn 45104", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { BgpConfig: bgp({}) });
        // WHEN
        const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        // THEN
        assert.deepEqual(connection.VpnBgpConfig, { EnableBgp: "true", LocalAsn: 45104, TunnelCidr: "169.254.30.0/30", LocalBgpIp: "169.254.30.1", PeerAsn: 65101, PeerBgpIp: "169.254.30.2", Status: "success" });
    });

    it("can change the tunnel CIDR and local address with ModifyVpnConnectionAttribute, the peer following", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { BgpConfig: bgp({}) });
        // WHEN
        const modified = await h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, BgpConfig: bgp({ TunnelCidr: "169.254.31.0/30", LocalBgpIp: "169.254.31.2", LocalAsn: "65010" }) });
        // THEN the full post-change object says so
        assert.deepEqual(
            [modified.VpnBgpConfig.TunnelCidr, modified.VpnBgpConfig.LocalBgpIp, modified.VpnBgpConfig.PeerBgpIp, modified.VpnBgpConfig.LocalAsn],
            ["169.254.31.0/30", "169.254.31.2", "169.254.31.1", 65010],
        );
    });

    for (const [what, config, pattern] of [
        ["a reserved tunnel CIDR", { TunnelCidr: "169.254.6.0/30", LocalBgpIp: "169.254.6.1" }, /BgpConfig\.TunnelCidr.*reserved/],
        ["the last reserved tunnel CIDR", { TunnelCidr: "169.254.169.252/30", LocalBgpIp: "169.254.169.253" }, /BgpConfig\.TunnelCidr.*reserved/],
        ["a tunnel CIDR that is a /29", { TunnelCidr: "169.254.30.0/29" }, /BgpConfig\.TunnelCidr.*\/30/],
        ["a tunnel CIDR outside 169.254.0.0/16", { TunnelCidr: "10.0.0.0/30", LocalBgpIp: "10.0.0.1" }, /BgpConfig\.TunnelCidr.*169\.254\.0\.0\/16/],
        ["a local BGP address outside the tunnel CIDR", { LocalBgpIp: "169.254.99.1" }, /BgpConfig\.LocalBgpIp.*inside/],
        ["a LocalAsn of 0", { LocalAsn: "0" }, /BgpConfig\.LocalAsn/],
        ["a LocalAsn beyond 4294967295", { LocalAsn: "4294967296" }, /BgpConfig\.LocalAsn/],
        ["an a.b LocalAsn with b beyond 65535", { LocalAsn: "1.65536" }, /BgpConfig\.LocalAsn/],
    ] as const) {
        it(`fails when BgpConfig has ${what}, naming the key`, async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { BgpConfig: bgp(config) })), "InvalidParameter");
            // THEN nothing is created
            assert.match(error.message, pattern);
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });
    }

    it("can accept the documented a.b LocalAsn (123.456 = 8061384)", async () => {
        // WHEN
        const id = await createActiveConnection(h, { BgpConfig: bgp({ LocalAsn: "123.456" }) });
        // THEN
        assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).VpnBgpConfig.LocalAsn, 8061384);
    });

    it("can use one tunnel CIDR on two gateways", async () => {
        // GIVEN
        await createActiveConnection(h, { BgpConfig: bgp({}) });
        // WHEN
        const other = await createActiveConnection(h, { VpnGatewayId: h.info.vpnGatewayIds[1], BgpConfig: bgp({}) });
        // THEN
        assert.match(other, /^vco-/);
    });
});
