import assert from "node:assert/strict";
import { WaitTimeoutError } from "../../../provider/core/errors";
import { waitUntil } from "../../../provider/core/wait";

describe("waitUntil", () => {
    it("can return the value once the poll reports done", async () => {
        // GIVEN a state that becomes active on the third poll
        let polls = 0;
        // WHEN waited for
        const value = await waitUntil(async () => (++polls >= 3 ? { done: true, value: "active" } : { done: false, state: "updating" }), {
            what: "x",
            minDelayMs: 1,
            maxDelayMs: 2,
            deadline: Date.now() + 5000,
        });
        // THEN the final value is returned after exactly three polls
        assert.equal(value, "active");
        assert.equal(polls, 3);
    });

    it("fails when the deadline passes, naming the last state", async () => {
        // GIVEN a state that never settles and a 30 ms deadline
        // WHEN waited for
        const waiting = waitUntil(async () => ({ done: false, state: "updating" }), { what: "gateway g", minDelayMs: 5, maxDelayMs: 5, deadline: Date.now() + 30 });
        // THEN it times out naming what it waited for, its last state and the `timeouts` input
        await assert.rejects(waiting, (error: unknown) => {
            assert.ok(error instanceof WaitTimeoutError);
            assert.match(error.message, /gateway g \(last state: updating\)/);
            assert.match(error.message, /Hint: .*`timeouts`/);
            return true;
        });
    });
});
