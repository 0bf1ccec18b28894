import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { assertResponseShape, INVALID_RESPONSE, listOf, shapeMismatch, withoutEmptyValue } from "../../../provider/core/responseShape";

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

    const listShape = { RequestId: "string", "VpnConnections.VpnConnection": listOf({ VpnConnectionId: "string" }) } as const;

    it("can accept a list of objects each holding its item fields, and an empty list", () => {
        // GIVEN an answer listing two connections with ids and more, and one listing none
        const two = { RequestId: "R", VpnConnections: { VpnConnection: [{ VpnConnectionId: "vco-1", State: "active" }, { VpnConnectionId: "vco-2" }] } };
        const none = { RequestId: "R", VpnConnections: { VpnConnection: [] } };
        // WHEN their shapes are checked
        // THEN both fit
        assert.equal(shapeMismatch(two, listShape), undefined);
        assert.equal(shapeMismatch(none, listShape), undefined);
    });

    it("fails when a list item is not an object or lacks its id, naming the list and the item", () => {
        // GIVEN lists holding null, a string, a nested list, an object without the id, and an id of another kind
        const answer = (...items: unknown[]) => ({ RequestId: "R", VpnConnections: { VpnConnection: items } });
        // WHEN their shapes are checked
        // THEN each mismatch names the list, the item's position and, inside it, the field
        assert.equal(shapeMismatch(answer(null), listShape), "the answer's `VpnConnections.VpnConnection` item 1 is not an object");
        assert.equal(shapeMismatch(answer("x"), listShape), "the answer's `VpnConnections.VpnConnection` item 1 is not an object");
        assert.equal(shapeMismatch(answer({ VpnConnectionId: "vco-1" }, []), listShape), "the answer's `VpnConnections.VpnConnection` item 2 is not an object");
        assert.equal(shapeMismatch(answer({ State: "active" }), listShape), "the answer's `VpnConnections.VpnConnection` item 1 has no `VpnConnectionId`");
        assert.equal(shapeMismatch(answer({ VpnConnectionId: 7 }), listShape), "the answer's `VpnConnections.VpnConnection` item 1's `VpnConnectionId` is not a string");
        assert.equal(shapeMismatch({ RequestId: "R", VpnConnections: { VpnConnection: {} } }, listShape), "the answer's `VpnConnections.VpnConnection` is not an array");
    });

    it("fails with the invalid-answer code on a list item that is not an object, never quoting the body", () => {
        // GIVEN a listing whose second item is a string echoing a secret
        const body = { RequestId: "R-2", VpnConnections: { VpnConnection: [{ VpnConnectionId: "vco-1" }, "hunter2"] } };
        // WHEN its shape is asserted
        const attempt = () => assertResponseShape(body, listShape, { cloud: "alicloud", action: "DescribeVpnConnections", requestId: "R-2", hint: "retry" });
        // THEN the typed invalid-answer error names the item, not the secret
        assert.throws(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, INVALID_RESPONSE);
            assert.match(error.message, /item 2 is not an object/);
            assert.doesNotMatch(error.message, /hunter2/);
            return true;
        });
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
