import assert from "node:assert/strict";
import { chooseBase, resolveCredentials } from "../../../provider/alicloud/credentials";
import { ConfigurationError, CredentialError } from "../../../provider/core/errors";
import { stsStub, useCredentialEnv } from "../../support/credentialEnv";

const ISSUED = { AccessKeyId: "STS.issued", AccessKeySecret: "issued-secret", SecurityToken: "issued-token", Expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, "Z") };

describe("alicloud credentials", () => {
    const env = useCredentialEnv();

    it("can take each key from the stack config before the environment", async () => {
        // GIVEN the key ID in the environment and the secret in both
        Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret" });
        env.config({ "alicloud:secretKey": "config-secret" });
        // WHEN resolved
        const credentials = resolveCredentials();
        // THEN the config's secret and the environment's ID are used, and the source names the ID only
        assert.deepEqual(await credentials.provider.getCredentials(), { accessKeyId: "env-id", accessKeySecret: "config-secret", securityToken: undefined });
        assert.equal(credentials.source, "the access key env-id (ALIBABA_CLOUD_ACCESS_KEY_ID)");
    });

    it("can pick the OIDC role of the three environment variables when no key is set", () => {
        // GIVEN the variables a CI system's OIDC setup exports
        Object.assign(process.env, { ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/ci", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/gh", ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/tmp/token" });
        // WHEN the base source is chosen
        const base = chooseBase();
        // THEN it is the OIDC role
        assert.equal(base.kind, "oidc");
        assert.equal(base.source, "the OIDC role acs:ram::1:role/ci (ALIBABA_CLOUD_ROLE_ARN)");
    });

    it("can read a named profile of the Alibaba Cloud CLI's config through the library", async () => {
        // GIVEN two AK profiles in ~/.aliyun/config.json
        const profile = (name: string, id: string) => ({ name, mode: "AK", access_key_id: id, access_key_secret: `${id}-secret`, region_id: "cn-hangzhou" });
        env.writeHomeFile(".aliyun/config.json", JSON.stringify({ current: "dev", profiles: [profile("dev", "dev-id"), profile("prod", "prod-id")] }));
        // WHEN the provider's chain and a resource naming the other profile are resolved
        const chain = resolveCredentials();
        const chosen = resolveCredentials({ profile: "prod" });
        // THEN the chain takes the current profile, the resource its own
        assert.equal((await chain.provider.getCredentials()).accessKeyId, "dev-id");
        assert.equal((await chosen.provider.getCredentials()).accessKeyId, "prod-id");
        assert.equal(chosen.source, "the profile prod (credentials.profile)");
    });

    it("fails when no source is set, naming where to set one", () => {
        // GIVEN an empty environment, config and HOME
        // WHEN / THEN
        assert.throws(() => resolveCredentials(), (error: unknown) => error instanceof ConfigurationError && /ALIBABA_CLOUD_ACCESS_KEY_ID.*alicloud:accessKey.*alicloud:assumeRoleWithOidc/.test(error.message));
    });

    it("fails when alicloud:assumeRoleWithOidc is not an object or misses its role", () => {
        // GIVEN a string, then an object without roleArn
        // WHEN / THEN each names the key
        env.config({ "alicloud:assumeRoleWithOidc": "acs:ram::1:role/ci" });
        assert.throws(() => resolveCredentials(), /stack config alicloud:assumeRoleWithOidc must be an object/);
        env.config({ "alicloud:assumeRoleWithOidc": JSON.stringify({ oidcTokenFile: "/tmp/t", oidcProviderArn: "p" }) });
        assert.throws(() => resolveCredentials(), /stack config alicloud:assumeRoleWithOidc needs roleArn/);
    });

    it("fails when the STS endpoint is plain http to a remote host", () => {
        // GIVEN keys and a remote http STS endpoint
        Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret", ALIBABA_CLOUD_STS_ENDPOINT: "http://sts.example.com" });
        // WHEN / THEN
        assert.throws(() => resolveCredentials(), /ALIBABA_CLOUD_STS_ENDPOINT.*only loopback endpoints may use http/);
    });

    it("can assume a role over a loopback http STS endpoint, signing AssumeRole with the base keys", async () => {
        // GIVEN keys, a role to assume and an STS answering credentials
        const sts = await stsStub({ status: 200, body: JSON.stringify({ RequestId: "r1", Credentials: ISSUED }) });
        try {
            Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: "base-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "base-secret", ALIBABA_CLOUD_STS_ENDPOINT: sts.url });
            // WHEN a resource asks for the role
            const credentials = resolveCredentials({ assumeRole: { roleArn: "acs:ram::2:role/other", sessionName: "s1" } });
            const issued = await credentials.provider.getCredentials();
            // THEN the issued credentials are used, and the request went to the endpoint's path, signed by the base key
            assert.deepEqual(issued, { accessKeyId: "STS.issued", accessKeySecret: "issued-secret", securityToken: "issued-token" });
            assert.match(sts.requests[0].url, /^\/sts\/\?.*Action=AssumeRole.*AccessKeyId=base-id/);
            assert.match(sts.requests[0].body, /RoleArn=acs%3Aram%3A%3A2%3Arole%2Fother/);
            assert.equal(credentials.source, "the role acs:ram::2:role/other assumed with the access key base-id (ALIBABA_CLOUD_ACCESS_KEY_ID)");
            assert.deepEqual(credentials.secrets(), ["issued-secret", "issued-token"]);
        } finally {
            sts.close();
        }
    });

    it("fails with the STS error code and request ID, never the OIDC token", async () => {
        // GIVEN an OIDC token file and an STS refusing it
        const token = "eyJhbGciOiJIUzI1NiJ9.secret-oidc-token.sig";
        const tokenFile = env.writeHomeFile("token", token);
        const sts = await stsStub({ status: 400, body: JSON.stringify({ RequestId: "r-9", Code: "AuthenticationFail.OIDCToken.Expired", Message: `The token ${token} has expired.` }) });
        try {
            Object.assign(process.env, { ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/ci", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/gh", ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile, ALIBABA_CLOUD_STS_ENDPOINT: sts.url });
            // WHEN credentials are asked for
            const failure = await resolveCredentials().provider.getCredentials().then(() => undefined, (error: unknown) => error);
            // THEN a CredentialError carries the code and request ID, and the token is scrubbed
            assert.ok(failure instanceof CredentialError);
            assert.equal(failure.code, "AuthenticationFail.OIDCToken.Expired");
            assert.equal(failure.requestId, "r-9");
            assert.ok(!failure.message.includes(token), failure.message);
            assert.match(failure.message, /the OIDC role acs:ram::1:role\/ci \(ALIBABA_CLOUD_ROLE_ARN\)/);
        } finally {
            sts.close();
        }
    });

    it("fails without quoting an STS answer it cannot read, which may hold credentials", async () => {
        // GIVEN an STS whose 200 answer is cut short after the secret
        const sts = await stsStub({ status: 200, body: `{"RequestId":"r1","Credentials":{"AccessKeySecret":"leaked-secret"` });
        try {
            Object.assign(process.env, { ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "secret", ALIBABA_CLOUD_STS_ENDPOINT: sts.url });
            env.config({ "alicloud:assumeRole": JSON.stringify({ roleArn: "acs:ram::2:role/x" }) });
            // WHEN credentials are asked for
            const failure = await resolveCredentials().provider.getCredentials().then(() => undefined, (error: unknown) => error);
            // THEN the error names the source and not the body
            assert.ok(failure instanceof CredentialError);
            assert.ok(!failure.message.includes("leaked-secret"), failure.message);
            assert.match(failure.message, /the role acs:ram::2:role\/x assumed with/);
        } finally {
            sts.close();
        }
    });

    it("can take credentials from ALIBABA_CLOUD_CREDENTIALS_URI through the library", async () => {
        // GIVEN a credentials URI answering temporary credentials, and nothing else set
        const uri = await stsStub({ status: 200, body: JSON.stringify({ Code: "Success", ...ISSUED }) });
        try {
            process.env.ALIBABA_CLOUD_CREDENTIALS_URI = uri.url;
            // WHEN resolved
            const credentials = resolveCredentials();
            // THEN the URI's credentials are used
            assert.deepEqual(await credentials.provider.getCredentials(), { accessKeyId: "STS.issued", accessKeySecret: "issued-secret", securityToken: "issued-token" });
            assert.equal(credentials.source, "ALIBABA_CLOUD_CREDENTIALS_URI");
        } finally {
            uri.close();
        }
    });
});
