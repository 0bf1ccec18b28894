import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { CloudApiError } from "../../../provider/core/errors";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { describeFaultMatrix, withEnv } from "../../support/faultMatrix";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

describeFaultMatrix({
    cloud: "alicloud",
    title: "alicloud vpnConnection hooks",
    hooks,
    desired: () => ({ ...VALID, name: "faults", preSharedKey: "Fault-Matrix-Psk-1" }),
    change: { name: "faults-2", ikeConfig: { ikeEncAlg: "aes256" } },
    actions: { create: "CreateVpnConnection", read: "DescribeVpnConnections", update: "ModifyVpnConnectionAttribute", delete: "DeleteVpnConnection" },
    errors: {
        throttling: { code: "Throttling.User" },
        server: { code: "ServiceUnavailable", httpStatus: 503 },
        validation: { code: "InvalidParameter", httpStatus: 400 },
        auth: { code: "InvalidAccessKeyId.NotFound", httpStatus: 404 },
    },
    busy: async (cloud, gatewayId, ms) => {
        await cloud.control.call("POST", `/alicloud/gateways/${gatewayId}/busy`, { ms });
    },
    connections: (state) => state.alicloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    config: (connection: Props) => ({ name: connection.Name, localSubnet: connection.LocalSubnet, ikeEncAlg: connection.IkeConfig.IkeEncAlg }),
    expected: {
        desired: { name: "faults", localSubnet: "10.0.0.0/16", ikeEncAlg: "aes" },
        changed: { name: "faults-2", localSubnet: "10.0.0.0/16", ikeEncAlg: "aes256" },
    },
    credentials: (cloud) => [cloud.alicloud.accessKeySecret],
});

describe("alicloud vpnConnection hooks: answers that are not the API's envelope (emulator, real pop-core)", () => {
    let cloud: TestCloud;
    const psk = "Envelope-Psk-1";

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const checked = async (extra: Props = {}): Promise<Props> => {
        const result = await hooks.check({}, { ...VALID, preSharedKey: psk, ...extra });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    };
    const connections = async (): Promise<Props[]> => (await cloud.control.state<any>()).alicloud.connections;
    const calls = async (action: string): Promise<Props[]> => (await cloud.control.requests()).filter((entry: Props) => entry.action === action);
    const raw = (action: string, status: number, body: string, options: { commit?: boolean; count?: number; json?: boolean } = {}) =>
        cloud.control.armFault({
            cloud: "alicloud",
            action,
            count: options.count ?? 1,
            fault: { kind: "raw", status, body, commit: options.commit ?? false, contentType: options.json ? "application/json" : "text/html" },
        });

    it("can create through a proxy's HTML 502 page after the cloud committed, re-sending the same ClientToken", async () => {
        // GIVEN a create whose committed answer is replaced by a load balancer's error page
        await raw("CreateVpnConnection", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", { commit: true });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN the create was retried with the same token and the engine gets the one connection made
        const creates = await calls("CreateVpnConnection");
        assert.deepEqual(creates.map((c) => c.fault), ["raw", undefined]);
        assert.equal(creates[1].params.ClientToken, creates[0].params.ClientToken);
        const all = await connections();
        assert.deepEqual(all.map((c) => c.VpnConnectionId), [created.id]);
        assert.equal(created.outs.state, "active");
    });

    it("can create through a truncated and an empty answer before the cloud acted", async () => {
        // GIVEN two creates answered by a cut-off JSON body and an empty one, the cloud untouched
        await raw("CreateVpnConnection", 200, '{"RequestId":"A1","VpnConnec', { json: true });
        await raw("CreateVpnConnection", 200, "", { json: true });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN the third attempt made exactly one connection
        assert.equal((await calls("CreateVpnConnection")).length, 3);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
    });

    it("can create when a committed create is answered `200 {}`, recording the connection it made", async () => {
        // GIVEN a committed create whose answer lost every field
        await raw("CreateVpnConnection", 200, "{}", { commit: true, json: true });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN the id is the connection's, found again through the same ClientToken
        assert.match(created.id, /^vco-/);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
    });

    it("fails a read on a JSON 503 without Code, with a typed error, instead of reporting the connection gone", async () => {
        // GIVEN a connection, and a gateway that keeps answering 503 with a body echoing the PSK, plain and base64
        const created = await hooks.create(await checked());
        const encoded = Buffer.from(`psk=${psk}`).toString("base64");
        const body = JSON.stringify({ message: `Service Unavailable (${psk}, ${encoded})` });
        await raw("DescribeVpnConnections", 503, body, { json: true, count: 1000 });
        // WHEN read under a short read deadline
        const attempt = withEnv({ PULUMI_IPSEC_READ_TIMEOUT_MS: "600" }, () => hooks.read(created.id, created.outs));
        // THEN the read fails as a retried server error naming the status, and no form of the PSK
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError, String(error));
            assert.equal(error.code, "HttpError.503");
            assert.equal(error.httpStatus, 503);
            assert.equal(error.message.includes(psk), false, error.message);
            // Characters 6… of the encoding hold only the PSK's bits ("psk=" fills the first 32).
            assert.equal(error.message.includes(encoded.slice(6, 18)), false, error.message);
            return true;
        });
        assert.ok((await calls("DescribeVpnConnections")).length > 2, "the 503 was retried");
        await cloud.control.clearFaults();
        assert.equal((await connections()).length, 1);
    });

    it("can read through a transient JSON 503 without Code", async () => {
        // GIVEN a connection, and two describes answered 503 `{"message":…}`
        const created = await hooks.create(await checked());
        await raw("DescribeVpnConnections", 503, '{"message":"Service Unavailable"}', { json: true, count: 2 });
        // WHEN read
        const read = await hooks.read(created.id, created.outs);
        // THEN the connection is still there
        assert.equal(read.id, created.id);
        assert.equal(read.props!.vpnConnectionId, created.id);
    });

    it("fails a read on an answer without the connection list, rather than dropping the connection from state", async () => {
        // GIVEN a connection, and describes answered `{"RequestId":…}` with no VpnConnections
        const created = await hooks.create(await checked());
        await raw("DescribeVpnConnections", 200, '{"RequestId":"R-EMPTY"}', { json: true, count: 1000 });
        // WHEN read
        const attempt = withEnv({ PULUMI_IPSEC_READ_TIMEOUT_MS: "600" }, () => hooks.read(created.id, created.outs));
        // THEN it fails as an invalid answer, with the request id it had
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError, String(error));
            assert.equal(error.code, "HttpError.InvalidResponse");
            assert.equal(error.requestId, "R-EMPTY");
            assert.match(error.message, /VpnConnections\.VpnConnection/);
            return true;
        });
    });

    // A list item that is not a connection object: `null` once threw a TypeError (never retried), and
    // a string made the answer read as "not listed", so the engine dropped an existing connection.
    for (const batching of ["off", "on"]) {
        for (const item of ["null", '"x"']) {
            const body = `{"RequestId":"R-ITEM","VpnConnections":{"VpnConnection":[${item}]}}`;

            // Batched, a listing that meets it once falls back to a by-id read, which the old code passed too.
            if (batching === "off") {
                it(`can read (batching ${batching}) past a describe listing [${item}], answering the connection`, async () => {
                    // GIVEN a connection, and one describe whose list holds an item that is not a connection
                    const created = await hooks.create(await checked());
                    await raw("DescribeVpnConnections", 200, body, { json: true, count: 1 });
                    // WHEN read
                    const read = await withEnv({ PULUMI_IPSEC_READ_BATCHING: batching }, () => hooks.read(created.id, created.outs));
                    // THEN the invalid answer was retried and the connection is answered
                    assert.equal(read.id, created.id);
                    assert.equal(read.props!.vpnConnectionId, created.id);
                    assert.deepEqual((await calls("DescribeVpnConnections")).map((c) => c.fault).slice(-2), ["raw", undefined]);
                });
            }

            it(`fails a read (batching ${batching}) on describes listing [${item}] until the deadline, rather than reporting the connection gone`, async () => {
                // GIVEN a connection, and every describe listing an item that is not a connection
                const created = await hooks.create(await checked());
                await raw("DescribeVpnConnections", 200, body, { json: true, count: 1000 });
                // WHEN read under a short read deadline
                const attempt = withEnv({ PULUMI_IPSEC_READ_BATCHING: batching, PULUMI_IPSEC_READ_TIMEOUT_MS: "600" }, () => hooks.read(created.id, created.outs));
                // THEN it fails as an invalid answer naming the item, after retries, and the connection is still there
                await assert.rejects(attempt, (error: unknown) => {
                    assert.ok(error instanceof CloudApiError, String(error));
                    assert.equal(error.code, "HttpError.InvalidResponse");
                    assert.equal(error.requestId, "R-ITEM");
                    assert.match(error.message, /`VpnConnections\.VpnConnection` item 1/);
                    return true;
                });
                assert.ok((await calls("DescribeVpnConnections")).filter((c) => c.fault === "raw").length > 2, "the invalid answer was retried");
                await cloud.control.clearFaults();
                assert.equal((await connections()).length, 1);
            });
        }
    }

    it("can update through `200 {}` answered before the cloud acted, sending the modify again", async () => {
        // GIVEN a connection, and a modify answered `{}` by something in between
        const created = await hooks.create(await checked());
        await raw("ModifyVpnConnectionAttribute", 200, "{}", { json: true });
        // WHEN renamed
        const updated = await hooks.update(created.id, created.outs, await checked({ name: "renamed" }));
        // THEN the cloud really has the new name
        assert.equal(updated.outs.name, "renamed");
        assert.equal((await calls("ModifyVpnConnectionAttribute")).length, 2);
        assert.deepEqual((await connections()).map((c) => c.Name), ["renamed"]);
    });

    it("fails after a bounded number of salted ClientTokens when every create answers with a deleted connection", async () => {
        // GIVEN creates that all answer with a connection made long ago and no longer listed
        await raw("CreateVpnConnection", 200, '{"RequestId":"R-OLD","VpnConnectionId":"vco-retired","CreateTime":1}', { json: true, count: 1000 });
        // WHEN created
        const attempt = hooks.create(await checked());
        // THEN it gives up with a typed error naming what to do, after 11 creates each with its own token
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError, String(error));
            assert.equal(error.code, "ClientToken.Retired");
            assert.match(error.message, /idempotencyKey/);
            return true;
        });
        const tokens = (await calls("CreateVpnConnection")).map((c) => c.params.ClientToken);
        assert.equal(tokens.length, 11);
        assert.equal(new Set(tokens).size, 11);
        assert.deepEqual(await connections(), []);
    });

    it("fails without another salted create once the create's deadline has passed", async () => {
        // GIVEN creates that all answer with a deleted connection, and describes slow enough to spend a 1 s deadline
        await raw("CreateVpnConnection", 200, '{"RequestId":"R-OLD","VpnConnectionId":"vco-retired","CreateTime":1}', { json: true, count: 1000 });
        await cloud.control.armFault({ cloud: "alicloud", action: "DescribeVpnConnections", count: 1000, fault: { kind: "delay", ms: 400 } });
        // WHEN created with a 1 s create timeout
        const attempt = hooks.create(await checked({ timeouts: { create: 1 } }));
        // THEN it gives up after the first create, saying the deadline passed
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError, String(error));
            assert.equal(error.code, "ClientToken.Retired");
            assert.match(error.message, /deadline has passed/);
            return true;
        });
        assert.equal((await calls("CreateVpnConnection")).length, 1);
    });

    it("can wait out the busy families IncorrectStatus.* and OperationDenied.VpnGwLocked", async () => {
        // GIVEN creates refused while the gateway is locked and in an incorrect status
        await cloud.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "error", code: "OperationDenied.VpnGwLocked", httpStatus: 400 } });
        await cloud.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "error", code: "IncorrectStatus.VpnGateway", httpStatus: 400 } });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN both were retried and one connection exists
        assert.deepEqual((await calls("CreateVpnConnection")).map((c) => c.outcome), ["OperationDenied.VpnGwLocked", "IncorrectStatus.VpnGateway", "OK"]);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
    });
});
