import assert from "node:assert/strict";
import { createRequest, sdkError, withTencentEmulator, waitFor, type TencentHarness, type VpcClient, TRANSITION_MS } from "./support";

describe("actions3", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
    });

    /** Creates a connection, finds its id by filtering (as clients must), and waits for AVAILABLE. */
    async function createAvailable(overrides: Record<string, unknown> = {}): Promise<string> {
        const request = createRequest(overrides);
        await vpc.CreateVpnConnection(request as never);
        const found = await vpc.DescribeVpnConnections({
            Filters: [
                { Name: "vpn-gateway-id", Values: [request.VpnGatewayId] },
                { Name: "vpn-connection-name", Values: [request.VpnConnectionName] },
            ],
        });
        const id = found.VpnConnectionSet![0].VpnConnectionId!;
        await h.control.advanceClock(TRANSITION_MS);
        return id;
    }

    const describeOne = async (id: string) => (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];

    describe("CreateVpnConnection", () => {
        it("can answer like the official example, without a VpnConnectionId", async () => {
            // WHEN
            const out = await vpc.CreateVpnConnection(createRequest() as never);
            // THEN
            assert.deepEqual(out.VpnConnection, {
                VpcId: "vpc-emu00001",
                VpnConnectionName: "conn-a",
                VpnGatewayId: "vpngw-emu0001",
                CustomerGatewayId: "cgw-emu0001",
                State: "PENDING",
            });
            assert.match(out.RequestId!, /^[0-9a-f-]{36}$/);
        });

        it("can return the VpnConnectionId once createReturnsId is on", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            // WHEN
            const out = await vpc.CreateVpnConnection(createRequest() as never);
            // THEN
            assert.match(out.VpnConnection!.VpnConnectionId!, /^vpnx-[0-9a-z]{8}$/);
            assert.equal((await describeOne(out.VpnConnection!.VpnConnectionId!)).VpnConnectionName, "conn-a");
        });

        it("can go from PENDING to AVAILABLE, seen by polling", async () => {
            // GIVEN a short real-time transition
            await h.control.settings({ transitionMs: 30 });
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            const id = (await vpc.CreateVpnConnection(createRequest() as never)).VpnConnection!.VpnConnectionId!;
            // WHEN
            const state = await waitFor(async () => {
                const s = (await describeOne(id)).State;
                return s === "AVAILABLE" ? s : undefined;
            });
            // THEN
            assert.equal(state, "AVAILABLE");
            assert.equal((await describeOne(id)).NetStatus, "AVAILABLE");
        });

        it("fails when the VPN gateway does not exist, naming it", async () => {
            // WHEN
            const e = await sdkError(vpc.CreateVpnConnection(createRequest({ VpnGatewayId: "vpngw-missing1" }) as never));
            // THEN
            assert.equal(e.code, "ResourceNotFound");
            assert.match(e.message, /vpngw-missing1/);
        });

        it("fails when the name is longer than 60 characters", async () => {
            // WHEN
            const e = await sdkError(vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "x".repeat(61) }) as never));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.TooLong");
        });

        it("fails when a required parameter is missing", async () => {
            // WHEN
            const e = await sdkError(vpc.CreateVpnConnection(createRequest({ PreShareKey: undefined }) as never));
            // THEN
            assert.equal(e.code, "MissingParameter");
        });

        it("fails when the gateway's connection quota is reached", async () => {
            // GIVEN a quota of one connection per gateway, used
            await h.control.settings({ connectionQuotaPerGateway: 1 });
            await createAvailable();
            // WHEN
            const e = await sdkError(vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "second" }) as never));
            // THEN
            assert.equal(e.code, "LimitExceeded");
        });

        it("fails while another connection on the gateway is still PENDING", async () => {
            // GIVEN
            await vpc.CreateVpnConnection(createRequest() as never);
            // WHEN
            const e = await sdkError(vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "second" }) as never));
            // THEN
            assert.equal(e.code, "UnsupportedOperation.InvalidState");
        });
    });

    describe("DescribeVpnConnections", () => {
        it("can list every field of a connection with the API defaults", async () => {
            // GIVEN
            const id = await createAvailable({ Tags: [{ Key: "team", Value: "net" }] });
            // WHEN
            const c = await describeOne(id);
            // THEN
            assert.equal(c.VpnProto, "IPSEC");
            assert.equal(c.EncryptProto, "IKE");
            assert.equal(c.RouteType, "STATIC");
            assert.equal(c.PreShareKey, "psk-secret-1");
            assert.match(c.CreatedTime!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
            assert.deepEqual(c.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.10.0/24"] }]);
            assert.equal(c.IKEOptionsSpecification!.PropoAuthenAlgorithm, "SHA");
            assert.equal(c.IPSECOptionsSpecification!.IntegrityAlgorith, "SHA1");
            assert.equal(c.IPSECOptionsSpecification!.IntegrityAlgorithm, "SHA1");
            assert.equal((c.IPSECOptionsSpecification as Record<string, unknown>).EncapMode, "TUNNEL");
            assert.equal((c.IPSECOptionsSpecification as Record<string, unknown>).SecurityProto, "ESP");
            assert.deepEqual([c.DpdEnable, c.DpdTimeout, c.DpdAction, c.NegotiationType], [0, "", "restart", "active"]);
            assert.deepEqual(c.TagSet, [{ Key: "team", Value: "net" }]);
            assert.equal(c.HealthCheckStatus, "");
        });

        it("can filter on every documented filter and page the result", async () => {
            // GIVEN three connections on three gateways
            const ids = [
                await createAvailable({ VpnConnectionName: "n1" }),
                await createAvailable({ VpnConnectionName: "n2", VpnGatewayId: "vpngw-emu0002", CustomerGatewayId: "cgw-emu0002" }),
                await createAvailable({ VpnConnectionName: "n3", VpnGatewayId: "vpngw-emu0003", CustomerGatewayId: "cgw-emu0003" }),
            ];
            const names = async (filters: { Name: string; Values: string[] }[]) =>
                ((await vpc.DescribeVpnConnections({ Filters: filters })).VpnConnectionSet ?? []).map((c) => c.VpnConnectionName);
            // THEN
            assert.deepEqual(await names([{ Name: "vpc-id", Values: ["vpc-emu00001"] }]), ["n1", "n2", "n3"]);
            assert.deepEqual(await names([{ Name: "vpn-gateway-id", Values: ["vpngw-emu0002", "vpngw-emu0003"] }]), ["n2", "n3"]);
            assert.deepEqual(await names([{ Name: "customer-gateway-id", Values: ["cgw-emu0001"] }]), ["n1"]);
            assert.deepEqual(await names([{ Name: "vpn-connection-name", Values: ["n3"] }]), ["n3"]);
            assert.deepEqual(await names([{ Name: "vpn-connection-id", Values: [ids[1]] }]), ["n2"]);
            const page = await vpc.DescribeVpnConnections({ Offset: 1, Limit: 1 });
            assert.deepEqual([page.TotalCount, page.VpnConnectionSet!.map((c) => c.VpnConnectionName)], [3, ["n2"]]);
        });

        it("can answer ids asked out of order, or twice, in creation order", async () => {
            // GIVEN
            const ids = [await createAvailable({ VpnConnectionName: "n1" }), await createAvailable({ VpnConnectionName: "n2", VpnGatewayId: "vpngw-emu0002", CustomerGatewayId: "cgw-emu0002" })];
            // WHEN
            const out = await vpc.DescribeVpnConnections({ VpnConnectionIds: [ids[1], ids[0], ids[1]] });
            // THEN
            assert.deepEqual([out.TotalCount, out.VpnConnectionSet!.map((c) => c.VpnConnectionName)], [2, ["n1", "n2"]]);
        });

        it("can combine a gateway filter with another filter, and list a later connection after an earlier one", async () => {
            // GIVEN two connections on one gateway, another elsewhere
            await createAvailable({ VpnConnectionName: "n1" });
            await createAvailable({ VpnConnectionName: "other", VpnGatewayId: "vpngw-emu0002", CustomerGatewayId: "cgw-emu0002" });
            await createAvailable({ VpnConnectionName: "n2", CustomerGatewayId: "cgw-emu0002" });
            // WHEN
            const both = await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-gateway-id", Values: ["vpngw-emu0001"] }] });
            const one = await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-gateway-id", Values: ["vpngw-emu0001"] }, { Name: "customer-gateway-id", Values: ["cgw-emu0002"] }] });
            // THEN
            assert.deepEqual(both.VpnConnectionSet!.map((c) => c.VpnConnectionName), ["n1", "n2"]);
            assert.deepEqual(one.VpnConnectionSet!.map((c) => c.VpnConnectionName), ["n2"]);
        });

        const failures: [string, Record<string, unknown>, string][] = [
            ["ids and filters are both given", { VpnConnectionIds: ["vpnx-abcdefgh"], Filters: [{ Name: "vpc-id", Values: ["vpc-emu00001"] }] }, "InvalidParameter.Coexist"],
            ["a filter name is unknown", { Filters: [{ Name: "state", Values: ["AVAILABLE"] }] }, "InvalidParameter.FilterInvalidKey"],
            ["an id is unknown", { VpnConnectionIds: ["vpnx-abcdefgh"] }, "ResourceNotFound"],
            ["an id is malformed", { VpnConnectionIds: ["vpn-1"] }, "InvalidParameterValue.Malformed"],
            ["Limit is above 100", { Limit: 101 }, "InvalidParameterValue.LimitExceeded"],
            ["more than 100 ids are given", { VpnConnectionIds: Array.from({ length: 101 }, () => "vpnx-abcdefgh") }, "InvalidParameterValue.LimitExceeded"],
            ["a filter has more than 5 values", { Filters: [{ Name: "vpc-id", Values: ["a", "b", "c", "d", "e", "f"] }] }, "InvalidParameterValue.LimitExceeded"],
        ];
        for (const [when, request, code] of failures) {
            it(`fails when ${when}`, async () => {
                // WHEN
                const e = await sdkError(vpc.DescribeVpnConnections(request as never));
                // THEN
                assert.equal(e.code, code);
            });
        }
    });

    describe("ModifyVpnConnectionAttribute", () => {
        it("can change the documented fields and make the connection PENDING again", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN
            await vpc.ModifyVpnConnectionAttribute({
                VpnConnectionId: id,
                VpnConnectionName: "renamed",
                PreShareKey: "psk-secret-2",
                IKEOptionsSpecification: { DhGroupName: "GROUP14", IKESaLifetimeSeconds: 3600 },
                IPSECOptionsSpecification: { IntegrityAlgorith: "MD5" },
                DpdEnable: 1,
                DpdTimeout: "45",
            });
            // THEN
            const c = await describeOne(id);
            assert.equal(c.State, "PENDING");
            assert.deepEqual(
                [c.VpnConnectionName, c.PreShareKey, c.IKEOptionsSpecification!.DhGroupName, c.IKEOptionsSpecification!.IKESaLifetimeSeconds, c.IPSECOptionsSpecification!.IntegrityAlgorithm, c.DpdTimeout],
                ["renamed", "psk-secret-2", "GROUP14", 3600, "MD5", "45"],
            );
            await h.control.advanceClock(TRANSITION_MS);
            assert.equal((await describeOne(id)).State, "AVAILABLE");
        });

        it("fails when the connection is PENDING", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            const id = (await vpc.CreateVpnConnection(createRequest() as never)).VpnConnection!.VpnConnectionId!;
            // WHEN
            const e = await sdkError(vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: id, VpnConnectionName: "x" }));
            // THEN
            assert.equal(e.code, "UnsupportedOperation.VpnConnInvalidState");
        });

        it("fails when the connection does not exist", async () => {
            // WHEN
            const e = await sdkError(vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: "vpnx-abcdefgh", VpnConnectionName: "x" }));
            // THEN
            assert.equal(e.code, "ResourceNotFound");
        });

        it("fails when a value is invalid", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN
            const e = await sdkError(vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: id, IPSECOptionsSpecification: { IPSECSaLifetimeSeconds: 100 } }));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.LimitExceeded");
        });
    });

    describe("DeleteVpnConnection", () => {
        it("can delete through DELETING until Describe says ResourceNotFound and filters find nothing", async () => {
            // GIVEN
            const id = await createAvailable();
            // WHEN
            await vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0001", VpnConnectionId: id });
            // THEN
            assert.equal((await describeOne(id)).State, "DELETING");
            await h.control.advanceClock(TRANSITION_MS);
            assert.equal((await sdkError(vpc.DescribeVpnConnections({ VpnConnectionIds: [id] }))).code, "ResourceNotFound");
            const filtered = await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-connection-id", Values: [id] }] });
            assert.deepEqual([filtered.TotalCount, filtered.VpnConnectionSet], [0, []]);
        });

        it("fails when the connection is not AVAILABLE", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            const id = (await vpc.CreateVpnConnection(createRequest() as never)).VpnConnection!.VpnConnectionId!;
            // WHEN
            const e = await sdkError(vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0001", VpnConnectionId: id }));
            // THEN
            assert.equal(e.code, "UnsupportedOperation.DeleteVpnConnInvalidState");
        });

        it("fails when the connection is unknown or belongs to another gateway", async () => {
            // GIVEN
            const id = await createAvailable();
            // THEN
            assert.equal((await sdkError(vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0001", VpnConnectionId: "vpnx-abcdefgh" }))).code, "ResourceNotFound");
            assert.equal((await sdkError(vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0002", VpnConnectionId: id }))).code, "ResourceNotFound");
        });

        it("fails when the VpnGatewayId is missing", async () => {
            // WHEN
            const e = await sdkError(vpc.DeleteVpnConnection({ VpnConnectionId: "vpnx-abcdefgh" } as never));
            // THEN
            assert.equal(e.code, "MissingParameter");
        });

        it("fails while another task runs on the gateway", async () => {
            // GIVEN an AVAILABLE connection and a second one still PENDING on the same gateway
            const id = await createAvailable();
            await vpc.CreateVpnConnection(createRequest({ VpnConnectionName: "second", CustomerGatewayId: "cgw-emu0002" }) as never);
            // WHEN
            const e = await sdkError(vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0001", VpnConnectionId: id }));
            // THEN
            assert.equal(e.code, "UnsupportedOperation.MutexOperationTaskRunning");
        });
    });

    describe("DescribeVpcTaskResult", () => {
        it("can report RUNNING then SUCCESS for the RequestId of a create", async () => {
            // GIVEN
            const { RequestId } = await vpc.CreateVpnConnection(createRequest() as never);
            // WHEN / THEN
            assert.equal((await vpc.DescribeVpcTaskResult({ TaskId: RequestId! })).Status, "RUNNING");
            await h.control.advanceClock(TRANSITION_MS);
            const done = await vpc.DescribeVpcTaskResult({ TaskId: RequestId! });
            assert.deepEqual([done.Status, done.Output], ["SUCCESS", "SUCCESS"]);
        });

        it("can report FAILED when the task was armed to fail", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/tasks/fail-next", {});
            const { RequestId } = await vpc.CreateVpnConnection(createRequest() as never);
            // WHEN
            await h.control.advanceClock(TRANSITION_MS);
            // THEN
            assert.equal((await vpc.DescribeVpcTaskResult({ TaskId: RequestId! })).Status, "FAILED");
            assert.equal((await vpc.DescribeVpnConnections({})).TotalCount, 0);
        });

        it("fails when the task is unknown", async () => {
            // WHEN
            const e = await sdkError(vpc.DescribeVpcTaskResult({ TaskId: "00000000-0000-4000-8000-000000000000" }));
            // THEN
            assert.equal(e.code, "ResourceNotFound");
        });
    });

    describe("fixture lookups", () => {
        it("can describe the VPN gateways", async () => {
            // WHEN
            const out = await vpc.DescribeVpnGateways({ Filters: [{ Name: "vpc-id", Values: ["vpc-emu00001"] }] });
            // THEN
            assert.equal(out.TotalCount, 3);
            assert.deepEqual(out.VpnGatewaySet!.map((g) => [g.VpnGatewayId, g.Type, g.State, g.PublicIpAddress]), [
                ["vpngw-emu0001", "IPSEC", "AVAILABLE", "203.0.113.11"],
                ["vpngw-emu0002", "IPSEC", "AVAILABLE", "203.0.113.12"],
                ["vpngw-emu0003", "IPSEC", "AVAILABLE", "203.0.113.13"],
            ]);
        });

        it("can describe the customer gateways by id", async () => {
            // WHEN
            const out = await vpc.DescribeCustomerGateways({ CustomerGatewayIds: ["cgw-emu0002"] });
            // THEN
            assert.deepEqual([out.TotalCount, out.CustomerGatewaySet![0].IpAddress], [1, "198.51.100.12"]);
        });

        it("can describe the VPCs, with string paging as the SDK types it", async () => {
            // WHEN
            const out = await vpc.DescribeVpcs({ Offset: "1", Limit: "1" });
            // THEN
            assert.deepEqual([out.TotalCount, out.VpcSet!.map((v) => v.VpcId)], [2, ["vpc-emu00002"]]);
        });

        it("fails when a gateway id is unknown", async () => {
            // WHEN
            const e = await sdkError(vpc.DescribeVpnGateways({ VpnGatewayIds: ["vpngw-nothere"] }));
            // THEN
            assert.equal(e.code, "ResourceNotFound");
        });
    });
});
