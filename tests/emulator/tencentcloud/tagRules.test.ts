import assert from "node:assert/strict";
import { TencentError } from "../../../emulator/tencentcloud/errors";
import { checkCreateTags, checkTagText, MAX_TAGS_PER_RESOURCE } from "../../../emulator/tencentcloud/tagRules";

describe("tagRules (Tencent tag restrictions)", () => {
    it("can accept a key and value of the allowed characters, an absent value as empty", () => {
        // GIVEN a key with a space and the allowed punctuation, and no value
        // WHEN checked
        const tag = checkTagText("team/net-ops 1", undefined, "Tags.0.Key");
        // THEN it is kept, its value empty
        assert.deepEqual(tag, { Key: "team/net-ops 1", Value: "" });
    });

    it("fails when a key is reserved, too long or empty, with the Tag service's codes", () => {
        // GIVEN keys breaking each rule
        const cases: [string, string][] = [
            ["qcloud:owner", "InvalidParameterValue.ReservedTagKey"],
            ["k".repeat(256), "InvalidParameterValue.TagKeyLengthExceeded"],
            ["", "InvalidParameterValue.TagKeyEmpty"],
            ["a#b", "InvalidParameterValue.TagKeyCharacterIllegal"],
        ];
        for (const [key, code] of cases) {
            // WHEN checked
            // THEN each fails with its code, naming the parameter
            assert.throws(() => checkTagText(key, "v", "Tags.0.Key"), (error: unknown) => error instanceof TencentError && error.code === code && /Tags\.0\.Key/.test(error.message));
        }
    });

    it("fails when a create carries more tags than a resource takes", () => {
        // GIVEN one tag more than the limit
        const tags = Array.from({ length: MAX_TAGS_PER_RESOURCE + 1 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
        // WHEN checked
        // THEN it fails with the attached-tags limit
        assert.throws(() => checkCreateTags(tags), (error: unknown) => error instanceof TencentError && error.code === "LimitExceeded.ResourceAttachedTags");
    });
});
