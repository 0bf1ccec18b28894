import assert from "node:assert/strict";
import { cloudEnvironment, oidcEnvironment } from "../../emulator";
import { SAMPLE_EMULATOR_INFO } from "../support/emulatorInfo";

const INFO = SAMPLE_EMULATOR_INFO;

describe("cloudEnvironment", () => {
    it("can point both clouds at the emulator through the user-facing variables", () => {
        // WHEN the environment is built from the emulator info
        const env = cloudEnvironment(INFO);
        // THEN each provider setting names the emulator, with fast timing
        assert.equal(env.ALIBABA_CLOUD_VPC_ENDPOINT, INFO.alicloud.endpoint);
        assert.equal(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, "sk");
        assert.equal(env.TENCENTCLOUD_VPC_ENDPOINT, INFO.tencentcloud!.endpoint);
        assert.equal(env.TENCENTCLOUD_VPC_LEGACY_ENDPOINT, INFO.tencentcloud!.legacyEndpoint);
        assert.equal(env.TENCENTCLOUD_TAG_ENDPOINT, INFO.tencentcloud!.tagEndpoint);
        assert.equal(env.ALIBABA_CLOUD_STS_ENDPOINT, INFO.alicloud.sts.endpoint);
        assert.equal(env.TENCENTCLOUD_STS_ENDPOINT, INFO.tencentcloud!.sts.endpoint);
        assert.equal(env.PULUMI_IPSEC_MIN_DELAY_MS, "5");
    });

    it("can blank real security tokens so they never travel with the emulator's keys", () => {
        const env = cloudEnvironment(INFO);
        assert.equal(env.ALIBABA_CLOUD_SECURITY_TOKEN, "");
        assert.equal(env.ALICLOUD_SECURITY_TOKEN, "");
        assert.equal(env.TENCENTCLOUD_SECURITY_TOKEN, "");
        assert.equal(env.TENCENTCLOUD_SESSION_TOKEN, "");
    });

    it("can leave Tencent unset when its front end is not served", () => {
        assert.equal(cloudEnvironment({ ...INFO, tencentcloud: undefined }).TENCENTCLOUD_SECRET_ID, undefined);
    });
});

describe("oidcEnvironment", () => {
    it("can blank the keys and name each cloud's OIDC role, provider and token file as the libraries read them", () => {
        // WHEN the OIDC environment is layered over the emulator's
        const env = { ...cloudEnvironment(INFO), ...oidcEnvironment(INFO) };
        // THEN no key is left and both clouds' OIDC variables name the emulator's STS entries
        assert.deepEqual([env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.TENCENTCLOUD_SECRET_ID, env.TENCENTCLOUD_SECRET_KEY], ["", "", "", ""]);
        assert.deepEqual(
            [env.ALIBABA_CLOUD_ROLE_ARN, env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN, env.ALIBABA_CLOUD_OIDC_TOKEN_FILE],
            [INFO.alicloud.sts.roleArn, INFO.alicloud.sts.providerArn, INFO.alicloud.sts.tokenFile],
        );
        assert.deepEqual(
            [env.TKE_ROLE_ARN, env.TKE_PROVIDER_ID, env.TKE_WEB_IDENTITY_TOKEN_FILE, env.TKE_REGION],
            [INFO.tencentcloud!.sts.roleArn, INFO.tencentcloud!.sts.providerId, INFO.tencentcloud!.sts.tokenFile, INFO.tencentcloud!.region],
        );
    });
});
