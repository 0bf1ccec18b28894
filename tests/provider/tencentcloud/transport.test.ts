import assert from "node:assert/strict";
import * as http from "http";
import * as https from "https";
import { agentFor, httpStatusCode, networkCodeOf } from "../../../provider/tencentcloud/transport";

describe("tencentcloud transport", () => {
    it("can pick one keep-alive agent per protocol", () => {
        // GIVEN http and https endpoints
        // WHEN agents are picked for them, and for a second http endpoint
        const plain = agentFor(new URL("http://127.0.0.1:1/"));
        // THEN each protocol has its own agent, shared by every endpoint of that protocol
        assert.ok(plain instanceof http.Agent && !(plain instanceof https.Agent));
        assert.ok(agentFor(new URL("https://vpc.tencentcloudapi.com/")) instanceof https.Agent);
        assert.equal(agentFor(new URL("http://localhost/")), plain);
    });

    it("can name transport failures the SDK reports only as messages", () => {
        // GIVEN the messages the SDK's fetch reports for a reset, a refusal, timeouts and something unknown
        // WHEN named
        // THEN each has its network code, an unknown one the generic network error, and a cloud code none
        assert.equal(networkCodeOf("request to http://x/ failed, reason: socket hang up"), "ECONNRESET");
        assert.equal(networkCodeOf("request to http://x/ failed, reason: connect ECONNREFUSED 127.0.0.1:1"), "ECONNREFUSED");
        assert.equal(networkCodeOf("network timeout at: http://x/"), "ETIMEDOUT");
        assert.equal(networkCodeOf("The user aborted a request."), "ETIMEDOUT", "the client's own per-call timeout");
        assert.equal(networkCodeOf("request to http://x/ failed, reason: something new"), "ClientError.NetworkError");
        assert.equal(networkCodeOf("InvalidParameter"), undefined);
        assert.equal(httpStatusCode(503), "HttpError.503");
    });
});
