import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { diffResource } from "../../../provider/core/resource";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { TestCloud } from "../../support/cloudEnv";
import { checkedBy, useTestCloud } from "../../support/hookSuite";

type Props = Record<string, any>;

describe("alicloud vpnConnection hooks, BGP on dual-tunnel connections (emulator, real pop-core)", function () {
    let cloud: TestCloud;
    useTestCloud((started) => (cloud = started));

    const masterBgp = { localAsn: 65010, tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1" };
    const slaveBgp = { localAsn: 65010, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" };
    const tunnel = (role: string, n: number, extra: Props = {}): Props => ({ role, customerGatewayId: cloud.alicloud.customerGatewayIds[n], ...extra });

    const desired = (extra: Props = {}): Props => ({
        vpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "dual-bgp",
        enableTunnelsBgp: true,
        tunnels: [tunnel("master", 0, { bgpConfig: masterBgp }), tunnel("slave", 1, { bgpConfig: slaveBgp })],
        ...extra,
    });

    const checked = checkedBy(hooks.check);

    const cloudConnection = async (id: string) => cloud.control.call<Props>("GET", `/alicloud/connections/${id}`);

    it("can create a dual-tunnel connection with BGP on each tunnel, reporting each peer, then see no diff", async () => {
        // GIVEN checked inputs with BGP on both tunnels
        const inputs = await checked(desired());
        // WHEN it is created and read back
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, created.outs);
        // THEN the cloud has each tunnel's block, the outputs carry each peer, and nothing differs
        const stored = await cloudConnection(created.id);
        assert.equal(stored.EnableTunnelsBgp, true);
        assert.deepEqual(
            stored.TunnelOptionsSpecification.TunnelOptions.map((t: Props) => t.TunnelBgpConfig.TunnelCidr),
            ["169.254.10.0/30", "169.254.11.0/30"],
        );
        const [master, slave] = created.outs.tunnels;
        assert.deepEqual(master.bgpConfig, masterBgp);
        assert.deepEqual([master.bgpPeerAsn, master.bgpPeerBgpIp, master.bgpStatus], ["65101", "169.254.10.2", "success"]);
        assert.deepEqual([slave.bgpPeerBgpIp, slave.bgpStatus], ["169.254.11.2", "success"]);
        assert.equal(created.outs.enableTunnelsBgp, true);
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
    });

    it("can change one tunnel's BGP block in place, addressing the tunnel by its TunnelId", async () => {
        // GIVEN a connection with BGP on both tunnels
        const created = await hooks.create(await checked(desired()));
        // WHEN the slave's tunnel CIDR and address change
        const changedInputs = await checked(
            desired({ tunnels: [tunnel("master", 0, { bgpConfig: masterBgp }), tunnel("slave", 1, { bgpConfig: { ...slaveBgp, tunnelCidr: "169.254.12.0/30", localBgpIp: "169.254.12.1" } })] }),
        );
        const diff = await hooks.diff(created.id, created.outs, changedInputs);
        const updated = await hooks.update(created.id, created.outs, changedInputs);
        const reread = await hooks.read(created.id, updated.outs);
        // THEN only those fields change, in place; the cloud has them, and nothing differs after
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, created.outs, changedInputs).changedPaths.sort(), [
            "tunnels[1].bgpConfig.localBgpIp",
            "tunnels[1].bgpConfig.tunnelCidr",
        ]);
        assert.deepEqual(diff.replaces, []);
        const [master, slave] = (await cloudConnection(created.id)).TunnelOptionsSpecification.TunnelOptions;
        assert.deepEqual([slave.TunnelBgpConfig.TunnelCidr, slave.TunnelBgpConfig.LocalBgpIp], ["169.254.12.0/30", "169.254.12.1"]);
        assert.equal(master.TunnelBgpConfig.TunnelCidr, "169.254.10.0/30");
        assert.equal((await hooks.diff(created.id, reread.props!, changedInputs)).changes, false);
    });

    it("can turn BGP off on both tunnels in place with enableTunnelsBgp false", async () => {
        // GIVEN a connection with BGP on
        const created = await hooks.create(await checked(desired()));
        // WHEN enableTunnelsBgp becomes false
        const changedInputs = await checked(desired({ enableTunnelsBgp: false }));
        const updated = await hooks.update(created.id, created.outs, changedInputs);
        // THEN the cloud has BGP off and the tunnels report no peer session
        assert.equal((await cloudConnection(created.id)).EnableTunnelsBgp, false);
        assert.deepEqual(updated.outs.tunnels.map((t: Props) => t.bgpStatus), ["false", "false"]);
    });

    it("can detect an out-of-band change of EnableTunnelsBgp", async () => {
        // GIVEN a connection with BGP on
        const inputs = await checked(desired());
        const created = await hooks.create(inputs);
        // WHEN someone turns tunnel BGP off in the console
        await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { EnableTunnelsBgp: false });
        const read = await hooks.read(created.id, created.outs);
        // THEN the refresh sees exactly that field
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, ["enableTunnelsBgp"]);
    });

    it("fails when enableTunnelsBgp is set without tunnels, naming it, before any API call", async () => {
        // WHEN a single-tunnel connection carries enableTunnelsBgp
        const { tunnels: _t, ...single } = desired();
        const result = await hooks.check({}, { ...single, vpnGatewayId: cloud.alicloud.vpnGatewayIds[0], customerGatewayId: cloud.alicloud.customerGatewayIds[0] });
        // THEN it is named with what to use instead
        assert.deepEqual(result.failures?.map((f) => f.property), ["enableTunnelsBgp"]);
        assert.match(result.failures![0].reason, /only valid with `tunnels`/);
        assert.deepEqual(await cloud.control.counters(), {});
    });

    it("fails when a tunnel's BGP block is out of range, naming the tunnel's property", async () => {
        // WHEN the master's CIDR is reserved and the slave's address lies outside its CIDR
        const result = await hooks.check(
            {},
            desired({ tunnels: [tunnel("master", 0, { bgpConfig: { tunnelCidr: "169.254.3.0/30" } }), tunnel("slave", 1, { bgpConfig: { ...slaveBgp, localBgpIp: "169.254.99.1" } })] }),
        );
        // THEN each is named
        assert.deepEqual(result.failures?.map((f) => f.property), ["tunnels[0].bgpConfig.tunnelCidr", "tunnels[1].bgpConfig.localBgpIp"]);
        assert.match(result.failures![0].reason, /reserved/);
    });

    it("fails when both tunnels use the same tunnel CIDR, with the cloud's error and nothing created", async () => {
        // WHEN both tunnels share a CIDR (only the cloud checks uniqueness on the gateway)
        const inputs = await checked(desired({ tunnels: [tunnel("master", 0, { bgpConfig: masterBgp }), tunnel("slave", 1, { bgpConfig: { ...masterBgp, localBgpIp: "169.254.10.2" } })] }));
        // THEN the create fails naming the parameter, and no connection exists
        await assert.rejects(hooks.create(inputs), /TunnelBgpConfig\.TunnelCidr/);
        assert.equal((await cloud.control.state<any>()).alicloud.connections.length, 0);
    });
});
