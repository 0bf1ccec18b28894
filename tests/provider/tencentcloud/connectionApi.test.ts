import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { isAvailable, Observed } from "../../../provider/tencentcloud/connectionApi";

/** A described connection in `state`. */
function observedIn(state: string): Observed {
    return { props: {}, computed: { vpnConnectionId: "vpnx-1", state, netStatus: null, createdTime: null, vpnProto: null, encryptProto: null, healthCheckStatus: null, bgpLocalAsn: null, bgpRemoteAsn: null } };
}

describe("isAvailable", () => {
    it("can tell a pending connection from an AVAILABLE one", () => {
        // GIVEN a connection still PENDING, and one AVAILABLE
        // WHEN asked whether each is ready
        // THEN only the AVAILABLE one is
        assert.equal(isAvailable(observedIn("PENDING"), "vpnx-1"), false);
        assert.equal(isAvailable(observedIn("AVAILABLE"), "vpnx-1"), true);
    });

    it("fails when the cloud reports the change failed", () => {
        // GIVEN an API 2.0 connection whose modify failed (vpcConnStatus 3)
        const observed = observedIn("MODIFY_FAILED");
        // WHEN asked whether it is ready
        // THEN it fails with the state as code, so a wait ends at once instead of polling until the deadline
        assert.throws(
            () => isAvailable(observed, "vpnx-1"),
            (error: unknown) => error instanceof CloudApiError && error.code === "MODIFY_FAILED",
        );
    });
});
