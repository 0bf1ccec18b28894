import assert from "node:assert/strict";
import { buildStringToSign, canonicalizeParams, computeSignature, percentEncode, verifySignature } from "../../../emulator/alicloud/signature";
import { signRpcParams } from "./rpcSigner";

describe("percentEncode", () => {
    it("can encode per RFC 3986: space %20, * %2A, ~ kept, upper-case hex", () => {
        // WHEN / THEN
        assert.equal(percentEncode("a b*c~d"), "a%20b%2Ac~d");
        assert.equal(percentEncode("!'()"), "%21%27%28%29");
        assert.equal(percentEncode("/=&+,"), "%2F%3D%26%2B%2C");
        assert.equal(percentEncode("AZaz09-_."), "AZaz09-_.");
    });

    it("can encode non-ASCII characters as their UTF-8 bytes", () => {
        // WHEN / THEN
        assert.equal(percentEncode("连接"), "%E8%BF%9E%E6%8E%A5");
        assert.equal(percentEncode("😀"), "%F0%9F%98%80");
    });
});

describe("canonicalizeParams", () => {
    it("can sort by name in byte order and leave out Signature", () => {
        // GIVEN
        const params = { b: "2", a: "x y", B: "1", Signature: "ignored" };
        // WHEN
        const canonical = canonicalizeParams(params);
        // THEN upper-case letters sort before lower-case ones
        assert.equal(canonical, "B=1&a=x%20y&b=2");
    });
});

describe("buildStringToSign", () => {
    it("can build METHOD&%2F&encode(canonical)", () => {
        // WHEN
        const stringToSign = buildStringToSign("POST", { Action: "X", Name: "a b" });
        // THEN the canonical string is encoded once more
        assert.equal(stringToSign, "POST&%2F&Action%3DX%26Name%3Da%2520b");
    });
});

describe("computeSignature", () => {
    it("can agree with an independent signer written from the documented algorithm", () => {
        // GIVEN a request with characters that need encoding
        const signed = signRpcParams(
            "CreateVpnConnection",
            { Name: "vpn 连接*(test)~", IkeConfig: '{"Psk":"a!b"}' },
            { accessKeyId: "id", accessKeySecret: "secret", nonce: "n-1", timestamp: "2024-01-01T00:00:00Z" },
        );
        // WHEN
        const signature = computeSignature("POST", signed, "secret");
        // THEN
        assert.equal(signature, signed.Signature);
    });

    it("can sign the method: the same parameters signed for GET differ", () => {
        // GIVEN
        const params = { Action: "A" };
        // WHEN / THEN
        assert.notEqual(computeSignature("GET", params, "s"), computeSignature("POST", params, "s"));
    });
});

describe("verifySignature", () => {
    it("fails when a parameter was changed after signing", () => {
        // GIVEN
        const signed = signRpcParams("DescribeVpnConnections", { RegionId: "cn-hangzhou" }, { accessKeyId: "id", accessKeySecret: "secret" });
        // WHEN
        const tampered = { ...signed, RegionId: "cn-beijing" };
        // THEN
        assert.equal(verifySignature("POST", signed, "secret", signed.Signature), true);
        assert.equal(verifySignature("POST", tampered, "secret", signed.Signature), false);
    });

    it("fails when the secret differs", () => {
        // GIVEN
        const signed = signRpcParams("DescribeVpnConnections", {}, { accessKeyId: "id", accessKeySecret: "secret" });
        // WHEN / THEN
        assert.equal(verifySignature("POST", signed, "other", signed.Signature), false);
        assert.equal(verifySignature("POST", signed, "secret", "short"), false);
    });
});
