import assert from "node:assert/strict";
import { toApiRequest } from "../../../provider/core/apiMapping";
import { checkInputs } from "../../../provider/core/check";
import { diffProps } from "../../../provider/core/diff";
import { DEFAULT_TIMING, operationDeadline, requestTimeoutFor, resolveTiming, TIMEOUTS_FIELD } from "../../../provider/core/timing";

describe("resolveTiming", () => {
    it("can take overrides from the environment", () => {
        // GIVEN an environment overriding the minimum delay and the operation timeout
        const env = { PULUMI_IPSEC_MIN_DELAY_MS: "5", PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "1000" };
        // WHEN timing is resolved
        const timing = resolveTiming({}, env);
        // THEN the overrides apply and the rest keeps its default
        assert.equal(timing.minDelayMs, 5);
        assert.equal(timing.operationTimeoutMs, 1000);
        assert.equal(timing.requestTimeoutMs, DEFAULT_TIMING.requestTimeoutMs);
    });

    it("fails when a variable is not a positive number, naming it", () => {
        // GIVEN a delay that is a word
        const env = { PULUMI_IPSEC_MAX_DELAY_MS: "soon" };
        // WHEN timing is resolved
        // THEN the error names the variable
        assert.throws(() => resolveTiming({}, env), /PULUMI_IPSEC_MAX_DELAY_MS/);
    });
});

describe("operationDeadline", () => {
    const timing = resolveTiming({ operationTimeoutMs: 60_000 }, {});

    it("can take the resource's own timeout for the operation, in seconds", () => {
        // GIVEN a resource with its own create and delete timeouts
        const props = { timeouts: { create: 5, delete: 90 } };
        // WHEN the deadlines of those operations are computed at t = 1 s
        // THEN each is its own number of seconds later
        assert.equal(operationDeadline(timing, props, "create", 1_000), 6_000);
        assert.equal(operationDeadline(timing, props, "delete", 1_000), 91_000);
    });

    it("can fall back to the environment's operation timeout when the entry is unset", () => {
        // GIVEN a resource without an update timeout, and one without timeouts
        // WHEN their deadlines are computed at t = 1 s
        // THEN both take the 60 s operation timeout
        assert.equal(operationDeadline(timing, { timeouts: { create: 5 } }, "update", 1_000), 61_000);
        assert.equal(operationDeadline(timing, {}, "create", 1_000), 61_000);
    });
});

describe("requestTimeoutFor", () => {
    const timing = resolveTiming({ requestTimeoutMs: 30_000 }, {});

    it("can cut a request's timeout to what is left of the deadline", () => {
        // GIVEN a 30 s request timeout
        // WHEN the deadline is far away, and 5 s away
        // THEN the request gets its full timeout, then only what is left
        assert.equal(requestTimeoutFor(timing, 100_000, 0), 30_000);
        assert.equal(requestTimeoutFor(timing, 5_000, 0), 5_000);
    });

    it("can still give a last-moment call a short floor, never more than the configured timeout", () => {
        // GIVEN a deadline 10 ms away
        // WHEN the configured timeout is 30 s, and 200 ms
        // THEN the call gets the 1 s floor, but never more than the configured 200 ms
        assert.equal(requestTimeoutFor(timing, 10, 0), 1_000);
        assert.equal(requestTimeoutFor(resolveTiming({ requestTimeoutMs: 200 }, {}), 10, 0), 200);
    });
});

describe("TIMEOUTS_FIELD", () => {
    const schema = { timeouts: TIMEOUTS_FIELD };

    it("can accept whole seconds per operation and stay out of diffs and API requests", () => {
        // GIVEN timeouts for create and delete
        // WHEN checked, diffed against other timeouts and mapped to a request
        const { inputs, failures } = checkInputs(schema, { timeouts: { create: 600, delete: 60 } });
        const { changed } = diffProps(schema, { timeouts: { create: 1 } }, inputs);
        const request = toApiRequest(schema, inputs);
        // THEN they pass unchanged, no cloud field differs and nothing is sent
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs.timeouts, { create: 600, delete: 60 });
        assert.deepEqual(changed, []);
        assert.deepEqual(request, {});
    });

    const cases: [string, unknown, string, RegExp][] = [
        ["an entry is zero", { create: 0 }, "timeouts.create", /between 1 and 86400/],
        ["an entry is not whole seconds", { update: 1.5 }, "timeouts.update", /integer/],
        ["an entry is a duration string", { delete: "5m" }, "timeouts.delete", /integer/],
        ["an operation is unknown", { read: 5 }, "timeouts.read", /not a known property; allowed: create, update, delete/],
    ];
    for (const [what, timeouts, property, reason] of cases) {
        it(`fails when ${what}`, () => {
            // GIVEN timeouts where ${what}
            // WHEN checked
            const { failures } = checkInputs(schema, { timeouts });
            // THEN one failure names the entry and says why
            assert.deepEqual(failures.map((f) => f.property), [property]);
            assert.match(failures[0].reason, reason);
        });
    }
});
