import assert from "node:assert/strict";
import {
    assertConnectionId,
    cidrBlock,
    missing,
    notFound,
    optArray,
    optBool,
    optEnum,
    optInt,
    optIpv4,
    optObject,
    optString,
    rejectUnknown,
    reqString,
} from "../../../emulator/tencentcloud/params";
import { thrownTencentError as thrown } from "./support";

describe("params", () => {
    describe("optional readers", () => {
        it("can read a present value and pass over an absent one", () => {
            // GIVEN
            const p = { S: "s", N: 7, B: false, O: { k: 1 }, A: [1], Ip: "10.0.0.1", E: "MAIN" };
            // WHEN / THEN
            assert.deepEqual(
                [optString(p, "S"), optInt(p, "N"), optBool(p, "B"), optObject(p, "O"), optArray(p, "A"), optIpv4(p, "Ip"), optEnum(p, "E", ["MAIN"])],
                ["s", 7, false, { k: 1 }, [1], "10.0.0.1", "MAIN"],
            );
            assert.deepEqual(
                [optString(p, "x"), optInt(p, "x"), optBool(p, "x"), optObject(p, "x"), optArray(p, "x"), optIpv4(p, "x"), optEnum(p, "x", ["MAIN"])],
                [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
            );
        });

        const wrongTypes: [string, () => unknown][] = [
            ["a string is a number", () => optString({ V: 1 }, "V", "Block.V")],
            ["an integer is fractional", () => optInt({ V: 1.5 }, "V", "Block.V")],
            ["an integer is a numeric string", () => optInt({ V: "3" }, "V", "Block.V")],
            ["a boolean is a string", () => optBool({ V: "true" }, "V", "Block.V")],
            ["an object is an array", () => optObject({ V: [] }, "V", "Block.V")],
            ["an array is an object", () => optArray({ V: {} }, "V", "Block.V")],
            ["a CIDR block is not a string", () => cidrBlock(24, "Block.V")],
        ];
        for (const [when, read] of wrongTypes) {
            it(`fails when ${when}, with InvalidParameter naming the path`, () => {
                // WHEN
                const e = thrown(read);
                // THEN
                assert.equal(e.code, "InvalidParameter");
                assert.equal(e.detail.field, "Block.V");
                assert.match(e.message, /`Block\.V`/);
            });
        }
    });

    describe("reqString", () => {
        it("fails when the string is absent, with MissingParameter", () => {
            // WHEN
            const e = thrown(() => reqString({}, "VpnConnectionName"));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["MissingParameter", "VpnConnectionName"]);
        });

        it("fails when the string is blank, with InvalidParameterValue.Empty", () => {
            // WHEN
            const e = thrown(() => reqString({ VpnConnectionName: "  " }, "VpnConnectionName"));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.Empty");
        });
    });

    describe("optInt", () => {
        it("can accept both ends of its range", () => {
            // WHEN / THEN
            assert.equal(optInt({ V: 60 }, "V", "V", [60, 604800]), 60);
            assert.equal(optInt({ V: 604800 }, "V", "V", [60, 604800]), 604800);
        });

        it("fails when the integer is outside its range, with InvalidParameterValue.LimitExceeded and the bounds", () => {
            // WHEN
            const e = thrown(() => optInt({ V: 59 }, "V", "IKEOptionsSpecification.V", [60, 604800]));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.LimitExceeded");
            assert.equal(e.detail.field, "IKEOptionsSpecification.V");
            assert.match(e.message, /between 60 and 604800, got 59/);
        });
    });

    describe("optEnum", () => {
        it("fails when the value is not a member, with InvalidParameterValue listing the allowed values", () => {
            // WHEN
            const e = thrown(() => optEnum({ ExchangeMode: "main" }, "ExchangeMode", ["AGGRESSIVE", "MAIN"]));
            // THEN
            assert.equal(e.code, "InvalidParameterValue");
            assert.match(e.message, /one of AGGRESSIVE, MAIN, got `main`/);
        });
    });

    describe("optIpv4 and cidrBlock", () => {
        it("fails when an address is not a dotted quad, with InvalidParameterValue.Malformed", () => {
            // WHEN
            const e = thrown(() => optIpv4({ RemoteAddress: "peer.example" }, "RemoteAddress"));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["InvalidParameterValue.Malformed", "RemoteAddress"]);
        });

        it("can accept a CIDR with host bits set and fail a malformed one", () => {
            // WHEN
            const accepted = cidrBlock("10.0.0.5/24", "LocalCidrBlock");
            const e = thrown(() => cidrBlock("10.0.0.0/33", "LocalCidrBlock"));
            // THEN
            assert.equal(accepted, "10.0.0.5/24");
            assert.deepEqual([e.code, e.detail.field], ["InvalidParameterValue.Malformed", "LocalCidrBlock"]);
        });
    });

    describe("rejectUnknown", () => {
        it("fails when a name is not the action's, with UnknownParameter naming it under its prefix", () => {
            // WHEN
            const e = thrown(() => rejectUnknown({ Key: "k", Colour: "red" }, ["Key", "Value"], "Tags.0."));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["UnknownParameter", "Tags.0.Colour"]);
        });

        it("can accept an object holding only allowed names", () => {
            // WHEN / THEN
            assert.doesNotThrow(() => rejectUnknown({ Key: "k" }, ["Key", "Value"]));
        });
    });

    describe("assertConnectionId", () => {
        it("can accept vpnx- and eight lower-case letters or digits", () => {
            // WHEN / THEN
            assert.doesNotThrow(() => assertConnectionId("vpnx-ab12cd34", "VpnConnectionId"));
        });

        it("fails when the id is malformed, with InvalidParameterValue.Malformed", () => {
            // WHEN / THEN
            for (const bad of ["vpnx-AB12CD34", "vpnx-ab12cd3", "vpn-ab12cd34", ""]) {
                assert.equal(thrown(() => assertConnectionId(bad, "VpnConnectionIds.0")).code, "InvalidParameterValue.Malformed", bad);
            }
        });
    });

    describe("missing and notFound", () => {
        it("can name the field of a missing parameter and the kind of a missing resource", () => {
            // WHEN
            const absent = missing("BgpConfig.TunnelCidr");
            const gone = notFound("vpnGateway", "vpngw-nothere");
            // THEN
            assert.deepEqual([absent.code, absent.detail.field], ["MissingParameter", "BgpConfig.TunnelCidr"]);
            assert.deepEqual([gone.code, gone.detail.resource], ["ResourceNotFound", "vpnGateway"]);
            assert.match(gone.message, /`vpngw-nothere`/);
        });
    });
});
