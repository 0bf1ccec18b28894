import assert from "node:assert/strict";
import { CloudApiError, redact } from "../../../provider/core/errors";

describe("errors", () => {
    it("can carry cloud, action, code, request id and hint in the message", () => {
        const error = new CloudApiError({ cloud: "alicloud", action: "CreateVpnConnection", code: "VpnGateway.Configuring", requestId: "R-1", hint: "wait" }, "busy");
        assert.equal(error.message, "alicloud CreateVpnConnection failed: VpnGateway.Configuring (request R-1): busy. Hint: wait");
        assert.equal(error.code, "VpnGateway.Configuring");
    });

    it("can redact every secret, longest first", () => {
        assert.equal(redact("key=abcdef and abcdefgh", ["abcdef", "abcdefgh", undefined, ""]), "key=[REDACTED] and [REDACTED]");
    });
});
