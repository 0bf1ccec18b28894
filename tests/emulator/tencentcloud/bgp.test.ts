import assert from "node:assert/strict";
import { checkBgpAsns } from "../../../emulator/tencentcloud/bgp";
import type { ConnectionAttributes } from "../../../emulator/tencentcloud/model";
import { createRequest, sdkError, thrownTencentError, withTencentEmulator, type VpcClient, TRANSITION_MS, type TencentHarness } from "./support";

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

describe("checkBgpAsns", () => {
    const attrs = (customerGatewayId: string, routeType = "Bgp") => ({ VpnGatewayId: "vpngw-1", CustomerGatewayId: customerGatewayId, RouteType: routeType }) as ConnectionAttributes;
    const gateway = { vpnGatewayId: "vpngw-1", bgpAsn: 64551 };
    const asns: Record<string, number> = { "cgw-1": 65001, "cgw-2": 65001, "cgw-3": 64551 };
    const asnOf = (id: string) => asns[id];

    it("can accept a BGP tunnel whose customer gateway's ASN is its own", () => {
        // GIVEN another BGP tunnel of the gateway whose peer has another ASN, and one on another gateway with the same ASN
        const others = [{ id: "vpnx-1", attrs: attrs("cgw-3") }, { id: "vpnx-2", attrs: { ...attrs("cgw-2"), VpnGatewayId: "vpngw-2" } }];
        // WHEN / THEN nothing is thrown
        checkBgpAsns(attrs("cgw-1"), gateway, { customerGatewayId: "cgw-1", bgpAsn: 65001 }, others, asnOf);
    });

    it("fails when the customer gateway's ASN is the VPN gateway's, with VpnUnsupportedBgpAsnEqual", () => {
        // WHEN
        const e = thrownTencentError(() => checkBgpAsns(attrs("cgw-3"), gateway, { customerGatewayId: "cgw-3", bgpAsn: 64551 }, [], asnOf));
        // THEN
        assert.equal(e.code, "UnsupportedOperation.VpnUnsupportedBgpAsnEqual");
    });

    it("fails when another BGP tunnel's peer has the same ASN, with VpnUnsupportedBgpAsnEqual", () => {
        // GIVEN a BGP tunnel to cgw-1 (ASN 65001)
        const others = [{ id: "vpnx-1", attrs: attrs("cgw-1") }];
        // WHEN a BGP tunnel to cgw-2, also ASN 65001, is added
        const e = thrownTencentError(() => checkBgpAsns(attrs("cgw-2"), gateway, { customerGatewayId: "cgw-2", bgpAsn: 65001 }, others, asnOf));
        // THEN
        assert.equal(e.code, "UnsupportedOperation.VpnUnsupportedBgpAsnEqual");
    });

    it("fails when the VPN gateway has no BGP ASN, with VpnUnsupportedNotExistBgpAsn", () => {
        // WHEN
        const e = thrownTencentError(() => checkBgpAsns(attrs("cgw-1"), { vpnGatewayId: "vpngw-1", bgpAsn: 0 }, { customerGatewayId: "cgw-1", bgpAsn: 65001 }, [], asnOf));
        // THEN
        assert.equal(e.code, "UnsupportedOperation.VpnUnsupportedNotExistBgpAsn");
    });

    it("can ignore ASNs on tunnels that do not route by BGP", () => {
        // WHEN / THEN nothing is thrown for a static tunnel to a peer with the gateway's ASN
        checkBgpAsns(attrs("cgw-3", "STATIC"), gateway, { customerGatewayId: "cgw-3", bgpAsn: 64551 }, [], asnOf);
    });
});
