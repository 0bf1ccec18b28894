import assert from "node:assert/strict";
import * as http from "http";
import { ControlClientError } from "../../../emulator/core/controlClient";
import type { ParsedCall } from "../../../emulator/core/types";
import { createTencentFrontEnd, redact } from "../../../emulator/tencentcloud/frontEnd";
import { CREDENTIAL } from "../../../emulator/tencentcloud/fixtures";
import { createRequest, fakeContext, sdkError, signApi2, withTencentEmulator, type TencentHarness, type VpcClient, TRANSITION_MS } from "./support";

/** A raw POST to the emulator, for requests the SDK would never send. */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
    return new Promise((resolve, reject) => {
        const req = http.request(url, { method: "POST", agent: false, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
        });
        req.on("error", reject);
        req.end(body);
    });
}

describe("frontEnd", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
    });

    async function createAvailable(): Promise<string> {
        await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
        const id = (await vpc.CreateVpnConnection(createRequest() as never)).VpnConnection!.VpnConnectionId!;
        await h.control.advanceClock(TRANSITION_MS);
        return id;
    }

    describe("describe", () => {
        it("can tell clients the endpoints, credentials and fixture ids", () => {
            // GIVEN / WHEN
            const info = h.info;
            // THEN
            assert.deepEqual(info, {
                endpoint: `${h.emulator.baseUrl}/tencentcloud`,
                legacyEndpoint: `${h.emulator.baseUrl}/tencentcloud/v2/index.php`,
                tagEndpoint: `${h.emulator.baseUrl}/tencentcloud/tag`,
                secretId: "AKIDEmulatorTencent0001",
                secretKey: "emulator-tencent-secret-0001",
                region: "ap-guangzhou",
                api2Region: "gz",
                vpcIds: ["vpc-emu00001", "vpc-emu00002"],
                vpnGatewayIds: ["vpngw-emu0001", "vpngw-emu0002", "vpngw-emu0003"],
                customerGatewayIds: ["cgw-emu0001", "cgw-emu0002", "cgw-emu0003"],
            });
        });
    });

    describe("parse", () => {
        it("can redact the PSK, Signature and SecretId from the parameters it hands the core", () => {
            // GIVEN a signed API 2.0 AddVpnConnEx carrying a PSK
            const ctx = fakeContext();
            const fe = createTencentFrontEnd(ctx);
            const params: Record<string, string> = {
                Action: "AddVpnConnEx",
                Region: "gz",
                Timestamp: String(ctx.now() / 1000),
                Nonce: "1",
                SecretId: CREDENTIAL.secretId,
                preSharedKey: "psk",
                vpnConnName: "n",
            };
            params.Signature = signApi2("POST", "127.0.0.1:1", "/tencentcloud/v2/index.php", params, CREDENTIAL.secretKey, "sha1");
            // WHEN
            const call = fe.parse({
                method: "POST",
                path: "/v2/index.php",
                query: "",
                headers: { host: "127.0.0.1:1", "content-type": "application/x-www-form-urlencoded" },
                body: new URLSearchParams(params).toString(),
            }) as ParsedCall;
            // THEN
            assert.equal(call.action, "AddVpnConnEx");
            assert.deepEqual(call.redactedParams, { ...params, preSharedKey: "***", Signature: "***", SecretId: "***" });
        });

        it("can redact secrets at any depth", () => {
            // WHEN
            const out = redact({ PreShareKey: "p", Token: "t", Nested: [{ preSharedKey: "q", LocalAddress: "1.2.3.4" }] });
            // THEN
            assert.deepEqual(out, { PreShareKey: "***", Token: "***", Nested: [{ preSharedKey: "***", LocalAddress: "1.2.3.4" }] });
        });

        it("can keep PSKs out of the core's request log for both generations", async () => {
            // GIVEN
            await vpc.CreateVpnConnection(createRequest({ PreShareKey: "psk-v3-never-logged" }) as never);
            await h.api2("DescribeVpnConn", { vpnConnName: "x" });
            await h.api2("AddVpnConnEx", {
                vpcId: "vpc-emu00001",
                vpnGwId: "vpngw-emu0002",
                userGwId: "cgw-emu0002",
                vpnConnName: "l",
                preSharedKey: "psk-v2-never-logged",
                "userGwCidrBlock.0": "172.16.0.0/16",
            });
            // WHEN
            const log = JSON.stringify(await h.control.requests());
            // THEN
            assert.doesNotMatch(log, /never-logged/);
            assert.doesNotMatch(log, /AKIDEmulatorTencent0001/);
            assert.match(log, /AddVpnConnEx/);
        });

        it("can keep PSKs out of the state dump", async () => {
            // GIVEN
            await vpc.CreateVpnConnection(createRequest({ PreShareKey: "psk-never-dumped" }) as never);
            // WHEN
            const state = JSON.stringify(await h.control.state());
            // THEN
            assert.doesNotMatch(state, /psk-never-dumped/);
            assert.match(state, /vpnx-/);
        });

        it("fails when an API 3.0 call is not POST application/json", async () => {
            // WHEN
            const r = await rawPost(h.info.endpoint + "/", { "content-type": "application/x-www-form-urlencoded" }, "Action=DescribeVpcs");
            // THEN
            assert.equal(r.json.Response.Error.Code, "InvalidRequest");
        });

        it("fails with 404 for a path it does not serve", async () => {
            // WHEN
            const r = await rawPost(h.info.endpoint + "/v3/index.php", { "content-type": "application/json" }, "{}");
            // THEN
            assert.equal(r.status, 404);
        });

        it("can answer an injected fault in each generation's envelope", async () => {
            // GIVEN faults armed through the core
            await h.control.armFault({ cloud: "tencentcloud", action: "DescribeVpnGateways", fault: { kind: "error", code: "RequestLimitExceeded" } });
            await h.control.armFault({ cloud: "tencentcloud", action: "DescribeVpnConn", fault: { kind: "error", code: "ActionLocked", message: "wait" } });
            const v3 = await sdkError(vpc.DescribeVpnGateways({}));
            // WHEN
            const v2 = await h.api2("DescribeVpnConn", {});
            // THEN
            assert.equal(v3.code, "RequestLimitExceeded");
            assert.match(v3.message, /RequestLimitExceeded/);
            assert.deepEqual([v2.code, v2.codeDesc, v2.message], [5100, "ActionLocked", "wait"]);
        });

        it("can build parsed calls whose action names the cloud's action", () => {
            // GIVEN
            const fe = createTencentFrontEnd(fakeContext());
            // WHEN an unsigned API 3.0 request arrives
            const r = fe.parse({ method: "POST", path: "/", query: "", headers: { "content-type": "application/json" }, body: "{}" });
            // THEN it is refused before becoming an action call
            assert.equal(typeof (r as ParsedCall).run, "undefined");
            assert.equal((r as { json: any }).json.Response.Error.Code, "AuthFailure.InvalidAuthorization");
        });
    });

    describe("control", () => {
        it("can change a connection out of band (console drift), seen by Describe", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN
            const patched = await h.control.call<{ PreShareKey: string }>("PATCH", `/tencentcloud/connections/${id}`, {
                PreShareKey: "rotated-in-console",
                IKEOptionsSpecification: { DhGroupName: "GROUP2" },
                NetStatus: "UNAVAILABLE",
            });
            // THEN the control answer masks the PSK; Describe shows the change
            assert.equal(patched.PreShareKey, "***");
            assert.equal((await h.control.call<{ PreShareKey: string }>("GET", `/tencentcloud/connections/${id}`)).PreShareKey, "***");
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            assert.deepEqual([c.PreShareKey, c.IKEOptionsSpecification!.DhGroupName, c.NetStatus, c.State], ["rotated-in-console", "GROUP2", "UNAVAILABLE", "AVAILABLE"]);
        });

        it("can delete a connection out of band", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN
            await h.control.call("DELETE", `/tencentcloud/connections/${id}`);
            // THEN
            assert.equal((await sdkError(vpc.DescribeVpnConnections({ VpnConnectionIds: [id] }))).code, "ResourceNotFound");
        });

        it("fails when a patch is invalid or the connection unknown", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN / THEN
            await assert.rejects(h.control.call("PATCH", `/tencentcloud/connections/${id}`, { VpnConnectionId: "vpnx-zzzzzzzz" }), (e: unknown) => e instanceof ControlClientError && e.status === 400);
            await assert.rejects(h.control.call("DELETE", "/tencentcloud/connections/vpnx-zzzzzzzz"), (e: unknown) => e instanceof ControlClientError && e.status === 404);
        });

        it("can switch settings, restored by reset", async () => {
            // GIVEN
            const on = await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true, numbersAsStrings: true });
            await h.control.reset();
            // WHEN
            const after = await h.control.call("GET", "/tencentcloud/settings");
            // THEN
            assert.deepEqual(on, { createReturnsId: true, numbersAsStrings: true, gatewayMutex: true, tagSetLate: false, tagSetEmpty: false });
            assert.deepEqual(after, { createReturnsId: false, numbersAsStrings: false, gatewayMutex: true, tagSetLate: false, tagSetEmpty: false });
        });

        it("can render lifetimes as strings when numbersAsStrings is on", async () => {
            // GIVEN
            const id = await createAvailable();
            await h.control.call("POST", "/tencentcloud/settings", { numbersAsStrings: true });
            // WHEN
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            // THEN
            assert.equal(c.IKEOptionsSpecification!.IKESaLifetimeSeconds as unknown, "86400");
        });

        it("can let parallel creates on one gateway through when gatewayMutex is off", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { gatewayMutex: false });
            await vpc.CreateVpnConnection(createRequest() as never);
            // WHEN
            await vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "second" }) as never);
            // THEN
            assert.equal((await vpc.DescribeVpnConnections({})).TotalCount, 2);
        });

        it("can keep a gateway busy for ms, refusing writes on it until then", async () => {
            // GIVEN a gateway held busy for one transition
            const request = createRequest();
            await h.control.call("POST", `/tencentcloud/gateways/${request.VpnGatewayId}/busy`, { ms: TRANSITION_MS });
            // WHEN / THEN a create on it is refused with a retryable code, and accepted once the time is up
            assert.equal((await sdkError(vpc.CreateVpnConnection(request as never))).code, "UnsupportedOperation.InvalidState");
            await h.control.advanceClock(TRANSITION_MS);
            await vpc.CreateVpnConnection(request as never);
        });

        it("fails when a busy gateway is unknown or the duration is not whole ms", async () => {
            await assert.rejects(h.control.call("POST", "/tencentcloud/gateways/vpngw-nothere/busy", { ms: 10 }), (e: unknown) => e instanceof ControlClientError && e.status === 404);
            await assert.rejects(h.control.call("POST", `/tencentcloud/gateways/${createRequest().VpnGatewayId}/busy`, { ms: 1.5 }), (e: unknown) => e instanceof ControlClientError && e.status === 400);
        });

        it("fails when fail-next gets a bad count, and answers unknown routes with 404", async () => {
            // WHEN / THEN
            await assert.rejects(h.control.call("POST", "/tencentcloud/tasks/fail-next", { count: 0 }), (e: unknown) => e instanceof ControlClientError && e.status === 400);
            await assert.rejects(h.control.call("POST", "/tencentcloud/nothing"), (e: unknown) => e instanceof ControlClientError && e.status === 404);
        });
    });
});
