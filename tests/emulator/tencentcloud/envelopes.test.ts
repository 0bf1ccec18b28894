import assert from "node:assert/strict";
import { api2Error, api2NumericCode, api2Ok, v3Error, v3Ok } from "../../../emulator/tencentcloud/envelopes";

describe("envelopes", () => {
    it("can wrap an API 3.0 answer with its RequestId last", () => {
        // WHEN
        const r = v3Ok("req-1", { TotalCount: 0 });
        // THEN
        assert.equal(r.status, 200);
        assert.deepEqual(Object.keys((r.json as { Response: object }).Response), ["TotalCount", "RequestId"]);
    });

    it("can wrap an API 3.0 error in HTTP 200 {Response:{Error:{Code,Message},RequestId}}", () => {
        // WHEN / THEN
        assert.deepEqual(v3Error("req-1", "ResourceNotFound", "gone"), {
            status: 200,
            json: { Response: { Error: { Code: "ResourceNotFound", Message: "gone" }, RequestId: "req-1" } },
            headers: undefined,
        });
    });

    it("can wrap an API 2.0 answer as {code:0, message:'', codeDesc:'Success', data}", () => {
        // WHEN / THEN
        assert.deepEqual(api2Ok({ taskId: 1 }, { totalCount: 1 }).json, { code: 0, message: "", codeDesc: "Success", totalCount: 1, data: { taskId: 1 } });
    });

    it("can wrap an API 2.0 error with a non-zero numeric code and the string code in codeDesc", () => {
        // WHEN / THEN
        assert.deepEqual(api2Error("InvalidVpc.NotFound", "no vpc").json, { code: 5000, message: "no vpc", codeDesc: "InvalidVpc.NotFound" });
    });

    it("can map string codes onto the API 2.0 numeric classes", () => {
        // GIVEN
        const table: [string, number][] = [
            ["MissingParameter", 4000],
            ["InvalidParameter", 4000],
            ["InvalidVpnConnName", 4000],
            ["AuthFailure.SignatureFailure", 4100],
            ["AuthFailure.SecretIdNotFound", 4104],
            ["AuthFailure.TokenFailure", 4105],
            ["VpnConnLimitExceeded", 4400],
            ["RequestLimitExceeded", 4400],
            ["AuthFailure.SignatureExpire", 4500],
            ["ReplayAttack", 4500],
            ["InvalidUserGw.NotFound", 5000],
            ["InvalidVpnConnState", 5100],
            ["ActionLocked", 5100],
            ["InternalError", 6000],
        ];
        // WHEN / THEN
        for (const [code, numeric] of table) assert.equal(api2NumericCode(code), numeric, code);
    });
});
