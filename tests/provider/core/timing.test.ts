import assert from "node:assert/strict";
import { DEFAULT_TIMING, resolveTiming } from "../../../provider/core/timing";

describe("resolveTiming", () => {
    it("can take overrides from the environment", () => {
        const timing = resolveTiming({}, { PULUMI_IPSEC_MIN_DELAY_MS: "5", PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "1000" });
        assert.equal(timing.minDelayMs, 5);
        assert.equal(timing.operationTimeoutMs, 1000);
        assert.equal(timing.requestTimeoutMs, DEFAULT_TIMING.requestTimeoutMs);
    });

    it("fails when a variable is not a positive number, naming it", () => {
        assert.throws(() => resolveTiming({}, { PULUMI_IPSEC_MAX_DELAY_MS: "soon" }), /PULUMI_IPSEC_MAX_DELAY_MS/);
    });
});
