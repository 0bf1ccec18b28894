import assert from "node:assert/strict";
import { createRequest, withTencentEmulator, type TencentHarness, type VpcClient, TRANSITION_MS } from "./support";

/** AddVpnConnEx's example request (https://cloud.tencent.com/document/product/215/5110), against the fixtures. */
const SEED_ADD = {
    vpcId: "vpc-emu00001",
    userGwId: "cgw-emu0001",
    vpnGwId: "vpngw-emu0001",
    vpnConnName: "legacy-a",
    "userGwCidrBlock.0": "10.56.20.1/24",
    preSharedKey: "dgdgd33",
};

describe("actions2", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
    });

    /** AddVpnConnEx, then the new connection's `unVpnConnId` through DescribeVpnConn, once AVAILABLE. */
    async function addAvailable(params: Record<string, string> = {}): Promise<string> {
        const added = await h.api2("AddVpnConnEx", { ...SEED_ADD, ...params });
        assert.equal(added.code, 0, added.message);
        const listed = await h.api2("DescribeVpnConn", { vpnGwId: params.vpnGwId ?? SEED_ADD.vpnGwId, vpnConnName: params.vpnConnName ?? SEED_ADD.vpnConnName });
        await h.control.advanceClock(TRANSITION_MS);
        return listed.data[0].unVpnConnId;
    }

    describe("AddVpnConnEx", () => {
        it("can answer like AddVpnConnEx's example, with a numeric taskId and no connection id", async () => {
            // WHEN
            const r = await h.api2("AddVpnConnEx", SEED_ADD);
            // THEN
            assert.equal(r.code, 0);
            assert.equal(r.codeDesc, "Success");
            assert.equal(typeof r.data.taskId, "number");
            assert.deepEqual(
                { ...r.data, taskId: 0 },
                { vpnGwId: "vpngw-emu0001", userGwId: "cgw-emu0001", vpnConnId: 0, taskId: 0, vpnConnStatus: 0, preSharedKey: "dgdgd33", userGwSubnetList: ["10.56.20.1/24"] },
            );
        });

        it("can return the connection ids once createReturnsId is on", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            // WHEN
            const r = await h.api2("AddVpnConnEx", SEED_ADD);
            // THEN
            assert.match(r.data.unVpnConnId, /^vpnx-[0-9a-z]{8}$/);
            assert.equal(typeof r.data.vpnConnId, "number");
        });

        it("can accept API 2.0 numeric ids and an spdAcl JSON policy", async () => {
            // WHEN gateway 2001 and customer gateway 3002 are given by their legacy ids
            const r = await h.api2("AddVpnConnEx", {
                vpcId: "gz_vpc_1001",
                vpnGwId: "2001",
                userGwId: "3002",
                vpnConnName: "by-legacy-ids",
                preSharedKey: "k",
                spdAcl: JSON.stringify({ "10.0.1.0/24": ["172.16.0.0/16", "172.17.0.0/16"] }),
            });
            // THEN
            assert.equal(r.code, 0, r.message);
            const c = (await vpc.DescribeVpnConnections({ Filters: [{ Name: "vpn-connection-name", Values: ["by-legacy-ids"] }] })).VpnConnectionSet![0];
            assert.deepEqual([c.VpnGatewayId, c.CustomerGatewayId], ["vpngw-emu0001", "cgw-emu0002"]);
            assert.deepEqual(c.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.1.0/24", RemoteCidrBlock: ["172.16.0.0/16", "172.17.0.0/16"] }]);
        });

        const failures: [string, Record<string, string>, number, string][] = [
            ["the VPC does not exist", { vpcId: "vpc-nothere" }, 5000, "InvalidVpc.NotFound"],
            ["the VPN gateway does not exist", { vpnGwId: "vpngw-nothere" }, 5000, "InvalidVpnGw.NotFound"],
            ["the VPN gateway is in another VPC", { vpcId: "vpc-emu00002" }, 5000, "InvalidVpnGw.NotFound"],
            ["the customer gateway does not exist", { userGwId: "cgw-nothere" }, 5000, "InvalidUserGw.NotFound"],
            ["the name is longer than 60 characters", { vpnConnName: "n".repeat(61) }, 4000, "InvalidVpnConnName"],
            ["the PSK is missing", { preSharedKey: "" }, 4000, "MissingParameter"],
            ["an IKE value is upper-case (2.0 values are lower-case)", { "IKESet.propoEncryAlgorithm": "AES-CBC-128" }, 4000, "InvalidParameter"],
            ["the IKE SA lifetime is out of 60–604800", { "IKESet.ikeSaLifetimeSeconds": "59", "IKESet.remoteAddress": "198.51.100.11" }, 4000, "InvalidParameter"],
            ["the IPsec SA lifetime is out of 180–604800", { "IPsecSet.ipsecSaLifetimeSeconds": "604801" }, 4000, "InvalidParameter"],
            ["the IPsec SA traffic is out of AddVpnConnEx's 2560–604800", { "IPsecSet.ipsecSaLifetimeTraffic": "1843200" }, 4000, "InvalidParameter"],
            ["the PFS group is not in AddVpnConnEx's list", { "IPsecSet.pfsDhGroup": "dh-group15" }, 4000, "InvalidParameter"],
            ["the remote identity is address without remoteAddress", { "IKESet.remoteIdentity": "address" }, 4000, "MissingParameter"],
            ["a userGwCidrBlock CIDR is malformed", { "userGwCidrBlock.0": "10.56.20.1/99" }, 4000, "InvalidParameter"],
            ["an spdAcl CIDR is malformed", { spdAcl: '{"10.0.0.0/24":["172.16.0.0/99"]}' }, 4000, "InvalidParameter"],
            ["spdAcl is not JSON", { spdAcl: "10.0.0.0/24:172.16.0.0/16" }, 4000, "InvalidParameter"],
        ];
        for (const [when, params, code, codeDesc] of failures) {
            it(`fails when ${when}`, async () => {
                // WHEN
                const r = await h.api2("AddVpnConnEx", { ...SEED_ADD, ...params });
                // THEN
                assert.deepEqual([r.code, r.codeDesc], [code, codeDesc], r.message);
            });
        }

        it("fails when neither userGwCidrBlock.n nor spdAcl is given", async () => {
            // GIVEN AddVpnConnEx's example request without its userGwCidrBlock.0
            const params: Record<string, string> = { ...SEED_ADD };
            delete params["userGwCidrBlock.0"];
            // WHEN
            const r = await h.api2("AddVpnConnEx", params);
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4000, "MissingParameter"]);
        });

        it("fails with a message naming the API 2.0 parameter, not the API 3.0 one", async () => {
            // WHEN
            const r = await h.api2("AddVpnConnEx", { ...SEED_ADD, "IKESet.remoteIdentity": "address" });
            // THEN
            assert.match(r.message, /`IKESet\.remoteAddress`/);
        });

        it("fails when the gateway's quota is reached", async () => {
            // GIVEN
            await h.control.settings({ connectionQuotaPerGateway: 1 });
            await addAvailable();
            // WHEN
            const r = await h.api2("AddVpnConnEx", { ...SEED_ADD, vpnConnName: "second" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4400, "VpnConnLimitExceeded"]);
        });

        it("fails while another connection on the gateway is still creating", async () => {
            // GIVEN
            await h.api2("AddVpnConnEx", SEED_ADD);
            // WHEN
            const r = await h.api2("AddVpnConnEx", { ...SEED_ADD, vpnConnName: "second" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5100, "ActionLocked"]);
        });
    });

    describe("shared store", () => {
        it("can show a 2.0 connection through API 3.0 with translated, upper-case values", async () => {
            // GIVEN a connection made through API 2.0 with explicit IKE/IPsec settings
            const id = await addAvailable({
                "IKESet.propoEncryAlgorithm": "aes-cbc-256",
                "IKESet.dhGroupName": "group14",
                "IKESet.remoteAddress": "198.51.100.11",
                "IKESet.encryptAlgorithm": "aes-cbc-128",
                "IPsecSet.integrityAlgorith": "sha",
                "IPsecSet.pfsDhGroup": "dh-group2",
                "IPsecSet.ipsecSaLifetimeSeconds": "3600",
            });
            // WHEN
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            // THEN
            assert.deepEqual(
                [c.VpnConnectionName, c.PreShareKey, c.State, c.VpcId, c.VpnGatewayId, c.CustomerGatewayId],
                ["legacy-a", "dgdgd33", "AVAILABLE", "vpc-emu00001", "vpngw-emu0001", "cgw-emu0001"],
            );
            assert.deepEqual(c.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["10.56.20.1/24"] }]);
            const ike = c.IKEOptionsSpecification!;
            assert.deepEqual(
                [ike.PropoEncryAlgorithm, ike.PropoAuthenAlgorithm, ike.DhGroupName, ike.LocalAddress, ike.RemoteAddress],
                ["AES-CBC-256", "MD5", "GROUP14", "203.0.113.11", "198.51.100.11"],
            );
            const ipsec = c.IPSECOptionsSpecification!;
            assert.deepEqual(
                [ipsec.EncryptAlgorithm, ipsec.IntegrityAlgorith, ipsec.IntegrityAlgorithm, ipsec.PfsDhGroup, ipsec.IPSECSaLifetimeSeconds],
                ["AES-CBC-128", "SHA1", "SHA1", "DH-GROUP2", 3600],
            );
        });

        it("can apply AddVpnConnEx's 2.0 defaults (md5, 3des-cbc) when nothing is given", async () => {
            // GIVEN
            const id = await addAvailable();
            // WHEN
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            // THEN
            assert.deepEqual(
                [c.IKEOptionsSpecification!.PropoAuthenAlgorithm, c.IPSECOptionsSpecification!.EncryptAlgorithm, c.IPSECOptionsSpecification!.IntegrityAlgorithm],
                ["MD5", "3DES-CBC", "MD5"],
            );
        });

        it("can show a 3.0 connection through DescribeVpnConn with lower-case values", async () => {
            // GIVEN a connection made through API 3.0
            await vpc.CreateVpnConnection(createRequest({ IKEOptionsSpecification: { DhGroupName: "GROUP2", RemoteAddress: "198.51.100.11" } }) as never);
            await h.control.advanceClock(TRANSITION_MS);
            // WHEN
            const r = await h.api2("DescribeVpnConn", { vpcId: "vpc-emu00001" });
            // THEN
            assert.equal(r.code, 0);
            assert.equal(r.totalCount, 1);
            const item = r.data[0];
            assert.deepEqual(
                [item.vpcId, item.unVpcId, item.vpnGwId, item.unVpnGwId, item.userGwId, item.unUserGwId, item.vpnConnName, item.preSharedKey],
                ["gz_vpc_1001", "vpc-emu00001", 2001, "vpngw-emu0001", 3001, "cgw-emu0001", "conn-a", "psk-secret-1"],
            );
            assert.deepEqual([item.vpcConnStatus, item.netStatus, item.vpnProto], [6, "available", "ip-sec"]);
            assert.deepEqual([item.sourceCidr, item.destinationCidr], [["10.0.0.0/16"], ["192.168.10.0/24"]]);
            assert.deepEqual(item.IKESet, {
                propoAuthenAlgorithm: "sha",
                propoEncryAlgorithm: "3des-cbc",
                exchangeMode: "main",
                localIdentity: "address",
                remoteIdentity: "address",
                localAddress: "203.0.113.11",
                remoteAddress: "198.51.100.11",
                localFqdnName: null,
                remoteFqdnName: null,
                dhGroupName: "group2",
                ikeSaLifetimeSeconds: "86400",
            });
            assert.deepEqual(item.IPsecSet, {
                encryptAlgorithm: "aes-cbc-128",
                integrityAlgorith: "sha1",
                encapMode: "tunnel",
                securityProto: "ESP",
                pfsDhGroup: "null",
                ipsecSaLifetimeSeconds: "14400",
                ipsecSaLifetimeTraffic: "4096000000",
            });
        });

        it("can modify through 2.0 what 3.0 created, and 3.0 sees it", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            const id = (await vpc.CreateVpnConnection(createRequest() as never)).VpnConnection!.VpnConnectionId!;
            await h.control.advanceClock(TRANSITION_MS);
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", {
                vpcId: "vpc-emu00001",
                vpnGwId: "vpngw-emu0001",
                vpnConnId: id,
                preSharedKey: "tencenttest",
                "userGwCidrBlock.0": "10.100.2.0/24",
                "IPsecSet.pfsDhGroup": "dh-group5",
            });
            // THEN like ModifyVpnConnEx's example
            assert.equal(r.code, 0, r.message);
            assert.deepEqual(
                { ...r.data, taskId: 0 },
                { vpnGwId: "vpngw-emu0001", vpcConnId: id, taskId: 0, vpcConnStatus: 2, preSharedKey: "tencenttest", userGwSubnetList: ["10.100.2.0/24"], userGwId: 3001 },
            );
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            assert.deepEqual([c.State, c.PreShareKey, c.IPSECOptionsSpecification!.PfsDhGroup], ["PENDING", "tencenttest", "DH-GROUP5"]);
            assert.deepEqual(c.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["10.100.2.0/24"] }]);
        });

        it("can delete through 3.0 what 2.0 created", async () => {
            // GIVEN
            const id = await addAvailable();
            await vpc.DeleteVpnConnection({ VpnGatewayId: "vpngw-emu0001", VpnConnectionId: id });
            // WHEN
            await h.control.advanceClock(TRANSITION_MS);
            // THEN
            const r = await h.api2("DescribeVpnConn", { vpnGwId: "vpngw-emu0001" });
            assert.deepEqual([r.totalCount, r.data], [0, []]);
        });
    });

    describe("ModifyVpnConnEx", () => {
        it("fails with the documented InvalidVpnGw.NotFound when the connection is unknown", async () => {
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: "vpnx-abcdefgh", vpnConnName: "x" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5000, "InvalidVpnGw.NotFound"]);
        });

        it("fails when the connection is still creating", async () => {
            // GIVEN
            await h.api2("AddVpnConnEx", SEED_ADD);
            const id = (await h.api2("DescribeVpnConn", {})).data[0].vpnConnId;
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: String(id), vpnConnName: "x", "userGwCidrBlock.0": "10.100.2.0/24" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5100, "InvalidVpnConnState"]);
        });

        it("fails when the new name is too long", async () => {
            // GIVEN
            const id = await addAvailable();
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: id, vpnConnName: "n".repeat(61), "userGwCidrBlock.0": "10.100.2.0/24" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4000, "InvalidVpnConnName"]);
        });

        it("fails when neither userGwCidrBlock.n nor spdAcl.n is given", async () => {
            // GIVEN a connection, and ModifyVpnConnEx's example request without its userGwCidrBlock.0
            const id = await addAvailable();
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: id, preSharedKey: "tencenttest" });
            // THEN like AddVpnConnEx without both, and the connection is unchanged
            assert.deepEqual([r.code, r.codeDesc], [4000, "MissingParameter"]);
            assert.match(r.message, /`userGwCidrBlock\.n`/);
            const c = (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];
            assert.deepEqual([c.State, c.PreShareKey], ["AVAILABLE", SEED_ADD.preSharedKey]);
        });

        it("can read spdAcl.n entries as JSON policies", async () => {
            // GIVEN
            const id = await addAvailable();
            // WHEN
            const r = await h.api2("ModifyVpnConnEx", {
                vpcId: "vpc-emu00001",
                vpnGwId: "vpngw-emu0001",
                vpnConnId: id,
                "spdAcl.0": JSON.stringify({ "10.0.2.0/24": ["172.20.0.0/16"] }),
                "spdAcl.1": JSON.stringify({ "10.0.3.0/24": ["172.21.0.0/16"] }),
            });
            // THEN
            assert.equal(r.code, 0, r.message);
            assert.deepEqual(r.data.userGwSubnetList, ["172.20.0.0/16", "172.21.0.0/16"]);
        });
    });

    describe("DescribeVpnConn", () => {
        it("can filter by fuzzy name, order and page, with limit at most 50", async () => {
            // GIVEN three connections on three gateways
            await addAvailable({ vpnConnName: "alpha-1" });
            await addAvailable({ vpnConnName: "beta-1", vpnGwId: "vpngw-emu0002", userGwId: "cgw-emu0002" });
            await addAvailable({ vpnConnName: "alpha-2", vpnGwId: "vpngw-emu0003", userGwId: "cgw-emu0003" });
            // WHEN / THEN
            const names = (r: { data?: { vpnConnName: string }[] }) => r.data!.map((d) => d.vpnConnName);
            assert.deepEqual(names(await h.api2("DescribeVpnConn", { vpnConnName: "alpha", orderField: "vpnConnName", orderDirection: "asc" })), ["alpha-1", "alpha-2"]);
            const page = await h.api2("DescribeVpnConn", { orderField: "vpnConnName", orderDirection: "desc", offset: "1", limit: "1" });
            assert.deepEqual([page.totalCount, names(page)], [3, ["alpha-2"]]);
            const tooMany = await h.api2("DescribeVpnConn", { limit: "51" });
            assert.deepEqual([tooMany.code, tooMany.codeDesc], [4000, "InvalidParameter"]);
        });

        it("fails when the VPC filter names an unknown VPC", async () => {
            // WHEN
            const r = await h.api2("DescribeVpnConn", { vpcId: "vpc-nothere" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5000, "InvalidVpc.NotFound"]);
        });

        it("can show vpcConnStatus 0 while creating and 4 while deleting", async () => {
            // GIVEN
            await h.api2("AddVpnConnEx", SEED_ADD);
            const creating = (await h.api2("DescribeVpnConn", {})).data[0];
            await h.control.advanceClock(TRANSITION_MS);
            await h.api2("DeleteVpnConn", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: creating.unVpnConnId });
            // WHEN
            const deleting = (await h.api2("DescribeVpnConn", {})).data[0];
            // THEN
            assert.deepEqual([creating.vpcConnStatus, creating.netStatus, deleting.vpcConnStatus], [0, "unavailable", 4]);
        });
    });

    describe("DeleteVpnConn and DescribeVpcTaskResult", () => {
        it("can delete and report the task running (2), then successful (0)", async () => {
            // GIVEN
            const id = await addAvailable();
            // WHEN
            const r = await h.api2("DeleteVpnConn", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: id });
            // THEN
            assert.equal(r.code, 0, r.message);
            const taskId = String(r.data.taskId);
            assert.equal((await h.api2("DescribeVpcTaskResult", { taskId })).data.status, 2);
            await h.control.advanceClock(TRANSITION_MS);
            assert.equal((await h.api2("DescribeVpcTaskResult", { taskId })).data.status, 0);
            assert.equal((await h.api2("DescribeVpnConn", {})).totalCount, 0);
        });

        it("can report a failed task as status 1", async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/tasks/fail-next", { count: 1 });
            const r = await h.api2("AddVpnConnEx", SEED_ADD);
            // WHEN
            await h.control.advanceClock(TRANSITION_MS);
            // THEN
            assert.equal((await h.api2("DescribeVpcTaskResult", { taskId: String(r.data.taskId) })).data.status, 1);
        });

        it("fails when the connection is unknown, with the DeleteVpnConn doc's code", async () => {
            // WHEN
            const r = await h.api2("DeleteVpnConn", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: "vpnx-abcdefgh" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5000, "InvalidVpnConn.NotFound"]);
        });

        it("fails when the connection is not deletable yet", async () => {
            // GIVEN
            await h.api2("AddVpnConnEx", SEED_ADD);
            const id = (await h.api2("DescribeVpnConn", {})).data[0].unVpnConnId;
            // WHEN
            const r = await h.api2("DeleteVpnConn", { vpcId: "vpc-emu00001", vpnGwId: "vpngw-emu0001", vpnConnId: id });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [5100, "InvalidVpnConnState"]);
        });

        it("fails when the task is unknown", async () => {
            // WHEN
            const r = await h.api2("DescribeVpcTaskResult", { taskId: "999999" });
            // THEN
            assert.equal(r.code, 5000);
        });
    });
});
