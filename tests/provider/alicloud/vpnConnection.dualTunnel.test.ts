import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { LOOKUP_KEY } from "../../../provider/core/check";
import { INPUTS_KEY } from "../../../provider/core/refreshInputs";
import { diffResource } from "../../../provider/core/resource";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { SECRET_INPUTS } from "../../../sdk/alicloud/fields.generated";
import { TestCloud } from "../../support/cloudEnv";
import { checkedBy, useTestCloud } from "../../support/hookSuite";

type Props = Record<string, any>;

describe("alicloud vpnConnection hooks, dual-tunnel connections (emulator, real pop-core)", function () {
    let cloud: TestCloud;
    useTestCloud((started) => (cloud = started));

    const tunnel = (role: string, n: number, extra: Props = {}): Props => ({ role, customerGatewayId: cloud.alicloud.customerGatewayIds[n], ...extra });

    const desired = (extra: Props = {}): Props => ({
        vpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "dual",
        tunnels: [tunnel("master", 0, { preSharedKey: "Master-Psk-1" }), tunnel("slave", 1)],
        ...extra,
    });

    const checked = checkedBy(hooks.check);

    const cloudTunnels = async (id: string) => (await cloud.control.call<Props>("GET", `/alicloud/connections/${id}`)).TunnelOptionsSpecification.TunnelOptions;

    it("can create a dual-tunnel connection with outputs per tunnel, then see no diff", async () => {
        // GIVEN checked inputs of two tunnels, slave listed first
        const inputs = await checked(desired({ tunnels: [tunnel("slave", 1), tunnel("master", 0, { preSharedKey: "Master-Psk-1", ikeConfig: { ikeVersion: "ikev2" } })] }));
        // WHEN it is created and read back
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, created.outs);
        // THEN each tunnel reports its ID, state, status, IP and zone, the settings as given, and the slave a generated PSK
        const [master, slave] = created.outs.tunnels;
        assert.deepEqual([master.role, slave.role], ["master", "slave"]);
        assert.match(master.tunnelId, /^tun-/);
        assert.deepEqual([master.state, master.status], ["active", "ipsec_sa_established"]);
        assert.deepEqual([master.internetIp, slave.internetIp], ["203.0.113.111", "203.0.113.112"]);
        assert.equal(typeof master.zoneNo, "string");
        assert.equal(master.preSharedKey, "Master-Psk-1");
        assert.match(slave.preSharedKey, /^[A-Za-z0-9]{16}$/);
        assert.equal(master.ikeConfig.ikeVersion, "ikev2");
        assert.equal(master.enableDpd, true);
        assert.equal(master.ikeConfig.ikeLifetime, 86400, "the tunnels' string lifetimes read as numbers");
        assert.equal(created.outs.customerGatewayId, undefined);
        assert.equal(created.outs.ikeConfig, undefined);
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
        // The tunnels hold PSKs: the SDK passes the whole list as a secret, and the recorded inputs hold no PSK.
        assert.ok((SECRET_INPUTS as readonly string[]).includes("tunnels"));
        assert.doesNotMatch(JSON.stringify(created.outs[INPUTS_KEY]), /Master-Psk-1/);
    });

    it("can update one tunnel's field in place, keeping the other tunnel's generated PSK", async () => {
        // GIVEN a connection
        const inputs = await checked(desired());
        const created = await hooks.create(inputs);
        const slavePsk = created.outs.tunnels[1].preSharedKey;
        // WHEN the slave's IKE encryption changes
        const changedInputs = await checked(desired({ tunnels: [tunnel("master", 0, { preSharedKey: "Master-Psk-1" }), tunnel("slave", 1, { ikeConfig: { ikeEncAlg: "aes256" } })] }));
        const diff = await hooks.diff(created.id, created.outs, changedInputs);
        const updated = await hooks.update(created.id, created.outs, changedInputs);
        const reread = await hooks.read(created.id, updated.outs);
        // THEN only that field differs and changes in place; the cloud has it, and nothing differs after
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, created.outs, changedInputs).changedPaths, ["tunnels[1].ikeConfig.ikeEncAlg"]);
        assert.deepEqual(diff.replaces, []);
        const [master, slave] = await cloudTunnels(created.id);
        assert.equal(slave.TunnelIkeConfig.IkeEncAlg, "aes256");
        assert.equal(master.TunnelIkeConfig.IkeEncAlg, "aes");
        assert.equal(reread.props!.tunnels[1].preSharedKey, slavePsk);
        assert.equal((await hooks.diff(created.id, reread.props!, changedInputs)).changes, false);
    });

    it("can require replacement when a tunnel's customer gateway changes", async () => {
        // GIVEN a connection
        const created = await hooks.create(await checked(desired()));
        // WHEN the slave's customer gateway changes (Modify takes no tunnel CustomerGatewayId)
        const result = await hooks.diff(created.id, created.outs, await checked(desired({ tunnels: [tunnel("master", 0, { preSharedKey: "Master-Psk-1" }), tunnel("slave", 2)] })));
        // THEN the diff replaces, deleting first on the same gateway
        assert.deepEqual(result.replaces, ["tunnels"]);
        assert.equal(result.deleteBeforeReplace, true);
    });

    it("can detect an out-of-band change of one tunnel's field", async () => {
        // GIVEN a connection
        const inputs = await checked(desired());
        const created = await hooks.create(inputs);
        // WHEN someone turns DPD off on the slave in the console
        await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { TunnelOptionsSpecification: { TunnelOptions: [{}, { EnableDpd: "false" }] } });
        const read = await hooks.read(created.id, created.outs);
        // THEN the refresh sees exactly that field, in outputs and read inputs
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, ["tunnels[1].enableDpd"]);
        assert.equal((read.inputs as Props).tunnels[1].enableDpd, false);
        assert.equal((read.inputs as Props).tunnels[1].tunnelId, undefined, "read inputs carry no output-only field");
        assert.equal((read.inputs as Props).tunnels[0].preSharedKey, "Master-Psk-1");
    });

    it("fails when single-tunnel arguments are mixed with tunnels, naming each, before any API call", async () => {
        // WHEN the inputs carry both modes
        const result = await hooks.check({}, desired({ customerGatewayId: "cgw-x", ikeConfig: { ikeVersion: "ikev2" }, preSharedKey: "Psk-1" }));
        // THEN every mixed argument is named
        const properties = (result.failures ?? []).map((f) => f.property);
        assert.deepEqual(properties, ["customerGatewayId", "preSharedKey", "ikeConfig"]);
        assert.match(result.failures![0].reason, /`tunnels`/);
        assert.deepEqual(await cloud.control.counters(), {});
    });

    it("fails when the tunnels are not one master and one slave", async () => {
        // WHEN one tunnel, or two masters, are given
        const one = await hooks.check({}, desired({ tunnels: [tunnel("master", 0)] }));
        const twoMasters = await hooks.check({}, desired({ tunnels: [tunnel("master", 0), tunnel("master", 1)] }));
        const badRole = await hooks.check({}, desired({ tunnels: [tunnel("primary", 0), tunnel("slave", 1)] }));
        // THEN each names the tunnels and what is allowed
        assert.deepEqual(one.failures?.map((f) => f.property), ["tunnels"]);
        assert.match(one.failures![0].reason, /at least 2/);
        assert.deepEqual(twoMasters.failures?.map((f) => f.property), ["tunnels[1].role"]);
        assert.deepEqual(badRole.failures?.map((f) => f.property), ["tunnels[0].role"]);
        assert.match(badRole.failures![0].reason, /master, slave/);
    });

    it("can adopt a dual-tunnel connection by ID and converge one tunnel's setting without a second connection", async () => {
        // GIVEN a connection made elsewhere
        const existing = await hooks.create(await checked(desired()));
        // WHEN a resource adopts it with the slave's IPsec encryption changed
        const adopted = await hooks.create(
            await checked(desired({ adoptConnectionId: existing.id, tunnels: [tunnel("master", 0, { preSharedKey: "Master-Psk-1" }), tunnel("slave", 1, { ipsecConfig: { ipsecEncAlg: "aes256" } })] })),
        );
        // THEN it is the same connection, converged
        assert.equal(adopted.id, existing.id);
        assert.equal((await cloud.control.state<any>()).alicloud.connections.length, 1);
        assert.equal((await cloudTunnels(existing.id))[1].TunnelIpsecConfig.IpsecEncAlg, "aes256");
    });

    it("fails when the connection to adopt has another customer gateway on a tunnel, naming it", async () => {
        // GIVEN a connection whose slave uses the third customer gateway
        const existing = await hooks.create(await checked(desired({ tunnels: [tunnel("master", 0), tunnel("slave", 2)] })));
        // WHEN a resource whose slave uses the second adopts it
        // THEN the adoption is refused naming the tunnel's customer gateway, and nothing changes
        await assert.rejects(hooks.create(await checked(desired({ adoptConnectionId: existing.id }))), /tunnels\[1\]\.customerGatewayId/);
        assert.equal((await cloudTunnels(existing.id))[1].CustomerGatewayId, cloud.alicloud.customerGatewayIds[2]);
    });

    it("can look a dual-tunnel connection up by ID with its tunnels", async () => {
        // GIVEN a connection made elsewhere
        const made = await hooks.create(await checked(desired()));
        // WHEN VpnConnection.get reads it
        const read = await hooks.read(made.id, { [LOOKUP_KEY]: true, __provider: "serialized-provider-text" });
        // THEN its tunnels are reported, each with its ID and PSK
        assert.deepEqual(read.props?.tunnels, made.outs.tunnels);
        assert.equal(read.props?.tunnels[0].preSharedKey, "Master-Psk-1");
        assert.match(read.props?.tunnels[1].tunnelId, /^tun-/);
    });
});
