import assert from "node:assert/strict";
import {
    ALICLOUD_ACCESS_KEY_ID,
    ALICLOUD_ACCESS_KEY_SECRET,
    ALICLOUD_CUSTOMER_GATEWAYS,
    ALICLOUD_OIDC_PROVIDER,
    ALICLOUD_REGION_ID,
    ALICLOUD_STS_CREDENTIALS,
    ALICLOUD_STS_ROLE,
    ALICLOUD_VPN_GATEWAYS,
} from "../../../emulator/alicloud/fixtures";
import { connectionParams, createActiveConnection, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";
import { sendRpc, signRpcParams } from "./rpcSigner";

describe("Alibaba front end", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    it("can describe itself with the endpoint, credentials, region and fixture ids", () => {
        // THEN
        assert.deepEqual(h.emulator.info.alicloud, {
            endpoint: `${h.emulator.baseUrl}/alicloud`,
            apiVersion: "2016-04-28",
            accessKeyId: ALICLOUD_ACCESS_KEY_ID,
            accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET,
            regionId: ALICLOUD_REGION_ID,
            vpnGatewayIds: ["vpn-emu00000000000001", "vpn-emu00000000000002", "vpn-emu00000000000003"],
            dualTunnelVpnGatewayIds: ["vpn-emu00000000000011"],
            customerGatewayIds: ["cgw-emu00000000000001", "cgw-emu00000000000002", "cgw-emu00000000000003"],
            stsToken: ALICLOUD_STS_CREDENTIALS,
            sts: {
                endpoint: `${h.emulator.baseUrl}/alicloud-sts`,
                roleArn: ALICLOUD_STS_ROLE.arn,
                providerArn: ALICLOUD_OIDC_PROVIDER.arn,
                tokenFile: h.emulator.info.alicloud.sts.tokenFile,
                credentialsUri: `${h.emulator.baseUrl}/alicloud-sts/credentials-uri`,
            },
        });
        assert.equal(ALICLOUD_VPN_GATEWAYS.length, 3);
        assert.equal(ALICLOUD_CUSTOMER_GATEWAYS.length, 3);
    });

    it("fails when the action is unknown, with 400 InvalidAction.NotFound", async () => {
        // WHEN
        const error = await rejectsWithCode(h.call("CreateVpnGateway"), "InvalidAction.NotFound");
        // THEN
        assert.equal(error.entry?.response.statusCode, 400);
        assert.deepEqual(Object.keys(error.data ?? {}).sort(), ["Code", "HostId", "Message", "Recommend", "RequestId"]);
    });

    it("fails when the action name is an Object.prototype member", async () => {
        // WHEN / THEN
        await rejectsWithCode(h.client().request("constructor", { RegionId: ALICLOUD_REGION_ID }, { method: "POST", formatAction: false }), "InvalidAction.NotFound");
    });

    it("fails when the path is not the RPC root", async () => {
        // GIVEN
        const params = signRpcParams("DescribeVpnGateways", { RegionId: ALICLOUD_REGION_ID }, { accessKeyId: ALICLOUD_ACCESS_KEY_ID, accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET });
        // WHEN
        const response = await sendRpc(`${h.info.endpoint}/v2`, params);
        // THEN
        assert.equal(response.status, 404);
        assert.equal(response.json.Code, "InvalidAction.NotFound");
    });

    describe("faults", () => {
        it("can answer an injected Throttling.User with its documented status and message, running nothing", async () => {
            // GIVEN
            await h.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "error", code: "Throttling.User" } });
            // WHEN
            const error = await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info)), "Throttling.User");
            // THEN
            assert.equal(error.entry?.response.statusCode, 400);
            assert.equal(error.data?.Message, "Request was denied due to user flow control.");
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });

        it("can answer injected InternalError and ServiceUnavailable with 500 and 503", async () => {
            // GIVEN
            await h.control.armFault({ cloud: "alicloud", action: "*", fault: { kind: "error", code: "InternalError" } });
            await h.control.armFault({ cloud: "alicloud", action: "*", fault: { kind: "error", code: "ServiceUnavailable", message: "try later" } });
            // WHEN
            const internal = await rejectsWithCode(h.call("DescribeVpnConnections"), "InternalError");
            const unavailable = await rejectsWithCode(h.call("DescribeVpnConnections"), "ServiceUnavailable");
            // THEN
            assert.equal(internal.entry?.response.statusCode, 500);
            assert.equal(unavailable.entry?.response.statusCode, 503);
            assert.equal(unavailable.data?.Message, "try later");
        });

        it("can reset the connection before running: pop-core sees a socket error and nothing is created", async () => {
            // GIVEN
            await h.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "reset-before" } });
            // WHEN
            await assert.rejects(h.call("CreateVpnConnection", connectionParams(h.info)), (error: NodeJS.ErrnoException) => error.code === "ECONNRESET" || /socket hang up/.test(error.message));
            // THEN
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
        });

        it("can reset the connection after running: pop-core sees a socket error yet the connection exists", async () => {
            // GIVEN
            await h.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "reset-after" } });
            // WHEN
            await assert.rejects(h.call("CreateVpnConnection", connectionParams(h.info)), (error: NodeJS.ErrnoException) => error.code === "ECONNRESET" || /socket hang up/.test(error.message));
            // THEN
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 1);
        });

        it("can delay the answer beyond a 300 ms client timeout while the action commits", async () => {
            // GIVEN
            await h.control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", fault: { kind: "delay", ms: 600 } });
            // WHEN
            await assert.rejects(h.call("CreateVpnConnection", connectionParams(h.info), { timeout: 300 }), { name: "RequestTimeoutError" });
            // THEN
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 1);
        });
    });

    describe("request log, counters and state", () => {
        it("can count calls per action and log them with the PSK redacted", async () => {
            // GIVEN
            const psk = "Never-Logged-Psk-42";
            const id = await createActiveConnection(h, { IkeConfig: JSON.stringify({ Psk: psk }) });
            await h.call("DescribeVpnConnection", { VpnConnectionId: id });
            await rejectsWithCode(h.call("CreateVpnConnection", connectionParams(h.info, { VpnGatewayId: "vpn-missing", IkeConfig: JSON.stringify({ Psk: psk }) })), "InvalidVpnGatewayInstanceId.NotFound");
            // WHEN
            const counters = await h.control.counters();
            const log = await h.control.requests();
            const state = await h.control.state();
            // THEN
            assert.deepEqual(counters, { "alicloud:CreateVpnConnection": 2, "alicloud:DescribeVpnConnection": 1 });
            assert.deepEqual(log.map((e) => [e.action, e.outcome]), [
                ["CreateVpnConnection", "OK"],
                ["DescribeVpnConnection", "OK"],
                ["CreateVpnConnection", "InvalidVpnGatewayInstanceId.NotFound"],
            ]);
            assert.equal(JSON.parse(String(log[0].params.IkeConfig)).Psk, "***");
            assert.equal(log[0].params.Signature, "***");
            assert.doesNotMatch(JSON.stringify(log), new RegExp(psk));
            assert.doesNotMatch(JSON.stringify(log), new RegExp(ALICLOUD_ACCESS_KEY_SECRET));
            assert.doesNotMatch(JSON.stringify(state), new RegExp(psk));
        });

        it("can dump connections, gateways and settings under GET /__emu/state", async () => {
            // GIVEN
            const id = await createActiveConnection(h, { ClientToken: "dumped" });
            // WHEN
            const state = await h.control.state<{ alicloud: any }>();
            // THEN
            assert.deepEqual(state.alicloud.settings, { statusKey: "Status", clientTokensOutliveConnections: false });
            assert.equal(state.alicloud.vpnGateways.length, 6);
            assert.equal(state.alicloud.customerGateways.length, 6);
            assert.deepEqual(state.alicloud.connections.map((c: any) => [c.VpnConnectionId, c.State, c.ClientToken, c.AutoConfigRoute]), [[id, "active", "dumped", true]]);
        });

        it("can reset to the fixtures: connections, tokens and busy gateways gone", async () => {
            // GIVEN
            await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "t" }));
            // WHEN
            await h.control.reset();
            // THEN
            assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
            assert.equal((await h.call("DescribeVpnGateway", { VpnGatewayId: h.info.vpnGatewayIds[0] })).Status, "active");
            assert.match((await h.call("CreateVpnConnection", connectionParams(h.info, { ClientToken: "t" }))).VpnConnectionId, /^vco-/);
        });
    });
});
