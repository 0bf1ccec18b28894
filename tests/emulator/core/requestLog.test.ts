import assert from "node:assert/strict";
import { MAX_LOG_ENTRIES, RequestLog, outcomeOf } from "../../../emulator/core/requestLog";

describe("outcomeOf", () => {
    it("can read the error code of either cloud's envelope", () => {
        // WHEN / THEN
        assert.equal(outcomeOf({ status: 400, json: { Code: "VpnGateway.Configuring", RequestId: "R" } }), "VpnGateway.Configuring");
        assert.equal(outcomeOf({ status: 200, json: { Response: { Error: { Code: "ResourceNotFound" }, RequestId: "r" } } }), "ResourceNotFound");
        assert.equal(outcomeOf({ status: 200, json: { code: 5000, message: "m", codeDesc: "InvalidVpc.NotFound" } }), "InvalidVpc.NotFound");
        assert.equal(outcomeOf({ status: 200, json: { code: 0, message: "", codeDesc: "Success", data: {} } }), "OK");
    });

    it("can report OK for a success and the status for a code-less failure", () => {
        // WHEN / THEN
        assert.equal(outcomeOf({ status: 200, json: { RequestId: "R" } }), "OK");
        assert.equal(outcomeOf({ status: 502, json: null }), "HTTP 502");
    });
});

describe("RequestLog", () => {
    it("can keep at most MAX_LOG_ENTRIES entries, dropping the oldest", () => {
        // GIVEN
        const log = new RequestLog();
        // WHEN
        for (let i = 0; i < MAX_LOG_ENTRIES + 3; i++) {
            log.begin("alicloud", "A", {}, 0);
        }
        // THEN
        const entries = log.entries();
        assert.equal(entries.length, MAX_LOG_ENTRIES);
        assert.equal(entries[0].seq, 4);
        assert.deepEqual(log.counters(), { "alicloud:A": MAX_LOG_ENTRIES + 3 });
    });
});
