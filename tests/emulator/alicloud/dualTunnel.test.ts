import assert from "node:assert/strict";
import * as $Vpc from "@alicloud/vpc20160428";
import { connectionParams, openApiClient, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

/** The two tunnels of a dual-tunnel create, flattened as the RPC form carries an array of objects. */
function tunnelParams(info: AlicloudHarness["info"], overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        "TunnelOptionsSpecification.1.Role": "master",
        "TunnelOptionsSpecification.1.CustomerGatewayId": info.customerGatewayIds[0],
        "TunnelOptionsSpecification.2.Role": "slave",
        "TunnelOptionsSpecification.2.CustomerGatewayId": info.customerGatewayIds[1],
        ...overrides,
    };
}

/** A valid dual-tunnel CreateVpnConnection request on the dual-tunnel fixture gateway. */
function dualParams(info: AlicloudHarness["info"], overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        VpnGatewayId: info.dualTunnelVpnGatewayIds[0],
        LocalSubnet: "10.0.0.0/24",
        RemoteSubnet: "192.168.0.0/24",
        ...tunnelParams(info),
        ...overrides,
    };
}

describe("Alibaba dual-tunnel connections (real pop-core and V2 SDK against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    async function createDual(overrides: Record<string, unknown> = {}): Promise<string> {
        const created = await h.call("CreateVpnConnection", dualParams(h.info, overrides));
        await h.settle();
        return created.VpnConnectionId as string;
    }

    const tunnelsOf = async (id: string) => (await h.call("DescribeVpnConnection", { VpnConnectionId: id })).TunnelOptionsSpecification.TunnelOptions;

    it("can list a dual-tunnel gateway with its two public IPs", async () => {
        // WHEN
        const gateway = await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.dualTunnelVpnGatewayIds[0] });
        // THEN
        assert.equal(h.info.dualTunnelVpnGatewayIds.length, 1);
        assert.ok(!h.info.vpnGatewayIds.includes(h.info.dualTunnelVpnGatewayIds[0]));
        assert.equal(gateway.InternetIp, "203.0.113.111");
        assert.equal(gateway.DisasterRecoveryInternetIp, "203.0.113.112");
        assert.match(gateway.DisasterRecoveryVSwitchId, /^vsw-/);
    });

    it("can keep the tags given at a dual-tunnel create", async () => {
        // GIVEN a dual-tunnel create with two tags
        const tags = { "Tags.1.Key": "env", "Tags.1.Value": "prod", "Tags.2.Key": "team", "Tags.2.Value": "network" };
        // WHEN created and described
        const id = await createDual(tags);
        const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        // THEN both tags are listed, as on a single-tunnel connection
        assert.deepEqual(connection.Tags.Tag, [{ Key: "env", Value: "prod" }, { Key: "team", Value: "network" }]);
    });

    it("can create a connection of a master and a slave tunnel with the documented defaults, string-typed in tunnels", async () => {
        // WHEN
        const id = await createDual();
        const connection = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        // THEN
        const [master, slave] = connection.TunnelOptionsSpecification.TunnelOptions;
        assert.equal(master.Role, "master");
        assert.equal(slave.Role, "slave");
        assert.match(master.TunnelId, /^tun-/);
        assert.notEqual(master.TunnelId, slave.TunnelId);
        assert.deepEqual([master.InternetIp, slave.InternetIp], ["203.0.113.111", "203.0.113.112"]);
        assert.deepEqual([master.CustomerGatewayId, slave.CustomerGatewayId], h.info.customerGatewayIds.slice(0, 2));
        assert.equal(typeof master.ZoneNo, "string");
        assert.notEqual(master.ZoneNo, slave.ZoneNo);
        assert.deepEqual([master.State, master.Status], ["active", "ipsec_sa_established"]);
        assert.equal(master.EnableDpd, "true");
        assert.equal(master.EnableNatTraversal, "true");
        const { Psk, ...ike } = master.TunnelIkeConfig;
        assert.match(Psk, /^[A-Za-z0-9]{16}$/);
        assert.notEqual(slave.TunnelIkeConfig.Psk, Psk);
        assert.deepEqual(ike, { IkeEncAlg: "aes", IkePfs: "group2", RemoteId: "198.51.100.21", IkeAuthAlg: "md5", IkeMode: "main", IkeLifetime: "86400", IkeVersion: "ikev1", LocalId: "203.0.113.111" });
        assert.equal(slave.TunnelIkeConfig.LocalId, "203.0.113.112");
        assert.deepEqual(master.TunnelIpsecConfig, { IpsecLifetime: "86400", IpsecAuthAlg: "md5", IpsecPfs: "group2", IpsecEncAlg: "aes" });
        assert.equal(connection.IkeConfig, undefined);
        assert.equal(connection.CustomerGatewayId, undefined);
        assert.equal(connection.State, "active");
    });

    it("can create with each tunnel's settings, slave listed first, and keep master first", async () => {
        // WHEN
        const id = await createDual({
            "TunnelOptionsSpecification.1.Role": "slave",
            "TunnelOptionsSpecification.2.Role": "master",
            "TunnelOptionsSpecification.2.EnableDpd": "false",
            "TunnelOptionsSpecification.2.TunnelIkeConfig.Psk": "Master-Psk-1",
            "TunnelOptionsSpecification.2.TunnelIkeConfig.IkeVersion": "ikev2",
            "TunnelOptionsSpecification.2.TunnelIkeConfig.IkeLifetime": "3600",
            "TunnelOptionsSpecification.1.TunnelIpsecConfig.IpsecPfs": "disabled",
        });
        // THEN
        const [master, slave] = await tunnelsOf(id);
        assert.equal(master.Role, "master");
        assert.equal(master.CustomerGatewayId, h.info.customerGatewayIds[1]);
        assert.equal(master.EnableDpd, "false");
        assert.equal(master.TunnelIkeConfig.Psk, "Master-Psk-1");
        assert.equal(master.TunnelIkeConfig.IkeVersion, "ikev2");
        assert.equal(master.TunnelIkeConfig.IkeLifetime, "3600");
        assert.equal(slave.TunnelIpsecConfig.IpsecPfs, "disabled");
        assert.equal(slave.EnableDpd, "true");
    });

    for (const [param, value] of [
        ["CustomerGatewayId", "cgw-emu00000000000001"],
        ["IkeConfig", '{"IkeVersion":"ikev2"}'],
        ["IpsecConfig", '{"IpsecEncAlg":"aes"}'],
        ["HealthCheckConfig", '{"enable":"false"}'],
        ["EnableDpd", "true"],
        ["EnableNatTraversal", "true"],
        ["BgpConfig", '{"EnableBgp":"false"}'],
    ] as const) {
        it(`fails when a dual-tunnel create also carries the single-tunnel ${param}, with 400 InvalidParameter naming it`, async () => {
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { [param]: value })), "InvalidParameter");
            // THEN
            assert.match(error.message, new RegExp(`\\b${param}\\b.*dual-tunnel`));
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });
    }

    it("fails when a single-tunnel create carries tunnel options or EnableTunnelsBgp, naming the parameter", async () => {
        // WHEN
        const tunnels = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, tunnelParams(h.info))), "InvalidParameter");
        const bgp = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { EnableTunnelsBgp: "true" })), "InvalidParameter");
        // THEN
        assert.match(tunnels.message, /"TunnelOptionsSpecification\.1\.\w+" is not valid: is not accepted by a VPN gateway in single-tunnel mode/);
        assert.match(bgp.message, /EnableTunnelsBgp/);
        assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
    });

    it("fails when a dual-tunnel create has no tunnels, one tunnel, or two of one role", async () => {
        // GIVEN
        const withoutTunnels = { VpnGatewayId: h.info.dualTunnelVpnGatewayIds[0], LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24" };
        const oneTunnel = { ...withoutTunnels, "TunnelOptionsSpecification.1.Role": "master", "TunnelOptionsSpecification.1.CustomerGatewayId": h.info.customerGatewayIds[0] };
        // WHEN
        const none = await rejectsWithCode(h.call("CreateVpnConnection", withoutTunnels), "MissingTunnelOptionsSpecification");
        const one = await rejectsWithCode(h.call("CreateVpnConnection", oneTunnel), "InvalidParameter");
        const twoMasters = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.Role": "master" })), "InvalidParameter");
        const third = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.3.Role": "slave" })), "InvalidParameter");
        // THEN
        assert.match(none.message, /TunnelOptionsSpecification is mandatory/);
        assert.match(one.message, /exactly two/);
        assert.match(twoMasters.message, /TunnelOptionsSpecification\.2\.Role/);
        assert.match(third.message, /TunnelOptionsSpecification\.3\.Role/);
    });

    it("fails when a tunnel's key, role, block value or customer gateway is not valid, naming the tunnel's parameter", async () => {
        // WHEN
        const noRole = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.Role": "" })), "MissingTunnelOptionsSpecification.2.Role");
        const role = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.1.Role": "primary" })), "InvalidParameter");
        const unknown = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.1.Colour": "red" })), "InvalidParameter");
        const enc = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.TunnelIkeConfig.IkeEncAlg": "rot13" })), "InvalidParameter");
        const dpd = await rejectsWithCode(h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.EnableDpd": "yes" })), "InvalidParameter");
        const noCgw = await rejectsWithCode(
            h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.CustomerGatewayId": "cgw-missing" })),
            "InvalidCustomerGatewayInstanceId.NotFound",
        );
        // THEN
        assert.match(role.message, /TunnelOptionsSpecification\.1\.Role.*master or slave/);
        assert.match(unknown.message, /TunnelOptionsSpecification\.1\.Colour.*TunnelIkeConfig/);
        assert.match(enc.message, /TunnelOptionsSpecification\.2\.TunnelIkeConfig\.IkeEncAlg.*aes/);
        assert.match(dpd.message, /TunnelOptionsSpecification\.2\.EnableDpd/);
        assert.ok(noCgw && noRole);
        assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
    });

    it("can modify one tunnel addressed by its TunnelId, leaving the other as it was", async () => {
        // GIVEN
        const id = await createDual();
        const [master, slave] = await tunnelsOf(id);
        // WHEN
        const answer = await h.call("ModifyVpnConnectionAttribute", {
            VpnConnectionId: id,
            Name: "dual",
            "TunnelOptionsSpecification.1.TunnelId": slave.TunnelId,
            "TunnelOptionsSpecification.1.EnableNatTraversal": "false",
            "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeEncAlg": "aes256",
            "TunnelOptionsSpecification.1.TunnelIpsecConfig.IpsecLifetime": "7200",
        });
        await h.settle();
        // THEN
        const [masterAfter, slaveAfter] = await tunnelsOf(id);
        assert.deepEqual(masterAfter, master);
        assert.equal(slaveAfter.EnableNatTraversal, "false");
        assert.equal(slaveAfter.TunnelIkeConfig.IkeEncAlg, "aes256");
        assert.equal(slaveAfter.TunnelIkeConfig.Psk, slave.TunnelIkeConfig.Psk);
        assert.equal(slaveAfter.TunnelIpsecConfig.IpsecLifetime, "7200");
        assert.equal(answer.Name, "dual");
        assert.equal(answer.TunnelOptionsSpecification.TunnelOptions[1].TunnelIkeConfig.IkeEncAlg, "aes256");
    });

    it("fails when a modify names no tunnel, an unknown tunnel, another role, a customer gateway or a single-tunnel parameter", async () => {
        // GIVEN
        const id = await createDual();
        const [master] = await tunnelsOf(id);
        const modify = (params: Record<string, unknown>) => h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, ...params });
        // WHEN
        const noId = await rejectsWithCode(modify({ "TunnelOptionsSpecification.1.EnableDpd": "false" }), "InvalidParameter");
        const unknownId = await rejectsWithCode(modify({ "TunnelOptionsSpecification.1.TunnelId": "tun-missing" }), "InvalidParameter");
        const swapped = await rejectsWithCode(modify({ "TunnelOptionsSpecification.1.TunnelId": master.TunnelId, "TunnelOptionsSpecification.1.Role": "slave" }), "InvalidParameter");
        const cgw = await rejectsWithCode(
            modify({ "TunnelOptionsSpecification.1.TunnelId": master.TunnelId, "TunnelOptionsSpecification.1.CustomerGatewayId": h.info.customerGatewayIds[2] }),
            "InvalidParameter",
        );
        const single = await rejectsWithCode(modify({ IkeConfig: '{"IkeVersion":"ikev2"}' }), "InvalidParameter");
        // THEN
        assert.match(noId.message, /TunnelOptionsSpecification\.1\.TunnelId/);
        assert.match(unknownId.message, /TunnelOptionsSpecification\.1\.TunnelId/);
        assert.match(swapped.message, /TunnelOptionsSpecification\.1\.Role/);
        assert.match(cgw.message, /TunnelOptionsSpecification\.1\.CustomerGatewayId/);
        assert.match(single.message, /IkeConfig.*dual-tunnel/);
        assert.deepEqual((await tunnelsOf(id))[0], master);
    });

    it("fails when a single-tunnel connection's modify carries tunnel options", async () => {
        // GIVEN
        const created = await h.call("CreateVpnConnection", connectionParams(h.info));
        await h.settle();
        // WHEN
        const error = await rejectsWithCode(
            h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: created.VpnConnectionId, "TunnelOptionsSpecification.1.TunnelId": "tun-x" }),
            "InvalidParameter",
        );
        // THEN
        assert.match(error.message, /TunnelOptionsSpecification\.1\.TunnelId.*single-tunnel/);
    });

    it("can be created, modified and read through the V2 SDK's own tunnel models", async () => {
        // GIVEN
        const vpc = openApiClient(h.info, "ACS3-HMAC-SHA256");
        const regionId = h.info.regionId;
        const tunnel = (role: string, customerGatewayId: string) =>
            new $Vpc.CreateVpnConnectionRequestTunnelOptionsSpecification({
                role,
                customerGatewayId,
                enableDpd: true,
                tunnelIkeConfig: new $Vpc.CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelIkeConfig({ psk: `Sdk-${role}-1`, ikeLifetime: 7200 }),
            });
        // WHEN
        const created = await vpc.createVpnConnection(
            new $Vpc.CreateVpnConnectionRequest({
                regionId,
                vpnGatewayId: h.info.dualTunnelVpnGatewayIds[0],
                localSubnet: "10.0.0.0/24",
                remoteSubnet: "192.168.0.0/24",
                tunnelOptionsSpecification: [tunnel("master", h.info.customerGatewayIds[0]), tunnel("slave", h.info.customerGatewayIds[1])],
            }),
        );
        const vpnConnectionId = created.body?.vpnConnectionId ?? "";
        await h.settle();
        const before = await vpc.describeVpnConnection(new $Vpc.DescribeVpnConnectionRequest({ regionId, vpnConnectionId }));
        const slaveId = before.body?.tunnelOptionsSpecification?.tunnelOptions?.[1]?.tunnelId ?? "";
        await vpc.modifyVpnConnectionAttribute(
            new $Vpc.ModifyVpnConnectionAttributeRequest({
                regionId,
                vpnConnectionId,
                tunnelOptionsSpecification: [
                    new $Vpc.ModifyVpnConnectionAttributeRequestTunnelOptionsSpecification({
                        tunnelId: slaveId,
                        tunnelIpsecConfig: new $Vpc.ModifyVpnConnectionAttributeRequestTunnelOptionsSpecificationTunnelIpsecConfig({ ipsecEncAlg: "aes192" }),
                    }),
                ],
            }),
        );
        await h.settle();
        const after = await vpc.describeVpnConnection(new $Vpc.DescribeVpnConnectionRequest({ regionId, vpnConnectionId }));
        // THEN
        const [master, slave] = after.body?.tunnelOptionsSpecification?.tunnelOptions ?? [];
        assert.equal(master.role, "master");
        assert.equal(master.tunnelIkeConfig?.psk, "Sdk-master-1");
        assert.equal(master.tunnelIkeConfig?.ikeLifetime, "7200");
        assert.equal(master.enableDpd, "true");
        assert.equal(slave.tunnelId, slaveId);
        assert.equal(slave.tunnelIpsecConfig?.ipsecEncAlg, "aes192");
        assert.equal(slave.zoneNo?.length ? true : false, true);
    });
    describe("control routes", () => {
        it("can patch one tunnel out of band, item by item, with every tunnel's PSK masked in the answer", async () => {
            // GIVEN
            const id = await createDual({ "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk": "Master-Psk-1" });
            // WHEN
            const view = await h.control.call<Record<string, any>>("PATCH", `/alicloud/connections/${id}`, {
                TunnelOptionsSpecification: { TunnelOptions: [{}, { EnableDpd: "false", TunnelIkeConfig: { IkeEncAlg: "aes256" } }] },
            });
            // THEN
            assert.deepEqual(view.TunnelOptionsSpecification.TunnelOptions.map((t: any) => t.TunnelIkeConfig.Psk), ["***", "***"]);
            const [master, slave] = await tunnelsOf(id);
            assert.equal(master.TunnelIkeConfig.Psk, "Master-Psk-1");
            assert.equal(master.EnableDpd, "true");
            assert.equal(slave.EnableDpd, "false");
            assert.equal(slave.TunnelIkeConfig.IkeEncAlg, "aes256");
        });

        it("fails when a patch changes a tunnel's TunnelId or Role, or lists more tunnels than there are", async () => {
            // GIVEN
            const id = await createDual();
            const patch = (tunnels: unknown) => h.control.call("PATCH", `/alicloud/connections/${id}`, { TunnelOptionsSpecification: { TunnelOptions: tunnels } });
            // WHEN / THEN
            await assert.rejects(patch([{ TunnelId: "tun-other" }]), { status: 400, message: /TunnelOptions\[0\]\.TunnelId/ });
            await assert.rejects(patch([{}, { Role: "master" }]), { status: 400, message: /TunnelOptions\[1\]\.Role/ });
            await assert.rejects(patch([{}, {}, {}]), { status: 400, message: /at most 2/ });
            assert.deepEqual((await tunnelsOf(id)).map((t: any) => t.Role), ["master", "slave"]);
        });
    });
});
