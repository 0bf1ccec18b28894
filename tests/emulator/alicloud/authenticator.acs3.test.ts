import assert from "node:assert/strict";
import { acs3Date, sendAcs3, signAcs3 } from "./acs3Signer";
import type { Acs3SignOptions } from "./acs3Signer";
import { startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";
import { sendRpc, signRpcParams } from "./rpcSigner";

describe("AlicloudAuthenticator, signature method V3 (through the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    /** DescribeVpnGateways signed with V3: RegionId in the query, PageSize in the form body. */
    const sign = (options: Partial<Acs3SignOptions> = {}) =>
        signAcs3("DescribeVpnGateways", {
            endpoint: h.info.endpoint,
            accessKeyId: h.info.accessKeyId,
            accessKeySecret: h.info.accessKeySecret,
            query: { RegionId: h.info.regionId },
            form: { PageSize: "2" },
            ...options,
        });

    it("can accept a call signed as documented, with query and form parameters", async () => {
        // WHEN
        const response = await sendAcs3(sign());
        // THEN
        assert.equal(response.status, 200);
        assert.equal(response.json.TotalCount, 6);
        assert.equal(response.json.PageSize, 2);
        assert.deepEqual(await h.control.counters(), { "alicloud:DescribeVpnGateways": 1 });
    });

    it("fails when the secret is wrong, with 400 SignatureDoesNotMatch, counting nothing", async () => {
        // WHEN
        const response = await sendAcs3(sign({ accessKeySecret: "not-the-secret" }));
        // THEN
        assert.equal(response.status, 400);
        assert.equal(response.json.Code, "SignatureDoesNotMatch");
        assert.deepEqual(await h.control.counters(), {});
    });

    it("fails when a query parameter, the body, a signed header or the method changed after signing", async () => {
        // GIVEN
        const signed = sign();
        const tampered = [
            { ...signed, url: signed.url.replace(h.info.regionId, "cn-beijing") },
            { ...signed, body: "PageSize=3" },
            { ...signed, headers: { ...signed.headers, "x-acs-action": "DescribeVpnConnections" } },
            { ...sign({ method: "GET" }), method: "POST" },
        ];
        // WHEN
        const responses = await Promise.all(tampered.map((request) => sendAcs3(request)));
        // THEN
        assert.deepEqual(
            responses.map((r) => r.json.Code),
            ["SignatureDoesNotMatch", "SignatureDoesNotMatch", "SignatureDoesNotMatch", "SignatureDoesNotMatch"],
        );
        assert.match(responses[1].json.Message, /x-acs-content-sha256/);
    });

    it("fails when x-acs-content-sha256 is not the hash of the body, even if it was signed", async () => {
        // WHEN
        const response = await sendAcs3(sign({ contentSha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }));
        // THEN
        assert.equal(response.status, 400);
        assert.equal(response.json.Code, "SignatureDoesNotMatch");
        assert.match(response.json.Message, /x-acs-content-sha256/);
    });

    it("fails when x-acs-date is more than 15 minutes off, either way, or not yyyy-MM-ddTHH:mm:ssZ", async () => {
        // GIVEN
        const stale = acs3Date(new Date(Date.now() - 16 * 60 * 1000));
        const future = acs3Date(new Date(Date.now() + 16 * 60 * 1000));
        // WHEN
        const responses = [await sendAcs3(sign({ date: stale })), await sendAcs3(sign({ date: future })), await sendAcs3(sign({ date: "2024-01-01 00:00:00" }))];
        // THEN
        assert.deepEqual(
            responses.map((r) => [r.status, r.json.Code]),
            [
                [400, "InvalidTimeStamp.Expired"],
                [400, "InvalidTimeStamp.Expired"],
                [400, "InvalidTimeStamp.Format"],
            ],
        );
    });

    it("fails when an x-acs-signature-nonce is replayed, also as the SignatureNonce of an RPC-signed call", async () => {
        // GIVEN a first call with the nonce succeeds
        assert.equal((await sendAcs3(sign({ nonce: "nonce-v3" }))).status, 200);
        // WHEN the nonce comes again, freshly signed, under each method
        const replayed = await sendAcs3(sign({ nonce: "nonce-v3" }));
        const rpc = await sendRpc(h.info.endpoint, signRpcParams("DescribeVpnGateways", { RegionId: h.info.regionId }, { ...h.info, nonce: "nonce-v3" }));
        // THEN
        assert.equal(replayed.json.Code, "SignatureNonceUsed");
        assert.equal(rpc.json.Code, "SignatureNonceUsed");
    });

    it("can accept a nonce again after a refused forgery used it", async () => {
        // GIVEN
        assert.equal((await sendAcs3(sign({ nonce: "nonce-f", accessKeySecret: "wrong" }))).json.Code, "SignatureDoesNotMatch");
        // WHEN
        const genuine = await sendAcs3(sign({ nonce: "nonce-f" }));
        // THEN
        assert.equal(genuine.status, 200);
    });

    it("fails when the Authorization header is not of the documented form, with 400 IncompleteSignature", async () => {
        // GIVEN
        const signed = sign();
        const { authorization } = signed.headers;
        const malformed = [
            authorization.replace(/,Signature=[0-9a-f]+/, ""),
            authorization.replace("Credential=", "Credentials="),
            `${authorization},Credential=again`,
            authorization.replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3"),
            "ACS3-HMAC-SHA256",
        ];
        // WHEN
        const responses = await Promise.all(malformed.map((value) => sendAcs3({ ...signed, headers: { ...signed.headers, authorization: value } })));
        // THEN
        assert.deepEqual(
            responses.map((r) => [r.status, r.json.Code]),
            malformed.map(() => [400, "IncompleteSignature"]),
        );
        assert.match(responses[3].json.Message, /ACS3-HMAC-SM3/);
    });

    it("fails when host, content-type or an x-acs-* header is left out of SignedHeaders", async () => {
        // GIVEN
        const left = [["host"], ["content-type"], ["x-acs-signature-nonce"], ["x-acs-extra"]];
        // WHEN
        const responses = await Promise.all(left.map((unsigned) => sendAcs3(sign({ unsigned, headers: { "x-acs-extra": "1" } }))));
        // THEN
        assert.deepEqual(
            responses.map((r) => r.json.Code),
            left.map(() => "IncompleteSignature"),
        );
        assert.match(responses[0].json.Message, /host/);
    });

    it("can accept extra headers the client chose to sign", async () => {
        // WHEN
        const response = await sendAcs3(sign({ headers: { accept: "application/json", "x-acs-extra": "1" } }));
        // THEN
        assert.equal(response.status, 200);
    });

    it("fails when SignedHeaders names a header the request does not have", async () => {
        // GIVEN a header signed, then dropped
        const signed = sign({ headers: { "x-custom": "v" } });
        const { "x-custom": _dropped, ...headers } = signed.headers;
        // WHEN
        const response = await sendAcs3({ ...signed, headers });
        // THEN
        assert.equal(response.json.Code, "IncompleteSignature");
        assert.match(response.json.Message, /x-custom/);
    });

    it("fails when a header the signature needs is missing", async () => {
        // GIVEN
        const signed = sign();
        const without = (name: string) => ({ ...signed, headers: Object.fromEntries(Object.entries(signed.headers).filter(([key]) => key !== name)) });
        // WHEN
        const codes = [];
        for (const name of ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"]) {
            codes.push((await sendAcs3(without(name))).json.Code);
        }
        // THEN
        assert.deepEqual(codes, ["MissingAction", "MissingVersion", "IncompleteSignature", "IncompleteSignature", "IncompleteSignature"]);
    });

    it("fails when the version is not 2016-04-28 or the AccessKeyId is unknown", async () => {
        // WHEN
        const version = await sendAcs3(sign({ headers: { "x-acs-version": "2014-05-26" } }));
        const unknownKey = await sendAcs3(sign({ accessKeyId: "LTAI-unknown" }));
        // THEN
        assert.equal(version.json.Code, "InvalidVersion");
        assert.deepEqual([unknownKey.status, unknownKey.json.Code], [404, "InvalidAccessKeyId.NotFound"]);
    });

    it("can accept STS credentials with x-acs-security-token, and fails without it", async () => {
        // GIVEN
        const sts = { accessKeyId: h.info.stsToken.accessKeyId, accessKeySecret: h.info.stsToken.accessKeySecret };
        // WHEN
        const withToken = await sendAcs3(sign({ ...sts, securityToken: h.info.stsToken.securityToken }));
        const withoutToken = await sendAcs3(sign(sts));
        // THEN
        assert.equal(withToken.status, 200);
        assert.equal(withoutToken.json.Code, "MissingSecurityToken");
    });
});
