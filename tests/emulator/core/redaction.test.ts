import assert from "node:assert/strict";
import { REDACTED, redactDeep } from "../../../emulator/core/redaction";

describe("redactDeep", () => {
    it("can mask the values of matching keys at any depth, in objects and arrays", () => {
        // GIVEN
        const value = { Psk: "p", Name: "n", Tunnels: [{ IkeConfig: { psk: "q", IkeVersion: "ikev2" } }, "plain"] };
        // WHEN
        const out = redactDeep(value, /^psk$/i);
        // THEN
        assert.deepEqual(out, { Psk: REDACTED, Name: "n", Tunnels: [{ IkeConfig: { psk: REDACTED, IkeVersion: "ikev2" } }, "plain"] });
    });

    it("can mask a whole object or array held by a matching key", () => {
        // WHEN
        const out = redactDeep({ Secret: { Key: "k" }, Secrets: ["a", "b"] }, /^secrets?$/i);
        // THEN
        assert.deepEqual(out, { Secret: REDACTED, Secrets: REDACTED });
    });

    it("can leave the input untouched and scalars as they are", () => {
        // GIVEN
        const value = { Psk: "p", Nested: { Psk: "q" } };
        // WHEN
        redactDeep(value, /^psk$/i);
        // THEN
        assert.deepEqual(value, { Psk: "p", Nested: { Psk: "q" } });
        assert.equal(redactDeep("Psk", /^psk$/i), "Psk");
        assert.equal(redactDeep(null, /^psk$/i), null);
        assert.equal(redactDeep(3, /^psk$/i), 3);
    });
});
