import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud, useTestCloud } from "../../support/cloudEnv";
import { describeFaultMatrix, withEnv } from "../../support/faultMatrix";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

/** What both API generations share: the same store, so the same config is read back through the control API. */
const shared = {
    cloud: "tencentcloud",
    hooks,
    change: { name: "faults-2", ikeOptions: { ...(VALID.ikeOptions as Props), propoEncryAlgorithm: "AES-CBC-256" } },
    busy: async (cloud: TestCloud, gatewayId: string, ms: number) => {
        await cloud.control.call("POST", `/tencentcloud/gateways/${gatewayId}/busy`, { ms });
    },
    failNextTask: async (cloud: TestCloud) => {
        await cloud.control.call("POST", "/tencentcloud/tasks/fail-next", { count: 1 });
    },
    connections: (state: any) => state.tencentcloud.connections,
    idOf: (connection: Props) => connection.VpnConnectionId,
    config: (connection: Props) => ({
        name: connection.VpnConnectionName,
        localCidrBlock: connection.SecurityPolicyDatabaseSet[0].LocalCidrBlock,
        ikeEncryption: connection.IKEOptionsSpecification.PropoEncryAlgorithm,
    }),
    expected: {
        desired: { name: "faults", localCidrBlock: "10.0.0.0/24", ikeEncryption: "3DES-CBC" },
        changed: { name: "faults-2", localCidrBlock: "10.0.0.0/24", ikeEncryption: "AES-CBC-256" },
    },
    credentials: (cloud: TestCloud) => [cloud.tencentcloud!.secretKey],
} as const;

// Tencent has no ClientToken: an ambiguous create (reset after commit, answer beyond the timeout,
// 5xx) is followed by a lookup of the tagged connection, which is adopted instead of creating another.
describeFaultMatrix({
    ...shared,
    title: "tencentcloud vpnConnection hooks (API 3.0)",
    desired: () => ({ ...VALID, name: "faults", preSharedKey: "fault-matrix-psk-2" }),
    actions: { create: "CreateVpnConnection", read: "DescribeVpnConnections", update: "ModifyVpnConnectionAttribute", delete: "DeleteVpnConnection" },
    errors: {
        throttling: { code: "RequestLimitExceeded" },
        server: { code: "InternalError", httpStatus: 503 },
        validation: { code: "InvalidParameterValue.Malformed" },
        auth: { code: "AuthFailure.UnauthorizedOperation" },
    },
});

// The retired API 2.0 (https://cloud.tencent.com/document/product/1278/82311): other actions and envelope, the same store and guarantees.
describeFaultMatrix({
    ...shared,
    title: "tencentcloud vpnConnection hooks (API 2.0)",
    desired: () => ({ ...VALID, apiVersion: "2.0", name: "faults", preSharedKey: "fault-matrix-psk-3" }),
    actions: { create: "AddVpnConnEx", read: "DescribeVpnConn", update: "ModifyVpnConnEx", delete: "DeleteVpnConn" },
    errors: {
        throttling: { code: "RequestLimitExceeded" },
        server: { code: "InternalError", httpStatus: 502 },
        validation: { code: "InvalidParameter" },
        auth: { code: "AuthFailure" },
    },
    // Its answers carry no RequestId (`{code, message, codeDesc}`, https://tencentcloud.com/document/api/214/1526).
    requestIds: false,
});

describe("tencentcloud vpnConnection hooks: answers without what their action returns, and tags listed late (emulator, real SDK)", () => {
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const checked = async (extra: Props = {}): Promise<Props> => {
        const result = await hooks.check({}, { ...VALID, ...extra });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    };
    const connections = async (): Promise<Props[]> => (await cloud.control.state<any>()).tencentcloud.connections;
    const calls = async (action: string): Promise<Props[]> => (await cloud.control.requests()).filter((entry: Props) => entry.action === action);
    const json = (action: string, body: string, count: number) =>
        cloud.control.armFault({ cloud: "tencentcloud", action, count, fault: { kind: "raw", status: 200, body, contentType: "application/json" } });

    for (const [apiVersion, action, body] of [
        ["3.0", "DescribeVpnConnections", '{"Response":{"RequestId":"R-NOSET"}}'],
        ["2.0", "DescribeVpnConn", '{"code":0,"message":"","codeDesc":"Success"}'],
    ]) {
        it(`fails a read through API ${apiVersion} on an answer without its list, instead of reporting the connection gone`, async () => {
            // GIVEN a connection, and describes answered with the envelope but no list
            const created = await hooks.create(await checked({ apiVersion }));
            await json(action, body, 1000);
            // WHEN read under a short read deadline
            const attempt = withEnv({ PULUMI_IPSEC_READ_TIMEOUT_MS: "600" }, () => hooks.read(created.id, created.outs));
            // THEN the read fails as an invalid answer (retried until then), naming the missing field
            await assert.rejects(attempt, (error: unknown) => {
                assert.ok(error instanceof CloudApiError, String(error));
                assert.equal(error.code, "HttpError.InvalidResponse");
                assert.match(error.message, apiVersion === "3.0" ? /`VpnConnectionSet`/ : /`data`/);
                if (apiVersion === "3.0") assert.equal(error.requestId, "R-NOSET");
                return true;
            });
            assert.ok((await calls(action)).length > 2, "the invalid answer was retried");
        });

        it(`can read through API ${apiVersion} past two answers without their list`, async () => {
            // GIVEN a connection, and two describes without the list
            const created = await hooks.create(await checked({ apiVersion }));
            await json(action, body, 2);
            // WHEN read
            const read = await hooks.read(created.id, created.outs);
            // THEN the connection is still there
            assert.equal(read.id, created.id);
        });
    }

    // A list item that is not a connection object: `null` once threw a TypeError (never retried), and
    // a string made the answer read as "not listed", so the engine dropped an existing connection.
    // API 2.0 has no gateway listing: with batching on, it reads by id too.
    for (const [apiVersion, action, envelope, idField, batchings] of [
        ["3.0", "DescribeVpnConnections", (item: string) => `{"Response":{"RequestId":"R-ITEM","TotalCount":1,"VpnConnectionSet":[${item}]}}`, /`VpnConnectionSet` item 1/, ["off", "on"]],
        ["2.0", "DescribeVpnConn", (item: string) => `{"code":0,"message":"","codeDesc":"Success","totalCount":1,"data":[${item}]}`, /`data` item 1/, ["off"]],
    ] as const) {
        for (const batching of batchings) {
            for (const item of ["null", '"x"']) {
                // Batched, a listing that meets it once falls back to a by-id read, which the old code passed too.
                if (batching === "off") {
                    it(`can read through API ${apiVersion} (batching ${batching}) past a describe listing [${item}], answering the connection`, async () => {
                        // GIVEN a connection, and one describe whose list holds an item that is not a connection
                        const created = await hooks.create(await checked({ apiVersion }));
                        await json(action, envelope(item), 1);
                        // WHEN read
                        const read = await withEnv({ PULUMI_IPSEC_READ_BATCHING: batching }, () => hooks.read(created.id, created.outs));
                        // THEN the invalid answer was retried and the connection is answered
                        assert.equal(read.id, created.id);
                        assert.equal(read.props!.vpnConnectionId, created.id);
                        assert.deepEqual((await calls(action)).map((c) => c.fault).slice(-2), ["raw", undefined]);
                    });
                }

                it(`fails a read through API ${apiVersion} (batching ${batching}) on describes listing [${item}] until the deadline, rather than reporting the connection gone`, async () => {
                    // GIVEN a connection, and every describe listing an item that is not a connection
                    const created = await hooks.create(await checked({ apiVersion }));
                    await json(action, envelope(item), 1000);
                    // WHEN read under a short read deadline
                    const attempt = withEnv({ PULUMI_IPSEC_READ_BATCHING: batching, PULUMI_IPSEC_READ_TIMEOUT_MS: "600" }, () => hooks.read(created.id, created.outs));
                    // THEN it fails as an invalid answer naming the item, after retries, and the connection is still there
                    await assert.rejects(attempt, (error: unknown) => {
                        assert.ok(error instanceof CloudApiError, String(error));
                        assert.equal(error.code, "HttpError.InvalidResponse");
                        assert.match(error.message, idField);
                        return true;
                    });
                    assert.ok((await calls(action)).filter((c) => c.fault === "raw").length > 2, "the invalid answer was retried");
                    await cloud.control.clearFaults();
                    assert.equal((await connections()).length, 1);
                });
            }
        }
    }

    it("can create when describes never list the connection's tags, recording it and adopting it on a re-run", async () => {
        // GIVEN a cloud whose DescribeVpnConnections shows no TagSet
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetEmpty: true });
        const inputs = await checked();
        // WHEN created, and the create re-run (as after a crash)
        const created = await withEnv({ PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "4000" }, () => hooks.create(inputs));
        const rerun = await hooks.create(inputs);
        // THEN the connection was found by name, gateways and VPC: recorded once, never duplicated
        assert.equal(created.outs.state, "AVAILABLE");
        assert.equal(rerun.id, created.id);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
        assert.equal((await calls("CreateVpnConnection")).length, 1);
    });

    it("can adopt instead of duplicating when an ambiguous create is looked up while its tags are still unlisted", async () => {
        // GIVEN tags that appear only once a connection is AVAILABLE, slow transitions, and a create whose answer is lost after it committed
        await cloud.control.call("POST", "/tencentcloud/settings", { tagSetLate: true });
        await cloud.control.settings({ transitionMs: 400 });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "CreateVpnConnection", fault: { kind: "reset-after" } });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN the lookup after the reset found the PENDING connection by name: one connection, sent once
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
        assert.equal((await calls("CreateVpnConnection")).length, 1);
    });

    it("fails with the connection's id when the lookup after an ambiguous create fails, so the engine still records it", async () => {
        // GIVEN a first lookup that passes, a create whose answer is lost after it committed, and a
        // lookup after it refused for good (AuthFailure is never retried)
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpnConnections", fault: { kind: "delay", ms: 1 } });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "CreateVpnConnection", fault: { kind: "reset-after" } });
        await cloud.control.armFault({ cloud: "tencentcloud", action: "DescribeVpnConnections", fault: { kind: "error", code: "AuthFailure.UnauthorizedOperation" } });
        // WHEN created
        const error: any = await hooks.create(await checked()).then(() => assert.fail("the create succeeded"), (e) => e);
        // THEN the create fails with the refusal, but carries the id of the one connection it made
        assert.match(String(error.message), /AuthFailure\.UnauthorizedOperation/);
        const all = await connections();
        assert.equal(all.length, 1);
        assert.equal(error.id, all[0].VpnConnectionId);
        assert.equal(error.properties.vpnConnectionId, all[0].VpnConnectionId);
        assert.equal((await calls("CreateVpnConnection")).length, 1);
    });

    it("can create through an HTML 502 page after the cloud committed, adopting the connection made", async () => {
        // GIVEN a committed create answered by a proxy's error page
        await cloud.control.armFault({ cloud: "tencentcloud", action: "CreateVpnConnection", fault: { kind: "raw", status: 502, body: "<html>502 Bad Gateway</html>", commit: true } });
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN one connection, the one recorded
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
    });

    it("can wait out the busy families ResourceInUse.* and OperationDenied.InstanceStatusLimitError", async () => {
        // GIVEN creates refused while a resource is in use and the instance's status forbids the change
        for (const code of ["ResourceInUse.Address", "OperationDenied.InstanceStatusLimitError"]) {
            await cloud.control.armFault({ cloud: "tencentcloud", action: "CreateVpnConnection", fault: { kind: "error", code } });
        }
        // WHEN created
        const created = await hooks.create(await checked());
        // THEN both were retried, and one connection exists
        assert.deepEqual((await calls("CreateVpnConnection")).map((c) => c.outcome), ["ResourceInUse.Address", "OperationDenied.InstanceStatusLimitError", "OK"]);
        assert.deepEqual((await connections()).map((c) => c.VpnConnectionId), [created.id]);
    });
});

describe("tencentcloud vpnConnection hooks: a FAILED task whose output echoes the PSK (emulator, real SDK)", () => {
    const cloud = useTestCloud();

    const psk = "Task-Output-Psk/1";
    const checked = async (extra: Props = {}): Promise<Props> => {
        const result = await hooks.check({}, { ...VALID, preSharedKey: psk, ...extra });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    };
    /** The task's output: the PSK as sent (JSON) and raw, and the credentials' secret. */
    const output = () => `IKEOptions {"PreShareKey":"${psk}"} refused (psk ${psk}, key ${cloud().tencentcloud!.secretKey})`;
    /** DescribeVpcTaskResult answers FAILED with `output`, through each API generation's envelope. */
    const failedTask: Record<string, () => string> = {
        "3.0": () => JSON.stringify({ Response: { RequestId: "R-TASK", Status: "FAILED", Output: output() } }),
        "2.0": () => JSON.stringify({ code: 0, message: output(), codeDesc: "Success", data: { status: 1 } }),
    };
    const failTask = (apiVersion: string) =>
        cloud().control.armFault({ cloud: "tencentcloud", action: "DescribeVpcTaskResult", fault: { kind: "raw", status: 200, body: failedTask[apiVersion](), contentType: "application/json" } });
    const assertScrubbed = (text: string) => {
        assert.equal(text.includes(psk), false, text);
        assert.equal(text.includes(psk.replace("/", "\\/")), false, text);
        assert.equal(text.includes(cloud().tencentcloud!.secretKey), false, text);
        assert.match(text, /\[REDACTED\]/);
    };

    for (const apiVersion of ["3.0", "2.0"]) {
        it(`fails through API ${apiVersion} with the task failure, its output scrubbed of the PSK and the secret key`, async () => {
            // GIVEN a create whose task fails at once (the connection disappears), reported FAILED echoing the PSK
            await cloud().control.settings({ transitionMs: 0 });
            await cloud().control.call("POST", "/tencentcloud/tasks/fail-next", { count: 1 });
            await failTask(apiVersion);
            // WHEN created
            const error: any = await hooks.create(await checked({ apiVersion })).then(() => assert.fail("the create succeeded"), (e) => e);
            // THEN the task failure itself is reported (no partial create), without the PSK or the key
            assert.ok(error instanceof CloudApiError, String(error));
            assert.equal((error as Props).id, undefined);
            assert.equal(error.code, "TaskFailed");
            assertScrubbed(error.message);
        });

        it(`fails through API ${apiVersion} with a partial create whose reasons, kept in state, hold no PSK`, async () => {
            // GIVEN a create that names its connection, then a task reported FAILED echoing the PSK while the connection stays
            await cloud().control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            await failTask(apiVersion);
            // WHEN created
            const error: any = await hooks.create(await checked({ apiVersion })).then(() => assert.fail("the create succeeded"), (e) => e);
            // THEN the engine gets a partial create: its message and reasons (stored as initErrors) are scrubbed
            assert.ok(error.id, "a partial create");
            assert.match(error.message, /TaskFailed/);
            assertScrubbed(error.message);
            assert.equal(error.reasons.length, 1);
            assertScrubbed(error.reasons[0]);
        });
    }
});
