import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { DEFAULT_TIMING } from "../../../provider/core/timing";
import { ConnectionApi, Observed, waitAvailable } from "../../../provider/tencentcloud/connectionApi";

/** A ConnectionApi whose describe walks through the given states (only describe is used by the wait). */
function apiReporting(states: string[]): ConnectionApi & { calls: number } {
    const api = {
        calls: 0,
        async describe(id: string): Promise<Observed> {
            const state = states[Math.min(api.calls++, states.length - 1)];
            return { props: {}, computed: { vpnConnectionId: id, state, netStatus: null, createdTime: null, vpnProto: null, encryptProto: null, healthCheckStatus: null } };
        },
    };
    return api as unknown as ConnectionApi & { calls: number };
}

const fast = { ...DEFAULT_TIMING, minDelayMs: 1, maxDelayMs: 2 };

describe("waitAvailable", () => {
    it("can wait through PENDING until AVAILABLE", async () => {
        // GIVEN a connection that settles on the third look
        const api = apiReporting(["PENDING", "PENDING", "AVAILABLE"]);
        // WHEN waited for
        const observed = await waitAvailable(api, "vpnx-1", fast, Date.now() + 5000);
        // THEN it returns the settled view after three describes
        assert.equal(observed.computed.state, "AVAILABLE");
        assert.equal(api.calls, 3);
    });

    it("fails at once when the cloud reports the change failed", async () => {
        // GIVEN an API 2.0 connection whose modify failed (vpcConnStatus 3)
        const api = apiReporting(["PENDING", "MODIFY_FAILED"]);
        // WHEN waited for with a long deadline
        const waiting = waitAvailable(api, "vpnx-1", fast, Date.now() + 60_000);
        // THEN it fails with the state as code instead of polling until the deadline
        await assert.rejects(waiting, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "MODIFY_FAILED");
            return true;
        });
        assert.equal(api.calls, 2);
    });
});
