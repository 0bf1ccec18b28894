import assert from "node:assert/strict";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

describe("Alibaba actions (real pop-core against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    describe("CreateVpnConnection", () => {
        it("can create a connection and answer its id, creation time and name", async () => {
            // WHEN
            const created = await h.call("CreateVpnConnection", connectionParams(h.info, { Name: "office" }));
            // THEN
            assert.match(created.VpnConnectionId, /^vco-[a-z0-9]{21}$/);
            assert.equal(typeof created.CreateTime, "number");
            assert.equal(created.Name, "office");
            assert.deepEqual(Object.keys(created).sort(), ["CreateTime", "Name", "RequestId", "VpnConnectionId"]);
        });

        it("can apply the documented defaults, a random 16-character PSK and the gateways' IPs as IDs", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            // THEN
            const { Psk, ...ike } = connection.IkeConfig;
            assert.match(Psk, /^[A-Za-z0-9]{16}$/);
            assert.deepEqual(ike, { IkeEncAlg: "aes", IkePfs: "group2", RemoteId: "198.51.100.21", IkeAuthAlg: "md5", IkeMode: "main", IkeLifetime: 86400, IkeVersion: "ikev1", LocalId: "203.0.113.11" });
            assert.deepEqual(connection.IpsecConfig, { IpsecLifetime: 86400, IpsecAuthAlg: "md5", IpsecPfs: "group2", IpsecEncAlg: "aes" });
            assert.equal(connection.EffectImmediately, false);
            assert.equal(connection.EnableDpd, true);
            assert.equal(connection.EnableNatTraversal, true);
            assert.deepEqual(connection.VcoHealthCheck, { Dip: "", Enable: "false", Interval: 3, Retry: 3, Sip: "", Policy: "revoke_route", Status: "" });
            assert.equal(connection.VpnBgpConfig, undefined);
        });

        it("can store every given setting and return it typed as documented", async () => {
            // GIVEN
            const params = connectionParams(h.info, {
                EffectImmediately: true,
                EnableDpd: false,
                EnableNatTraversal: false,
                IkeConfig: JSON.stringify({ Psk: "Given-Psk_1", IkeVersion: "ikev2", IkeEncAlg: "aes256", IkeAuthAlg: "sha256", IkePfs: "group14", IkeLifetime: 3600, LocalId: "local.example", RemoteId: "remote.example", IkeMode: "aggressive" }),
                IpsecConfig: JSON.stringify({ IpsecEncAlg: "3des", IpsecAuthAlg: "sha1", IpsecPfs: "disabled", IpsecLifetime: "1800" }),
                HealthCheckConfig: JSON.stringify({ enable: "true", dip: "10.0.0.1", sip: "192.168.0.1", interval: "5", retry: "4" }),
                BgpConfig: JSON.stringify({ EnableBgp: "true", LocalAsn: "65010", TunnelCidr: "169.254.11.0/30", LocalBgpIp: "169.254.11.1" }),
            });
            const created = await h.call("CreateVpnConnection", params);
            // WHEN
            const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: created.VpnConnectionId });
            // THEN
            assert.equal(connection.EffectImmediately, true);
            assert.equal(connection.EnableDpd, false);
            assert.equal(connection.EnableNatTraversal, false);
            assert.deepEqual(connection.IkeConfig, { IkeEncAlg: "aes256", IkePfs: "group14", RemoteId: "remote.example", IkeAuthAlg: "sha256", Psk: "Given-Psk_1", IkeMode: "aggressive", IkeLifetime: 3600, IkeVersion: "ikev2", LocalId: "local.example" });
            assert.deepEqual(connection.IpsecConfig, { IpsecLifetime: 1800, IpsecAuthAlg: "sha1", IpsecPfs: "disabled", IpsecEncAlg: "3des" });
            assert.deepEqual(connection.VcoHealthCheck, { Dip: "10.0.0.1", Enable: "true", Interval: 5, Retry: 4, Sip: "192.168.0.1", Policy: "revoke_route", Status: "success" });
            assert.deepEqual(connection.VpnBgpConfig, { EnableBgp: "true", LocalAsn: 65010, TunnelCidr: "169.254.11.0/30", LocalBgpIp: "169.254.11.1", PeerAsn: 65101, PeerBgpIp: "169.254.11.2", Status: "success" });
        });

        it("fails when the VPN gateway does not exist, with 404 InvalidVpnGatewayInstanceId.NotFound", async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: "vpn-missing" })), "InvalidVpnGatewayInstanceId.NotFound");
            // THEN
            assert.equal(error.entry?.response.statusCode, 404);
        });

        it("fails when the customer gateway does not exist, with 404 InvalidCustomerGatewayInstanceId.NotFound", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { CustomerGatewayId: "cgw-missing" })), "InvalidCustomerGatewayInstanceId.NotFound");
        });

        it("fails when the region is not the emulator's", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { RegionId: "cn-shanghai" })), "InvalidRegionId.NotFound");
        });

        it("fails when a config block arrives as pop-core's [object Object]", async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { IkeConfig: { Psk: "x" } })), "InvalidParameter");
            // THEN
            assert.match(error.message, /"IkeConfig"/);
            assert.deepEqual((await h.control.state<any>()).alicloud.connections, []);
        });

        it("fails when a subnet is malformed, with the documented code and message", async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { RemoteSubnet: "192.168.0.0" })), "IllegalParam.RemoteSubnet");
            // THEN
            assert.match(error.message, /^The specified "RemoteSubnet" \(192\.168\.0\.0\) is invalid/);
        });

        it("fails when the gateway is updating, then succeeds once transitionMs has passed", async () => {
            // GIVEN a create leaves the gateway updating for 40 ms
            await h.call("CreateVpnConnection", connectionParams(h.info));
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info)), "VpnGateway.Configuring");
            // THEN
            assert.equal(error.entry?.response.statusCode, 400);
            assert.equal(error.data?.Message, "The specified service is configuring. Try again later");
            let status = "updating";
            for (let attempt = 0; attempt < 100 && status === "updating"; attempt++) {
                await new Promise((resolve) => setTimeout(resolve, 10));
                status = (await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] })).Status;
            }
            assert.equal(status, "active");
            const second = await h.call("CreateVpnConnection", connectionParams(h.info));
            assert.match(second.VpnConnectionId, /^vco-/);
        });

        it("can create on another gateway while one is updating", async () => {
            // GIVEN
            await h.call("CreateVpnConnection", connectionParams(h.info));
            // WHEN
            const other = await h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: h.info.vpnGatewayIds[1] }));
            // THEN
            assert.match(other.VpnConnectionId, /^vco-/);
        });

        it("can return the same connection for a repeated ClientToken, without a second one or a new transition", async () => {
            // GIVEN
            const first = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-1" }));
            await h.settle();
            // WHEN the same request is retried (the gateway is active again)
            const retried = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-1" }));
            // THEN
            assert.equal(retried.VpnConnectionId, first.VpnConnectionId);
            assert.equal(retried.CreateTime, first.CreateTime);
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 1);
            assert.equal((await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] })).Status, "active");
        });

        it("can return the same connection for a repeated ClientToken even while the gateway is updating", async () => {
            // GIVEN
            const first = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-2" }));
            // WHEN
            const retried = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-2" }));
            // THEN
            assert.equal(retried.VpnConnectionId, first.VpnConnectionId);
        });

        it("can reuse a ClientToken once its connection is deleted", async () => {
            // GIVEN
            const first = await createActiveConnection(h, { ClientToken: "token-3" });
            await h.call("DeleteVpnConnection", { VpnConnectionId: first });
            await h.settle();
            // WHEN
            const second = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-3" }));
            // THEN
            assert.notEqual(second.VpnConnectionId, first);
        });

        it("can answer a deleted connection's ClientToken with that connection when tokens outlive connections", async () => {
            // GIVEN a cloud that keeps tokens bound past deletion, and a deleted connection
            await h.control.call("POST", "/alicloud/settings", { clientTokensOutliveConnections: true });
            const first = await createActiveConnection(h, { ClientToken: "token-4" });
            await h.call("DeleteVpnConnection", { VpnConnectionId: first });
            await h.settle();
            // WHEN the token is sent again
            const replayed = await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "token-4" }));
            // THEN the answer names the deleted connection and nothing is created
            assert.equal(replayed.VpnConnectionId, first);
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });

        it("fails when the gateway's connection quota is full, with Resource.QuotaFull", async () => {
            // GIVEN
            await h.control.settings({ connectionQuotaPerGateway: 1 });
            await createActiveConnection(h);
            // WHEN / THEN
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info)), "Resource.QuotaFull");
        });

        it("fails when DryRun is set, with DryRunOperation and nothing created", async () => {
            // WHEN
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { DryRun: true })), "DryRunOperation");
            // THEN
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });

        it("fails when a BGP tunnel CIDR is already used on the gateway", async () => {
            // GIVEN
            const bgp = JSON.stringify({ EnableBgp: "true", TunnelCidr: "169.254.20.0/30", LocalBgpIp: "169.254.20.1" });
            await createActiveConnection(h, { BgpConfig: bgp });
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { BgpConfig: bgp })), "InvalidParameter");
            // THEN
            assert.match(error.message, /BgpConfig\.TunnelCidr/);
        });
    });

    describe("DescribeVpnConnections", () => {
        it("can filter by VpnConnectionId, VpnGatewayId and CustomerGatewayId, combined with AND", async () => {
            // GIVEN three connections on different gateways / customer gateways
            const [gw1, gw2] = h.info.vpnGatewayIds;
            const [cgw1, cgw2] = h.info.customerGatewayIds;
            const a = (await h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: gw1, CustomerGatewayId: cgw1 }))).VpnConnectionId;
            const b = (await h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: gw2, CustomerGatewayId: cgw1 }))).VpnConnectionId;
            await h.settle();
            const c = (await h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: gw2, CustomerGatewayId: cgw2 }))).VpnConnectionId;
            const ids = async (filter: Record<string, string>) => (await h.call("DescribeVpnConnections", filter)).VpnConnections.VpnConnection.map((x: { VpnConnectionId: string }) => x.VpnConnectionId);
            // WHEN / THEN
            assert.deepEqual(await ids({ VpnConnectionId: b }), [b]);
            assert.deepEqual(await ids({ VpnGatewayId: gw2 }), [b, c]);
            assert.deepEqual(await ids({ CustomerGatewayId: cgw1 }), [a, b]);
            assert.deepEqual(await ids({ VpnGatewayId: gw2, CustomerGatewayId: cgw1 }), [b]);
            assert.deepEqual(await ids({ VpnConnectionId: "vco-unknown" }), []);
        });

        it("fails when PageSize is outside 1–50", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("DescribeVpnConnections", { PageSize: 51 }), "InvalidParameter");
            await rejectsWithCode(h.call("DescribeVpnConnections", { PageSize: 0 }), "InvalidParameter");
        });

        it("fails when RegionId is missing", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.client().request("DescribeVpnConnections", {}, { method: "POST" }), "MissingRegionId");
        });
    });

    describe("DescribeVpnConnection", () => {
        it("fails when the connection does not exist, with 404 InvalidVpnConnectionInstanceId.NotFound", async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("DescribeVpnConnection", { VpnConnectionId: "vco-missing" }), "InvalidVpnConnectionInstanceId.NotFound");
            // THEN
            assert.equal(error.entry?.response.statusCode, 404);
        });

        it("fails when VpnConnectionId is missing", async () => {
            // WHEN / THEN
            await rejectsWithCode(h.call("DescribeVpnConnection"), "MissingVpnConnectionId");
        });
    });

    describe("DeleteVpnConnection", () => {
        it("can delete asynchronously: listed as updating until the transition ends, then NotFound everywhere", async () => {
            // GIVEN
            const id = await createActiveConnection(h);
            // WHEN
            const deleted = await h.call("DeleteVpnConnection", { VpnConnectionId: id });
            // THEN
            assert.deepEqual(Object.keys(deleted), ["RequestId"]);
            assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).State, "updating");
            assert.equal((await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] })).Status, "updating");
            await h.settle();
            await rejectsWithCode(h.call("DescribeVpnConnection", { VpnConnectionId: id }), "InvalidVpnConnectionInstanceId.NotFound");
            assert.deepEqual((await h.call("DescribeVpnConnections", { VpnConnectionId: id })).VpnConnections.VpnConnection, []);
            await rejectsWithCode(h.call("DeleteVpnConnection", { VpnConnectionId: id }), "InvalidVpnConnectionInstanceId.NotFound");
            await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24" }), "InvalidVpnConnectionInstanceId.NotFound");
        });

        it("fails when the gateway is updating, with VpnGateway.Configuring", async () => {
            // GIVEN
            const { VpnConnectionId } = await h.call("CreateVpnConnection", connectionParams(h.info));
            // WHEN / THEN
            await rejectsWithCode(h.call("DeleteVpnConnection", { VpnConnectionId }), "VpnGateway.Configuring");
        });
    });

    describe("DescribeVpnGateway(s) and DescribeCustomerGateways", () => {
        it("can list the fixture VPN gateways, active, and filter by VpnGatewayId", async () => {
            // WHEN
            const all = await h.call("DescribeVpnGateways");
            const one = await h.call("DescribeVpnGateways", { VpnGatewayId: h.info.vpnGatewayIds[2] });
            // THEN
            assert.deepEqual([all.TotalCount, all.PageNumber, all.PageSize], [6, 1, 10]);
            const [gateway] = one.VpnGateways.VpnGateway;
            assert.equal(one.TotalCount, 1);
            assert.equal(gateway.VpnGatewayId, h.info.vpnGatewayIds[2]);
            assert.equal(gateway.Status, "active");
            assert.match(gateway.InternetIp, /^203\.0\.113\.\d+$/);
            assert.match(gateway.VpcId, /^vpc-/);
            assert.equal(typeof gateway.Name, "string");
        });

        it("can describe one VPN gateway, and fail with 404 for an unknown one", async () => {
            // WHEN
            const gateway = await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] });
            // THEN
            assert.equal(gateway.InternetIp, "203.0.113.11");
            const error = await rejectsWithCode(h.call("DescribeVpnGateway", { VpnGatewayId: "vpn-missing" }), "InvalidVpnGatewayInstanceId.NotFound");
            assert.equal(error.entry?.response.statusCode, 404);
        });

        it("can list customer gateways and filter by CustomerGatewayId", async () => {
            // WHEN
            const all = await h.call("DescribeCustomerGateways");
            const one = await h.call("DescribeCustomerGateways", { CustomerGatewayId: h.info.customerGatewayIds[1] });
            // THEN
            assert.equal(all.TotalCount, 6);
            assert.deepEqual(
                one.CustomerGateways.CustomerGateway.map((c: Record<string, unknown>) => [c.CustomerGatewayId, c.IpAddress, typeof c.Name]),
                [[h.info.customerGatewayIds[1], "198.51.100.22", "string"]],
            );
        });
    });
});
