/**
 * A connection's tags as the Tag service lists them, for connections whose `TagSet` lacks the create
 * token every API 3.0 create of this provider carries (adopted ones, or where a describe lists
 * tags late or not at all): tags live in the Tag service, and the Terraform provider reads them
 * there too (tencentcloudstack/terraform-provider-tencentcloud `tencentcloud/services/vpn/resource_tc_vpn_connection.go`).
 * One connection is read with DescribeResourceTags; the connections of a gateway's listing 50 at a
 * time with DescribeResourceTagsByResourceIds (https://www.tencentcloud.com/document/api/651/33022),
 * which also allows five times the calls per second. A failed lookup keeps the listed `TagSet`.
 */
import { log } from "../core/log";
import { allPages, inFlight } from "../core/readBatch";
import { Props } from "../core/schema";
import type { Api3Client } from "./api3Client";
import { hasAnyCreateToken } from "./createToken";

/** A resource carries at most 50 tags (https://cloud.tencent.com/document/product/597/33355): one page of DescribeResourceTags. */
const TAGS_PER_RESOURCE = 50;

/** The most `ResourceIds` one DescribeResourceTagsByResourceIds takes. */
const IDS_PER_CALL = 50;

/** Tag rows per page of DescribeResourceTagsByResourceIds (its default is 15). */
const ROWS_PER_PAGE = 50;

/** Calls of one listing in flight at once, batched or, after a refused batch, one by one (100 and 20 calls a second are allowed). */
const BATCHES_IN_FLIGHT = 4;

/**
 * Rows of the Tag service (`TagResource`) as a connection's `TagSet`. Rows of `Category` `System` (tags
 * the cloud attaches, which no user can change) are left out: DescribeResourceTagsByResourceIds lists
 * them by default (`Category` All) and DescribeResourceTags takes no `Category`, so both calls answer alike.
 */
function tagSetOf(rows: readonly Props[]): Props[] {
    return rows.filter((row) => row.Category !== "System").map((row) => ({ Key: row.TagKey, Value: row.TagValue ?? "" }));
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ServiceTags {
    constructor(
        private readonly tags: Api3Client,
        /** The connections' region: the Tag service's `ResourceRegion`. */
        private readonly region: string,
    ) {}

    /** The connection with the Tag service's tags when it needs them; a failure keeps its listed `TagSet`. */
    async one(id: string, connection: Props, deadline: number): Promise<Props> {
        if (hasAnyCreateToken(connection)) return connection;
        try {
            const params = { ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: this.region, ResourceId: id, Limit: TAGS_PER_RESOURCE };
            const answer = await this.tags.call<{ Rows?: Props[] }>({ action: "DescribeResourceTags", params, deadline });
            return { ...connection, TagSet: tagSetOf((answer.Rows ?? []).filter((row) => row.ResourceId === undefined || row.ResourceId === id)) };
        } catch (error) {
            log(`the Tag service did not list the tags of ${id} (${reason(error)}); using the listed TagSet`);
            return connection;
        }
    }

    /**
     * The listed connections, each with the Tag service's tags when it needs them, exactly as {@link one}
     * would give them: 50 connections per call, every page of rows. A failed call falls back to
     * {@link one} for each of its connections, unless the read's deadline has passed.
     */
    async many(connections: readonly Props[], deadline: number): Promise<Props[]> {
        const untagged = connections.filter((c) => !hasAnyCreateToken(c));
        const batches = Math.ceil(untagged.length / IDS_PER_CALL);
        const answers = await inFlight(batches, BATCHES_IN_FLIGHT, (k) => this.batch(untagged.slice(k * IDS_PER_CALL, (k + 1) * IDS_PER_CALL), deadline));
        const looked = new Map(answers.flatMap((answer) => [...answer]));
        return connections.map((c) => looked.get(c) ?? c);
    }

    private async batch(connections: readonly Props[], deadline: number): Promise<Map<Props, Props>> {
        const ids = connections.map((c) => String(c.VpnConnectionId));
        let rows: Props[];
        try {
            rows = await allPages(async (page) => {
                const params = { ServiceType: "vpc", ResourcePrefix: "vpnx", ResourceRegion: this.region, ResourceIds: ids, Limit: ROWS_PER_PAGE, Offset: (page - 1) * ROWS_PER_PAGE };
                const answer = await this.tags.call<{ TotalCount?: number; Tags?: Props[] }>({ action: "DescribeResourceTagsByResourceIds", params, deadline });
                // Not the TotalCount: the documents do not say whether it counts rows or resources, so a short page ends the walk.
                return { items: answer.Tags ?? [] };
            }, ROWS_PER_PAGE);
            // A row that names no connection cannot be placed: read those connections one by one.
            if (rows.some((row) => typeof row.ResourceId !== "string")) throw new Error("a tag row names no resource");
        } catch (error) {
            // Past the deadline a single read would fail too, which keeps the listed TagSet: so does the batch.
            if (Date.now() >= deadline) {
                log(`the Tag service did not list the tags of ${ids.length} connections before the read's deadline (${reason(error)}); using the listed TagSets`);
                return new Map(connections.map((c) => [c, c]));
            }
            log(`the Tag service did not list the tags of ${ids.length} connections at once (${reason(error)}); reading them one by one`);
            const single = await inFlight(connections.length, BATCHES_IN_FLIGHT, (k) => this.one(ids[k], connections[k], deadline));
            return new Map(connections.map((c, k) => [c, single[k]]));
        }
        return new Map(connections.map((c) => [c, { ...c, TagSet: tagSetOf(rows.filter((row) => row.ResourceId === c.VpnConnectionId)) }]));
    }
}
