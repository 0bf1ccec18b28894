/**
 * Tags of IPsec-VPN connections: `Tags.N` on CreateVpnConnection, and the VPN Gateway tag actions
 * TagResources, UnTagResources and ListTagResources. Rules from the documents:
 * - CreateVpnConnection (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns):
 *   `Tags.N.Key` 1–64 characters, `Tags.N.Value` up to 128, neither starting with `aliyun` or `acs:` nor
 *   containing `http://` or `https://`; at most 20 tags.
 * - TagResources (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-tagresources-vpns,
 *   https://www.alibabacloud.com/help/doc-detail/182208.htm): `ResourceType` (case-insensitive), `ResourceId.N`,
 *   `Tag.N.Key` (up to 128 characters) / `Tag.N.Value` (up to 128); keys unique per instance; at most 20 tags
 *   per instance, checked before adding (`QuotaExceed.TagNum`); a key already on the instance takes the new value.
 * - UnTagResources: `ResourceId.N`, `TagKey.N`, `All` (remove every tag when no key is given).
 * - ListTagResources: `ResourceId.N` or `Tag.N` required; answers `TagResources.TagResource[]` of
 *   `{ResourceId, ResourceType, TagKey, TagValue}` with `NextToken` (aliyun/alibabacloud-typescript-sdk
 *   `vpc-20160428` ListTagResourcesResponseBody).
 * Codes marked [inferred] are the emulator's where the document's table could not be read.
 */
import { ControlRequestError } from "../core/http";
import { AliApiError, invalidParameter } from "./errors";
import type { ConnectionRecord, TagEntry } from "./model";
import type { AlicloudStore } from "./store";
import { checkRegion } from "./validation";

/** What a tag action uses of the front end's ActionEnv (declared here: `./actions` imports this module). */
interface TagEnv {
    store: AlicloudStore;
}
type TagAction = (params: RawParams, env: TagEnv) => Record<string, unknown>;

type RawParams = Readonly<Record<string, string>>;

/** The resource type of an IPsec-VPN connection in the tag actions, compared case-insensitively. */
export const VPN_CONNECTION_RESOURCE_TYPE = "VpnConnection";
export const MAX_TAGS_PER_RESOURCE = 20;
const RESERVED_PREFIXES = ["aliyun", "acs:"];
const FORBIDDEN_TEXT = ["http://", "https://"];

/** `QuotaExceed.TagNum`: the instance would carry more than 20 tags. */
function quotaExceeded(): AliApiError {
    return new AliApiError("QuotaExceed.TagNum", "Custom Tags quota exceeded.", 400);
}

function checkTagText(name: string, text: string, maxLength: number, allowEmpty: boolean): void {
    if (text === "" && !allowEmpty) throw invalidParameter(name, "must not be empty");
    if ([...text].length > maxLength) throw invalidParameter(name, `must be at most ${maxLength} characters`);
    const prefix = RESERVED_PREFIXES.find((p) => text.toLowerCase().startsWith(p));
    if (prefix) throw invalidParameter(name, `must not start with ${prefix}`);
    const found = FORBIDDEN_TEXT.find((t) => text.toLowerCase().includes(t));
    if (found) throw invalidParameter(name, `must not contain ${found}`);
}

/** The `<prefix>.N` values, N = 1, 2, … in order; a gap ends the list, an N above `max` is refused. */
function repeated(params: RawParams, prefix: string, max: number): Map<number, string> {
    const found = new Map<number, string>();
    for (const [name, value] of Object.entries(params)) {
        const match = new RegExp(`^${prefix.replace(".", "\\.")}\\.(\\d+)$`).exec(name);
        if (!match) continue;
        const n = Number(match[1]);
        if (n < 1 || n > max) throw invalidParameter(name, `N must be between 1 and ${max}`);
        found.set(n, value);
    }
    return found;
}

/** `<prefix>.N.Key`/`<prefix>.N.Value` pairs (`Tags` on create, `Tag` on the tag actions). */
export function parseTagList(params: RawParams, prefix: "Tags" | "Tag", keyMaxLength: number): TagEntry[] {
    const entries = new Map<number, Partial<TagEntry>>();
    for (const [name, value] of Object.entries(params)) {
        const match = /^(Tags?)\.(\d+)\.(Key|Value)$/.exec(name);
        if (!match || match[1] !== prefix) continue;
        const n = Number(match[2]);
        if (n < 1 || n > MAX_TAGS_PER_RESOURCE) throw invalidParameter(name, `N must be between 1 and ${MAX_TAGS_PER_RESOURCE}`);
        entries.set(n, { ...entries.get(n), [match[3]]: value });
    }
    const out: TagEntry[] = [];
    for (const n of [...entries.keys()].sort((a, b) => a - b)) {
        const entry = entries.get(n)!;
        if (entry.Key === undefined) throw invalidParameter(`${prefix}.${n}.Key`, "is required with a tag value");
        checkTagText(`${prefix}.${n}.Key`, entry.Key, keyMaxLength, false);
        checkTagText(`${prefix}.${n}.Value`, entry.Value ?? "", 128, true);
        if (out.some((t) => t.Key === entry.Key)) throw invalidParameter(`${prefix}.${n}.Key`, `duplicates the tag key "${entry.Key}"`);
        out.push({ Key: entry.Key, Value: entry.Value ?? "" });
    }
    return out;
}

/** The tags of a new connection (`Tags.N` of CreateVpnConnection: key up to 64 characters). */
export function parseCreateTags(params: RawParams): TagEntry[] {
    const tags = parseTagList(params, "Tags", 64);
    if (tags.length > MAX_TAGS_PER_RESOURCE) throw quotaExceeded();
    return tags;
}

/** The tags of a stored connection (none yet: an empty list). */
export function tagsOf(record: ConnectionRecord): TagEntry[] {
    return structuredClone(record.tags ?? []);
}

/** Tags as DescribeVpnConnection (`Tags.Tag`) and DescribeVpnConnections (`Tag.Tag`) return them. */
export function presentTags(record: ConnectionRecord): { Tag: TagEntry[] } {
    return { Tag: tagsOf(record) };
}

function checkResourceType(params: RawParams): void {
    const type = params.ResourceType;
    if (type === undefined || type === "") throw new AliApiError("MissingResourceType", "ResourceType is mandatory for this action.", 400);
    // [inferred] code for a type the emulator does not serve.
    if (type.toLowerCase() !== VPN_CONNECTION_RESOURCE_TYPE.toLowerCase()) throw invalidParameter("ResourceType", `the emulator serves only ${VPN_CONNECTION_RESOURCE_TYPE}`);
}

/** The connections `ResourceId.N` names; an unknown or deleted one is `InvalidInstanceIds.NotFound` [inferred]. */
function resources(params: RawParams, store: AlicloudStore, required: boolean): ConnectionRecord[] {
    const ids = [...repeated(params, "ResourceId", 50).entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
    if (ids.length === 0 && required) throw new AliApiError("MissingResourceId", "ResourceId is mandatory for this action.", 400);
    return ids.map((id) => {
        const record = store.findConnection(id);
        if (!record || store.isDeleting(record)) throw new AliApiError("InvalidInstanceIds.NotFound", `The instance ${id} does not exist.`, 404);
        return record;
    });
}

/** TagResources: adds or overwrites tags; refuses the whole call when any instance would pass 20 tags. */
export function tagResources(params: RawParams, { store }: TagEnv): Record<string, unknown> {
    checkRegion(params);
    checkResourceType(params);
    const targets = resources(params, store, true);
    const tags = parseTagList(params, "Tag", 128);
    if (tags.length === 0) throw new AliApiError("MissingTag", "Tag is mandatory for this action.", 400);
    const next = targets.map((record) => {
        const merged = tagsOf(record);
        for (const tag of tags) {
            const existing = merged.find((t) => t.Key === tag.Key);
            if (existing) existing.Value = tag.Value;
            else merged.push({ ...tag });
        }
        if (merged.length > MAX_TAGS_PER_RESOURCE) throw quotaExceeded();
        return merged;
    });
    targets.forEach((record, i) => (record.tags = next[i]));
    return {};
}

/** UnTagResources: removes `TagKey.N` (a missing key is no error), or every tag with `All=true` and no key. */
export function unTagResources(params: RawParams, { store }: TagEnv): Record<string, unknown> {
    checkRegion(params);
    checkResourceType(params);
    const targets = resources(params, store, true);
    const keys = [...repeated(params, "TagKey", 20).values()];
    const all = params.All === "true";
    if (params.All !== undefined && params.All !== "true" && params.All !== "false") throw invalidParameter("All", "must be true or false");
    if (keys.length === 0 && !all) throw new AliApiError("MissingTagKey", "TagKey is mandatory for this action unless All is true.", 400);
    for (const record of targets) {
        record.tags = keys.length === 0 ? [] : tagsOf(record).filter((t) => !keys.includes(t.Key));
    }
    return {};
}

/** ListTagResources: the tags of `ResourceId.N`, or of every connection carrying all of `Tag.N`. */
export function listTagResources(params: RawParams, { store }: TagEnv): Record<string, unknown> {
    checkRegion(params);
    checkResourceType(params);
    const named = resources(params, store, false);
    const filter = parseTagList(params, "Tag", 128);
    if (named.length === 0 && filter.length === 0) throw new AliApiError("MissingParameter", "ResourceId.N or Tag.N is mandatory for this action.", 400);
    const pool = named.length > 0 ? named : store.listConnections().filter((r) => !store.isDeleting(r));
    // A filter tag without a value matches every value of its key.
    const matching = pool.filter((record) => matchesTagFilter(params, record));
    const rows = matching.flatMap((record) =>
        tagsOf(record).map((t) => ({ ResourceId: record.attributes.VpnConnectionId, ResourceType: VPN_CONNECTION_RESOURCE_TYPE, TagKey: t.Key, TagValue: t.Value })),
    );
    const max = params.MaxResults === undefined ? 50 : Number(params.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 50) throw invalidParameter("MaxResults", "must be an integer between 1 and 50");
    const start = params.NextToken ? Number(params.NextToken) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalidParameter("NextToken", "is not a token this action returned");
    const page = rows.slice(start, start + max);
    return { TagResources: { TagResource: page }, NextToken: start + max < rows.length ? String(start + max) : "" };
}

export const TAG_ACTIONS: Readonly<Record<string, TagAction>> = {
    TagResources: tagResources,
    UnTagResources: unTagResources,
    ListTagResources: listTagResources,
};

/**
 * Tags of an out-of-band change (control API), in the Describe shape `{Tag: [{Key, Value}]}`;
 * the console is bound by the same limits as the API.
 */
export function controlTags(value: unknown): TagEntry[] {
    const list = typeof value === "object" && value !== null && Array.isArray((value as { Tag?: unknown }).Tag) ? ((value as { Tag: unknown[] }).Tag) : undefined;
    if (!list) throw new ControlRequestError(400, "InvalidBody", "`Tags` must be {Tag: [{Key, Value}]}");
    const params: Record<string, string> = {};
    list.forEach((item, i) => {
        const { Key, Value } = (item ?? {}) as { Key?: unknown; Value?: unknown };
        if (typeof Key !== "string" || (Value !== undefined && typeof Value !== "string")) throw new ControlRequestError(400, "InvalidBody", "`Tags.Tag[]` items are {Key, Value} strings");
        params[`Tags.${i + 1}.Key`] = Key;
        if (Value !== undefined) params[`Tags.${i + 1}.Value`] = Value;
    });
    try {
        return parseCreateTags(params);
    } catch (error) {
        throw new ControlRequestError(400, "InvalidBody", error instanceof Error ? error.message : String(error));
    }
}

/**
 * DescribeVpnConnections' `Tag.N.Key`/`Tag.N.Value` filter (at most 20, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpnconnections-vpns):
 * a connection matches when it carries every given tag; a tag given without a value matches any value of its key.
 */
export function matchesTagFilter(params: RawParams, record: ConnectionRecord): boolean {
    const filter = parseTagList(params, "Tag", 128);
    return filter.every((f, n) => tagsOf(record).some((t) => t.Key === f.Key && (params[`Tag.${n + 1}.Value`] === undefined || t.Value === f.Value)));
}
