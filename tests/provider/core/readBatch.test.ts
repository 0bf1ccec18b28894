import assert from "node:assert/strict";
import { allPages, PAGES_IN_FLIGHT, Publish, readBatchingEnabled, readThroughView, ViewCache, VIEW_LIFETIME_MS, writingTo } from "../../../provider/core/readBatch";

/** A gateway listing that counts its calls and answers `items` (or fails with `failure`). */
function fakeListing(items: Record<string, string>, failure?: Error) {
    const calls = { list: 0, single: 0 };
    const read = (id: string, views: ViewCache, env: NodeJS.ProcessEnv = {}) =>
        readThroughView<string>(
            {
                id,
                gateway: "alicloud:vpn-1",
                scope: "endpoint|region|AK",
                deadline: Date.now() + 60_000,
                list: async (publish) => {
                    calls.list++;
                    if (failure) throw failure;
                    publish(Object.entries(items));
                },
                single: async () => {
                    calls.single++;
                    return items[id] === undefined ? undefined : `single:${items[id]}`;
                },
            },
            views,
            env,
        );
    return { calls, read };
}

describe("core/readBatch", () => {
    it("can answer concurrent reads of one gateway from one listing", async () => {
        // GIVEN 120 connections on a gateway
        const items = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`vco-${i}`, `item-${i}`]));
        const { calls, read } = fakeListing(items);
        const views = new ViewCache();
        // WHEN all are read at once
        const answers = await Promise.all(Object.keys(items).map((id) => read(id, views)));
        // THEN one listing answered every read, and no single read was sent
        assert.deepEqual(calls, { list: 1, single: 0 });
        assert.deepEqual(answers, Object.values(items));
    });

    it("can answer a read as soon as its page arrives, before the listing's other pages", async () => {
        // GIVEN a listing whose first page is in and whose second page is held back
        let releasePage2!: () => void;
        const page2 = new Promise<void>((resolve) => (releasePage2 = resolve));
        let singles = 0;
        const views = new ViewCache();
        const list = async (publish: Publish<string>) => {
            publish([["a", "A"]]);
            await page2;
            publish([["b", "B"]]);
        };
        const read = (id: string) => readThroughView({ id, gateway: "alicloud:vpn-1", scope: "s", deadline: Date.now() + 60_000, list, single: async () => (singles++, undefined) }, views);
        const settled: string[] = [];
        // WHEN a connection of each page is read
        const readA = read("a").then((answer) => (settled.push("a"), answer));
        const readB = read("b").then((answer) => (settled.push("b"), answer));
        const answerA = await readA;
        // THEN the first page's connection is answered while the second page is still out
        assert.equal(answerA, "A");
        assert.deepEqual(settled, ["a"]);
        releasePage2();
        assert.equal(await readB, "B");
        assert.equal(singles, 0);
    });

    it("can fall back to single reads for the connections a failed listing had not answered", async () => {
        // GIVEN a listing that publishes its first page, then fails on the second
        const singles: string[] = [];
        const views = new ViewCache();
        const list = async (publish: Publish<string>) => {
            publish([["a", "A"]]);
            await Promise.resolve();
            throw new Error("502 Bad Gateway");
        };
        const read = (id: string) => readThroughView({ id, gateway: "alicloud:vpn-1", scope: "s", deadline: Date.now() + 60_000, list, single: async () => (singles.push(id), `single:${id}`) }, views);
        // WHEN a connection of the first page and one of the failed page are read
        const answers = await Promise.all([read("a"), read("b")]);
        // THEN the first came from the page, the other from its own single read
        assert.deepEqual(answers, ["A", "single:b"]);
        assert.deepEqual(singles, ["b"]);
    });

    it("can keep the first answer of a connection that a changing listing shows twice", async () => {
        // GIVEN a listing whose pages both hold `a` (it moved while the listing was read)
        const views = new ViewCache();
        const list = async (publish: Publish<string>) => {
            publish([["a", "A1"]]);
            publish([["a", "A2"]]);
        };
        // WHEN `a` is read
        const answer = await readThroughView({ id: "a", gateway: "alicloud:vpn-1", scope: "s", deadline: Date.now() + 60_000, list, single: async () => "single" }, views);
        // THEN it is the page that arrived first
        assert.equal(answer, "A1");
    });

    it("can fall back to a single read when the listing throws before it starts", async () => {
        // GIVEN a listing that throws at once (not a rejected promise)
        const list = (() => {
            throw new Error("bad settings");
        }) as unknown as (publish: Publish<string>) => Promise<void>;
        // WHEN a connection is read
        const answer = await readThroughView({ id: "a", gateway: "alicloud:vpn-1", scope: "s", deadline: Date.now() + 60_000, list, single: async () => "single:a" }, new ViewCache());
        // THEN its single read answered it
        assert.equal(answer, "single:a");
    });

    it("can read one by one when PULUMI_IPSEC_READ_BATCHING is off", async () => {
        // GIVEN batching switched off
        const { calls, read } = fakeListing({ a: "A", b: "B" });
        const views = new ViewCache();
        // WHEN two connections are read
        const answers = await Promise.all(["a", "b"].map((id) => read(id, views, { PULUMI_IPSEC_READ_BATCHING: "off" })));
        // THEN each had its own single read
        assert.deepEqual(calls, { list: 0, single: 2 });
        assert.deepEqual(answers, ["single:A", "single:B"]);
    });

    it("fails when PULUMI_IPSEC_READ_BATCHING is neither on nor off, naming the variable", () => {
        // GIVEN / WHEN / THEN
        assert.throws(() => readBatchingEnabled({ PULUMI_IPSEC_READ_BATCHING: "yes" }), /PULUMI_IPSEC_READ_BATCHING must be "on" or "off"/);
        assert.equal(readBatchingEnabled({ PULUMI_IPSEC_READ_BATCHING: "on" }), true);
        assert.equal(readBatchingEnabled({}), true);
    });

    it("can declare a connection gone only after the single read confirms it", async () => {
        // GIVEN a listing without `missing`, and one without `late` that a single read finds
        const { calls, read } = fakeListing({ a: "A" });
        const views = new ViewCache();
        // WHEN a connection the listing lacks is read
        const gone = await read("missing", views);
        // THEN the single read was asked, and only it answered gone
        assert.equal(gone, undefined);
        assert.deepEqual(calls, { list: 1, single: 1 });
    });

    it("can fall back to single reads when the listing fails, listing once per lifetime", async () => {
        // GIVEN a gateway whose listing fails
        const { calls, read } = fakeListing({ a: "A", b: "B", c: "C" }, new Error("502 Bad Gateway"));
        const views = new ViewCache();
        // WHEN three connections are read
        const answers = await Promise.all(["a", "b", "c"].map((id) => read(id, views)));
        // THEN every read was answered by its own single read, after one failed listing
        assert.deepEqual(answers, ["single:A", "single:B", "single:C"]);
        assert.deepEqual(calls, { list: 1, single: 3 });
    });

    it("fails when the listing failed after the read's deadline, without a single read", async () => {
        // GIVEN a listing that fails once the deadline has passed
        let singles = 0;
        const read = readThroughView(
            { id: "a", gateway: "alicloud:vpn-1", scope: "s", deadline: Date.now() - 1, list: async () => Promise.reject(new Error("RequestTimeout")), single: async () => (singles++, "A") },
            new ViewCache(),
        );
        // WHEN / THEN the read fails with the listing's error
        await assert.rejects(read, /RequestTimeout/);
        assert.equal(singles, 0);
    });

    it("can list anew once the view's lifetime is over", async () => {
        // GIVEN a view answered at t=0
        let now = 0;
        const { calls, read } = fakeListing({ a: "A", b: "B" });
        const views = new ViewCache(() => now);
        await read("a", views);
        // WHEN b is read within the lifetime, then c after it
        now = VIEW_LIFETIME_MS;
        await read("b", views);
        now = VIEW_LIFETIME_MS * 2 + 1;
        await read("b", views);
        // THEN the first two shared a listing; the last one listed again
        assert.equal(calls.list, 2);
    });

    it("can list anew when a connection the view answered is read again (a later refresh)", async () => {
        // GIVEN a view that answered `a`
        const { calls, read } = fakeListing({ a: "A" });
        const views = new ViewCache(() => 0);
        await read("a", views);
        // WHEN `a` is read again at once
        await read("a", views);
        // THEN the second read did not reuse the view
        assert.equal(calls.list, 2);
    });

    it("can drop a gateway's views around a write on it", async () => {
        // GIVEN a live view of the gateway
        const { calls, read } = fakeListing({ a: "A", b: "B" });
        const views = new ViewCache(() => 0);
        await read("a", views);
        // WHEN a write on the gateway runs, and b is read after it
        await writingTo("alicloud:vpn-1", async () => undefined, views);
        await read("b", views);
        // THEN b's read listed again
        assert.equal(calls.list, 2);
    });

    it("can drop the views even when the write fails", async () => {
        // GIVEN a live view
        const { calls, read } = fakeListing({ a: "A", b: "B" });
        const views = new ViewCache(() => 0);
        await read("a", views);
        // WHEN a write fails
        await assert.rejects(writingTo("alicloud:vpn-1", async () => Promise.reject(new Error("Throttling")), views), /Throttling/);
        await read("b", views);
        // THEN the next read listed again
        assert.equal(calls.list, 2);
    });

    it("can read by id when the gateway is unknown", async () => {
        // GIVEN a read without gateway
        let singles = 0;
        const answer = await readThroughView({ id: "a", scope: "s", deadline: Date.now() + 60_000, list: async () => undefined, single: async () => (singles++, "A") }, new ViewCache());
        // THEN it went to the single read
        assert.equal(answer, "A");
        assert.equal(singles, 1);
    });

    it("can page until the total or a short page, and fails on an endless listing", async () => {
        // GIVEN 120 items served 50 per page
        const all = Array.from({ length: 120 }, (_, i) => i);
        const pages: number[] = [];
        // WHEN every page is fetched
        const items = await allPages(async (page) => (pages.push(page), { items: all.slice((page - 1) * 50, page * 50), total: all.length }), 50);
        // THEN three pages were asked for, in order
        assert.deepEqual(pages, [1, 2, 3]);
        assert.deepEqual(items, all);
        // AND a listing that never ends is refused at the bound
        await assert.rejects(allPages(async () => ({ items: [1, 2] }), 2, 5), /did not end within 5 pages/);
    });

    it("can fetch the pages after the first a few at a time, asking for each page once", async () => {
        // GIVEN 420 items served 50 per page (9 pages), each page answering after a tick
        const all = Array.from({ length: 420 }, (_, i) => i);
        const asked: number[] = [];
        let running = 0;
        let mostRunning = 0;
        const fetchPage = async (page: number) => {
            asked.push(page);
            mostRunning = Math.max(mostRunning, ++running);
            await new Promise((resolve) => setTimeout(resolve, 1));
            running--;
            return { items: all.slice((page - 1) * 50, page * 50), total: all.length };
        };
        // WHEN every page is fetched
        const items = await allPages(fetchPage, 50);
        // THEN each of the 9 pages was asked for once, at most PAGES_IN_FLIGHT at a time, and the items keep their order
        assert.deepEqual([...asked].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert.equal(mostRunning, PAGES_IN_FLIGHT);
        assert.deepEqual(items, all);
    });

    it("can walk page by page when the listing tells no total", async () => {
        // GIVEN 120 items served 50 per page without a total
        const all = Array.from({ length: 120 }, (_, i) => i);
        const asked: number[] = [];
        // WHEN every page is fetched
        const items = await allPages(async (page) => (asked.push(page), { items: all.slice((page - 1) * 50, page * 50) }), 50);
        // THEN the pages were asked for in order up to the short one
        assert.deepEqual(asked, [1, 2, 3]);
        assert.deepEqual(items, all);
    });

    it("can go on past the first total when the listing grew while it was read", async () => {
        // GIVEN a listing of 100 items when page 1 is read, which has 130 by the time page 2 is
        const all = Array.from({ length: 130 }, (_, i) => i);
        const asked: number[] = [];
        const fetchPage = async (page: number) => (asked.push(page), { items: all.slice((page - 1) * 50, page * 50), total: page === 1 ? 100 : all.length });
        // WHEN every page is fetched
        const items = await allPages(fetchPage, 50);
        // THEN page 3 was fetched too, and every item is listed
        assert.deepEqual(asked, [1, 2, 3]);
        assert.deepEqual(items, all);
    });

    it("fails when a page fails, and starts no page after the failure", async () => {
        // GIVEN 10 pages of which page 3 fails at once and the others answer after a while
        const asked: number[] = [];
        const fetchPage = async (page: number) => {
            asked.push(page);
            if (page === 3) throw new Error("HttpError.502");
            await new Promise((resolve) => setTimeout(resolve, 5));
            return { items: Array.from({ length: 50 }, (_, i) => i), total: 500 };
        };
        // WHEN every page is fetched
        const listing = allPages(fetchPage, 50);
        // THEN the listing fails with the page's error, and no page was started after it failed
        await assert.rejects(listing, /HttpError\.502/);
        await new Promise((resolve) => setTimeout(resolve, 20)); // the pages in flight have answered
        assert.deepEqual(asked, [1, 2, 3, 4, 5]);
    });
});
