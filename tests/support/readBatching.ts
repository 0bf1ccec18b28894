/**
 * The read-coalescing suite both clouds run (core/readBatch through a cloud's hooks against the
 * emulator, real SDKs on the wire): requests counted at the emulator, answers compared with the
 * one-by-one reads of `PULUMI_IPSEC_READ_BATCHING=off`.
 */
import assert from "node:assert/strict";
import { TestCloud } from "./cloudEnv";
import { checkedBy, useTestCloud } from "./hookSuite";
import { withEnv } from "./faultMatrix";

type Props = Record<string, any>;

export interface ReadBatchingKit {
    cloud: "alicloud" | "tencentcloud";
    hooks: any;
    /** The inputs of connection `i` on gateway `gateway` (0–2). */
    inputs: (cloud: TestCloud, i: number, gateway: number) => Props;
    /** Connections per DescribeVpnConnections page the provider asks for (the API's largest). */
    pageSize: number;
}

const PER_GATEWAY = 30;
const GATEWAYS = 3;

export function readBatchingSuite(kit: ReadBatchingKit): void {
    describe(`${kit.cloud} reads through gateway views (core/readBatch)`, function () {
        this.timeout(120_000);
        let cloud: TestCloud;
        useTestCloud((c) => (cloud = c));
        const checked = checkedBy(kit.hooks.check);
        const describes = async () => (await cloud.control.counters())[`${kit.cloud}:DescribeVpnConnections`] ?? 0;

        /** 90 connections on three gateways, created by the hooks. */
        async function createMany(): Promise<{ id: string; outs: Props }[]> {
            const inputs = await Promise.all(Array.from({ length: PER_GATEWAY * GATEWAYS }, (_, i) => checked(kit.inputs(cloud, i, i % GATEWAYS))));
            return Promise.all(inputs.map((i) => kit.hooks.create(i)));
        }
        const readAll = (created: { id: string; outs: Props }[]) => Promise.all(created.map((c) => kit.hooks.read(c.id, c.outs)));

        it("can refresh 90 connections on 3 gateways with at most one Describe per 30, answering as single reads do", async () => {
            // GIVEN 90 connections, and their one-by-one reads
            const created = await createMany();
            const single = await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
            const before = await describes();
            // WHEN all are read at once, as a refresh does
            const batched = await readAll(created);
            // THEN one listing per gateway answered them, with the same outputs
            assert.ok((await describes()) - before <= GATEWAYS, `${(await describes()) - before} DescribeVpnConnections`);
            assert.deepEqual(batched, single);
        });

        it("can page a gateway holding one connection more than a page, in exactly two Describes", async () => {
            // GIVEN pageSize + 1 connections on one gateway, and their one-by-one reads
            const inputs = await Promise.all(Array.from({ length: kit.pageSize + 1 }, (_, i) => checked(kit.inputs(cloud, i, 0))));
            const created = await Promise.all(inputs.map((i) => kit.hooks.create(i)));
            const single = await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
            const before = await describes();
            // WHEN all are read at once
            const batched = await readAll(created);
            // THEN two pages answered them all, the last one's included
            assert.equal((await describes()) - before, 2);
            assert.deepEqual(batched, single);
            assert.equal(batched[kit.pageSize].id, created[kit.pageSize].id);
        });

        it("can send one Describe per read when PULUMI_IPSEC_READ_BATCHING is off", async () => {
            // GIVEN 90 connections
            const created = await createMany();
            const before = await describes();
            // WHEN read with batching off
            await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
            // THEN each read sent its own Describe
            assert.equal((await describes()) - before, created.length);
        });

        it("can call a connection gone only after a by-id Describe confirms it", async () => {
            // GIVEN 90 connections, one deleted out of band
            const created = await createMany();
            await cloud.control.call("DELETE", `/${kit.cloud}/connections/${created[0].id}`);
            const before = await describes();
            // WHEN all are read
            const reads = await readAll(created);
            // THEN the deleted one is gone, the rest are not, and the gone one had its own Describe
            assert.deepEqual(reads[0], {});
            assert.ok(reads.slice(1).every((r) => r.id), "every other connection is read");
            assert.ok((await describes()) - before <= GATEWAYS + 1);
        });

        it("can read one by one when a gateway's listing fails", async () => {
            // GIVEN 90 connections and one failing DescribeVpnConnections (an HTML 502 page)
            const created = await createMany();
            const single = await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
            await cloud.control.armFault({ cloud: kit.cloud, action: "DescribeVpnConnections", count: 1, fault: { kind: "raw", status: 502, body: "<html>502 Bad Gateway</html>", contentType: "text/html" } });
            // WHEN all are read
            const batched = await readAll(created);
            // THEN the fault met the listing, and every answer equals its single read
            assert.deepEqual(await cloud.control.faults(), [], "the armed fault fired");
            assert.deepEqual(batched, single);
        });

        it("can answer the first page's connections from the listing when a later page fails, reading the rest by id", async () => {
            // GIVEN pageSize + 1 connections on one gateway, their one-by-one reads, and a listing whose second page meets a 502 page
            const inputs = await Promise.all(Array.from({ length: kit.pageSize + 1 }, (_, i) => checked(kit.inputs(cloud, i, 0))));
            const created = await Promise.all(inputs.map((i) => kit.hooks.create(i)));
            const single = await withEnv({ PULUMI_IPSEC_READ_BATCHING: "off" }, () => readAll(created));
            await cloud.control.armFault({ cloud: kit.cloud, action: "DescribeVpnConnections", count: 1, fault: { kind: "delay", ms: 0 } });
            await cloud.control.armFault({ cloud: kit.cloud, action: "DescribeVpnConnections", count: 1, fault: { kind: "raw", status: 502, body: "<html>502 Bad Gateway</html>", contentType: "text/html" } });
            const before = await describes();
            // WHEN all are read at once
            const batched = await readAll(created);
            // THEN both faults met the listing's pages, page 1 answered its connections, and only the last one had a Describe of its own
            assert.deepEqual(await cloud.control.faults(), [], "both armed faults fired");
            assert.equal((await describes()) - before, 3);
            assert.deepEqual(batched, single);
        });

        it("can see a change made by this process right after it, on the same gateway", async () => {
            // GIVEN a connection read through a view
            const created = await createMany();
            await readAll(created);
            const first = created[0];
            // WHEN it is updated and its gateway's connections read again at once
            const changedInputs = await checked({ ...kit.inputs(cloud, 0, 0), name: "renamed" });
            const updated = await kit.hooks.update(first.id, first.outs, changedInputs);
            const again = await kit.hooks.read(first.id, updated.outs);
            // THEN the read shows the change
            assert.equal(again.props.name, "renamed");
        });
    });
}
