import assert from "node:assert/strict";
import { CloudApiError, redact } from "../../../provider/core/errors";

describe("errors", () => {
    it("can carry cloud, action, code, request id and hint in the message", () => {
        // GIVEN a cloud error's details
        // WHEN it becomes an error
        const error = new CloudApiError({ cloud: "alicloud", action: "CreateVpnConnection", code: "VpnGateway.Configuring", requestId: "R-1", hint: "wait" }, "busy", []);
        // THEN the message says all of them and the code is kept
        assert.equal(error.message, "alicloud CreateVpnConnection failed: VpnGateway.Configuring (request R-1): busy. Hint: wait");
        assert.equal(error.code, "VpnGateway.Configuring");
    });

    it("can scrub the secrets it is given from the cloud's text, in any form the cloud echoes", () => {
        // GIVEN cloud text echoing a PSK JSON-escaped and percent-encoded twice
        // WHEN it becomes an error with the operation's secrets
        const error = new CloudApiError({ cloud: "tencentcloud", action: "DescribeVpcTaskResult", code: "TaskFailed" }, 'psk a/b, {"Psk":"a\\/b"}, a%252Fb', ["a/b"]);
        // THEN every form is gone
        assert.equal(error.message, "tencentcloud DescribeVpcTaskResult failed: TaskFailed: psk [REDACTED], {\"Psk\":\"[REDACTED]\"}, [REDACTED].");
    });

    it("can redact every secret, longest first", () => {
        // GIVEN a secret that is the prefix of another, and empty entries
        // WHEN a message holding both is redacted
        // THEN each is replaced whole
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

    it("can redact the forms Alibaba's string to sign and other echoes hold: encoded twice, RFC 3986, JSON then URL, `\\/`, `\\u`, any hex case", () => {
        // GIVEN PSKs and an STS token in the forms the clouds echo (string to sign: NewFuture/DDNS issue #57)
        const token = "CAISLo+/b3h+Zm9v=";
        const echoes: [string, string][] = [
            ["Office@2024#Vpn", "IkeConfig%3D%257B%2522Psk%2522%253A%2522Office%25402024%2523Vpn%2522%257D%26"],
            ["a*b!c", "Psk=a%2Ab%21c&"],
            ["a*b!c", "Psk=a%2ab%21c&"],
            ['ab"cd\\ef', "IkeConfig=%7B%22Psk%22%3A%22ab%5C%22cd%5C%5Cef%22%7D"],
            ["ab/cd", '{"Psk":"ab\\/cd"}'],
            ["a<b>&c", '{"Psk":"a\\u003cb\\u003E\\u0026c"}'],
            [token, "SecurityToken%3DCAISLo%252B%252Fb3h%252BZm9v%253D%26"],
        ];
        for (const [secret, echoed] of echoes) {
            // WHEN the echo is redacted
            const redacted = redact(echoed, [secret]);
            // THEN the secret's form is replaced
            assert.equal(redacted.includes("[REDACTED]"), true, `${secret} survives in ${redacted}`);
            assert.doesNotMatch(redacted, /Office|a%2Ab|ab%5C|ab\\\/|u003c|b3h/i);
        }
    });

    it("can end a cloud message that already ends in punctuation without a second period", () => {
        // GIVEN a message ending in a period, one ending in a Chinese full stop, and one without
        const details = { cloud: "alicloud" as const, action: "DescribeVpnConnections", code: "X", hint: "h" };
        // WHEN each becomes an error
        const messages = ["The specified vpn connection instance id does not exist.", "资源不存在。", "busy"].map((m) => new CloudApiError(details, m, []).message);
        // THEN exactly one sentence end precedes the hint
        assert.deepEqual(messages, [
            "alicloud DescribeVpnConnections failed: X: The specified vpn connection instance id does not exist. Hint: h",
            "alicloud DescribeVpnConnections failed: X: 资源不存在。 Hint: h",
            "alicloud DescribeVpnConnections failed: X: busy. Hint: h",
        ]);
    });

    it("can redact a secret a cloud echoes base64-encoded, standard or URL-safe, padded or not, at any byte alignment", () => {
        // GIVEN the PSK inside longer texts at each offset modulo 3, encoded each way the message may carry it
        const secret = "Psk-For-Tests-1?>";
        const encodings = [
            (b: Buffer) => b.toString("base64"),
            (b: Buffer) => b.toString("base64").replace(/=+$/, ""),
            (b: Buffer) => b.toString("base64url"),
            (b: Buffer) => b.toString("base64url") + "==",
        ];
        const texts = ["", "a", "ab"].flatMap((prefix) => [secret, `${prefix}${secret}`, `${prefix}{"Psk":"${secret}"}`]);
        const message = texts.flatMap((text) => encodings.map((encode) => encode(Buffer.from(text)))).join(" ");
        // WHEN redacted
        const redacted = redact(message, [secret]);
        // THEN no base64 run left, decoded from any character offset, holds the secret's bytes
        for (const run of redacted.match(/[A-Za-z0-9+/_-]+/g) ?? []) {
            for (let start = 0; start < 4; start++) {
                const decoded = Buffer.from(run.slice(start).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
                assert.equal(decoded.includes(secret.slice(1, -1)), false, `the secret survives in ${run}`);
            }
        }
        assert.equal(redacted.split("[REDACTED]").length - 1, texts.length * encodings.length);
    });
});
