import assert from "node:assert/strict";
import { parseEndpoint } from "../../../provider/core/endpoint";
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
