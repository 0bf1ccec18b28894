import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { setStackConfig } from "../../../provider/core/config";
import { CloudApiError } from "../../../provider/core/errors";
import { diffResource } from "../../../provider/core/resource";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { shortDiff } from "../../support/displayDiff";

type Props = Record<string, any>;

describe("alicloud vpnConnection hooks (emulator, real pop-core)", function () {
    let cloud: TestCloud;
    let gatewayId: string;
    let customerGatewayId: string;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        [gatewayId] = cloud.alicloud.vpnGatewayIds;
        [customerGatewayId] = cloud.alicloud.customerGatewayIds;
    });
    after(async () => cloud?.stop());
    beforeEach(async () => {
        await cloud.control.reset();
        setStackConfig(undefined);
    });

    const desired = (extra: Props = {}): Props => ({
        vpnGatewayId: gatewayId,
        customerGatewayId,
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        preSharedKey: "Psk-For-Tests-1",
        ...extra,
    });

    async function checked(news: Props): Promise<Props> {
        const result = await hooks.check({}, news);
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    }

    async function connections(): Promise<Props[]> {
        const state = await cloud.control.state<any>();
        return state.alicloud.connections;
    }

    it("can create, read, diff, update and delete a connection", async () => {
        // GIVEN checked inputs (the region comes from ALIBABA_CLOUD_REGION)
        const inputs = await checked(desired());
        assert.equal(inputs.region, cloud.alicloud.regionId);

        // WHEN it is created
        const created = await hooks.create(inputs);
        // THEN exactly one active connection exists with the desired config, and outputs carry it
        assert.match(created.id, /^vco-/);
        assert.equal((await connections()).length, 1);
        assert.equal(created.outs.state, "active");
        assert.equal(created.outs.ikeConfig.ikeAuthAlg, "md5");
        assert.equal(typeof created.outs.ikeConfig.localId, "string");

        // WHEN read back and diffed against the same inputs
        const read = await hooks.read(created.id, created.outs);
        const same = await hooks.diff(created.id, read.props, inputs);
        // THEN nothing differs
        assert.equal(read.id, created.id);
        assert.deepEqual(same.changes, false);

        // WHEN the IKE encryption and subnets change
        const changedInputs = await checked(desired({ ikeConfig: { ikeEncAlg: "AES256" }, remoteSubnets: ["192.168.11.0/24", "192.168.10.0/24"] }));
        const changed = await hooks.diff(created.id, read.props!, changedInputs);
        assert.equal(changed.changes, true);
        assert.deepEqual(changed.replaces, []);
        const updated = await hooks.update(created.id, read.props!, changedInputs);
        // THEN the cloud has the new values and a new read shows no diff
        assert.equal(updated.outs.ikeConfig.ikeEncAlg, "aes256");
        const reread = await hooks.read(created.id, updated.outs);
        assert.equal((await hooks.diff(created.id, reread.props, changedInputs)).changes, false);
        assert.deepEqual(reread.props!.remoteSubnets, ["192.168.10.0/24", "192.168.11.0/24"]);

        // WHEN deleted
        await hooks.remove(created.id, reread.props!);
        // THEN nothing is left and a read reports it gone
        assert.equal((await connections()).length, 0);
        assert.deepEqual(await hooks.read(created.id, reread.props!), {});
    });

    it("can require replacement when the gateway or customer gateway changes", async () => {
        // GIVEN outputs of an existing connection
        const inputs = await checked(desired());
        const created = await hooks.create(inputs);
        // WHEN the customer gateway changes
        const result = await hooks.diff(created.id, created.outs, await checked(desired({ customerGatewayId: cloud.alicloud.customerGatewayIds[1] })));
        // THEN the diff asks for a replacement, deleting first since the gateway stays
        assert.deepEqual(result.replaces, ["customerGatewayId"]);
        assert.equal(result.deleteBeforeReplace, true);
        const otherGateway = await hooks.diff(created.id, created.outs, await checked(desired({ vpnGatewayId: cloud.alicloud.vpnGatewayIds[1] })));
        assert.deepEqual(otherGateway.replaces, ["vpnGatewayId"]);
        assert.equal(otherGateway.deleteBeforeReplace, false);
    });

    it("can detect an out-of-band change of one field", async () => {
        // GIVEN a connection
        const inputs = await checked(desired());
        const created = await hooks.create(inputs);
        // WHEN someone changes its IPsec PFS in the console
        await cloud.control.call("PATCH", `/alicloud/connections/${created.id}`, { IpsecConfig: { IpsecPfs: "group14" } });
        const read = await hooks.read(created.id, created.outs);
        const drift = await hooks.diff(created.id, read.props, inputs);
        // THEN the refresh sees exactly that field, in outputs and read inputs
        assert.equal(drift.changes, true);
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, ["ipsecConfig.ipsecPfs"]);
        assert.equal(read.props!.ipsecConfig.ipsecPfs, "group14");
        assert.equal((read.inputs as Props).ipsecConfig.ipsecPfs, "group14");
        assert.equal(shortDiff(inputs, read.inputs as Props), "~ipsecConfig", "read gives back the inputs but the drifted block");
    });

    it("can treat an out-of-band deletion as gone, and deleting it again as success", async () => {
        // GIVEN a connection deleted in the console
        const created = await hooks.create(await checked(desired()));
        await cloud.control.call("DELETE", `/alicloud/connections/${created.id}`);
        // WHEN it is read, then deleted
        // THEN the read reports it gone and the delete succeeds
        assert.deepEqual(await hooks.read(created.id, created.outs), {});
        await hooks.remove(created.id, created.outs);
    });

    it("can read the status under the 2019 samples' lower-case key and the current upper-case one", async () => {
        // GIVEN a connection
        const created = await hooks.create(await checked(desired()));
        for (const statusKey of ["status", "Status"]) {
            // WHEN the cloud reports its status under each key, and it is read
            await cloud.control.call("POST", "/alicloud/settings", { statusKey });
            const read = await hooks.read(created.id, created.outs);
            // THEN the status is read either way
            assert.match(String(read.props!.status), /_sa_/, statusKey);
        }
    });

    it("can wait out a busy gateway instead of failing", async () => {
        // GIVEN a gateway that stays busy for a while
        await cloud.control.call("POST", `/alicloud/gateways/${gatewayId}/busy`, { ms: 150 });
        // WHEN a connection is created on it
        const created = await hooks.create(await checked(desired()));
        // THEN the create retried VpnGateway.Configuring and succeeded once
        assert.equal((await connections()).length, 1);
        const log = await cloud.control.requests();
        assert.ok(log.some((entry: any) => entry.action === "CreateVpnConnection" && entry.outcome === "VpnGateway.Configuring"));
        assert.match(created.id, /^vco-/);
    });

    it("can re-run a create after a crash without a duplicate (same ClientToken)", async () => {
        // GIVEN a create whose answer was lost after the cloud committed it
        const inputs = await checked(desired());
        await cloud.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "reset-after" } });
        // WHEN the provider retries (network error) with the same token
        const created = await hooks.create(inputs);
        // THEN the reset happened, the retry carried the same token, and one connection exists: the one returned
        assert.deepEqual(await cloud.control.faults(), []);
        const creates = (await cloud.control.requests()).filter((entry: any) => entry.action === "CreateVpnConnection") as any[];
        assert.equal(creates.length, 2);
        assert.equal(creates[1].params.ClientToken, creates[0].params.ClientToken);
        const all = await connections();
        assert.equal(all.length, 1);
        assert.equal(created.id, all[0].VpnConnectionId ?? all[0].id);
    });

    it("can keep the ClientToken when only `timeouts` changes between runs", async () => {
        // GIVEN the inputs of a create, and the same after the user raised its timeout
        const inputs = await checked(desired());
        const raised = await checked(desired({ timeouts: { create: 3600 } }));
        // WHEN their ClientTokens are derived, and one for another name
        // THEN both derive one token, so the re-run finds the first run's connection
        assert.equal(hooks.clientTokenFor(raised), hooks.clientTokenFor(inputs));
        assert.notEqual(hooks.clientTokenFor(await checked(desired({ name: "other" }))), hooks.clientTokenFor(inputs));
    });

    it("fails when the gateway stays busy past the resource's own create timeout", async () => {
        // GIVEN a gateway busy far longer than the create may take
        await cloud.control.call("POST", `/alicloud/gateways/${gatewayId}/busy`, { ms: 10_000 });
        const inputs = await checked(desired({ timeouts: { create: 1 } }));
        // WHEN created with `timeouts.create` of one second (the environment allows 15)
        const started = Date.now();
        await assert.rejects(hooks.create(inputs), (error: unknown) => {
            // THEN it gives up at that deadline with the busy code and a hint naming `timeouts`
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "VpnGateway.Configuring");
            assert.match(error.message, /Hint: .*`timeouts`/);
            return true;
        });
        assert.ok(Date.now() - started < 2_500, `took ${Date.now() - started} ms`);
        assert.equal((await connections()).length, 0);
    });

    it("can re-create after a delete even if the cloud still binds the ClientToken to the deleted connection", async () => {
        // GIVEN a cloud whose tokens outlive their connections, and a destroyed connection
        await cloud.control.call("POST", "/alicloud/settings", { clientTokensOutliveConnections: true });
        const inputs = await checked(desired({ idempotencyKey: "project/stack/office" }));
        const first = await hooks.create(inputs);
        await hooks.remove(first.id, first.outs);
        // WHEN the same resource is created again, and that create is re-run (as after a crash)
        const second = await hooks.create(inputs);
        const rerun = await hooks.create(inputs);
        // THEN a new connection exists, found again by the re-run: no duplicate, no dead id
        assert.notEqual(second.id, first.id);
        assert.equal(rerun.id, second.id);
        assert.equal((await connections()).length, 1);
        assert.equal(second.outs.state, "active");
    });

    it("can create a third time after two destroys while the cloud binds the ClientToken to both deleted connections", async () => {
        // GIVEN a cloud whose tokens outlive their connections, and the same resource created and destroyed twice
        await cloud.control.call("POST", "/alicloud/settings", { clientTokensOutliveConnections: true });
        const inputs = await checked(desired({ idempotencyKey: "project/stack/office" }));
        const retired: string[] = [];
        for (let round = 0; round < 2; round++) {
            const made = await hooks.create(inputs);
            retired.push(made.id);
            await hooks.remove(made.id, made.outs);
        }
        // WHEN it is created a third time, and that create is re-run (as after a crash)
        const third = await hooks.create(inputs);
        const rerun = await hooks.create(inputs);
        // THEN the engine records a live connection, neither retired one, found again by the re-run
        assert.equal(retired.includes(third.id), false, `${third.id} is one of the deleted ${retired.join(", ")}`);
        assert.equal(third.outs.state, "active");
        assert.equal(rerun.id, third.id);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [third.id]);
    });

    it("can treat an empty reported PSK as unknown: no drift, and a modify that never sends it", async () => {
        // GIVEN a connection with a cloud-generated PSK, and one with a desired PSK, both later described with `Psk: ""`
        const generatedInputs = await checked(desired({ preSharedKey: undefined, name: "generated" }));
        const desiredInputs = await checked(desired({ vpnGatewayId: cloud.alicloud.vpnGatewayIds[1], name: "desired" }));
        const generated = await hooks.create(generatedInputs);
        const chosen = await hooks.create(desiredInputs);
        for (const made of [generated, chosen]) {
            await cloud.control.call("PATCH", `/alicloud/connections/${made.id}`, { IkeConfig: { Psk: "" } });
        }
        // WHEN both are refreshed and diffed against their inputs
        const reads = [await hooks.read(generated.id, generated.outs), await hooks.read(chosen.id, chosen.outs)];
        // THEN neither shows drift, and the desired PSK stays in the outputs
        assert.equal((await hooks.diff(generated.id, reads[0].props!, generatedInputs)).changes, false);
        assert.equal((await hooks.diff(chosen.id, reads[1].props!, desiredInputs)).changes, false);
        assert.equal(reads[1].props!.preSharedKey, "Psk-For-Tests-1");
        // WHEN an IKE field of the generated one changes (the whole block is re-sent)
        const updated = await hooks.update(generated.id, reads[0].props!, await checked(desired({ preSharedKey: undefined, name: "generated", ikeConfig: { ikeEncAlg: "aes256" } })));
        // THEN the cloud accepted it: no empty PSK was sent
        assert.equal(updated.outs.ikeConfig.ikeEncAlg, "aes256");
    });

    it("can modify a connection whose stored outputs hold an empty PSK (state from an earlier version) without sending it", async () => {
        // GIVEN a connection with a cloud-generated PSK whose recorded outputs say `preSharedKey: ""`
        const inputs = await checked(desired({ preSharedKey: undefined }));
        const created = await hooks.create(inputs);
        const olds = { ...created.outs, preSharedKey: "" };
        // WHEN an IKE field changes (the whole IkeConfig block is re-sent)
        const updated = await hooks.update(created.id, olds, await checked(desired({ preSharedKey: undefined, ikeConfig: { ikeEncAlg: "aes256" } })));
        // THEN the modify carried no empty Psk, and the cloud kept the key it generated
        const [modify] = (await cloud.control.requests()).filter((entry: Props) => entry.action === "ModifyVpnConnectionAttribute");
        assert.equal(modify.outcome, "OK");
        assert.equal(updated.outs.ikeConfig.ikeEncAlg, "aes256");
        assert.equal((await hooks.read(created.id, updated.outs)).props!.preSharedKey, created.outs.preSharedKey);
    });

    it("fails when the connection exists but the wait fails, keeping its id for the engine", async () => {
        // GIVEN describe calls that fail with a non-retryable code after the create
        await cloud.control.armFault({ cloud: "alicloud", action: "DescribeVpnConnections", count: 1, fault: { kind: "error", code: "Forbidden", httpStatus: 403 } });
        // WHEN created
        const attempt = hooks.create(await checked(desired()));
        // THEN the error carries the new id and the properties to keep in state
        await assert.rejects(attempt, (error: any) => {
            assert.match(error.id, /^vco-/);
            assert.equal(error.properties.vpnConnectionId, error.id);
            assert.match(error.message, /Forbidden/);
            assert.doesNotMatch(error.message, /Psk-For-Tests-1/);
            return true;
        });
    });

    it("can finish a partial create on the next update without creating again", async () => {
        // GIVEN a create whose wait failed after the cloud made the connection (kept in state by the engine)
        await cloud.control.armFault({ cloud: "alicloud", action: "DescribeVpnConnections", count: 1, fault: { kind: "error", code: "Forbidden", httpStatus: 403 } });
        const inputs = await checked(desired());
        const partial: any = await hooks.create(inputs).then(() => assert.fail("no error"), (e) => e);
        const before = await cloud.control.counters();
        // WHEN the engine updates it on the next up (it does for a resource with init errors)
        const updated = await hooks.update(partial.id, partial.properties, inputs);
        // THEN it waited for the connection and recorded what the cloud reports, creating and modifying nothing
        assert.equal(updated.outs.state, "active");
        assert.equal(updated.outs.vpnConnectionId, partial.id);
        const after = await cloud.control.counters();
        for (const action of ["CreateVpnConnection", "ModifyVpnConnectionAttribute"]) assert.equal(after[`alicloud:${action}`] ?? 0, before[`alicloud:${action}`] ?? 0, action);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [partial.id]);
    });

    it("fails when a partial create's connection is gone by the next update, naming pulumi refresh", async () => {
        // GIVEN a partial create whose connection was then deleted out of band
        await cloud.control.armFault({ cloud: "alicloud", action: "DescribeVpnConnections", count: 1, fault: { kind: "error", code: "Forbidden", httpStatus: 403 } });
        const inputs = await checked(desired());
        const partial: any = await hooks.create(inputs).then(() => assert.fail("no error"), (e) => e);
        await cloud.control.call("DELETE", `/alicloud/connections/${partial.id}`);
        // WHEN the engine updates it THEN the error names the connection and `pulumi refresh`
        await assert.rejects(hooks.update(partial.id, partial.properties, inputs), (error: any) => error.name === "IncompleteCreateGoneError" && error.id === partial.id && /pulumi refresh/.test(error.message));
        assert.deepEqual(await connections(), []);
    });

    it("fails an update without echoing a PSK the cloud generated", async () => {
        // GIVEN a connection whose PSK the cloud generated, and a modify the cloud refuses echoing it
        const inputs = await checked(desired({ preSharedKey: undefined }));
        const created = await hooks.create(inputs);
        const generated = created.outs.preSharedKey as string;
        assert.ok(generated);
        await cloud.control.armFault({ cloud: "alicloud", action: "ModifyVpnConnectionAttribute", fault: { kind: "error", code: "InvalidParameter", httpStatus: 400, message: `IkeConfig {"Psk":"${generated}"} is invalid` } });
        // WHEN an IKE change is applied (the whole block, with the generated PSK, is re-sent)
        const attempt = hooks.update(created.id, created.outs, await checked(desired({ preSharedKey: undefined, ikeConfig: { ikeEncAlg: "aes256" } })));
        // THEN the error names the code but not the PSK
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "InvalidParameter");
            assert.equal(error.message.includes(generated), false, error.message);
            return true;
        });
    });

    it("fails with the cloud's code and request id when the gateway does not exist", async () => {
        // GIVEN a VPN gateway id the cloud does not have
        // WHEN a connection is created on it
        // THEN the cloud's code, a request id and a hint naming vpnGatewayId come back, and nothing is made
        await assert.rejects(hooks.create(await checked(desired({ vpnGatewayId: "vpn-doesnotexist" }))), (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "InvalidVpnGatewayInstanceId.NotFound");
            assert.ok(error.requestId);
            assert.match(error.message, /check `vpnGatewayId`/);
            // The emulator's message ends in a period, as the cloud's do: no second one before the hint.
            assert.match(error.message, /[^.]\. Hint: /);
            return true;
        });
        assert.equal((await connections()).length, 0);
    });

    it("fails check without calling the cloud", async () => {
        // GIVEN invalid inputs
        // WHEN checked
        const result = await hooks.check({}, desired({ ikeConfig: { ikeLifetime: -1 }, localSubnets: ["10.0.0.1/8"] }));
        // THEN both properties are named and no request reached the emulator
        assert.deepEqual(result.failures?.map((f) => f.property).sort(), ["ikeConfig.ikeLifetime", "localSubnets[0]"]);
        assert.deepEqual(await cloud.control.counters(), {});
    });
});

describe("alicloud vpnConnection adoption (emulator)", () => {
    let cloud: TestCloud;
    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const desired = (extra: Props = {}): Props => ({
        vpnGatewayId: cloud.alicloud.vpnGatewayIds[0],
        customerGatewayId: cloud.alicloud.customerGatewayIds[0],
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        ...extra,
    });
    const checked = async (news: Props) => (await hooks.check({}, news)).inputs as Props;
    const count = async () => ((await cloud.control.state<any>()).alicloud.connections as unknown[]).length;

    it("can adopt an existing connection and converge it without creating another", async () => {
        // GIVEN a connection made outside this stack, with an older IKE setting
        const existing = await hooks.create(await checked(desired({ ikeConfig: { ikeEncAlg: "3des" }, idempotencyKey: "elsewhere" })));
        // WHEN a resource adopts it with the desired config
        const adopted = await hooks.create(await checked(desired({ adoptConnectionId: existing.id, ikeConfig: { ikeEncAlg: "aes256" } })));
        // THEN it manages the same connection, now converged, and no second one exists
        assert.equal(adopted.id, existing.id);
        assert.equal(adopted.outs.ikeConfig.ikeEncAlg, "aes256");
        assert.equal(await count(), 1);
        const creates = (await cloud.control.counters())["alicloud:CreateVpnConnection"];
        assert.equal(creates, 1);
    });

    it("fails when the connection to adopt does not exist", async () => {
        // GIVEN no connection vco-missing
        // WHEN a resource adopts it
        // THEN the create is refused as bad input naming adoptConnectionId, and nothing is made
        await assert.rejects(hooks.create(await checked(desired({ adoptConnectionId: "vco-missing" }))), (error: any) => {
            assert.equal(error.name, "InputValidationError");
            assert.match(error.message, /`adoptConnectionId` connection vco-missing does not exist/);
            return true;
        });
        assert.equal(await count(), 0);
    });

    it("fails when the connection to adopt belongs to another gateway", async () => {
        // GIVEN a connection on another VPN gateway
        const existing = await hooks.create(await checked(desired({ vpnGatewayId: cloud.alicloud.vpnGatewayIds[1] })));
        // WHEN a resource on the desired gateway adopts it
        // THEN the create is refused naming vpnGatewayId, and no second connection is made
        await assert.rejects(hooks.create(await checked(desired({ adoptConnectionId: existing.id }))), /belongs to vpnGatewayId/);
        assert.equal(await count(), 1);
    });
});
