import assert from "node:assert/strict";
import { legacyRegionCode } from "../../../provider/tencentcloud/regions";

describe("tencentcloud regions", () => {
    it("can translate an API 3.0 region to its API 2.0 short code", () => {
        // GIVEN regions with documented short codes
        const regions = ["ap-guangzhou", "ap-shanghai", "ap-beijing"];
        // WHEN translated
        // THEN each has its code
        assert.deepEqual(regions.map(legacyRegionCode), ["gz", "sh", "bj"]);
    });

    it("fails to translate a region without a known code, or a key every object inherits", () => {
        // GIVEN a region API 2.0 never had, a misspelling and an Object.prototype key
        const regions = ["ap-tokyo", "AP-GUANGZHOU", "constructor"];
        // WHEN translated
        // THEN none has a code
        assert.deepEqual(regions.map(legacyRegionCode), [undefined, undefined, undefined]);
    });
});
