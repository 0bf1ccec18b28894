import * as assert from "node:assert/strict";
import { annotateSecrets, maskPaths } from "./secretMask";

describe("annotateSecrets", () => {
    it("can mark an output secret when the input with the same key was secret", () => {
        // WHEN
        const mask = annotateSecrets({ psk: "s", name: "n", extra: "e" }, { psk: "s", name: "n" }, { psk: true });

        // THEN
        assert.deepEqual(maskPaths(mask), ["psk"]);
    });

    it("can follow nested objects key by key", () => {
        // GIVEN
        const ins = { ike: { psk: "s", mode: "main" } };
        const outs = { ike: { psk: "s", mode: "main", lifetime: 86400 } };

        // WHEN
        const mask = annotateSecrets(outs, ins, { ike: { psk: true } });

        // THEN
        assert.deepEqual(maskPaths(mask), ["ike.psk"]);
    });

    it("can make a whole array secret when any matching element was secret", () => {
        // WHEN
        const mask = annotateSecrets({ keys: ["a", "b"] }, { keys: ["a", "b"] }, { keys: { "1": true } });

        // THEN
        assert.deepEqual(maskPaths(mask), ["keys"]);
    });

    it("can mark a secret input's whole output value secret whatever its shape", () => {
        // WHEN
        const mask = annotateSecrets({ opts: { a: 1 } }, { opts: "x" }, { opts: true });

        // THEN
        assert.deepEqual(maskPaths(mask), ["opts"]);
    });

    it("fails to carry secretness to a renamed output or an array of another length", () => {
        // WHEN
        const renamed = annotateSecrets({ preSharedKey: "s" }, { psk: "s" }, { psk: true });
        const resized = annotateSecrets({ keys: ["a", "b", "c"] }, { keys: ["a", "b"] }, { keys: { "0": true } });

        // THEN
        assert.deepEqual(maskPaths(renamed), []);
        assert.deepEqual(maskPaths(resized), []);
    });

    it("can render paths with indexes and non-identifier keys", () => {
        // THEN
        assert.deepEqual(maskPaths({ "x-y": true, list: { "0": { k: true } } }), ['["x-y"]', "list[0].k"]);
    });
});
