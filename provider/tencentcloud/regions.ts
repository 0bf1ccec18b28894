/**
 * API 2.0 names regions by short codes (`gz`, `sh`, `bj`…; the common parameter `Region`, https://tencentcloud.com/zh/document/api/214/11594) where API 3.0 uses
 * `ap-guangzhou`; the resource's `region` is always the 3.0 name and is translated here for 2.0.
 * Only regions whose short code is certain are listed (the retired API takes no new regions).
 */
import { ownEntry } from "../core/schema";

export const LEGACY_REGION_CODES: Readonly<Record<string, string>> = {
    "ap-guangzhou": "gz",
    "ap-shanghai": "sh",
    "ap-beijing": "bj",
    "ap-chengdu": "cd",
    "ap-chongqing": "cq",
    "ap-hongkong": "hk",
    "ap-singapore": "sg",
};

/** The API 2.0 short code of an API 3.0 region, or undefined when API 2.0 has none for it. */
export function legacyRegionCode(region: string): string | undefined {
    return ownEntry(LEGACY_REGION_CODES, region);
}
