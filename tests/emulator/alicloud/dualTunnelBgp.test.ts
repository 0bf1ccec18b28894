import assert from "node:assert/strict";
import { connectionParams, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

const MASTER_BGP = {
    "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn": "65010",
    "TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr": "169.254.10.0/30",
    "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp": "169.254.10.1",
};
const SLAVE_BGP = {
    "TunnelOptionsSpecification.2.TunnelBgpConfig.LocalAsn": "65010",
    "TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr": "169.254.11.0/30",
    "TunnelOptionsSpecification.2.TunnelBgpConfig.LocalBgpIp": "169.254.11.2",
};

/** A valid dual-tunnel CreateVpnConnection request (master and slave on the fixture customer gateways). */
function dualParams(info: AlicloudHarness["info"], overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        VpnGatewayId: info.dualTunnelVpnGatewayIds[0],
        LocalSubnet: "10.0.0.0/24",
        RemoteSubnet: "192.168.0.0/24",
        "TunnelOptionsSpecification.1.Role": "master",
        "TunnelOptionsSpecification.1.CustomerGatewayId": info.customerGatewayIds[0],
        "TunnelOptionsSpecification.2.Role": "slave",
        "TunnelOptionsSpecification.2.CustomerGatewayId": info.customerGatewayIds[1],
        ...overrides,
    };
}

describe("Alibaba dual-tunnel BGP (TunnelBgpConfig, EnableTunnelsBgp) against the emulator", () => {
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
    const describe1 = (id: string) => h.call("DescribeVpnConnection", { VpnConnectionId: id });

    it("can create both tunnels with BGP on and describe each TunnelBgpConfig with its peer, all strings", async () => {
        // GIVEN the customer gateways' ASNs
        const gateways = await h.call("DescribeCustomerGateways");
        const asnOf = (id: string) => gateways.CustomerGateways.CustomerGateway.find((g: { CustomerGatewayId: string }) => g.CustomerGatewayId === id).Asn;
        // WHEN
        const id = await createDual({ EnableTunnelsBgp: "true", ...MASTER_BGP, ...SLAVE_BGP });
        const connection = await describe1(id);
        // THEN
        assert.equal(connection.EnableTunnelsBgp, true);
        const [master, slave] = connection.TunnelOptionsSpecification.TunnelOptions;
        assert.deepEqual(master.TunnelBgpConfig, {
            LocalAsn: "65010",
            TunnelCidr: "169.254.10.0/30",
            LocalBgpIp: "169.254.10.1",
            PeerAsn: String(asnOf(h.info.customerGatewayIds[0])),
            PeerBgpIp: "169.254.10.2",
            BgpStatus: "success",
        });
        assert.deepEqual([slave.TunnelBgpConfig.TunnelCidr, slave.TunnelBgpConfig.PeerBgpIp, slave.TunnelBgpConfig.BgpStatus], ["169.254.11.0/30", "169.254.11.1", "success"]);
    });

    it("can keep BGP off (EnableTunnelsBgp default false) while the blocks are configured, with no peer", async () => {
        // WHEN
        const id = await createDual({ ...MASTER_BGP });
        const connection = await describe1(id);
        // THEN
        const [master, slave] = connection.TunnelOptionsSpecification.TunnelOptions;
        assert.equal(connection.EnableTunnelsBgp, false);
        assert.deepEqual([master.TunnelBgpConfig.PeerAsn, master.TunnelBgpConfig.PeerBgpIp, master.TunnelBgpConfig.BgpStatus], ["", "", "false"]);
        assert.equal(slave.TunnelBgpConfig, undefined);
    });

    it("can modify one tunnel's TunnelBgpConfig and EnableTunnelsBgp, addressing the tunnel by TunnelId", async () => {
        // GIVEN
        const id = await createDual({ ...MASTER_BGP, ...SLAVE_BGP });
        const [, slave] = (await describe1(id)).TunnelOptionsSpecification.TunnelOptions;
        // WHEN
        await h.call("ModifyVpnConnectionAttribute", {
            VpnConnectionId: id,
            EnableTunnelsBgp: "true",
            "TunnelOptionsSpecification.1.TunnelId": slave.TunnelId,
            "TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr": "169.254.12.0/30",
            "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp": "169.254.12.1",
        });
        await h.settle();
        // THEN
        const connection = await describe1(id);
        const [master, after] = connection.TunnelOptionsSpecification.TunnelOptions;
        assert.equal(connection.EnableTunnelsBgp, true);
        assert.deepEqual([after.TunnelBgpConfig.TunnelCidr, after.TunnelBgpConfig.LocalBgpIp, after.TunnelBgpConfig.LocalAsn], ["169.254.12.0/30", "169.254.12.1", "65010"]);
        assert.equal(after.TunnelBgpConfig.BgpStatus, "success");
        assert.equal(master.TunnelBgpConfig.TunnelCidr, "169.254.10.0/30");
    });

    for (const [key, value] of [
        ["TunnelCidr", "169.254.3.0/30"],
        ["TunnelCidr", "169.254.169.252/30"],
        ["TunnelCidr", "169.254.10.0/29"],
        ["TunnelCidr", "10.0.0.0/30"],
        ["LocalAsn", "0"],
        ["LocalAsn", "4294967296"],
        ["LocalBgpIp", "not-an-ip"],
    ] as const) {
        it(`fails when a tunnel's TunnelBgpConfig.${key} is ${value}, with 400 InvalidParameter naming it`, async () => {
            // WHEN
            const error = await rejectsWithCode(
                h.call("CreateVpnConnection", dualParams(h.info, { [`TunnelOptionsSpecification.1.TunnelBgpConfig.${key}`]: value })),
                "InvalidParameter",
            );
            // THEN
            assert.match(error.message, new RegExp(`TunnelOptionsSpecification\\.1\\.TunnelBgpConfig\\.${key}`));
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });
    }

    it("fails when a tunnel's LocalBgpIp is outside its TunnelCidr, naming it", async () => {
        // WHEN
        const error = await rejectsWithCode(
            h.call("CreateVpnConnection", dualParams(h.info, { ...MASTER_BGP, "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp": "169.254.99.1" })),
            "InvalidParameter",
        );
        // THEN
        assert.match(error.message, /TunnelOptionsSpecification\.1\.TunnelBgpConfig\.LocalBgpIp/);
    });

    it("fails when both tunnels of a create use the same TunnelCidr, naming the second", async () => {
        // WHEN
        const error = await rejectsWithCode(
            h.call("CreateVpnConnection", dualParams(h.info, { ...MASTER_BGP, "TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr": "169.254.10.0/30" })),
            "InvalidParameter",
        );
        // THEN
        assert.match(error.message, /TunnelOptionsSpecification\.2\.TunnelBgpConfig\.TunnelCidr.*already used/);
        assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
    });

    it("fails when a TunnelCidr is used by another connection's tunnel on the same gateway, leaving it unchanged", async () => {
        // GIVEN
        const first = await createDual({ ...MASTER_BGP });
        // WHEN
        const error = await rejectsWithCode(
            h.call("CreateVpnConnection", dualParams(h.info, { "TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr": "169.254.10.0/30" })),
            "InvalidParameter",
        );
        // THEN
        assert.match(error.message, /TunnelOptionsSpecification\.2\.TunnelBgpConfig\.TunnelCidr.*already used/);
        assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 1);
        assert.equal((await describe1(first)).TunnelOptionsSpecification.TunnelOptions[0].TunnelBgpConfig.TunnelCidr, "169.254.10.0/30");
    });

    it("fails when a modify moves a tunnel onto the other tunnel's TunnelCidr, keeping both", async () => {
        // GIVEN
        const id = await createDual({ ...MASTER_BGP, ...SLAVE_BGP });
        const [, slave] = (await describe1(id)).TunnelOptionsSpecification.TunnelOptions;
        // WHEN
        const error = await rejectsWithCode(
            h.call("ModifyVpnConnectionAttribute", {
                VpnConnectionId: id,
                "TunnelOptionsSpecification.1.TunnelId": slave.TunnelId,
                "TunnelOptionsSpecification.1.TunnelBgpConfig.TunnelCidr": "169.254.10.0/30",
                "TunnelOptionsSpecification.1.TunnelBgpConfig.LocalBgpIp": "169.254.10.2",
            }),
            "InvalidParameter",
        );
        // THEN
        assert.match(error.message, /TunnelBgpConfig\.TunnelCidr.*already used/);
        const [, kept] = (await describe1(id)).TunnelOptionsSpecification.TunnelOptions;
        assert.equal(kept.TunnelBgpConfig.TunnelCidr, "169.254.11.0/30");
    });

    it("can reuse a tunnel's TunnelCidr on another VPN gateway: uniqueness is per gateway", async () => {
        // GIVEN a dual-tunnel connection on the dual-tunnel gateway using 169.254.10.0/30
        await createDual({ ...MASTER_BGP });
        // WHEN a single-tunnel connection is created on a different (single-tunnel) gateway with the same CIDR
        const other = await h.call(
            "CreateVpnConnection",
            connectionParams(h.info, { BgpConfig: JSON.stringify({ EnableBgp: "true", TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1" }) }),
        );
        // THEN another gateway may reuse it: uniqueness is per gateway
        assert.match(other.VpnConnectionId, /^vco-/);
    });
});
