import assert from "node:assert/strict";
import { TencentError } from "../../../emulator/tencentcloud/errors";
import { VPCS } from "../../../emulator/tencentcloud/fixtures";
import { legacyBlocks, legacySpd, legacyStatus, toLegacyError } from "../../../emulator/tencentcloud/legacyModel";

describe("legacyModel", () => {
    describe("legacyBlocks", () => {
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
            const blocks = legacyBlocks(params, undefined);
            // THEN the IPsec algorithm filed under IKESet lands in the IPsec block; sha is SHA1
            assert.deepEqual(blocks, {
                IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-192", LocalIdentity: "FQDN", LocalFqdnName: "vpn.example", IKESaLifetimeSeconds: 3600 },
                IPSECOptionsSpecification: { EncryptAlgorithm: "NULL", IntegrityAlgorith: "SHA1", PfsDhGroup: "DH-GROUP24" },
            });
        });

        it("can fill AddVpnConnEx's defaults and the customer gateway address on add", () => {
            // WHEN
            const blocks = legacyBlocks({}, { remoteAddress: "198.51.100.11" });
            // THEN
            assert.equal(blocks.IKEOptionsSpecification!.PropoAuthenAlgorithm, "MD5");
            assert.equal(blocks.IKEOptionsSpecification!.RemoteAddress, "198.51.100.11");
            assert.deepEqual(blocks.IPSECOptionsSpecification, { EncryptAlgorithm: "3DES-CBC", IntegrityAlgorith: "MD5", PfsDhGroup: "NULL" });
        });

        it("fails when a value is outside the documented list or range", () => {
            // THEN
            assert.throws(() => legacyBlocks({ "IKESet.dhGroupName": "group15" }, undefined), /`IKESet.dhGroupName`/);
            assert.throws(() => legacyBlocks({ "IPsecSet.ipsecSaLifetimeTraffic": "604801" }, undefined), /2560 and 604800/);
            assert.throws(() => legacyBlocks({ "IKESet.ikeSaLifetimeSeconds": "1h" }, undefined), /integer/);
        });
    });

    describe("legacySpd", () => {
        it("can pair userGwCidrBlock.n with the VPC CIDR, in index order", () => {
            // WHEN
            const spd = legacySpd({ "userGwCidrBlock.1": "172.17.0.0/16", "userGwCidrBlock.0": "172.16.0.0/16" }, VPCS[0]);
            // THEN
            assert.deepEqual(spd, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["172.16.0.0/16", "172.17.0.0/16"] }]);
        });

        it("can prefer spdAcl over userGwCidrBlock when both are given", () => {
            // WHEN
            const spd = legacySpd({ spdAcl: '{"10.0.0.5/24":["172.123.10.5/16"]}', "userGwCidrBlock.0": "172.16.0.0/16" }, VPCS[0]);
            // THEN
            assert.deepEqual(spd, [{ LocalCidrBlock: "10.0.0.5/24", RemoteCidrBlock: ["172.123.10.5/16"] }]);
        });

        it("can report no SPD when neither is given", () => {
            // WHEN / THEN
            assert.equal(legacySpd({}, VPCS[0]), undefined);
        });
    });

    describe("legacyStatus", () => {
        it("can map states to vpcConnStatus 0 creating, 2 modifying, 4 deleting, 6 running", () => {
            // WHEN / THEN
            assert.deepEqual(
                [legacyStatus("PENDING", "create"), legacyStatus("PENDING", "modify"), legacyStatus("DELETING", "delete"), legacyStatus("AVAILABLE", undefined)],
                [0, 2, 4, 6],
            );
        });
    });

    describe("toLegacyError", () => {
        const nf = (resource: "vpc" | "vpnGateway" | "customerGateway" | "vpnConnection" | "task") =>
            new TencentError("ResourceNotFound", "The resource `x` is not found.", { resource });

        it("can use the documented not-found codes per resource and action", () => {
            // WHEN / THEN
            assert.equal(toLegacyError(nf("vpc"), "AddVpnConnEx").code, "InvalidVpc.NotFound");
            assert.equal(toLegacyError(nf("vpnGateway"), "AddVpnConnEx").code, "InvalidVpnGw.NotFound");
            assert.equal(toLegacyError(nf("customerGateway"), "AddVpnConnEx").code, "InvalidUserGw.NotFound");
            assert.equal(toLegacyError(nf("vpnConnection"), "ModifyVpnConnEx").code, "InvalidVpnGw.NotFound");
            assert.equal(toLegacyError(nf("vpnConnection"), "DeleteVpnConn").code, "InvalidVpnConn.NotFound");
        });

        it("can map name, quota and state failures to the legacy actions' codes", () => {
            // WHEN
            const name = new TencentError("InvalidParameterValue.TooLong", "`VpnConnectionName` too long", { field: "VpnConnectionName" });
            // THEN
            assert.deepEqual(toLegacyError(name, "AddVpnConnEx"), { code: "InvalidVpnConnName", message: "`vpnConnName` too long" });
            assert.equal(toLegacyError(new TencentError("LimitExceeded", "full"), "AddVpnConnEx").code, "VpnConnLimitExceeded");
            assert.equal(toLegacyError(new TencentError("UnsupportedOperation.VpnConnInvalidState", "busy"), "ModifyVpnConnEx").code, "InvalidVpnConnState");
            assert.equal(toLegacyError(new TencentError("UnsupportedOperation.InvalidState", "busy"), "AddVpnConnEx").code, "ActionLocked");
        });

        it("can rename API 3.0 fields in messages to the legacy names", () => {
            // WHEN
            const e = new TencentError("MissingParameter", "The request is missing a required parameter `IKEOptionsSpecification.RemoteAddress`.");
            // THEN
            assert.match(toLegacyError(e, "AddVpnConnEx").message, /`IKESet\.remoteAddress`/);
        });
    });
});
