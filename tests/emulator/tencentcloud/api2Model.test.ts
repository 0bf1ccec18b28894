import assert from "node:assert/strict";
import { TencentError } from "../../../emulator/tencentcloud/errors";
import { VPCS } from "../../../emulator/tencentcloud/fixtures";
import { api2Blocks, api2Spd, api2Status, toApi2Error } from "../../../emulator/tencentcloud/api2Model";

describe("api2Model", () => {
    describe("api2Blocks", () => {
        it("can translate the documented names and lower-case values to API 3.0 blocks", () => {
            // GIVEN
            const params = {
                "IKESet.propoEncryAlgorithm": "aes-cbc-192",
                "IKESet.localIdentity": "fqdn",
                "IKESet.localFqdnName": "vpn.example",
                "IKESet.ikeSaLifetimeSeconds": "3600",
                "IKESet.encryptAlgorithm": "null",
                "IPsecSet.integrityAlgorith": "sha",
                "IPsecSet.pfsDhGroup": "dh-group24",
            };
            // WHEN
            const blocks = api2Blocks(params, undefined);
            // THEN the IPsec algorithm filed under IKESet lands in the IPsec block; sha is SHA1
            assert.deepEqual(blocks, {
                IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-192", LocalIdentity: "FQDN", LocalFqdnName: "vpn.example", IKESaLifetimeSeconds: 3600 },
                IPSECOptionsSpecification: { EncryptAlgorithm: "NULL", IntegrityAlgorith: "SHA1", PfsDhGroup: "DH-GROUP24" },
            });
        });

        it("can fill AddVpnConnEx's defaults and the customer gateway address on add", () => {
            // WHEN
            const blocks = api2Blocks({}, { remoteAddress: "198.51.100.11" });
            // THEN
            assert.equal(blocks.IKEOptionsSpecification!.PropoAuthenAlgorithm, "MD5");
            assert.equal(blocks.IKEOptionsSpecification!.RemoteAddress, "198.51.100.11");
            assert.deepEqual(blocks.IPSECOptionsSpecification, { EncryptAlgorithm: "3DES-CBC", IntegrityAlgorith: "MD5", PfsDhGroup: "NULL" });
        });

        it("fails when a value is outside the documented list or range", () => {
            // THEN
            assert.throws(() => api2Blocks({ "IKESet.dhGroupName": "group15" }, undefined), /`IKESet.dhGroupName`/);
            assert.throws(() => api2Blocks({ "IPsecSet.ipsecSaLifetimeTraffic": "604801" }, undefined), /2560 and 604800/);
            assert.throws(() => api2Blocks({ "IKESet.ikeSaLifetimeSeconds": "1h" }, undefined), /integer/);
        });
    });

    describe("api2Spd", () => {
        it("can pair userGwCidrBlock.n with the VPC CIDR, in index order", () => {
            // WHEN
            const spd = api2Spd({ "userGwCidrBlock.1": "172.17.0.0/16", "userGwCidrBlock.0": "172.16.0.0/16" }, VPCS[0]);
            // THEN
            assert.deepEqual(spd, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["172.16.0.0/16", "172.17.0.0/16"] }]);
        });

        it("can prefer spdAcl over userGwCidrBlock when both are given", () => {
            // WHEN
            const spd = api2Spd({ spdAcl: '{"10.0.0.5/24":["172.123.10.5/16"]}', "userGwCidrBlock.0": "172.16.0.0/16" }, VPCS[0]);
            // THEN
            assert.deepEqual(spd, [{ LocalCidrBlock: "10.0.0.5/24", RemoteCidrBlock: ["172.123.10.5/16"] }]);
        });

        it("can report no SPD when neither is given", () => {
            // WHEN / THEN
            assert.equal(api2Spd({}, VPCS[0]), undefined);
        });
    });

    describe("api2Status", () => {
        it("can map states to vpcConnStatus 0 creating, 2 modifying, 4 deleting, 6 running", () => {
            // WHEN / THEN
            assert.deepEqual(
                [api2Status("PENDING", "create"), api2Status("PENDING", "modify"), api2Status("DELETING", "delete"), api2Status("AVAILABLE", undefined)],
                [0, 2, 4, 6],
            );
        });
    });

    describe("toApi2Error", () => {
        const nf = (resource: "vpc" | "vpnGateway" | "customerGateway" | "vpnConnection" | "task") =>
            new TencentError("ResourceNotFound", "The resource `x` is not found.", { resource });

        it("can use the documented not-found codes per resource and action", () => {
            // WHEN / THEN
            assert.equal(toApi2Error(nf("vpc"), "AddVpnConnEx").code, "InvalidVpc.NotFound");
            assert.equal(toApi2Error(nf("vpnGateway"), "AddVpnConnEx").code, "InvalidVpnGw.NotFound");
            assert.equal(toApi2Error(nf("customerGateway"), "AddVpnConnEx").code, "InvalidUserGw.NotFound");
            assert.equal(toApi2Error(nf("vpnConnection"), "ModifyVpnConnEx").code, "InvalidVpnGw.NotFound");
            assert.equal(toApi2Error(nf("vpnConnection"), "DeleteVpnConn").code, "InvalidVpnConn.NotFound");
        });

        it("can map name, quota and state failures to the API 2.0 actions' codes", () => {
            // WHEN
            const name = new TencentError("InvalidParameterValue.TooLong", "`VpnConnectionName` too long", { field: "VpnConnectionName" });
            // THEN
            assert.deepEqual(toApi2Error(name, "AddVpnConnEx"), { code: "InvalidVpnConnName", message: "`vpnConnName` too long" });
            assert.equal(toApi2Error(new TencentError("LimitExceeded", "full"), "AddVpnConnEx").code, "VpnConnLimitExceeded");
            assert.equal(toApi2Error(new TencentError("UnsupportedOperation.VpnConnInvalidState", "busy"), "ModifyVpnConnEx").code, "InvalidVpnConnState");
            assert.equal(toApi2Error(new TencentError("UnsupportedOperation.InvalidState", "busy"), "AddVpnConnEx").code, "ActionLocked");
        });

        it("can rename API 3.0 fields in messages to the API 2.0 names", () => {
            // WHEN
            const e = new TencentError("MissingParameter", "The request is missing a required parameter `IKEOptionsSpecification.RemoteAddress`.");
            // THEN
            assert.match(toApi2Error(e, "AddVpnConnEx").message, /`IKESet\.remoteAddress`/);
        });
    });
});
