import assert from "node:assert/strict";
import { runExclusive } from "../../../provider/core/lock";
import { sleep } from "../../../provider/core/retry";

describe("runExclusive", () => {
    it("can serialize tasks with one key and keep going after a failure", async () => {
        // GIVEN three tasks on one key, the first failing
        const events: string[] = [];
        const task = (name: string, fail = false) => async () => {
            events.push(`start ${name}`);
            await sleep(5);
            events.push(`end ${name}`);
            if (fail) throw new Error(name);
        };
        // WHEN started together
        const results = await Promise.allSettled([runExclusive("g", task("a", true)), runExclusive("g", task("b")), runExclusive("g", task("c"))]);
        // THEN they never overlapped and later tasks still ran
        assert.deepEqual(events, ["start a", "end a", "start b", "end b", "start c", "end c"]);
        assert.equal(results[0].status, "rejected");
        assert.equal(results[2].status, "fulfilled");
    });

    it("can run tasks with different keys concurrently", async () => {
        // GIVEN two tasks on different keys
        const events: string[] = [];
        const task = (name: string) => async () => {
            events.push(`start ${name}`);
            await sleep(5);
            events.push(`end ${name}`);
        };
        // WHEN started together
        await Promise.all([runExclusive("g1", task("a")), runExclusive("g2", task("b"))]);
        // THEN the second started before the first ended
        assert.deepEqual(events.slice(0, 2), ["start a", "start b"]);
    });
});
