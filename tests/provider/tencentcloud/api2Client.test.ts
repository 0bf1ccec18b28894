import { staticCredentials } from "../../../provider/tencentcloud/credentials";
import assert from "node:assert/strict";
import { createHmac } from "crypto";
import { CloudApiError } from "../../../provider/core/errors";
import { resolveTiming } from "../../../provider/core/timing";
import { flattenParams, api2SignString, parseApi2Answer, signApi2Request, Api2Client } from "../../../provider/tencentcloud/api2Client";
import { TencentcloudSettings } from "../../../provider/tencentcloud/settings";
import { json, Loopback, startLoopback } from "./loopback";

const SECRET_KEY = "legacy-secret-key-01";

describe("tencentcloud API 2.0 client", () => {
    it("can flatten nested parameters with dot notation, as AddVpnConnEx and ModifyVpnConnEx name them", () => {
        // GIVEN nested objects, a list, an undefined value and a plain value
        // WHEN flattened
        // THEN keys are dotted paths, list items indexed, values strings, and undefined left out
        assert.deepEqual(flattenParams({ IKESet: { propoEncryAlgorithm: "aes-cbc-128", ikeSaLifetimeSeconds: 86400 }, userGwCidrBlock: ["10.0.0.0/24", "10.1.0.0/24"], skip: undefined, vpcId: "vpc-1" }), {
            "IKESet.propoEncryAlgorithm": "aes-cbc-128",
            "IKESet.ikeSaLifetimeSeconds": "86400",
            "userGwCidrBlock.0": "10.0.0.0/24",
            "userGwCidrBlock.1": "10.1.0.0/24",
            vpcId: "vpc-1",
        });
    });

    it("can build the documented string to sign: sorted raw k=v after POST, host with port and path", () => {
        // GIVEN unsorted parameters with raw characters and a Signature
        // WHEN the string to sign is built
        const text = api2SignString("POST", "127.0.0.1:8080", "/v2/index.php", { b: "2", a: "x/y z", Signature: "ignored" });
        // THEN it is method, host, path and the sorted raw pairs, without Signature
        assert.equal(text, "POST127.0.0.1:8080/v2/index.php?a=x/y z&b=2");
    });

    it("can sign with HMAC-SHA256 and say so in SignatureMethod", () => {
        // GIVEN temporary credentials
        const settings = { credential: { secretId: "AKIDapi2", secretKey: SECRET_KEY, token: "tok" }, api2Endpoint: new URL("http://127.0.0.1:8080/v2/index.php") };
        // WHEN a request is signed at a known time
        const signed = signApi2Request("DescribeVpnConn", "gz", { vpnConnId: "vpnx-1" }, settings, 1_700_000_000_000);
        // THEN the common parameters are set and the signature is the HMAC-SHA256 of the string to sign
        assert.equal(signed.Action, "DescribeVpnConn");
        assert.equal(signed.Region, "gz");
        assert.equal(signed.Timestamp, "1700000000");
        assert.equal(signed.SignatureMethod, "HmacSHA256");
        assert.equal(signed.Token, "tok");
        assert.match(signed.Nonce, /^[1-9]\d*$/);
        const expected = createHmac("sha256", SECRET_KEY).update(api2SignString("POST", "127.0.0.1:8080", "/v2/index.php", signed)).digest("base64");
        assert.equal(signed.Signature, expected);
    });

    describe("parseApi2Answer", () => {
        const secrets = ["psk-legacy-secret"];
        it("can accept code 0", () => {
            // GIVEN an answer with code 0
            // WHEN parsed
            // THEN its data is returned
            assert.deepEqual(parseApi2Answer("A", { status: 200, body: '{"code":0,"message":"","data":{"taskId":1}}' }, secrets).data, { taskId: 1 });
        });
        it("fails when code is not 0, with codeDesc as the code and no secret", () => {
            // GIVEN an error answer whose message holds the PSK
            // WHEN parsed
            const error = (() => {
                try {
                    parseApi2Answer("AddVpnConnEx", { status: 200, body: JSON.stringify({ code: 5000, message: "bad psk-legacy-secret", codeDesc: "InvalidVpnGw.NotFound" }) }, secrets);
                } catch (e) {
                    return e as CloudApiError;
                }
                assert.fail("no error");
            })();
            // THEN codeDesc is the code and the PSK is gone
            assert.equal(error.code, "InvalidVpnGw.NotFound");
            assert.doesNotMatch(error.message, /psk-legacy-secret/);
        });
        it("fails when the answer is not JSON, lacks a code, or is a 5xx", () => {
            // GIVEN an HTML page, JSON without code, a 502, and an error without codeDesc
            // WHEN parsed
            // THEN each fails with an HTTP code, the last with its numeric code
            assert.throws(() => parseApi2Answer("A", { status: 200, body: "<html/>" }, []), { code: "HttpError.InvalidResponse" });
            assert.throws(() => parseApi2Answer("A", { status: 200, body: "{}" }, []), { code: "HttpError.InvalidResponse" });
            assert.throws(() => parseApi2Answer("A", { status: 502, body: "" }, []), { code: "HttpError.502", httpStatus: 502 });
            assert.throws(() => parseApi2Answer("A", { status: 200, body: '{"code":4000,"message":"m"}' }, []), { code: "4000" });
        });
        it("fails when the answer is not JSON without quoting its body, so a truncated PSK never leaks", () => {
            // GIVEN a DescribeVpnConn body cut inside its PSK, and a body that starts with the PSK
            const psk = "psk-0123456789abcdefghij";
            const full = JSON.stringify({ code: 0, message: "", data: [{ unVpnConnId: "vpnx-1", vpnConnName: "office", preSharedKey: psk }] });
            const bodies = [full.slice(0, full.indexOf(psk) + 12), `${psk.slice(0, 16)} <html>bad gateway</html>`];
            for (const body of bodies) {
                // WHEN each is judged, with the PSK among the secrets
                let error: CloudApiError | undefined;
                try {
                    parseApi2Answer("DescribeVpnConn", { status: 200, body, contentType: "text/html" }, [psk]);
                } catch (e) {
                    error = e as CloudApiError;
                }
                // THEN it fails as an invalid response saying what came, and no 6+ character prefix of the PSK appears
                assert.ok(error instanceof CloudApiError);
                assert.equal(error.code, "HttpError.InvalidResponse");
                assert.match(error.message, new RegExp(`the answer is not JSON \\(HTTP 200, content type text/html, ${Buffer.byteLength(body)} bytes: `));
                const shown = `${error.message} ${error.stack ?? ""} ${JSON.stringify(error)}`;
                for (let n = 6; n <= psk.length; n++) assert.equal(shown.includes(psk.slice(0, n)), false, `${n} characters of the PSK leaked: ${error.message}`);
            }
        });

        it("fails when code 0 comes without what the action returns, so a describe never reads as deleted", () => {
            // GIVEN a DescribeVpnConn without its list, and a task result without a status
            // WHEN parsed
            // THEN both are invalid answers
            assert.throws(() => parseApi2Answer("DescribeVpnConn", { status: 200, body: '{"code":0,"message":""}' }, []), { code: "HttpError.InvalidResponse", message: /`data`/ });
            assert.throws(() => parseApi2Answer("DescribeVpcTaskResult", { status: 200, body: '{"code":0,"data":{}}' }, []), { code: "HttpError.InvalidResponse", message: /`data.status`/ });
            // … while an empty list is a well-formed "nothing found"
            assert.deepEqual(parseApi2Answer("DescribeVpnConn", { status: 200, body: '{"code":0,"totalCount":0,"data":[]}' }, []).data, []);
        });
        it("fails when DescribeVpnConn lists an item that is not a connection with its unVpnConnId, which would read as gone", () => {
            // GIVEN lists holding null, a string, and an item with only the numeric vpnConnId
            const listing = (item: string) => ({ status: 200, body: `{"code":0,"totalCount":1,"data":[${item}]}` });
            // WHEN parsed
            // THEN each is an invalid answer naming the item
            assert.throws(() => parseApi2Answer("DescribeVpnConn", listing("null"), []), { code: "HttpError.InvalidResponse", message: /`data` item 1 is not an object/ });
            assert.throws(() => parseApi2Answer("DescribeVpnConn", listing('"x"'), []), { code: "HttpError.InvalidResponse", message: /`data` item 1 is not an object/ });
            assert.throws(() => parseApi2Answer("DescribeVpnConn", listing('{"vpnConnId":4001}'), []), { code: "HttpError.InvalidResponse", message: /`unVpnConnId`/ });
            // … while a listed connection passes
            assert.equal(parseApi2Answer("DescribeVpnConn", listing('{"vpnConnId":4001,"unVpnConnId":"vpnx-1"}'), []).data[0].unVpnConnId, "vpnx-1");
        });
    });

    describe("over HTTP", () => {
        let server: Loopback;
        let client: Api2Client;
        const timing = resolveTiming({ minDelayMs: 1, maxDelayMs: 5, requestTimeoutMs: 300 });

        before(async () => {
            server = await startLoopback();
            const settings: TencentcloudSettings = { credentials: staticCredentials("AKIDapi2", SECRET_KEY), endpoint: new URL(server.url), api2Endpoint: new URL(`${server.url}/tencentcloud/v2/index.php`), tagEndpoint: new URL(`${server.url}/tencentcloud/tag`) };
            client = new Api2Client(settings, "gz", timing, ["psk-legacy-secret"]);
        });
        after(() => server.close());
        beforeEach(() => (server.requests.length = 0));

        it("can POST a signed form that a server can verify", async () => {
            // GIVEN a server that checks the signature the documented way
            server.handle((req, body, res) => {
                const params = Object.fromEntries(new URLSearchParams(body));
                const expected = createHmac("sha256", SECRET_KEY).update(api2SignString("POST", String(req.headers.host), "/tencentcloud/v2/index.php", params)).digest("base64");
                json(res, params.Signature === expected ? { code: 0, message: "", data: { status: 0 } } : { code: 4100, message: "signature", codeDesc: "AuthFailure.SignatureFailure" });
            });
            // WHEN a call with nested parameters is made
            const answer = await client.call({ action: "AddVpnConnEx", params: { IKESet: { exchangeMode: "main" }, preSharedKey: "a+b c&d" }, deadline: Date.now() + 2000, kind: "create" });
            // THEN it was accepted and sent as a form body
            assert.deepEqual(answer.data, { status: 0 });
            const [request] = server.requests;
            assert.equal(request.method, "POST");
            assert.equal(request.headers["content-type"], "application/x-www-form-urlencoded");
            assert.equal(new URLSearchParams(request.body).get("IKESet.exchangeMode"), "main");
            assert.equal(new URLSearchParams(request.body).get("preSharedKey"), "a+b c&d");
        });

        it("can retry ActionLocked (the resource is busy, https://cloud.tencent.com/doc/api/245/4924)", async () => {
            // GIVEN a server busy twice, then done
            let calls = 0;
            server.handle((_req, _body, res) => json(res, ++calls < 3 ? { code: 5100, message: "busy", codeDesc: "ActionLocked" } : { code: 0, data: {} }));
            // WHEN a modify is called
            await client.call({ action: "ModifyVpnConnEx", params: {}, deadline: Date.now() + 2000 });
            // THEN it succeeded on the third try
            assert.equal(calls, 3);
        });

        it("fails when the connection drops or times out, with a network code", async () => {
            // GIVEN a server dropping the connection, then one never answering
            // WHEN a create is called against each
            // THEN each fails with its network code
            server.handle((req) => req.socket.destroy());
            await assert.rejects(client.call({ action: "AddVpnConnEx", params: {}, deadline: Date.now() + 2000, kind: "create" }), { code: "ECONNRESET" });
            server.handle(() => undefined);
            await assert.rejects(client.call({ action: "AddVpnConnEx", params: {}, deadline: Date.now() + 2000, kind: "create" }), { code: "ETIMEDOUT" });
            // An ambiguous create is never re-sent by the client: one request each.
            assert.equal(server.requests.length, 2);
        });
    });
});
