import assert from "node:assert/strict";
import { backoffDelay, classifyCode, RetryTable, withRetry } from "../../../provider/core/retry";

const TABLE: RetryTable = { throttling: ["Throttling.*", "Throttling"], busy: ["Gateway.Busy"], server: ["InternalError"] };
const coded = (code: string) => Object.assign(new Error(code), { code });
const fast = { minDelayMs: 1, maxDelayMs: 2 };

describe("retry", () => {
    it("can classify codes by exact match, prefix and network code", () => {
        // GIVEN a table with a wildcard, an exact code and a server code
        // WHEN codes matching each, a network code, an unknown code and none are classified
        // THEN each gets its class, and unknown ones are fatal
        assert.equal(classifyCode("Throttling.User", TABLE), "throttling");
        assert.equal(classifyCode("Gateway.Busy", TABLE), "busy");
        assert.equal(classifyCode("ECONNRESET", TABLE), "network");
        assert.equal(classifyCode("InvalidParameter", TABLE), "fatal");
        assert.equal(classifyCode(undefined, TABLE), "fatal");
    });

    it("can keep full-jitter delays inside their bounds", () => {
        // GIVEN the largest and smallest random draws
        // WHEN delays are computed for twenty attempts
        // THEN they stay between the minimum and the maximum, and grow from the minimum
        for (let attempt = 0; attempt < 20; attempt++) {
            assert.ok(backoffDelay(attempt, { minDelayMs: 10, maxDelayMs: 100, random: () => 0.999 }) <= 100);
            assert.equal(backoffDelay(attempt, { minDelayMs: 10, maxDelayMs: 100, random: () => 0 }), 10);
        }
        assert.ok(backoffDelay(1, { minDelayMs: 10, maxDelayMs: 1000, random: () => 0.999 }) <= 20);
    });

    it("can retry transient errors until success", async () => {
        // GIVEN an operation that is busy twice
        let calls = 0;
        // WHEN retried
        const result = await withRetry(
            async () => {
                calls++;
                if (calls < 3) throw coded("Gateway.Busy");
                return "ok";
            },
            { ...fast, deadline: Date.now() + 5000, classify: (e: any) => classifyCode(e.code, TABLE) },
        );
        // THEN it succeeded on the third call
        assert.equal(result, "ok");
        assert.equal(calls, 3);
    });

    it("fails when the error is not retryable, on the first attempt", async () => {
        // GIVEN an operation failing with a fatal code
        let calls = 0;
        // WHEN retried
        // THEN it fails with that code after one call
        await assert.rejects(
            withRetry(async () => {
                calls++;
                throw coded("InvalidParameter");
            }, { ...fast, deadline: Date.now() + 5000, classify: (e: any) => classifyCode(e.code, TABLE) }),
            { code: "InvalidParameter" },
        );
        assert.equal(calls, 1);
    });

    it("fails when the deadline leaves no room for another attempt", async () => {
        // GIVEN an operation always throttled, a 20 ms delay and a 50 ms deadline
        let calls = 0;
        // WHEN retried
        // THEN it gives up with the last error after a bounded number of calls
        await assert.rejects(
            withRetry(async () => {
                calls++;
                throw coded("Throttling");
            }, { minDelayMs: 20, maxDelayMs: 20, deadline: Date.now() + 50, classify: (e: any) => classifyCode(e.code, TABLE) }),
            { code: "Throttling" },
        );
        assert.ok(calls >= 1 && calls <= 3, `calls=${calls}`);
    });
});
