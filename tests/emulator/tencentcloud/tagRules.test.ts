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
            ["qcs:owner", "InvalidParameterValue.ReservedTagKey"],
            ["Project-x", "InvalidParameterValue.ReservedTagKey"],
            ["项目组", "InvalidParameterValue.ReservedTagKey"],
            ["k".repeat(128), "InvalidParameterValue.TagKeyLengthExceeded"],
            ["", "InvalidParameterValue.TagKeyEmpty"],
            ["a#b", "InvalidParameterValue.TagKeyCharacterIllegal"],
            [" lead", "InvalidParameterValue.TagKeyCharacterIllegal"],
            ["trail ", "InvalidParameterValue.TagKeyCharacterIllegal"],
        ];
        for (const [key, code] of cases) {
            // WHEN checked
            // THEN each fails with its code, naming the parameter
            assert.throws(() => checkTagText(key, "v", "Tags.0.Key"), (error: unknown) => error instanceof TencentError && error.code === code && /Tags\.0\.Key/.test(error.message));
        }
    });

    it("can accept a 127-character key, a 255-character value and the Use Limits' wider characters", () => {
        // GIVEN the longest key and value, and keys with the English and Chinese special characters
        const cases: [string, string][] = [
            ["k".repeat(127), "v".repeat(255)],
            ["a(b)[c],d;e>f<g", "x [1]"],
            ["部门＋－＝／＠（）【】：", "运维 负责人"],
        ];
        for (const [key, value] of cases) {
            // WHEN checked
            const tag = checkTagText(key, value, "Tags.0.Key");
            // THEN each is kept as given
            assert.deepEqual(tag, { Key: key, Value: value });
        }
    });

    it("fails when a value is too long or holds a character outside the allowed set", () => {
        // GIVEN values breaking each rule
        const cases: [string, string][] = [
            ["v".repeat(256), "InvalidParameterValue.TagValueLengthExceeded"],
            ["a#b", "InvalidParameterValue.TagValueCharacterIllegal"],
            ["é", "InvalidParameterValue.TagValueCharacterIllegal"],
        ];
        for (const [value, code] of cases) {
            // WHEN checked
            // THEN each fails with its code
            assert.throws(() => checkTagText("k", value, "Tags.0.Key"), (error: unknown) => error instanceof TencentError && error.code === code);
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
