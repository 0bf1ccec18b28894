import assert from "node:assert/strict";
import { parseEndpoint, regionalEndpoint } from "../../../provider/core/endpoint";
import { ConfigurationError } from "../../../provider/core/errors";

describe("parseEndpoint", () => {
    it("can accept https anywhere and http on loopback", () => {
        assert.equal(parseEndpoint("https://vpc.example.com", "X").host, "vpc.example.com");
        assert.equal(parseEndpoint("http://127.0.0.1:8080/alicloud", "X").pathname, "/alicloud");
        assert.equal(parseEndpoint("http://localhost:1", "X").hostname, "localhost");
        assert.equal(parseEndpoint("vpc.example.com", "X").protocol, "https:");
    });

    it("fails when plain http targets a non-loopback host, naming the setting", () => {
        assert.throws(() => parseEndpoint("http://vpc.example.com", "ALIBABA_CLOUD_VPC_ENDPOINT"), (error: unknown) => {
            assert.ok(error instanceof ConfigurationError);
            assert.match(error.message, /ALIBABA_CLOUD_VPC_ENDPOINT.*use https:\/\/vpc\.example\.com/);
            return true;
        });
    });

    it("fails when the endpoint embeds credentials", () => {
        assert.throws(() => parseEndpoint("https://user:pw@vpc.example.com", "X"), /must not contain credentials/);
    });
});

describe("regionalEndpoint", () => {
    it("can build a regional endpoint from a region ID", () => {
        assert.equal(regionalEndpoint("vpc", "eu-central-1", "aliyuncs.com"), "https://vpc.eu-central-1.aliyuncs.com");
    });

    it("fails when the region is no region ID, before anything is built from it", () => {
        for (const region of ["attacker.example/", "evil.com#", "x@evil.com", "cn-hangzhou.evil.com", ""]) {
            assert.throws(() => regionalEndpoint("vpc", region, "aliyuncs.com"), (error: unknown) => {
                assert.ok(error instanceof ConfigurationError);
                assert.match(error.message, /is not a region ID/);
                return true;
            }, region);
        }
    });
});
