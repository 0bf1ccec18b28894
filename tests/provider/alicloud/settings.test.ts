import assert from "node:assert/strict";
import { setStackConfig } from "../../../provider/core/config";
import { resetCredentialProviders } from "../../../provider/core/credentials";
import { ConfigurationError } from "../../../provider/core/errors";
import { configuredRegion, defaultEndpoint, resolveSettings } from "../../../provider/alicloud/settings";

const NAMES = ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_REGION", "ALICLOUD_REGION", "ALIBABA_CLOUD_VPC_ENDPOINT", "ALIBABA_CLOUD_SECURITY_TOKEN"];

describe("alicloud settings", () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        for (const name of NAMES) {
            saved[name] = process.env[name];
            delete process.env[name];
        }
        setStackConfig(undefined);
        resetCredentialProviders();
    });
    afterEach(() => {
        for (const name of NAMES) {
            if (saved[name] === undefined) delete process.env[name];
            else process.env[name] = saved[name];
        }
        setStackConfig(undefined);
    });

    it("can read credentials from the aliases and the stack config, config first", async () => {
        // GIVEN legacy env aliases and a stack config secret key
        process.env.ALICLOUD_ACCESS_KEY = "env-id";
        process.env.ALICLOUD_SECRET_KEY = "env-secret";
        setStackConfig({ get: (key) => ({ "alicloud:secretKey": "config-secret", "alicloud:region": "cn-beijing" })[key] });
        // WHEN resolved
        const settings = resolveSettings("cn-beijing");
        // THEN config wins over env, env fills the rest
        const credentials = await settings.credentials.provider.getCredentials();
        assert.equal(credentials.accessKeyId, "env-id");
        assert.equal(credentials.accessKeySecret, "config-secret");
        assert.equal(settings.credentials.source, "the access key env-id (ALICLOUD_ACCESS_KEY)");
        assert.equal(settings.endpoint, "https://vpc.aliyuncs.com");
        assert.equal(configuredRegion(), "cn-beijing");
    });

    it("fails when credentials are missing, naming where to set them", () => {
        // GIVEN no credentials in the environment or the stack config
        // WHEN settings are resolved
        // THEN a ConfigurationError names the variables and the config keys
        assert.throws(() => resolveSettings("cn-hangzhou"), (error: unknown) => {
            assert.ok(error instanceof ConfigurationError);
            assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_ID.*alicloud:accessKey/);
            return true;
        });
    });

    it("fails when the endpoint override is plain http to a remote host", () => {
        // GIVEN credentials and an endpoint override over plain http to a public host
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "id";
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "secret";
        process.env.ALIBABA_CLOUD_VPC_ENDPOINT = "http://vpc.example.com";
        // WHEN settings are resolved
        // THEN the endpoint is refused
        assert.throws(() => resolveSettings("cn-hangzhou"), /only loopback endpoints may use http/);
    });

    it("can pick the regional endpoint for regions outside the central list", () => {
        // GIVEN a region without the central endpoint
        // WHEN its default endpoint is picked
        // THEN it is the region's own host
        assert.equal(defaultEndpoint("eu-central-1"), "https://vpc.eu-central-1.aliyuncs.com");
    });

    it("fails when the region of a default endpoint would make up another host", () => {
        // GIVEN credentials, no endpoint override, and a region that ends the host name
        process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "id";
        process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "secret";
        // WHEN settings are resolved for that region
        // THEN no endpoint is resolved for it
        assert.throws(() => resolveSettings("attacker.example/"), (error: unknown) => {
            assert.ok(error instanceof ConfigurationError);
            assert.match(error.message, /region "attacker\.example\/" is not a region ID/);
            return true;
        });
    });
});
