/**
 * The Tencent Cloud Tag service (API 3.0, `tag.tencentcloudapi.com`, version 2018-08-13) for VPN
 * connections, under `/tencentcloud/tag/`: ModifyResourceTags, DescribeResourceTags and
 * DescribeResourceTagsByResourceIds on a connection's six-segment resource name `qcs::vpc:<region>:uin/<uin>:vpnx/<id>` (resource
 * description, https://cloud.tencent.com/document/product/598/10606). Tags are the connection's
 * `TagSet`, which DescribeVpnConnections lists too. Calls are TC3-signed like the VPC API's.
 * Rules: the request and answer models of tencentcloud-sdk-nodejs `tag/v20180813/tag_models.d.ts`
 * (ReplaceTags and DeleteTags: one of them, neither empty, at most 10 each, no key in both;
 * DescribeResourceTags: Limit default 15, Offset a multiple of it; DescribeResourceTagsByResourceIds:
 * ServiceType, ResourcePrefix, ResourceRegion and 1–50 ResourceIds required, the same paging) and the codes of
 * TencentCloud/tencentcloud-sdk-go `tencentcloud/tag/v20180813/errors.go`; the key and value limits
 * (key 1–127, value at most 255 characters; `qcs:`, `project`, `项目`, `qcloud`, `tencent` reserved; 50 tags a
 * resource) are the Tag "Use Limits" (https://www.tencentcloud.com/document/product/651/13354), in `tagRules.ts`.
 */
import { createHash } from "crypto";
import { isJsonObject } from "../core/json";
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { v3Error, v3Ok } from "./envelopes";
import { decodeV3Body } from "./params";
import { isTencentError, TencentError } from "./errors";
import type { TencentStore, ConnectionRecord } from "./store";
import { checkTagText, MAX_TAGS_PER_RESOURCE } from "./tagRules";
import { headerValue, verifyTc3Call } from "./tc3";

/** Path of the Tag service under the Tencent prefix. */
export const TAG_PATH = "/tag/";
export const TAG_API_VERSION = "2018-08-13";
const MAX_TAGS_PER_CALL = 10;
const RESOURCE_NAME = /^qcs::vpc:([a-z0-9-]+):uin\/(\d*):vpnx\/([^/:]+)$/;

type Params = Record<string, unknown>;

const error = (code: string, message: string) => new TencentError(code, message);

function connectionOf(store: TencentStore, resource: unknown): ConnectionRecord {
    const match = typeof resource === "string" ? RESOURCE_NAME.exec(resource) : null;
    if (!match) throw error("InvalidParameterValue.ResourceDescriptionError", "`Resource` must be qcs::vpc:<region>:uin/<uin>:vpnx/<vpn connection id>.");
    const record = store.find(match[1], match[3]);
    if (!record) throw error("InvalidParameterValue.ResourceIdInvalid", `No VPN connection \`${match[3]}\` in ${match[1]}.`);
    return record;
}

function tagList(params: Params, name: string): unknown[] | undefined {
    const value = params[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) throw error("InvalidParameter", `\`${name}\` must be a non-empty array when given.`);
    if (value.length > MAX_TAGS_PER_CALL) throw error("InvalidParameter", `\`${name}\` takes at most ${MAX_TAGS_PER_CALL} tags.`);
    return value;
}

/** ModifyResourceTags: adds or re-values `ReplaceTags`, detaches `DeleteTags` (an unattached key is no error). */
export function modifyResourceTags(params: Params, store: TencentStore): Params {
    const record = connectionOf(store, params.Resource);
    const replace = (tagList(params, "ReplaceTags") ?? []).map((t, i) => {
        if (!isJsonObject(t)) throw error("InvalidParameter", `\`ReplaceTags.${i}\` must be an object.`);
        return checkTagText(t.TagKey, t.TagValue, `ReplaceTags.${i}.TagKey`);
    });
    const remove = (tagList(params, "DeleteTags") ?? []).map((t, i) => {
        if (!isJsonObject(t) || typeof t.TagKey !== "string" || t.TagKey === "") throw error("InvalidParameterValue.TagKeyEmpty", `\`DeleteTags.${i}.TagKey\` must not be empty.`);
        return t.TagKey;
    });
    if (replace.length === 0 && remove.length === 0) throw error("MissingParameter", "One of `ReplaceTags` and `DeleteTags` is required.");
    if (replace.some((t) => remove.includes(t.Key))) throw error("InvalidParameterValue.DeleteTagsParamError", "`DeleteTags` must not contain a key of `ReplaceTags`.");
    const next = record.attrs.TagSet.filter((t) => !remove.includes(t.Key)).map((t) => ({ ...t }));
    for (const tag of replace) {
        const existing = next.find((t) => t.Key === tag.Key);
        if (existing) existing.Value = tag.Value;
        else next.push(tag);
    }
    if (next.length > MAX_TAGS_PER_RESOURCE) throw error("LimitExceeded.ResourceAttachedTags", `A resource takes at most ${MAX_TAGS_PER_RESOURCE} tags.`);
    record.attrs = { ...record.attrs, TagSet: next };
    return {};
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** `Limit` (default 15) and `Offset` (a multiple of it), as both Describe actions page their rows. */
function paging(params: Params): { limit: number; offset: number } {
    const limit = params.Limit === undefined ? 15 : params.Limit;
    const offset = params.Offset === undefined ? 0 : params.Offset;
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) throw error("InvalidParameter", "`Limit` must be a positive integer.");
    if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0 || offset % limit !== 0) throw error("InvalidParameterValue.OffsetInvalid", "`Offset` must be a multiple of `Limit`.");
    return { limit, offset };
}

/** The tag rows (TagResource) of the connections `records`, in store order. */
function tagRows(records: readonly ConnectionRecord[]): Params[] {
    return records.flatMap((record) =>
        record.attrs.TagSet.map((t) => ({ TagKey: t.Key, TagValue: t.Value, ResourceId: record.id, TagKeyMd5: md5(t.Key), TagValueMd5: md5(t.Value), ServiceType: "vpc", Category: "Custom" })),
    );
}

/** DescribeResourceTags: the tags of the VPN connections matching the given filters, `Limit` rows from `Offset`. */
export function describeResourceTags(params: Params, store: TencentStore, regions: readonly string[]): Params {
    const { limit, offset } = paging(params);
    if (params.ServiceType !== undefined && params.ServiceType !== "vpc") return { TotalCount: 0, Offset: offset, Limit: limit, Rows: [] };
    if (params.ResourcePrefix !== undefined && params.ResourcePrefix !== "vpnx") return { TotalCount: 0, Offset: offset, Limit: limit, Rows: [] };
    const inRegions = typeof params.ResourceRegion === "string" ? [params.ResourceRegion] : regions;
    const rows = tagRows(inRegions.flatMap((region) => store.list(region)).filter((record) => params.ResourceId === undefined || record.id === params.ResourceId));
    return { TotalCount: rows.length, Offset: offset, Limit: limit, Rows: rows.slice(offset, offset + limit) };
}

/** Resource IDs one DescribeResourceTagsByResourceIds call takes. */
const MAX_RESOURCE_IDS = 50;

/** DescribeResourceTagsByResourceIds: the tags of up to 50 VPN connections of one region, `Limit` rows from `Offset`; an unknown ID has none. */
export function describeResourceTagsByResourceIds(params: Params, store: TencentStore): Params {
    for (const name of ["ServiceType", "ResourcePrefix", "ResourceRegion"]) {
        if (typeof params[name] !== "string") throw error("MissingParameter", `\`${name}\` is required.`);
    }
    const ids = params.ResourceIds;
    if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) throw error("MissingParameter", "`ResourceIds` is required.");
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw error("InvalidParameter", "`ResourceIds` must be an array of resource IDs.");
    // "Array of resource IDs (up to 50)" (https://www.tencentcloud.com/document/api/651/33022); the code of a longer one is not documented: the generic one.
    if (ids.length > MAX_RESOURCE_IDS) throw error("InvalidParameter", `\`ResourceIds\` takes at most ${MAX_RESOURCE_IDS} IDs.`);
    const { limit, offset } = paging(params);
    const ours = params.ServiceType === "vpc" && params.ResourcePrefix === "vpnx";
    const records = ours ? [...new Set(ids as string[])].flatMap((id) => store.find(params.ResourceRegion as string, id) ?? []) : [];
    const rows = tagRows(records);
    return { TotalCount: rows.length, Offset: offset, Limit: limit, Tags: rows.slice(offset, offset + limit) };
}

/** Parses a Tag service call: TC3 as the VPC front end verifies it, `X-TC-Version` 2018-08-13, region optional. */
export function parseTagCall(req: EmulatorRequest, ctx: EmulatorContext, store: TencentStore, regions: readonly string[], prefix: string, redact: (v: unknown) => unknown): EmulatorResponse | ParsedCall {
    const requestId = ctx.newRequestId();
    const fail = (code: string, message: string, status = 200): EmulatorResponse => v3Error(requestId, code, message, status);
    const auth = verifyTc3Call(req, ctx, [prefix + TAG_PATH, prefix + TAG_PATH.replace(/\/$/, "")], "Tag");
    if (!auth.ok) return fail(auth.code, auth.message);
    const version = headerValue(req.headers, "x-tc-version");
    if (version !== TAG_API_VERSION) return fail("NoSuchVersion", `The Tag service serves ${TAG_API_VERSION}, not \`${version ?? ""}\`.`);
    const action = headerValue(req.headers, "x-tc-action") ?? "";
    const handlers: Record<string, (p: Params) => Params> = {
        ModifyResourceTags: (p) => modifyResourceTags(p, store),
        DescribeResourceTags: (p) => describeResourceTags(p, store, regions),
        DescribeResourceTagsByResourceIds: (p) => describeResourceTagsByResourceIds(p, store),
    };
    if (!Object.prototype.hasOwnProperty.call(handlers, action)) return fail("InvalidAction", `The action \`${action}\` does not exist.`);
    const call = decodeV3Body(req.body);
    if (typeof call === "string") return fail("InvalidParameter", call);
    return {
        action,
        redactedParams: redact(call) as Record<string, unknown>,
        run: () => {
            try {
                return v3Ok(requestId, handlers[action](call));
            } catch (e) {
                if (isTencentError(e)) return fail(e.code, e.message);
                throw e;
            }
        },
        error: (code, message, httpStatus) => v3Error(requestId, code, message || `The emulator answered \`${code}\` (injected fault).`, httpStatus ?? 200),
    };
}
