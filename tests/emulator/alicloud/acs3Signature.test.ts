import assert from "node:assert/strict";
import { buildAcs3CanonicalRequest, canonicalQueryString, computeAcs3Signature, parseAcs3Authorization, sha256Hex } from "../../../emulator/alicloud/acs3Signature";
import { signAcs3 } from "./acs3Signer";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("computeAcs3Signature", () => {
    it("can reproduce the signature of the documented RunInstances example", () => {
        // GIVEN the example request of the V3 signature topic (RunInstances, x-acs-date 2023-10-26T09:01:01Z, nonce
        // d410180a…, https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature) and
        // the secret "YourAccessKeySecret"; the Authorization sample of
        // https://help.aliyun.com/zh/model-studio/user-guide/roa-style-request-body-signature-mechanism carries its signature
        const request = {
            method: "POST",
            canonicalUri: "/",
            query: "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
            headers: {
                host: "ecs.cn-shanghai.aliyuncs.com",
                "x-acs-action": "RunInstances",
                "x-acs-version": "2014-05-26",
                "x-acs-date": "2023-10-26T09:01:01Z",
                "x-acs-signature-nonce": "d410180a5abf7fe235dd9b74aca91fc0",
                "x-acs-content-sha256": EMPTY_SHA256,
            },
            signedHeaders: ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"],
            payloadHash: EMPTY_SHA256,
        };
        // WHEN
        const signature = computeAcs3Signature(request, "YourAccessKeySecret");
        // THEN
        assert.equal(signature, "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804");
    });

    it("can agree with an independent signer written from the documented algorithm", () => {
        // GIVEN a request with characters that need encoding, in the query and the form body
        const signed = signAcs3("CreateVpnConnection", {
            endpoint: "http://127.0.0.1:9/alicloud",
            accessKeyId: "id",
            accessKeySecret: "secret",
            query: { Name: "vpn 连接*(test)~", RegionId: "cn-hangzhou", Empty: "" },
            form: { IkeConfig: '{"Psk":"a!b"}' },
            nonce: "n-1",
            date: "2024-01-01T00:00:00Z",
        });
        const fields = parseAcs3Authorization(signed.headers.authorization)!;
        // WHEN
        const signature = computeAcs3Signature(
            { method: "POST", canonicalUri: "/", query: new URL(signed.url).search.slice(1), headers: signed.headers, signedHeaders: fields.signedHeaders, payloadHash: sha256Hex(signed.body) },
            "secret",
        );
        // THEN
        assert.equal(signature, fields.signature);
    });
});

describe("canonicalQueryString", () => {
    it("can sort by name then value, encode per RFC 3986 and keep empty values as name=", () => {
        // WHEN
        const canonical = canonicalQueryString("b=2&a=x+y&B=1&a=%2A&c=&d=~!");
        // THEN upper-case names sort first; equal names sort by value
        assert.equal(canonical, "B=1&a=%2A&a=x%20y&b=2&c=&d=~%21");
    });

    it("can leave an empty query empty", () => {
        // WHEN / THEN
        assert.equal(canonicalQueryString(""), "");
    });
});

describe("buildAcs3CanonicalRequest", () => {
    it("can list signed headers lower-case and sorted, with trimmed values, whatever order the client gave", () => {
        // GIVEN
        const request = { method: "post", canonicalUri: "/", query: "", headers: { "x-acs-b": "  two ", host: "h", "x-acs-a": "one" }, signedHeaders: ["x-acs-b", "host", "x-acs-a"], payloadHash: EMPTY_SHA256 };
        // WHEN
        const canonical = buildAcs3CanonicalRequest(request);
        // THEN
        assert.equal(canonical, `POST\n/\n\nhost:h\nx-acs-a:one\nx-acs-b:two\n\nhost;x-acs-a;x-acs-b\n${EMPTY_SHA256}`);
    });
});

describe("parseAcs3Authorization", () => {
    it("can read the algorithm, Credential, SignedHeaders and Signature", () => {
        // WHEN
        const fields = parseAcs3Authorization("ACS3-HMAC-SHA256 Credential=LTAI1,SignedHeaders=host;X-Acs-Date, Signature=abc");
        // THEN
        assert.deepEqual(fields, { algorithm: "ACS3-HMAC-SHA256", accessKeyId: "LTAI1", signedHeaders: ["host", "x-acs-date"], signature: "abc" });
    });

    it("fails when a field is missing, empty, repeated or unknown", () => {
        // GIVEN
        const malformed = [
            "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host",
            "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=s",
            "ACS3-HMAC-SHA256 Credential=a,Credential=b,SignedHeaders=host,Signature=s",
            "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=s,Extra=x",
            "ACS3-HMAC-SHA256",
            "",
        ];
        // WHEN / THEN
        assert.deepEqual(
            malformed.map(parseAcs3Authorization),
            malformed.map(() => undefined),
        );
    });
});
