import assert from "node:assert/strict";
import { diffResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { shortDiff } from "../../support/displayDiff";
import { VALID } from "./fixtures";

const PROVIDER = "serialized-provider-text";

/** Inputs as the engine hands them to create/update: checked, with `__provider`. */
async function checked(raw: Props): Promise<Props> {
    const result = await hooks.check({}, { ...raw, __provider: PROVIDER });
    assert.deepEqual(result.failures ?? [], []);
    return result.inputs!;
}

const changedPaths = (olds: Props, news: Props) => diffResource(SCHEMA, olds, news).changedPaths;

describe("tencentcloud VpnConnection hooks (emulator, real SDK)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;
    // Faster than the shared test timing: failures that must time out do so quickly.
    const saved = process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS = "8000";
    });
    after(async () => {
        if (saved === undefined) delete process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS;
        else process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS = saved;
        await cloud?.stop();
    });
    beforeEach(() => cloud.control.reset());

    const connections = async (): Promise<Props[]> => ((await cloud.control.state<any>()).tencentcloud.connections as Props[]);
    const counters = () => cloud.control.counters();

    for (const apiVersion of ["3.0", "2.0"]) {
        it(`can create, read, diff, update, read and delete through API ${apiVersion}`, async () => {
            // GIVEN checked inputs
            const inputs = await checked({ ...VALID, apiVersion });
            // WHEN created
            const created = await hooks.create(inputs);
            // THEN the connection is AVAILABLE and its outputs carry what the cloud filled in
            assert.match(created.id, /^vpnx-[0-9a-z]{8}$/);
            assert.equal(created.outs.state, "AVAILABLE");
            assert.equal(created.outs.vpnConnectionId, created.id);
            assert.equal(created.outs.ikeOptions.localAddress, "203.0.113.11");
            assert.equal(created.outs.preSharedKey, "psk-123456");

            // WHEN read back
            const read = await hooks.read(created.id, { ...created.outs, __provider: PROVIDER });
            // THEN nothing differs, and read gives the inputs back as they were (a refresh shows nothing)
            assert.equal(read.id, created.id);
            assert.deepEqual(changedPaths(read.props!, inputs), []);
            assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
            assert.equal(shortDiff(inputs, read.inputs!), "");

            // WHEN name, PSK, an IKE field and the policies change
            const news = await checked({
                ...VALID,
                apiVersion,
                name: "office-2",
                preSharedKey: "psk-654321",
                ikeOptions: { remoteAddress: "198.51.100.11", dhGroupName: "GROUP2" },
                securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.1.0/24", "192.168.0.0/24"] }],
            });
            const diff = await hooks.diff(created.id, read.props!, news);
            assert.equal(diff.changes, true);
            assert.deepEqual(diff.replaces, []);
            const updated = await hooks.update(created.id, read.props!, news);
            // THEN the cloud reports the new values
            const reread = await hooks.read(created.id, updated.outs);
            assert.equal(reread.props!.name, "office-2");
            assert.equal(reread.props!.ikeOptions.dhGroupName, "GROUP2");
            assert.deepEqual(changedPaths(reread.props!, news), []);

            // WHEN deleted
            await hooks.remove(created.id, { ...updated.outs, __provider: PROVIDER });
            // THEN it is gone
            assert.deepEqual(await hooks.read(created.id, updated.outs), {});
            assert.deepEqual(await connections(), []);
            const calls = await counters();
            const writes = apiVersion === "3.0" ? ["CreateVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection"] : ["AddVpnConnEx", "ModifyVpnConnEx", "DeleteVpnConn"];
            for (const action of writes) assert.equal(calls[`tencentcloud:${action}`], 1, action);
        });
    }

    it("can read and update through API 3.0 a connection created through API 2.0", async () => {
        // GIVEN a connection made with apiVersion 2.0, non-default values included
        const raw = { ...VALID, ikeOptions: { remoteAddress: "198.51.100.11", propoEncryAlgorithm: "AES-CBC-256", propoAuthenAlgorithm: "MD5", dhGroupName: "GROUP14" }, ipsecOptions: { integrityAlgorithm: "MD5", pfsDhGroup: "DH-GROUP2", ipsecSaLifetimeTraffic: 3000 } };
        const created = await hooks.create(await checked({ ...raw, apiVersion: "2.0" }));
        // WHEN the program switches to apiVersion 3.0
        const news = await checked({ ...raw, apiVersion: "3.0" });
        const diff = await hooks.diff(created.id, created.outs, news);
        // THEN only apiVersion differs, and the update makes no cloud call
        assert.deepEqual(changedPaths(created.outs, news), ["apiVersion"]);
        assert.deepEqual(diff.replaces, []);
        const updated = await hooks.update(created.id, created.outs, news);
        assert.equal((await counters())["tencentcloud:ModifyVpnConnectionAttribute"], undefined);
        // AND reading through 3.0 finds the same values 2.0 wrote
        const read = await hooks.read(created.id, updated.outs);
        assert.equal(read.props!.apiVersion, "3.0");
        assert.deepEqual(changedPaths(read.props!, news), []);
        // WHEN a field changes through 3.0
        const changed = await checked({ ...raw, apiVersion: "3.0", ipsecOptions: { ...raw.ipsecOptions, ipsecSaLifetimeSeconds: 3600 } });
        await hooks.update(created.id, read.props!, changed);
        // THEN API 2.0 reads it too
        const api2Read = await hooks.read(created.id, { ...read.props!, apiVersion: "2.0" });
        assert.equal(api2Read.props!.ipsecOptions.ipsecSaLifetimeSeconds, 3600);
        assert.deepEqual(changedPaths(api2Read.props!, { ...changed, apiVersion: "2.0" }), []);
    });

    it("can map userGwCidrBlocks the same way in both API generations", async () => {
        // GIVEN userGwCidrBlocks instead of policies
        const raw = { ...VALID, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24", "10.56.21.0/24"] };
        for (const [writer, reader] of [["2.0", "3.0"], ["3.0", "2.0"]]) {
            // WHEN created through one generation and read through the other
            const created = await hooks.create(await checked({ ...raw, name: `ugw-${writer}`, apiVersion: writer }));
            const read = await hooks.read(created.id, { ...created.outs, apiVersion: reader });
            // THEN the blocks read back unchanged, and the cloud holds one policy from the VPC's CIDR
            assert.deepEqual(read.props!.userGwCidrBlocks, ["10.56.20.0/24", "10.56.21.0/24"]);
            assert.equal(read.props!.securityPolicyDatabases, undefined);
            const stored = (await connections()).find((c) => c.VpnConnectionId === created.id)!;
            assert.deepEqual(stored.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["10.56.20.0/24", "10.56.21.0/24"] }]);
        }
    });

    for (const createReturnsId of [false, true]) {
        it(`can create when CreateVpnConnection ${createReturnsId ? "reports" : "does not report"} the id`, async () => {
            // GIVEN the emulator answering like the official example (no id) or with one
            await cloud.control.call("POST", "/tencentcloud/settings", { createReturnsId });
            // WHEN created
            const created = await hooks.create(await checked(VALID));
            // THEN the id is the stored connection's, found through the filtered describe when unreported
            assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
            const lookups = (await cloud.control.requests()).filter((r: any) => r.action === "DescribeVpnConnections" && JSON.stringify(r).includes("Filters"));
            assert.equal(lookups.length, createReturnsId ? 1 : 2); // before creating, and (without an id) after
        });
    }

    it("can detect out-of-band drift through read and diff", async () => {
        // GIVEN a connection
        const inputs = await checked(VALID);
        const created = await hooks.create(inputs);
        // WHEN it is changed in the console
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, {
            PreShareKey: "changed-in-console",
            IKEOptionsSpecification: { DhGroupName: "GROUP5" },
            SecurityPolicyDatabaseSet: [{ LocalCidrBlock: "10.0.0.0/24", RemoteCidrBlock: ["192.168.0.0/24", "172.16.0.0/16"] }],
        });
        const read = await hooks.read(created.id, created.outs);
        // THEN diff reports exactly the drifted paths, and an update puts them back
        assert.deepEqual(changedPaths(read.props!, inputs).sort(), ["ikeOptions.dhGroupName", "preSharedKey", "securityPolicyDatabases"]);
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, true);
        await hooks.update(created.id, read.props!, inputs);
        assert.deepEqual(changedPaths((await hooks.read(created.id, created.outs)).props!, inputs), []);
    });

    it("can treat an empty reported PSK as unknown: no drift, the desired one kept", async () => {
        // GIVEN a connection the cloud later describes with an empty PreShareKey
        const inputs = await checked(VALID);
        const created = await hooks.create(inputs);
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { PreShareKey: "" });
        // WHEN refreshed
        const read = await hooks.read(created.id, created.outs);
        // THEN nothing differs and the outputs keep the desired PSK
        assert.deepEqual(changedPaths(read.props!, inputs), []);
        assert.equal(read.props!.preSharedKey, "psk-123456");
    });

    it("can replace when a gateway, the VPC, the route type or the region changes", async () => {
        // GIVEN a connection, and one change per replace-on-change property
        const inputs = await checked(VALID);
        const created = await hooks.create(inputs);
        const cases: [Props, string[]][] = [
            [{ vpnGatewayId: "vpngw-emu0002" }, ["vpnGatewayId"]],
            [{ customerGatewayId: "cgw-emu0002" }, ["customerGatewayId"]],
            [{ vpcId: "vpc-emu00002" }, ["vpcId"]],
            [{ routeType: "Policy" }, ["routeType"]],
            [{ region: "ap-shanghai" }, ["region"]],
        ];
        for (const [change, replaces] of cases) {
            // WHEN diffed with the change
            const result = await hooks.diff(created.id, created.outs, await checked({ ...VALID, ...change }));
            // THEN that property replaces
            assert.deepEqual(result.replaces, replaces);
            // On the same gateway the old tunnel must go first: the new one would clash with it.
            assert.equal(result.deleteBeforeReplace, !("vpnGatewayId" in change), JSON.stringify(change));
        }
    });

    it("can send changed policies to ModifyVpnConnEx as spdAcl.n, as ModifyVpnConnEx names them", async () => {
        // GIVEN an API 2.0 connection
        const created = await hooks.create(await checked({ ...VALID, apiVersion: "2.0" }));
        // WHEN its policies change
        const news = await checked({
            ...VALID,
            apiVersion: "2.0",
            securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24", "192.168.1.0/24"] }],
        });
        const updated = await hooks.update(created.id, created.outs, news);
        // THEN the modify carried indexed spdAcl entries, and the cloud has the new policy
        const modify = (await cloud.control.requests()).find((entry: any) => entry.action === "ModifyVpnConnEx") as any;
        assert.ok(Object.keys(modify.params).includes("spdAcl.0"), JSON.stringify(Object.keys(modify.params)));
        assert.equal(modify.params.spdAcl, undefined);
        assert.deepEqual(updated.outs!.securityPolicyDatabases, news.securityPolicyDatabases);
    });

    it("can record a changed timeout without calling the cloud", async () => {
        // GIVEN a connection
        const created = await hooks.create(await checked(VALID));
        const before = await cloud.control.counters();
        // WHEN only its delete deadline changes
        const news = await checked({ ...VALID, timeouts: { delete: 1800 } });
        const result = await hooks.diff(created.id, created.outs, news);
        const updated = await hooks.update(created.id, created.outs, news);
        // THEN the engine is asked to update, which stores the setting and writes nothing
        assert.equal(result.changes, true);
        assert.deepEqual(updated.outs!.timeouts, { delete: 1800 });
        assert.deepEqual(await cloud.control.counters(), before);
    });

    for (const apiVersion of ["3.0", "2.0"]) {
        it(`can delete a connection already deleted out of band (API ${apiVersion})`, async () => {
            // GIVEN a connection deleted in the console
            const created = await hooks.create(await checked({ ...VALID, apiVersion }));
            await cloud.control.call("DELETE", `/tencentcloud/connections/${created.id}`);
            // WHEN the engine deletes it
            await hooks.remove(created.id, created.outs);
            // THEN the delete succeeds and a read reports it gone
            assert.deepEqual(await hooks.read(created.id, created.outs), {});
        });

        it(`can adopt the connection an unanswered create made instead of creating a second (API ${apiVersion})`, async () => {
            // GIVEN the create is carried out but its answer is lost (socket reset)
            const action = apiVersion === "3.0" ? "CreateVpnConnection" : "AddVpnConnEx";
            await cloud.control.armFault({ cloud: "tencentcloud", action, fault: { kind: "reset-after" } });
            // WHEN created
            const created = await hooks.create(await checked({ ...VALID, apiVersion }));
            // THEN the reset happened, the create was looked up rather than sent again, and exactly one
            // connection exists: the one returned
            assert.deepEqual(await cloud.control.faults(), []);
            assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
            assert.equal((await counters())[`tencentcloud:${action}`], 1);
        });
    }

    it("can adopt the connection of an earlier, interrupted run of the same create", async () => {
        // GIVEN a create that went through but whose result the engine never recorded
        const inputs = await checked(VALID);
        const first = await hooks.create(inputs);
        // WHEN the same create runs again
        const second = await hooks.create(inputs);
        // THEN it hands back the first connection instead of making a second
        assert.equal(second.id, first.id);
        assert.equal((await connections()).length, 1);
    });

    for (const apiVersion of ["3.0", "2.0"]) {
        it(`can converge an earlier, interrupted run's connection to inputs edited since, through API ${apiVersion}`, async () => {
            // GIVEN a create that went through unrecorded, and the same create (as the SDK keys it) with a new PSK
            const first = await hooks.create(await checked({ ...VALID, apiVersion, idempotencyKey: "k-1" }));
            const edited = await checked({ ...VALID, apiVersion, idempotencyKey: "k-1", preSharedKey: "Edited-Psk-2" });
            // WHEN the edited create runs
            const second = await hooks.create(edited);
            // THEN the first connection is taken and modified to the edited inputs, before the create reports it
            assert.equal(second.id, first.id);
            const [connection] = await connections();
            assert.equal((await connections()).length, 1);
            assert.equal(second.outs.preSharedKey, "Edited-Psk-2");
            const read = await hooks.read(second.id, { ...second.outs, __provider: PROVIDER });
            assert.equal(read.props?.preSharedKey, "Edited-Psk-2");
            assert.deepEqual(changedPaths(second.outs, edited), []);
        });
    }

    it("can ride out throttling, a busy gateway and an internal error on a read", async () => {
        // GIVEN throttled creates, a describe failing once, and a second connection keeping the gateway busy
        await cloud.control.armFault({ cloud: "tencentcloud", action: "CreateVpnConnection", count: 2, fault: { kind: "error", code: "RequestLimitExceeded" } });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpnConnections", count: 1, fault: { kind: "error", code: "InternalError.ModuleError" } });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DeleteVpnConnection", count: 2, fault: { kind: "error", code: "UnsupportedOperation.MutexOperationTaskRunning" } });
        // WHEN created and deleted
        const created = await hooks.create(await checked(VALID));
        await hooks.remove(created.id, created.outs);
        // THEN every fault was met and ridden out, and both went through
        assert.deepEqual(await cloud.control.faults(), []);
        assert.equal(created.outs.state, "AVAILABLE");
        assert.deepEqual(await connections(), []);
        assert.equal((await counters())["tencentcloud:CreateVpnConnection"], 3);
        assert.equal((await counters())["tencentcloud:DeleteVpnConnection"], 3);
    });

    it("can run concurrent creates on one gateway one at a time", async () => {
        // GIVEN two connections on one VPN gateway
        // WHEN both are created at once
        // THEN both are made (the second waits for the gateway rather than failing)
        const [a, b] = await Promise.all([hooks.create(await checked({ ...VALID, name: "a" })), hooks.create(await checked({ ...VALID, name: "b", customerGatewayId: "cgw-emu0002" }))]);
        assert.notEqual(a.id, b.id);
        assert.equal((await connections()).length, 2);
    });

    it("fails when the create task fails, leaving nothing in state", async () => {
        // GIVEN the cloud's create task ends FAILED (and the connection disappears)
        await cloud.control.call("POST", "/tencentcloud/tasks/fail-next", { count: 1 });
        // WHEN created THEN the task failure is reported, without a partial-create id
        await assert.rejects(hooks.create(await checked(VALID)), (error: any) => error.code === "TaskFailed" && error.id === undefined);
        assert.deepEqual(await connections(), []);
    });

    it("fails with a partial create, keeping the id and __provider, when the connection exists but a later step fails", async () => {
        // GIVEN an id in the create answer, then a task lookup the caller may not make
        await cloud.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpcTaskResult", fault: { kind: "error", code: "AuthFailure.UnauthorizedOperation" } });
        // WHEN created
        const error: any = await hooks.create(await checked(VALID)).then(() => assert.fail("no error"), (e) => e);
        // THEN the engine gets the id and properties to keep the connection in state
        const [stored] = await connections();
        assert.equal(error.id, stored.VpnConnectionId);
        assert.equal(error.properties.__provider, PROVIDER);
        assert.equal(error.properties.vpnConnectionId, stored.VpnConnectionId);
        assert.match(error.message, /AuthFailure\.UnauthorizedOperation/);
    });

    it("can finish a partial create on the next update without creating again", async () => {
        // GIVEN a create whose task lookup failed after the cloud made the connection (kept in state by the engine)
        await cloud.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpcTaskResult", fault: { kind: "error", code: "AuthFailure.UnauthorizedOperation" } });
        const inputs = await checked(VALID);
        const partial: any = await hooks.create(inputs).then(() => assert.fail("no error"), (e) => e);
        const before = await counters();
        // WHEN the engine updates it on the next up (it does for a resource with init errors)
        const updated = await hooks.update(partial.id, partial.properties, inputs);
        // THEN it waited for the connection and recorded what the cloud reports, creating and modifying nothing
        assert.equal(updated.outs.state, "AVAILABLE");
        const after = await counters();
        for (const action of ["CreateVpnConnection", "ModifyVpnConnectionAttribute"]) assert.equal(after[`tencentcloud:${action}`] ?? 0, before[`tencentcloud:${action}`] ?? 0, action);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [partial.id]);
    });

    it("fails when a partial create's connection is gone by the next update, naming pulumi refresh", async () => {
        // GIVEN a partial create whose connection was then deleted out of band
        await cloud.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpcTaskResult", fault: { kind: "error", code: "AuthFailure.UnauthorizedOperation" } });
        const inputs = await checked(VALID);
        const partial: any = await hooks.create(inputs).then(() => assert.fail("no error"), (e) => e);
        await cloud.control.call("DELETE", `/tencentcloud/connections/${partial.id}`);
        // WHEN the engine updates it THEN the error names the connection and `pulumi refresh`
        await assert.rejects(hooks.update(partial.id, partial.properties, inputs), (error: any) => error.name === "IncompleteCreateGoneError" && error.id === partial.id && /pulumi refresh/.test(error.message));
        assert.deepEqual(await connections(), []);
    });

    it("fails when credentials are wrong, naming the setting to check and no secret", async () => {
        // GIVEN a wrong secret key
        const key = process.env.TENCENTCLOUD_SECRET_KEY;
        process.env.TENCENTCLOUD_SECRET_KEY = "wrong-secret-key-123";
        try {
            // WHEN a connection is created
            // THEN the signature is refused, naming the variable to check and not the key
            await assert.rejects(hooks.create(await checked(VALID)), (error: any) => error.code === "AuthFailure.SignatureFailure" && /TENCENTCLOUD_SECRET_KEY/.test(error.message) && !error.message.includes("wrong-secret-key-123"));
        } finally {
            process.env.TENCENTCLOUD_SECRET_KEY = key;
        }
    });
});
