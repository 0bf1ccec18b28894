import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { assertResponseShape, INVALID_RESPONSE, shapeMismatch, withoutEmptyValue } from "../../../provider/core/responseShape";

describe("responseShape", () => {
    const shape = { RequestId: "string", "VpnConnections.VpnConnection": "array" } as const;

    it("can accept an answer holding every field of its action, with extra fields", () => {
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: { VpnConnection: [] }, TotalCount: 0 }, shape), undefined);
    });

    it("fails when the answer is not an object, lacks a field or holds it as another kind, naming the field", () => {
        assert.equal(shapeMismatch(null, shape), "the answer is not a JSON object");
        assert.equal(shapeMismatch([], shape), "the answer is not a JSON object");
        assert.equal(shapeMismatch({}, shape), "the answer has no `RequestId`");
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: {} }, shape), "the answer has no `VpnConnections.VpnConnection`");
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: { VpnConnection: {} } }, shape), "the answer's `VpnConnections.VpnConnection` is not an array");
        assert.equal(shapeMismatch({ RequestId: 7, VpnConnections: { VpnConnection: [] } }, shape), "the answer's `RequestId` is not a string");
    });

    it("fails with a typed invalid-answer error that never quotes the body", () => {
        // WHEN an answer echoing a secret misses a field
        const attempt = () => assertResponseShape({ Psk: "hunter2" }, shape, { cloud: "alicloud", action: "DescribeVpnConnections", requestId: "R-1", hint: "retry" });
        // THEN
        assert.throws(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, INVALID_RESPONSE);
            assert.equal(error.requestId, "R-1");
            assert.doesNotMatch(error.message, /hunter2/);
            return true;
        });
    });

    it("can drop an empty reported value and keep a present one", () => {
        // WHEN / THEN
        assert.deepEqual(withoutEmptyValue({ Psk: "", IkeMode: "main" }, "Psk"), { IkeMode: "main" });
        assert.deepEqual(withoutEmptyValue({ Psk: "kept" }, "Psk"), { Psk: "kept" });
    });
});
