import assert from "node:assert/strict";
import { parseEndpoint, regionalEndpoint } from "../../../provider/core/endpoint";
import { ConfigurationError } from "../../../provider/core/errors";

describe("parseEndpoint", () => {
    it("can accept https anywhere and http on loopback", () => {
        // GIVEN https, loopback http and a bare host
        // WHEN parsed
        // THEN each is accepted, a bare host as https
        assert.equal(parseEndpoint("https://vpc.example.com", "X").host, "vpc.example.com");
        assert.equal(parseEndpoint("http://127.0.0.1:8080/alicloud", "X").pathname, "/alicloud");
        assert.equal(parseEndpoint("http://localhost:1", "X").hostname, "localhost");
        assert.equal(parseEndpoint("vpc.example.com", "X").protocol, "https:");
    });

    it("fails when plain http targets a non-loopback host, naming the setting", () => {
        // GIVEN plain http to a public host
        // WHEN parsed
        // THEN a ConfigurationError names the setting and the https to use
        assert.throws(() => parseEndpoint("http://vpc.example.com", "ALIBABA_CLOUD_VPC_ENDPOINT"), (error: unknown) => {
            assert.ok(error instanceof ConfigurationError);
            assert.match(error.message, /ALIBABA_CLOUD_VPC_ENDPOINT.*use https:\/\/vpc\.example\.com/);
            return true;
        });
    });

    it("fails when the endpoint embeds credentials", () => {
        // GIVEN an endpoint with a user and password
        // WHEN parsed
        // THEN it is refused
        assert.throws(() => parseEndpoint("https://user:pw@vpc.example.com", "X"), /must not contain credentials/);
    });

    it("fails for a refused endpoint every time, each error naming its own setting, while an accepted one is parsed once", () => {
        // GIVEN an endpoint already refused once, and one already accepted
        assert.throws(() => parseEndpoint("http://vpc.example.org", "FIRST"), /FIRST/);
        const first = parseEndpoint("https://vpc.example.org/v1", "X");
        // WHEN each is parsed again, from another setting
        // THEN the refused one is refused again under the new name, and the accepted one is the same URL
        assert.throws(() => parseEndpoint("http://vpc.example.org", "SECOND"), /SECOND/);
        assert.equal(parseEndpoint("https://vpc.example.org/v1", "Y"), first);
    });
});

describe("regionalEndpoint", () => {
    it("can build a regional endpoint from a region ID", () => {
        // GIVEN a product, a region ID and a domain
        // WHEN the endpoint is built
        // THEN the region is its own label of the host
        assert.equal(regionalEndpoint("vpc", "eu-central-1", "aliyuncs.com"), "https://vpc.eu-central-1.aliyuncs.com");
    });

    it("fails when the region is no region ID, before anything is built from it", () => {
        // GIVEN regions that would change the host, path or user of the URL, and an empty one
        // WHEN an endpoint is built from each
        // THEN each is refused as no region ID
        for (const region of ["attacker.example/", "evil.com#", "x@evil.com", "cn-hangzhou.evil.com", ""]) {
            assert.throws(() => regionalEndpoint("vpc", region, "aliyuncs.com"), (error: unknown) => {
                assert.ok(error instanceof ConfigurationError);
                assert.match(error.message, /is not a region ID/);
                return true;
            }, region);
        }
    });
});
