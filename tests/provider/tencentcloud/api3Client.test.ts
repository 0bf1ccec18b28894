import { staticCredentials } from "../../../provider/tencentcloud/credentials";
import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { resolveTiming } from "../../../provider/core/timing";
import { Api3Client, toCloudError } from "../../../provider/tencentcloud/api3Client";
import { TencentcloudSettings } from "../../../provider/tencentcloud/settings";
import { json, Loopback, startLoopback } from "./loopback";

const SECRET_KEY = "test-secret-key-0001";
const PSK = "psk-do-not-print";

describe("tencentcloud API 3.0 client", () => {
    let server: Loopback;
    let client: Api3Client;
    const timing = resolveTiming({ minDelayMs: 1, maxDelayMs: 5, requestTimeoutMs: 500 });
    const deadline = () => Date.now() + 2000;

    before(async () => {
        server = await startLoopback();
        const settings: TencentcloudSettings = {
            credentials: staticCredentials("AKIDtest", SECRET_KEY),
            endpoint: new URL(`${server.url}/tencentcloud`),
            api2Endpoint: new URL(`${server.url}/v2/index.php`),
            tagEndpoint: new URL(`${server.url}/tencentcloud/tag`),
        };
        client = new Api3Client(settings, "ap-guangzhou", timing, [PSK]);
    });
    after(() => server.close());
    beforeEach(() => (server.requests.length = 0));

    it("can call the real SDK over loopback http, signing TC3 with the action and region headers", async () => {
        // GIVEN a server answering like API 3.0
        server.handle((_req, _body, res) => json(res, { Response: { TotalCount: 0, VpnConnectionSet: [], RequestId: "r-1" } }));
        // AND an http_proxy the SDK would otherwise route loopback through (tencentcloud-sdk-nodejs `tencentcloud/common/http/fetch.js`)
        const saved = process.env.http_proxy;
        process.env.http_proxy = "http://127.0.0.1:9";
        // WHEN an action is called
        const response = await client
            .call({ action: "DescribeVpnConnections", params: { VpnConnectionIds: ["vpnx-00000000"] }, deadline: deadline() })
            .finally(() => (saved === undefined ? delete process.env.http_proxy : (process.env.http_proxy = saved)));
        // THEN it went to the endpoint's path, through no proxy, as TC3 POST JSON
        assert.equal(response.RequestId, "r-1");
        const [request] = server.requests;
        assert.equal(request.url, "/tencentcloud/");
        assert.equal(request.headers["x-tc-action"], "DescribeVpnConnections");
        assert.equal(request.headers["x-tc-region"], "ap-guangzhou");
        assert.match(String(request.headers.authorization), /^TC3-HMAC-SHA256 Credential=AKIDtest\//);
        assert.deepEqual(JSON.parse(request.body), { VpnConnectionIds: ["vpnx-00000000"] });
    });

    it("fails when the API answers an error, with its code and request id and no secret", async () => {
        // GIVEN a server answering an error whose message holds the PSK and the secret key
        server.handle((_req, _body, res) =>
            json(res, { Response: { Error: { Code: "InvalidParameterValue.Malformed", Message: `bad PreShareKey ${PSK} for ${SECRET_KEY}` }, RequestId: "r-2" } }),
        );
        // WHEN a create is called
        const error: CloudApiError = await client.call({ action: "CreateVpnConnection", params: {}, deadline: deadline(), kind: "create" }).then(
            () => assert.fail("no error"),
            (e) => e,
        );
        // THEN the error carries the cloud's code and request id, no secret, after one request
        assert.ok(error instanceof CloudApiError);
        assert.equal(error.code, "InvalidParameterValue.Malformed");
        assert.equal(error.requestId, "r-2");
        assert.equal(error.cloud, "tencentcloud");
        assert.doesNotMatch(error.message, new RegExp(`${PSK}|${SECRET_KEY}`));
        assert.equal(server.requests.length, 1);
    });

    it("can retry throttling until it passes", async () => {
        // GIVEN a server that throttles twice, then answers
        let calls = 0;
        server.handle((_req, _body, res) =>
            ++calls < 3 ? json(res, { Response: { Error: { Code: "RequestLimitExceeded", Message: "slow down" }, RequestId: "r" } }) : json(res, { Response: { RequestId: "ok" } }),
        );
        // WHEN a write is called
        const response = await client.call({ action: "ModifyVpnConnectionAttribute", params: {}, deadline: deadline() });
        // THEN the third try's answer comes back
        assert.equal(response.RequestId, "ok");
        assert.equal(calls, 3);
    });

    it("fails when the body is not JSON or has no Response, as HttpError.InvalidResponse", async () => {
        // GIVEN answers that are an HTML page, and JSON without Response
        for (const body of ["<html>bad gateway</html>", JSON.stringify({ error: "x" })]) {
            server.handle((_req, _body, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.end(body);
            });
            // WHEN a create is called
            // THEN it fails as an invalid response without a retry (the hook looks the connection up instead)
            await assert.rejects(client.call({ action: "CreateVpnConnection", params: {}, deadline: deadline(), kind: "create" }), { code: "HttpError.InvalidResponse" });
        }
        assert.equal(server.requests.length, 2);
    });

    it("fails on an unparsable answer without quoting any part of a PSK it holds", async () => {
        // GIVEN answers cut inside a PSK, and broken just after one (the parser quotes where it stopped)
        const psk = "Cut-Psk-Secret-0123456789";
        for (const body of [`{"Response":{"VpnConnectionSet":[{"PreShareKey":"${psk.slice(0, 12)}`, `{"Response":{"PreShareKey":"${psk}"x}}`, `{"Response":{"PreShareKey":${psk}}}`]) {
            server.handle((_req, _body, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.end(body);
            });
            // WHEN a read meets it
            const error: CloudApiError = await client.call({ action: "DescribeVpnConnections", params: {}, deadline: Date.now() + 50 }).then(() => assert.fail("no error"), (e) => e);
            // THEN it is an invalid response whose message holds no 6 characters of the PSK in a row
            assert.equal(error.code, "HttpError.InvalidResponse");
            const text = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
            for (let i = 0; i + 6 <= psk.length; i++) assert.ok(!text.includes(psk.slice(i, i + 6)), `${psk.slice(i, i + 6)} in ${error.message}`);
        }
    });

    it("fails when the server answers 5xx, as HttpError.<status>, after retrying a read", async () => {
        // GIVEN a server answering 503
        server.handle((_req, _body, res) => json(res, { oops: true }, 503));
        // WHEN a read is called with a short deadline
        // THEN it fails with the status as code, after more than one try
        await assert.rejects(client.call({ action: "DescribeVpnConnections", params: {}, deadline: Date.now() + 100 }), (e: CloudApiError) => e.code === "HttpError.503" && e.httpStatus === 503);
        assert.ok(server.requests.length > 1);
    });

    it("fails when the connection drops, as a network code", async () => {
        // GIVEN a server that drops every connection
        server.handle((req) => req.socket.destroy());
        // WHEN a create is called
        // THEN it fails with ECONNRESET, sent once (the hook looks an ambiguous create up instead)
        await assert.rejects(client.call({ action: "CreateVpnConnection", params: {}, deadline: deadline(), kind: "create" }), { code: "ECONNRESET" });
        assert.equal(server.requests.length, 1);
    });

    it("fails when no answer comes within the request timeout, as ETIMEDOUT", async () => {
        // GIVEN a server that never answers
        server.handle(() => undefined);
        // WHEN a create is called
        // THEN it fails with ETIMEDOUT after one request
        await assert.rejects(client.call({ action: "CreateVpnConnection", params: {}, deadline: deadline(), kind: "create" }), { code: "ETIMEDOUT" });
        assert.equal(server.requests.length, 1);
    });

    describe("toCloudError", () => {
        it("can map SDK exceptions, escaped parse errors and transport messages", () => {
            // GIVEN what the SDK throws: coded errors, HTTP errors, parse errors and transport messages
            const cases: [unknown, string | undefined][] = [
                [Object.assign(new Error("m"), { code: "ResourceInUse", requestId: "r" }), "ResourceInUse"],
                [Object.assign(new Error("Bad Gateway"), { httpCode: 502 }), "HttpError.502"],
                [Object.assign(new Error("invalid json response body"), { type: "invalid-json" }), "HttpError.InvalidResponse"],
                [new TypeError("Cannot read properties of undefined (reading 'Error')"), "HttpError.InvalidResponse"],
                [new Error("request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED 127.0.0.1:1"), "ECONNREFUSED"],
                [new Error("network timeout at: http://127.0.0.1:1/"), "ETIMEDOUT"],
                [new Error("request to http://x/ failed, reason: getaddrinfo EAI_AGAIN x"), "EAI_AGAIN"],
                [new Error("something else"), undefined],
            ];
            // WHEN each is mapped
            // THEN it gets its cloud or network code, or none
            for (const [error, code] of cases) assert.equal(toCloudError("A", error, []).code, code);
        });
    });
});
