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

    it("can redact short secrets and the forms a cloud may echo them in", () => {
        // GIVEN a 2-character PSK and one with characters that JSON, URL and form encoding change
        const secret = 'a "b"/c d!';
        // WHEN messages carry them raw, JSON-escaped, URL-encoded and form-encoded
        const message = ["psk=x9", JSON.stringify({ Psk: secret }), encodeURIComponent(secret), new URLSearchParams({ p: secret }).toString()].join(" | ");
        const redacted = redact(message, ["x9", secret]);
        // THEN none of the forms survives
        assert.doesNotMatch(redacted, /x9|\\"b\\"|%22b%22|c\+d|c%20d/);
        assert.equal(redacted.split("[REDACTED]").length - 1, 4);
    });
});
