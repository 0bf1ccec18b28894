/**
 * The Tencent tag restrictions both the Tag service and CreateVpnConnection's `Tags` enforce, by the Tag
 * "Use Limits" (https://www.tencentcloud.com/document/product/651/13354): key 1–127 and value at most 255
 * characters of Chinese and English letters, digits 0–9, spaces (not first or last) and the special
 * characters `+ - = . _ : / @ ( ) [ ] , ; > <` and the Chinese `＋ － ＝ ／ ＠ （ ） 【 】 ：`; keys starting with
 * `qcs:`, `project` or `项目` reserved, and `qcloud` and `tencent` too (the Tag API's `ReservedTagKey` codes,
 * https://www.tencentcloud.com/document/product/651/33015); 50 tags a resource (https://cloud.tencent.com/document/product/597/33355),
 * with the codes of TencentCloud/tencentcloud-sdk-go `tencentcloud/tag/v20180813/errors.go`.
 */
import { TencentError } from "./errors";

export const MAX_TAGS_PER_RESOURCE = 50;
const KEY_MAX = 127;
const VALUE_MAX = 255;
const RESERVED_PREFIXES = ["qcs:", "project", "项目", "qcloud", "tencent"];
const TAG_CHAR = "A-Za-z0-9\\p{Script=Han}+\\-=._:/@()[\\],;><＋－＝／＠（）【】：";
/** Allowed characters, a space only between two of them; empty matches (an absent value). */
const TAG_TEXT = new RegExp(`^(?:[${TAG_CHAR}](?:[${TAG_CHAR} ]*[${TAG_CHAR}])?)?$`, "u");
const TAG_TEXT_DOC = "Chinese and English letters, digits, inner spaces and + - = . _ : / @ ( ) [ ] , ; > < ＋ － ＝ ／ ＠ （ ） 【 】 ：";

export type Tag = { Key: string; Value: string };

const error = (code: string, message: string) => new TencentError(code, message);

/** A tag key and value by the tag restrictions; `at` names the parameter. Used by CreateVpnConnection's `Tags` too. */
export function checkTagText(key: unknown, value: unknown, at: string): Tag {
    if (typeof key !== "string" || key === "") throw error("InvalidParameterValue.TagKeyEmpty", `The tag key \`${at}\` must not be empty.`);
    if ([...key].length > KEY_MAX) throw error("InvalidParameterValue.TagKeyLengthExceeded", `The tag key \`${at}\` exceeds ${KEY_MAX} characters.`);
    if (!TAG_TEXT.test(key)) throw error("InvalidParameterValue.TagKeyCharacterIllegal", `The tag key \`${at}\` has characters outside ${TAG_TEXT_DOC}.`);
    const reserved = RESERVED_PREFIXES.find((p) => key.toLowerCase().startsWith(p));
    if (reserved) throw error("InvalidParameterValue.ReservedTagKey", `The tag key \`${at}\` starts with the reserved \`${reserved}\`.`);
    const text = value === undefined ? "" : value;
    if (typeof text !== "string") throw error("InvalidParameter", `The tag value of \`${at}\` must be a string.`);
    if ([...text].length > VALUE_MAX) throw error("InvalidParameterValue.TagValueLengthExceeded", `The tag value of \`${at}\` exceeds ${VALUE_MAX} characters.`);
    if (!TAG_TEXT.test(text)) throw error("InvalidParameterValue.TagValueCharacterIllegal", `The tag value of \`${at}\` has characters outside ${TAG_TEXT_DOC}.`);
    return { Key: key, Value: text };
}

/** CreateVpnConnection's `Tags` (already shaped `{Key, Value}`): the same limits, at most 50. */
export function checkCreateTags(tags: Tag[]): Tag[] {
    if (tags.length > MAX_TAGS_PER_RESOURCE) throw error("LimitExceeded.ResourceAttachedTags", `A resource takes at most ${MAX_TAGS_PER_RESOURCE} tags.`);
    tags.forEach((t, i) => checkTagText(t.Key, t.Value, `Tags.${i}.Key`));
    return tags;
}
