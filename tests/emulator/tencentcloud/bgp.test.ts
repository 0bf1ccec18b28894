import assert from "node:assert/strict";
import { createRequest, sdkError, withTencentEmulator, type VpcClient, TRANSITION_MS, type TencentHarness } from "./support";

const bgpRequest = (overrides: Record<string, unknown> = {}) =>
    createRequest({
        RouteType: "Bgp",
        SecurityPolicyDatabases: undefined,
        BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" },
        ...overrides,
    });

describe("bgp", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
    });

    async function createdId(request: Record<string, unknown>): Promise<string> {
        await vpc.CreateVpnConnection(request as never);
        const found = await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-connection-name", Values: [String(request.VpnConnectionName)] }] });
        await h.control.advanceClock(TRANSITION_MS);
        return found.VpnConnectionSet![0].VpnConnectionId!;
    }

    it("can create a BGP tunnel and describe its peering with both ASNs", async () => {
        // WHEN
        const id = await createdId(bgpRequest());
        // THEN
        const [c] = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet!;
        assert.equal(c.RouteType, "Bgp");
        assert.deepEqual(c.BgpConfig, { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2", LocalBgpAsn: "64551", RemoteBgpAsn: "65001" });
    });

    it("fails when a BGP tunnel has no BgpConfig", async () => {
        // WHEN
        const e = await sdkError(vpc.CreateVpnConnection(bgpRequest({ BgpConfig: undefined }) as never));
        // THEN
        assert.equal(e.code, "MissingParameter");
        assert.match(e.message, /BgpConfig/);
    });

    it("fails when the tunnel CIDR is not a /30, with VpnConnBgpTunnelCidrMask", async () => {
        // WHEN
        const e = await sdkError(vpc.CreateVpnConnection(bgpRequest({ BgpConfig: { TunnelCidr: "169.254.10.0/29", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" } }) as never));
        // THEN
        assert.equal(e.code, "InvalidParameterValue.VpnConnBgpTunnelCidrMask");
    });

    it("fails when a BGP address lies outside the tunnel CIDR, with VpnConnBgpTunnelCidrNotSupported", async () => {
        // WHEN
        const e = await sdkError(vpc.CreateVpnConnection(bgpRequest({ BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.11.2" } }) as never));
        // THEN
        assert.equal(e.code, "InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported");
    });

    it("fails when a second BGP tunnel of the gateway overlaps the first's tunnel CIDR, with VpnConnBgpTunnelCidrConflict", async () => {
        // GIVEN a BGP tunnel on vpngw-emu0001
        await createdId(bgpRequest());
        // WHEN another tunnel of the same gateway uses the same /30
        const e = await sdkError(vpc.CreateVpnConnection(bgpRequest({ VpnConnectionName: "conn-b", CustomerGatewayId: "cgw-emu0002" }) as never));
        // THEN
        assert.equal(e.code, "InvalidParameterValue.VpnConnBgpTunnelCidrConflict");
        assert.match(e.message, /169\.254\.10\.0\/30/);
    });

    it("can use the same tunnel CIDR on another gateway", async () => {
        // GIVEN a BGP tunnel on vpngw-emu0001
        await createdId(bgpRequest());
        // WHEN
        const id = await createdId(bgpRequest({ VpnConnectionName: "conn-b", VpnGatewayId: "vpngw-emu0002" }));
        // THEN
        assert.match(id, /^vpnx-/);
    });

    it("fails when a modify moves a BGP tunnel onto another tunnel's CIDR", async () => {
        // GIVEN two BGP tunnels of one gateway
        await createdId(bgpRequest());
        const second = await createdId(bgpRequest({ VpnConnectionName: "conn-b", CustomerGatewayId: "cgw-emu0002", BgpConfig: { TunnelCidr: "169.254.20.0/30", LocalBgpIp: "169.254.20.1", RemoteBgpIp: "169.254.20.2" } }));
        // WHEN
        const e = await sdkError(
            vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: second, BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.2", RemoteBgpIp: "169.254.10.1" } }),
        );
        // THEN
        assert.equal(e.code, "InvalidParameterValue.VpnConnBgpTunnelCidrConflict");
    });

    it("can modify a BGP tunnel's own peering", async () => {
        // GIVEN
        const id = await createdId(bgpRequest());
        // WHEN
        await vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: id, BgpConfig: { TunnelCidr: "169.254.30.0/30", LocalBgpIp: "169.254.30.1", RemoteBgpIp: "169.254.30.2" } });
        await h.control.advanceClock(TRANSITION_MS);
        // THEN
        const [c] = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet!;
        assert.equal(c.BgpConfig!.TunnelCidr, "169.254.30.0/30");
    });

    it("fails when a static tunnel joins a gateway with a BGP tunnel, with VpnConnRouteTypeMixed", async () => {
        // GIVEN
        await createdId(bgpRequest());
        // WHEN
        const e = await sdkError(vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "conn-b", CustomerGatewayId: "cgw-emu0002" }) as never));
        // THEN
        assert.equal(e.code, "UnsupportedOperation.VpnConnRouteTypeMixed");
    });

    it("fails when a BGP tunnel joins a gateway with a static tunnel, with VpnConnRouteTypeMixed", async () => {
        // GIVEN
        await createdId(createRequest({ RouteType: "StaticRoute", SecurityPolicyDatabases: undefined }));
        // WHEN
        const e = await sdkError(vpc.CreateVpnConnection(bgpRequest({ VpnConnectionName: "conn-b", CustomerGatewayId: "cgw-emu0002" }) as never));
        // THEN
        assert.equal(e.code, "UnsupportedOperation.VpnConnRouteTypeMixed");
    });
});
