import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { assertResponseShape, INVALID_RESPONSE, shapeMismatch, withoutEmptyValue } from "../../../provider/core/responseShape";

describe("responseShape", () => {
    const shape = { RequestId: "string", "VpnConnections.VpnConnection": "array" } as const;

    it("can accept an answer holding every field of its action, with extra fields", () => {
        // GIVEN an answer with the expected fields and one more
        // WHEN its shape is checked
        // THEN nothing is missing
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: { VpnConnection: [] }, TotalCount: 0 }, shape), undefined);
    });

    it("fails when the answer is not an object, lacks a field or holds it as another kind, naming the field", () => {
        // GIVEN null, an array, answers missing a field at each depth, and fields of the wrong kind
        // WHEN their shapes are checked
        // THEN each mismatch names the field
        assert.equal(shapeMismatch(null, shape), "the answer is not a JSON object");
        assert.equal(shapeMismatch([], shape), "the answer is not a JSON object");
        assert.equal(shapeMismatch({}, shape), "the answer has no `RequestId`");
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: {} }, shape), "the answer has no `VpnConnections.VpnConnection`");
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: { VpnConnection: {} } }, shape), "the answer's `VpnConnections.VpnConnection` is not an array");
        assert.equal(shapeMismatch({ RequestId: 7, VpnConnections: { VpnConnection: [] } }, shape), "the answer's `RequestId` is not a string");
    });

    it("fails with a typed invalid-answer error that never quotes the body", () => {
        // GIVEN an answer echoing a secret that misses a field
        // WHEN its shape is asserted
        const attempt = () => assertResponseShape({ Psk: "hunter2" }, shape, { cloud: "alicloud", action: "DescribeVpnConnections", requestId: "R-1", hint: "retry" });
        // THEN a typed error with the request id is thrown, without the body
        assert.throws(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, INVALID_RESPONSE);
            assert.equal(error.requestId, "R-1");
            assert.doesNotMatch(error.message, /hunter2/);
            return true;
        });
    });

    it("can drop an empty reported value and keep a present one", () => {
        // GIVEN an answer with an empty PSK, and one with a PSK
        // WHEN the PSK is dropped if empty
        // THEN only the empty one goes
        assert.deepEqual(withoutEmptyValue({ Psk: "", IkeMode: "main" }, "Psk"), { IkeMode: "main" });
        assert.deepEqual(withoutEmptyValue({ Psk: "kept" }, "Psk"), { Psk: "kept" });
    });
});
