import assert from "node:assert/strict";
import { Props } from "../../../provider/core/schema";
import { resolveTiming } from "../../../provider/core/timing";
import { Api3, ownConnection } from "../../../provider/tencentcloud/api3";
import type { Api3Client } from "../../../provider/tencentcloud/api3Client";
import { CREATE_TOKEN_TAG, createTokenFor } from "../../../provider/tencentcloud/createToken";
import { VALID } from "./fixtures";

describe("tencentcloud API 3.0: finding the connection a create made", () => {
    const inputs: Props = { ...VALID, idempotencyKey: "stack/office" };
    const listed = (id: string, extra: Props = {}): Props => ({
        VpnConnectionId: id,
        VpnConnectionName: inputs.name,
        VpnGatewayId: inputs.vpnGatewayId,
        CustomerGatewayId: inputs.customerGatewayId,
        VpcId: inputs.vpcId,
        State: "AVAILABLE",
        CreatedTime: "2026-01-01 08:00:00",
        TagSet: [],
        ...extra,
    });
    const tagged = (token: string) => ({ TagSet: [{ Key: CREATE_TOKEN_TAG, Value: token }] });

    it("can prefer the connection tagged with this create's token", () => {
        // GIVEN an untagged look-alike, newer, and the tagged one
        const listing = [listed("vpnx-untagged", { CreatedTime: "2026-02-01 08:00:00" }), listed("vpnx-tagged", tagged(createTokenFor(inputs)))];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN the tagged one is
        assert.equal(found, "vpnx-tagged");
    });

    it("can fall back to the newest untagged connection with the same name, gateways and VPC when tags are not listed", () => {
        // GIVEN only untagged matches, and one on another VPC, one deleting
        const listing = [
            listed("vpnx-older"),
            listed("vpnx-newer", { CreatedTime: "2026-03-01 08:00:00" }),
            listed("vpnx-othervpc", { VpcId: "vpc-other", CreatedTime: "2026-04-01 08:00:00" }),
            listed("vpnx-deleting", { State: "DELETING", CreatedTime: "2026-05-01 08:00:00" }),
        ];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN the newest live match on the same VPC is
        assert.equal(found, "vpnx-newer");
    });

    it("fails to match a connection tagged by another resource, or with another name", () => {
        // GIVEN connections of another create token and of a name the filter matched fuzzily
        const listing = [listed("vpnx-other", tagged("another-token")), listed("vpnx-longer", { VpnConnectionName: `${inputs.name}-2` })];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN nothing is this create's
        assert.equal(found, undefined);
    });
});

describe("tencentcloud API 3.0: listing a gateway page by page", () => {
    /** A VPC client answering DescribeVpnConnections with `total` connections of `gateway`, 100 a page, each page after `delayMs`. */
    const listingClient = (gateway: string, total: number, delayMs = 0) => ({
        pages: [] as number[],
        async call({ params }: { params: { Offset: number; Limit: number } }) {
            this.pages.push(params.Offset / params.Limit + 1);
            await new Promise((resolve) => setTimeout(resolve, delayMs));
            const ids = Array.from({ length: Math.max(0, Math.min(params.Limit, total - params.Offset)) }, (_, k) => `vpnx-${params.Offset + k}`);
            return { TotalCount: total, VpnConnectionSet: ids.map((id) => ({ VpnConnectionId: id, VpnGatewayId: gateway, State: "AVAILABLE", TagSet: [] })) };
        },
    });

    it("can publish each page's connections as the page arrives", async () => {
        // GIVEN a gateway of 150 connections (two pages)
        const client = listingClient("vpngw-1", 150);
        const api = new Api3(client as unknown as Api3Client, resolveTiming());
        const published: number[] = [];
        // WHEN it is listed
        await api.listGateway("vpngw-1", Date.now() + 60_000, (connections) => void published.push([...connections].length));
        // THEN each page was asked once and published on its own
        assert.deepEqual(client.pages, [1, 2]);
        assert.deepEqual(published, [100, 50]);
    });

    it("fails with a publishing failure only once every page is in, leaving no rejection unhandled", async () => {
        // GIVEN a gateway of 250 connections whose later pages are slow, and a view that fails on the first page
        const client = listingClient("vpngw-1", 250, 20);
        const api = new Api3(client as unknown as Api3Client, resolveTiming());
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => unhandled.push(reason);
        process.on("unhandledRejection", onUnhandled);
        const published: number[] = [];
        try {
            // WHEN it is listed
            const listing = api.listGateway("vpngw-1", Date.now() + 60_000, (connections) => {
                published.push([...connections].length);
                throw new Error("the view refused page 1");
            });
            // THEN the listing fails with that error, after asking for every page, having published nothing after it
            await assert.rejects(listing, /the view refused page 1/);
            assert.deepEqual(client.pages, [1, 2, 3]);
            assert.deepEqual(published, [100]);
            await new Promise((resolve) => setImmediate(resolve));
            assert.deepEqual(unhandled, []);
        } finally {
            process.off("unhandledRejection", onUnhandled);
        }
    });
});
