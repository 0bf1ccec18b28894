import assert from "node:assert/strict";
import { NonceCache } from "../../../emulator/core/nonceCache";
import { CREDENTIAL, CREDENTIALS, STS_CREDENTIAL } from "../../../emulator/tencentcloud/fixtures";
import {
    decodeApi2Params,
    api2SignString,
    verifyApi2Request,
    type Api2Params,
    type Api2Request,
} from "../../../emulator/tencentcloud/api2Signature";
import { signApi2, withTencentEmulator, type TencentHarness } from "./support";

const HOST = "127.0.0.1:8123";
const PATH = "/tencentcloud/v2/index.php";
const NOW = Date.UTC(2026, 0, 1);

function signed(params: Api2Params, digest: "sha1" | "sha256" = "sha1", secretKey = CREDENTIAL.secretKey, method = "POST"): Api2Params {
    return { ...params, Signature: signApi2(method, HOST, PATH, params, secretKey, digest) };
}

function common(extra: Api2Params = {}): Api2Params {
    return { Action: "DescribeVpnConn", Region: "gz", Timestamp: String(NOW / 1000), Nonce: "4711", SecretId: CREDENTIAL.secretId, ...extra };
}

function request(params: Api2Params, overrides: Partial<Api2Request> = {}): Api2Request {
    return { method: "POST", host: HOST, path: PATH, params, nowMs: NOW, credentials: CREDENTIALS, nonces: new NonceCache(), ...overrides };
}

describe("api2Signature", () => {
    describe("api2SignString", () => {
        it("can build METHOD + host:port + path + ? + sorted raw k=v, without Signature", () => {
            // GIVEN raw values, including characters a URL encoder would escape
            const params = { b: "2", Action: "AddVpnConnEx", "userGwCidrBlock.0": "10.0.0.0/24", Signature: "x", a: "x y" };
            // WHEN
            const s = api2SignString("post", HOST, PATH, params);
            // THEN
            assert.equal(s, "POST127.0.0.1:8123/tencentcloud/v2/index.php?Action=AddVpnConnEx&a=x y&b=2&userGwCidrBlock.0=10.0.0.0/24");
        });
    });

    describe("decodeApi2Params", () => {
        it("can read a form body over the query for POST, turning + into spaces", () => {
            // WHEN
            const p = decodeApi2Params("POST", "Action=X&a=1", "a=2&b=x+y&spdAcl=%7B%22k%22%3A1%7D");
            // THEN
            assert.deepEqual(p, { Action: "X", a: "2", b: "x y", spdAcl: '{"k":1}' });
        });

        it("can read only the query for GET", () => {
            // WHEN / THEN
            assert.deepEqual(decodeApi2Params("GET", "a=1", "b=2"), { a: "1" });
        });
    });

    describe("verifyApi2Request", () => {
        it("can verify an HMAC-SHA1 signature (the default)", () => {
            // WHEN
            const r = verifyApi2Request(request(signed(common())));
            // THEN
            assert.equal(r.ok, true);
        });

        it("can verify an HMAC-SHA256 signature when SignatureMethod=HmacSHA256", () => {
            // WHEN
            const r = verifyApi2Request(request(signed(common({ SignatureMethod: "HmacSHA256" }), "sha256")));
            // THEN
            assert.equal(r.ok, true);
        });

        it("fails when the host was signed without its port", () => {
            // GIVEN a signature over "127.0.0.1" while the request came to 127.0.0.1:8123
            const params = common();
            const sig = signApi2("POST", "127.0.0.1", PATH, params, CREDENTIAL.secretKey, "sha1");
            // WHEN
            const r = verifyApi2Request(request({ ...params, Signature: sig }));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the secret key is wrong", () => {
            // WHEN
            const r = verifyApi2Request(request(signed(common(), "sha1", "wrong")));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the SecretId is unknown", () => {
            // WHEN
            const r = verifyApi2Request(request(signed(common({ SecretId: "AKIDnobody" }))));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.SecretIdNotFound");
        });

        it("fails when the Timestamp is more than 5 minutes off", () => {
            // GIVEN a request signed 301 s before the emulator clock
            const r = verifyApi2Request(request(signed(common({ Timestamp: String(NOW / 1000 - 301) }))));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.SignatureExpire");
        });

        it("fails when a Nonce is replayed with the same Timestamp", () => {
            // GIVEN one accepted request
            const nonces = new NonceCache();
            const params = signed(common());
            assert.equal(verifyApi2Request(request(params, { nonces })).ok, true);
            // WHEN it is sent again
            const r = verifyApi2Request(request(params, { nonces }));
            // THEN
            assert.equal(!r.ok && r.code, "ReplayAttack");
        });

        it("can accept the same Nonce under another Timestamp", () => {
            // GIVEN
            const nonces = new NonceCache();
            verifyApi2Request(request(signed(common()), { nonces }));
            // WHEN
            const r = verifyApi2Request(request(signed(common({ Timestamp: String(NOW / 1000 + 1) })), { nonces }));
            // THEN
            assert.equal(r.ok, true);
        });

        it("fails when a common parameter is missing", () => {
            // GIVEN
            const params = common();
            delete params.Nonce;
            // WHEN
            const r = verifyApi2Request(request(signed(params)));
            // THEN
            assert.equal(!r.ok && r.code, "MissingParameter");
        });

        it("fails when SignatureMethod is not HmacSHA1 or HmacSHA256", () => {
            // WHEN
            const r = verifyApi2Request(request(signed(common({ SignatureMethod: "md5" }))));
            // THEN
            assert.equal(!r.ok && r.code, "InvalidParameter");
        });

        it("fails when temporary credentials come without their Token", () => {
            // GIVEN
            const params = signed(common({ SecretId: STS_CREDENTIAL.secretId }), "sha1", STS_CREDENTIAL.secretKey);
            // WHEN
            const r = verifyApi2Request(request(params));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.TokenFailure");
        });

        it("fails when temporary credentials have expired on the emulator clock", () => {
            // GIVEN an issued credential that expired at NOW
            const issued = { ...STS_CREDENTIAL, expiresAtMs: NOW };
            const params = signed(common({ SecretId: issued.secretId, Token: issued.token! }), "sha1", issued.secretKey);
            // WHEN
            const r = verifyApi2Request(request(params, { credentials: new Map([[issued.secretId, issued]]) }));
            // THEN
            assert.equal(!r.ok && r.code, "AuthFailure.TokenFailure");
            assert.match(!r.ok ? r.message : "", /expired/);
        });

        it("can verify temporary credentials with their Token", () => {
            // WHEN
            const params = signed(common({ SecretId: STS_CREDENTIAL.secretId, Token: STS_CREDENTIAL.token! }), "sha1", STS_CREDENTIAL.secretKey);
            // THEN
            assert.equal(verifyApi2Request(request(params)).ok, true);
        });
    });

    describe("over HTTP", () => {
        let h: TencentHarness;
        withTencentEmulator((harness) => (h = harness));

        it("can answer a form POST and a GET signed with the host:port", async () => {
            // GIVEN
            const post = await h.api2("DescribeVpnConn", {});
            // WHEN
            const get = await h.api2("DescribeVpnConn", {}, { method: "GET", signatureMethod: "HmacSHA256" });
            // THEN
            assert.equal(post.code, 0);
            assert.equal(get.code, 0);
        });

        it("fails with numeric code 4100 when the signature is wrong", async () => {
            // WHEN
            const r = await h.api2("DescribeVpnConn", {}, { secretKey: "wrong" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4100, "AuthFailure.SignatureFailure"]);
        });

        it("fails with numeric code 4104 when the SecretId is unknown", async () => {
            // WHEN
            const r = await h.api2("DescribeVpnConn", {}, { secretId: "AKIDnobody" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4104, "AuthFailure.SecretIdNotFound"]);
        });

        it("fails with numeric code 4500 when the Timestamp has expired", async () => {
            // WHEN
            const r = await h.api2("DescribeVpnConn", {}, { timestamp: Math.floor(Date.now() / 1000) - 600 });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4500, "AuthFailure.SignatureExpire"]);
        });

        it("fails with numeric code 4500 when a request is replayed", async () => {
            // GIVEN
            const options = { nonce: 99, timestamp: Math.floor(Date.now() / 1000) };
            await h.api2("DescribeVpnConn", {}, options);
            // WHEN
            const r = await h.api2("DescribeVpnConn", {}, options);
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4500, "ReplayAttack"]);
        });

        it("fails when the Region short code is unknown", async () => {
            // WHEN
            const r = await h.api2("DescribeVpnConn", {}, { region: "atlantis" });
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4000, "InvalidRegion"]);
        });

        it("fails when the Action does not exist", async () => {
            // WHEN
            const r = await h.api2("DescribeEverything", {});
            // THEN
            assert.deepEqual([r.code, r.codeDesc], [4000, "InvalidAction"]);
        });
    });
});
