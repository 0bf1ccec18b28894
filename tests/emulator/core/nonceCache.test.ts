import assert from "node:assert/strict";
import { NonceCache } from "../../../emulator/core/nonceCache";

describe("NonceCache", () => {
    it("can claim a key once and refuse it again while it has not expired", () => {
        // GIVEN
        const cache = new NonceCache();
        assert.equal(cache.claim("n1", 1_000, 0), true);
        // WHEN
        const again = cache.claim("n1", 2_000, 500);
        // THEN
        assert.equal(again, false);
    });

    it("can keep a key used through its expiry instant and free it after", () => {
        // GIVEN
        const cache = new NonceCache();
        cache.claim("n1", 1_000, 0);
        // WHEN
        const atExpiry = cache.claim("n1", 2_000, 1_000);
        const afterExpiry = cache.claim("n1", 2_000, 1_001);
        // THEN
        assert.equal(atExpiry, false);
        assert.equal(afterExpiry, true);
    });

    it("can expire each key at its own time, whatever the order they were claimed in", () => {
        // GIVEN a late-expiring key claimed before an early-expiring one
        const cache = new NonceCache();
        cache.claim("late", 10_000, 0);
        cache.claim("early", 1_000, 0);
        // WHEN the early one has expired and the late one has not
        const early = cache.claim("early", 20_000, 5_000);
        const late = cache.claim("late", 20_000, 5_000);
        // THEN
        assert.equal(early, true);
        assert.equal(late, false);
    });

    it("can keep distinct keys apart", () => {
        // GIVEN
        const cache = new NonceCache();
        cache.claim("id|1700000000|7", 1_000, 0);
        // WHEN
        const other = cache.claim("id|1700000001|7", 1_000, 0);
        // THEN
        assert.equal(other, true);
    });

    it("can forget every key on clear", () => {
        // GIVEN
        const cache = new NonceCache();
        cache.claim("n1", 1_000, 0);
        // WHEN
        cache.clear();
        // THEN
        assert.equal(cache.claim("n1", 1_000, 0), true);
    });

    it("fails when a key claimed anew after clear is replayed", () => {
        // GIVEN
        const cache = new NonceCache();
        cache.claim("n1", 1_000, 0);
        cache.clear();
        cache.claim("n1", 5_000, 2_000);
        // WHEN
        const replay = cache.claim("n1", 6_000, 3_000);
        // THEN
        assert.equal(replay, false);
    });
});
