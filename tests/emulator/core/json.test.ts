import assert from "node:assert/strict";
import { isJsonObject } from "../../../emulator/core/json";

describe("isJsonObject", () => {
    it("can accept plain objects, empty ones included", () => {
        // WHEN / THEN
        assert.equal(isJsonObject({}), true);
        assert.equal(isJsonObject({ ms: 5 }), true);
        assert.equal(isJsonObject(JSON.parse('{"a":[1]}')), true);
    });

    it("fails when the value is an array, null or a scalar", () => {
        // WHEN / THEN
        for (const value of [[], [{}], null, undefined, "{}", 0, true]) {
            assert.equal(isJsonObject(value), false, JSON.stringify(value));
        }
    });
});
