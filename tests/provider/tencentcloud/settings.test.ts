import assert from "node:assert/strict";
import { setStackConfig } from "../../../provider/core/config";
import { ConfigurationError } from "../../../provider/core/errors";
import { configuredRegion, DEFAULT_VPC_ENDPOINT, DEFAULT_VPC_API2_ENDPOINT, resolveSettings } from "../../../provider/tencentcloud/settings";

const NAMES = ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_REGION", "TENCENTCLOUD_VPC_ENDPOINT", "TENCENTCLOUD_VPC_LEGACY_ENDPOINT", "TENCENTCLOUD_TAG_ENDPOINT"];

describe("tencentcloud settings", () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        for (const name of NAMES) {
            saved[name] = process.env[name];
            delete process.env[name];
        }
    });
    afterEach(() => {
        setStackConfig(undefined);
        for (const name of NAMES) {
            if (saved[name] === undefined) delete process.env[name];
            else process.env[name] = saved[name];
        }
    });

    it("can read credentials and endpoints from the environment, with the documented defaults", async () => {
        // GIVEN credentials, a token and a region in the environment only
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key", TENCENTCLOUD_SECURITY_TOKEN: "tok", TENCENTCLOUD_REGION: "ap-shanghai" });
        // WHEN settings are resolved
        const settings = resolveSettings();
        // THEN they come from the environment, and the endpoints are the public ones
        assert.deepEqual(await settings.credentials.current(), { secretId: "id", secretKey: "key", token: "tok" });
        assert.equal(settings.credentials.source, "the SecretId id (TENCENTCLOUD_SECRET_ID)");
        assert.equal(settings.endpoint.href, DEFAULT_VPC_ENDPOINT);
        assert.equal(settings.api2Endpoint.href, DEFAULT_VPC_API2_ENDPOINT);
        assert.equal(settings.tagEndpoint.href, "https://tag.tencentcloudapi.com/");
        assert.equal(configuredRegion(), "ap-shanghai");
    });

    it("can prefer the stack config over the environment", async () => {
        // GIVEN settings in both the environment and the stack config
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "env-id", TENCENTCLOUD_SECRET_KEY: "env-key", TENCENTCLOUD_REGION: "ap-shanghai" });
        const config: Record<string, string> = {
            "tencentcloud:secretId": "cfg-id",
            "tencentcloud:secretKey": "cfg-key",
            "tencentcloud:region": "ap-beijing",
            "pulumi-ipsec:tencentcloudVpcEndpoint": "http://127.0.0.1:9000/tencentcloud",
            "pulumi-ipsec:tencentcloudVpcLegacyEndpoint": "http://localhost:9000/v2/index.php",
            "pulumi-ipsec:tencentcloudTagEndpoint": "http://127.0.0.1:9000/tencentcloud/tag",
        };
        setStackConfig({ get: (key) => config[key] });
        // WHEN settings are resolved
        const settings = resolveSettings();
        // THEN the stack config's values win
        const credential = await settings.credentials.current();
        assert.equal(credential.secretId, "cfg-id");
        assert.equal(credential.secretKey, "cfg-key");
        assert.equal(settings.endpoint.href, "http://127.0.0.1:9000/tencentcloud");
        assert.equal(settings.api2Endpoint.pathname, "/v2/index.php");
        assert.equal(settings.tagEndpoint.href, "http://127.0.0.1:9000/tencentcloud/tag");
        assert.equal(configuredRegion(), "ap-beijing");
    });

    it("fails when credentials are missing, naming both ways to set them", () => {
        // GIVEN no credentials anywhere
        // WHEN settings are resolved
        // THEN a ConfigurationError names the variables and the config keys
        assert.throws(() => resolveSettings(), (e: Error) => e instanceof ConfigurationError && /TENCENTCLOUD_SECRET_ID.*tencentcloud:secretKey/.test(e.message));
    });

    it("fails when an endpoint uses plain http for a host that is not loopback", () => {
        // GIVEN an API 3.0 endpoint over plain http to a public host
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key", TENCENTCLOUD_VPC_ENDPOINT: "http://vpc.example.com/" });
        // WHEN settings are resolved
        // THEN the variable is named; and likewise the API 2.0 endpoint over http to a private address
        assert.throws(() => resolveSettings(), /TENCENTCLOUD_VPC_ENDPOINT.*only loopback/);
        process.env.TENCENTCLOUD_VPC_ENDPOINT = "https://vpc.example.com/";
        process.env.TENCENTCLOUD_VPC_LEGACY_ENDPOINT = "http://10.0.0.1/v2/index.php";
        assert.throws(() => resolveSettings(), /TENCENTCLOUD_VPC_LEGACY_ENDPOINT/);
        // AND the Tag endpoint over http to a public host
        process.env.TENCENTCLOUD_VPC_LEGACY_ENDPOINT = "https://vpc.example.com/v2/index.php";
        process.env.TENCENTCLOUD_TAG_ENDPOINT = "http://tag.example.com/";
        assert.throws(() => resolveSettings(), /TENCENTCLOUD_TAG_ENDPOINT.*only loopback/);
    });
});
