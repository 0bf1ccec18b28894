import assert from "node:assert/strict";
import { DEFAULT_TENCENT_SETTINGS, parseTencentSettingsPatch } from "../../../emulator/tencentcloud/settings";

describe("settings", () => {
    it("can default to the official behaviour: no id on create, numeric lifetimes, one task per gateway, tags listed at once", () => {
        // WHEN / THEN
        assert.deepEqual({ ...DEFAULT_TENCENT_SETTINGS }, { createReturnsId: false, numbersAsStrings: false, gatewayMutex: true, tagSetLate: false, tagSetEmpty: false });
    });

    it("can accept a partial patch of booleans", () => {
        // WHEN / THEN
        assert.deepEqual(parseTencentSettingsPatch({ createReturnsId: true }), { createReturnsId: true });
    });

    it("fails when a key is unknown or a value is not a boolean", () => {
        // WHEN / THEN
        assert.match(String(parseTencentSettingsPatch({ returnsId: true })), /unknown setting `returnsId`/);
        assert.match(String(parseTencentSettingsPatch({ createReturnsId: "yes" })), /must be a boolean/);
        assert.match(String(parseTencentSettingsPatch([])), /JSON object/);
    });
});
