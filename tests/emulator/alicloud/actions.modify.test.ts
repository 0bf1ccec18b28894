import assert from "node:assert/strict";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

describe("Alibaba ModifyVpnConnectionAttribute (real pop-core against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    it("can change given settings, merge IkeConfig keys, keep everything omitted, and answer the full object", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { Name: "before", IkeConfig: JSON.stringify({ Psk: "Keep-Me-1", IkeAuthAlg: "sha1" }), EffectImmediately: true });
        // WHEN
        const modified = await h.call("ModifyVpnConnectionAttribute", {
            VpnConnectionId: id,
            LocalSubnet: "10.9.0.0/24",
            RemoteSubnet: "192.168.9.0/24",
            IkeConfig: JSON.stringify({ IkeEncAlg: "aes192" }),
        });
        // THEN
        const described = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        assert.equal(described.Name, "before");
        assert.equal(described.EffectImmediately, true);
        assert.equal(described.LocalSubnet, "10.9.0.0/24");
        assert.equal(described.RemoteSubnet, "192.168.9.0/24");
        assert.equal(described.IkeConfig.IkeEncAlg, "aes192");
        assert.equal(described.IkeConfig.IkeAuthAlg, "sha1");
        assert.equal(described.IkeConfig.Psk, "Keep-Me-1");
        assert.equal(described.State, "updating");
        // The documented answer of Modify has no Tags (tags change through TagResources).
        const { State: _state, Status: _status, RequestId: _r1, Tags: _tags, ...describedAttributes } = described;
        const { RequestId: _r2, ...modifiedAttributes } = modified;
        assert.deepEqual(modifiedAttributes, describedAttributes);
    });

    it("can merge HealthCheckConfig keys over the current health check", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { HealthCheckConfig: JSON.stringify({ enable: true, dip: "10.0.0.1", sip: "192.168.0.1" }) });
        // WHEN
        await h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24", HealthCheckConfig: JSON.stringify({ retry: 7 }) });
        // THEN
        const { VcoHealthCheck } = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        assert.deepEqual([VcoHealthCheck.Enable, VcoHealthCheck.Dip, VcoHealthCheck.Retry, VcoHealthCheck.Interval], ["true", "10.0.0.1", 7, 3]);
    });

    it("can leave LocalSubnet and RemoteSubnet out, keeping their values (optional on Modify)", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { LocalSubnet: "10.0.0.0/24,10.0.1.0/24", RemoteSubnet: "192.168.0.0/24" });
        // WHEN
        const renamed = await h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, Name: "renamed" });
        await h.settle();
        await h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, RemoteSubnet: "192.168.5.0/24" });
        // THEN
        const described = await h.call("DescribeVpnConnection", { VpnConnectionId: id });
        assert.equal(renamed.LocalSubnet, "10.0.0.0/24,10.0.1.0/24");
        assert.deepEqual([described.Name, described.LocalSubnet, described.RemoteSubnet], ["renamed", "10.0.0.0/24,10.0.1.0/24", "192.168.5.0/24"]);
    });

    it("fails when a given LocalSubnet or RemoteSubnet is empty or not a CIDR list, changing nothing", async () => {
        // GIVEN
        const id = await createActiveConnection(h, { Name: "unchanged" });
        // WHEN / THEN
        await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, Name: "changed", LocalSubnet: "" }), "IllegalParam.LocalSubnet");
        await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, Name: "changed", RemoteSubnet: "192.168.0.0" }), "IllegalParam.RemoteSubnet");
        assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId: id })).Name, "unchanged");
    });

    it("fails when HealthCheckConfig keys are capitalised: the API reference documents them lower-case", async () => {
        // GIVEN
        const id = await createActiveConnection(h);
        // WHEN
        const error = await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, HealthCheckConfig: JSON.stringify({ Enable: "true", Dip: "10.0.0.1" }) }), "InvalidParameter");
        // THEN
        assert.match(error.message, /HealthCheckConfig\.Enable/);
    });

    it("fails when the name is invalid, with InvalidName", async () => {
        // GIVEN
        const id = await createActiveConnection(h);
        // WHEN / THEN
        await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: id, LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24", Name: "http://x" }), "InvalidName");
    });

    it("fails when the gateway is updating, with VpnGateway.Configuring and nothing changed", async () => {
        // GIVEN a connection just created (its gateway is still updating)
        const { VpnConnectionId } = await h.call("CreateVpnConnection", connectionParams(h.info, { Name: "unchanged" }));
        // WHEN
        await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId, LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24", Name: "changed" }), "VpnGateway.Configuring");
        // THEN
        assert.equal((await h.call("DescribeVpnConnection", { VpnConnectionId })).Name, "unchanged");
    });

    it("fails when the connection does not exist", async () => {
        // WHEN / THEN
        await rejectsWithCode(h.call("ModifyVpnConnectionAttribute", { VpnConnectionId: "vco-missing", LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24" }), "InvalidVpnConnectionInstanceId.NotFound");
    });
});
