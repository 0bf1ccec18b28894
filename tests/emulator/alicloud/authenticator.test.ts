import assert from "node:assert/strict";
import { AlicloudAuthenticator, SIGNATURE_WINDOW_MS } from "../../../emulator/alicloud/authenticator";
import { AliApiError } from "../../../emulator/alicloud/errors";
import { ALICLOUD_ACCESS_KEY_ID, ALICLOUD_ACCESS_KEY_SECRET, ALICLOUD_CREDENTIALS } from "../../../emulator/alicloud/fixtures";
import { rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";
import { rpcTimestamp, sendRpc, signRpcParams } from "./rpcSigner";

describe("AlicloudAuthenticator, RPC signature (through the emulator)", () => {
    let h: AlicloudHarness;
    const region = { RegionId: "cn-hangzhou" };

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    const sign = (options: Partial<Parameters<typeof signRpcParams>[2]> = {}, params: Record<string, string> = region) =>
        signRpcParams("DescribeVpnGateways", params, { accessKeyId: h.info.accessKeyId, accessKeySecret: h.info.accessKeySecret, ...options });

    it("can accept pop-core's signature on POST form bodies and GET query strings", async () => {
        // WHEN
        const viaPost = await h.call("DescribeVpnGateways", {}, { method: "POST" });
        const viaGet = await h.call("DescribeVpnGateways", {}, { method: "GET" });
        // THEN
        assert.equal(viaPost.TotalCount, 6);
        assert.equal(viaGet.TotalCount, 6);
        assert.match(viaPost.RequestId, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    });

    it("fails when the secret is wrong, with 400 SignatureDoesNotMatch", async () => {
        // GIVEN
        const client = h.client({ accessKeySecret: "not-the-secret" });
        // WHEN
        const error = await rejectsWithCode(client.request("DescribeVpnGateways", region, { method: "POST" }), "SignatureDoesNotMatch");
        // THEN
        assert.equal(error.entry?.response.statusCode, 400);
        assert.match(String(error.data?.RequestId), /^[0-9A-F-]{36}$/);
    });

    it("fails when the secret is wrong with the server's string to sign in the message, parameters percent-encoded twice, as Alibaba answers", async () => {
        // GIVEN a wrong secret and a parameter that percent-encoding changes
        const client = h.client({ accessKeySecret: "not-the-secret" });
        // WHEN a call is sent
        const error = await rejectsWithCode(client.request("DescribeVpnGateways", { ...region, VpcId: "vpc-a:b" }, { method: "POST" }), "SignatureDoesNotMatch");
        // THEN the message ends with the string to sign, whose values are encoded twice
        assert.match(String(error.data?.Message), /^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&AccessKeyId%3D/);
        assert.match(String(error.data?.Message), /VpcId%3Dvpc-a%253Ab/);
    });

    it("fails when the AccessKeyId is unknown, with 404 InvalidAccessKeyId.NotFound", async () => {
        // GIVEN
        const client = h.client({ accessKeyId: "LTAI-unknown" });
        // WHEN
        const error = await rejectsWithCode(client.request("DescribeVpnGateways", region, { method: "POST" }), "InvalidAccessKeyId.NotFound");
        // THEN
        assert.equal(error.entry?.response.statusCode, 404);
    });

    it("fails when a SignatureNonce is replayed", async () => {
        // GIVEN a first call with a nonce succeeds
        const first = await sendRpc(h.info.endpoint, sign({ nonce: "nonce-replayed" }));
        assert.equal(first.status, 200);
        // WHEN the same nonce comes again (fresh timestamp, valid signature)
        const replay = await sendRpc(h.info.endpoint, sign({ nonce: "nonce-replayed" }));
        // THEN
        assert.equal(replay.status, 400);
        assert.equal(replay.json.Code, "SignatureNonceUsed");
    });

    it("can accept a nonce again after a refused forgery used it", async () => {
        // GIVEN a forged request (wrong secret) with the nonce is refused
        const forged = await sendRpc(h.info.endpoint, sign({ nonce: "nonce-x", accessKeySecret: "wrong" }));
        assert.equal(forged.json.Code, "SignatureDoesNotMatch");
        // WHEN the real client uses the nonce
        const genuine = await sendRpc(h.info.endpoint, sign({ nonce: "nonce-x" }));
        // THEN
        assert.equal(genuine.status, 200);
    });

    it("fails when the Timestamp is more than 15 minutes off, either way", async () => {
        // GIVEN
        const stale = rpcTimestamp(new Date(Date.now() - 16 * 60 * 1000));
        const future = rpcTimestamp(new Date(Date.now() + 16 * 60 * 1000));
        // WHEN
        const responses = [await sendRpc(h.info.endpoint, sign({ timestamp: stale })), await sendRpc(h.info.endpoint, sign({ timestamp: future }))];
        // THEN
        for (const response of responses) {
            assert.equal(response.status, 400);
            assert.equal(response.json.Code, "InvalidTimeStamp.Expired");
        }
    });

    it("can accept a Timestamp a few minutes off", async () => {
        // WHEN
        const response = await sendRpc(h.info.endpoint, sign({ timestamp: rpcTimestamp(new Date(Date.now() - 5 * 60 * 1000)) }));
        // THEN
        assert.equal(response.status, 200);
    });

    it("fails when the Timestamp is not UTC ISO-8601", async () => {
        // WHEN
        const response = await sendRpc(h.info.endpoint, sign({ timestamp: "2024-01-01 00:00:00" }));
        // THEN
        assert.equal(response.json.Code, "InvalidTimeStamp.Format");
    });

    it("fails when a common parameter is missing", async () => {
        // GIVEN
        const { SignatureNonce: _omitted, ...params } = sign();
        // WHEN
        const response = await sendRpc(h.info.endpoint, params);
        // THEN
        assert.equal(response.status, 400);
        assert.equal(response.json.Code, "MissingSignatureNonce");
    });

    it("fails when Version, Format or SignatureMethod is not the supported one", async () => {
        // WHEN
        const version = await sendRpc(h.info.endpoint, sign({ common: { Version: "2014-05-15" } }));
        const format = await sendRpc(h.info.endpoint, sign({ common: { Format: "XML" } }));
        const method = await sendRpc(h.info.endpoint, sign({ common: { SignatureMethod: "HMAC-SHA256" } }));
        // THEN
        assert.equal(version.json.Code, "InvalidVersion");
        assert.equal(format.json.Code, "InvalidParameter");
        assert.match(format.json.Message, /"Format"/);
        assert.match(method.json.Message, /"SignatureMethod"/);
    });

    it("can accept Format in any letter case, or none (the VPC common parameters default it to JSON)", async () => {
        // WHEN
        const lower = await sendRpc(h.info.endpoint, sign({ common: { Format: "json" } }));
        const mixed = await sendRpc(h.info.endpoint, sign({ common: { Format: "Json" } }));
        const absent = await sendRpc(h.info.endpoint, sign({ omit: ["Format"] }));
        // THEN
        assert.deepEqual([lower.status, mixed.status, absent.status], [200, 200, 200]);
        assert.equal(absent.json.TotalCount, 6);
    });

    it("fails when Format asks for XML in any letter case: the emulator answers only JSON", async () => {
        // WHEN
        const response = await sendRpc(h.info.endpoint, sign({ common: { Format: "xml" } }));
        // THEN
        assert.equal(response.status, 400);
        assert.equal(response.json.Code, "InvalidParameter");
        assert.match(response.json.Message, /"Format"/);
    });

    it("can accept STS credentials with their security token", async () => {
        // GIVEN
        const client = h.client(h.info.stsToken);
        // WHEN
        const response = await client.request<{ TotalCount: number }>("DescribeVpnGateways", region, { method: "POST" });
        // THEN
        assert.equal(response.TotalCount, 6);
    });

    it("fails when an STS key comes without its token or with another one", async () => {
        // GIVEN
        const withoutToken = h.client({ accessKeyId: h.info.stsToken.accessKeyId, accessKeySecret: h.info.stsToken.accessKeySecret });
        const wrongToken = h.client({ ...h.info.stsToken, securityToken: "forged" });
        // WHEN / THEN
        await rejectsWithCode(withoutToken.request("DescribeVpnGateways", region, { method: "POST" }), "MissingSecurityToken");
        await rejectsWithCode(wrongToken.request("DescribeVpnGateways", region, { method: "POST" }), "InvalidSecurityToken.MismatchWithAccessKey");
    });

    it("can answer refused requests as JSON and keep them out of the counters", async () => {
        // GIVEN
        const response = await sendRpc(h.info.endpoint, sign({ accessKeySecret: "wrong" }));
        // WHEN
        const counters = await h.control.counters();
        // THEN
        assert.equal(response.contentType, "application/json");
        assert.deepEqual(counters, {});
    });
});

describe("AlicloudAuthenticator, RPC signature (unit)", () => {
    /** An RPC call as the front end hands it over (parameters come separately). */
    const rpcCall = (method: string) => ({ method, path: "/", query: "", headers: {}, body: "" });

    it("can accept a nonce again once the 15-minute window has passed", () => {
        // GIVEN an authenticator on a clock the test moves
        let wall = Date.parse("2024-01-01T00:00:00Z");
        const authenticator = new AlicloudAuthenticator(ALICLOUD_CREDENTIALS, () => wall);
        const signAt = () =>
            signRpcParams("DescribeVpnGateways", {}, { accessKeyId: ALICLOUD_ACCESS_KEY_ID, accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET, nonce: "n", timestamp: rpcTimestamp(new Date(wall)) });
        assert.equal(authenticator.authenticate(rpcCall("POST"), signAt()), "DescribeVpnGateways");
        assert.throws(() => authenticator.authenticate(rpcCall("POST"), signAt()), (e: AliApiError) => e.code === "SignatureNonceUsed");
        // WHEN
        wall += SIGNATURE_WINDOW_MS + 1000;
        // THEN
        assert.equal(authenticator.authenticate(rpcCall("POST"), signAt()), "DescribeVpnGateways");
    });

    it("fails when the method signed differs from the method used", () => {
        // GIVEN
        const authenticator = new AlicloudAuthenticator(ALICLOUD_CREDENTIALS);
        const params = signRpcParams("DescribeVpnGateways", {}, { accessKeyId: ALICLOUD_ACCESS_KEY_ID, accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET, method: "GET" });
        // WHEN / THEN
        assert.throws(() => authenticator.authenticate(rpcCall("POST"), params), (e: AliApiError) => e.code === "SignatureDoesNotMatch" && e.httpStatus === 400);
    });
});
