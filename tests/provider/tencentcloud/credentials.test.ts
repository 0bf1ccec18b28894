import assert from "node:assert/strict";
import { chooseBase, resolveCredentials } from "../../../provider/tencentcloud/credentials";
import { ConfigurationError, CredentialError } from "../../../provider/core/errors";
import { stsStub, useCredentialEnv } from "../../support/credentialEnv";

const expiresIn = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
const issued = (seconds = 3600) =>
    JSON.stringify({ Response: { Credentials: { TmpSecretId: "AKIDtmp", TmpSecretKey: "tmp-key", Token: "tmp-token" }, ExpiredTime: expiresIn(seconds), Expiration: "", RequestId: "r1" } });

describe("tencentcloud credentials", () => {
    const env = useCredentialEnv();

    it("can read the SDK's session token variable as well as the Terraform provider's", async () => {
        // GIVEN keys and the SDK's token variable
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key", TENCENTCLOUD_SESSION_TOKEN: "tok" });
        // WHEN resolved
        const credentials = resolveCredentials();
        // THEN the token is used
        assert.deepEqual(await credentials.current(), { secretId: "id", secretKey: "key", token: "tok" });
    });

    it("can pick the web-identity role of the four TKE variables when no key is set", () => {
        // GIVEN the variables an OIDC setup exports
        Object.assign(process.env, { TKE_ROLE_ARN: "qcs::cam::uin/1:roleName/ci", TKE_PROVIDER_ID: "gh", TKE_WEB_IDENTITY_TOKEN_FILE: "/tmp/t", TKE_REGION: "ap-guangzhou" });
        // WHEN / THEN
        const base = chooseBase();
        assert.equal(base.kind, "webIdentity");
        assert.equal(base.source, "the OIDC role qcs::cam::uin/1:roleName/ci (TKE_ROLE_ARN)");
    });

    it("can read the [default] profile of ~/.tencentcloud/credentials through the SDK", async () => {
        // GIVEN a profile file
        env.writeHomeFile(".tencentcloud/credentials", "[default]\nsecret_id = AKIDfile\nsecret_key = file-key\n");
        // WHEN resolved
        const credentials = resolveCredentials();
        // THEN its keys are used
        assert.deepEqual(await credentials.current(), { secretId: "AKIDfile", secretKey: "file-key", token: undefined });
    });

    it("fails when no source is set, naming where to set one", () => {
        // GIVEN nothing set
        // WHEN / THEN
        assert.throws(() => resolveCredentials(), (error: unknown) => error instanceof ConfigurationError && /TENCENTCLOUD_SECRET_ID.*tencentcloud:secretId.*TKE_ROLE_ARN/.test(error.message));
    });

    it("fails when tencentcloud:assumeRoleWithWebIdentity has no token, naming the key", () => {
        // GIVEN a web-identity block without token or token file
        env.config({ "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({ roleArn: "qcs::cam::uin/1:roleName/ci", providerId: "gh" }) });
        // WHEN / THEN
        assert.throws(() => resolveCredentials(), /stack config tencentcloud:assumeRoleWithWebIdentity needs webIdentityTokenFile/);
    });

    it("fails when tencentcloud:assumeRole asks for a lifetime outside 900–43200 s", () => {
        // GIVEN keys and an assume-role block with a one-minute session
        Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "id", TENCENTCLOUD_SECRET_KEY: "key" });
        env.config({ "tencentcloud:assumeRole": JSON.stringify({ roleArn: "qcs::cam::uin/1:roleName/x", sessionDuration: 60 }) });
        // WHEN / THEN
        assert.throws(() => resolveCredentials(), /tencentcloud:assumeRole: sessionDuration must be an integer from 900 to 43200/);
    });

    it("can assume a role over a loopback http STS endpoint with the base keys", async () => {
        // GIVEN keys, a role to assume and an STS answering credentials
        const sts = await stsStub({ status: 200, body: issued() });
        try {
            Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "AKIDbase", TENCENTCLOUD_SECRET_KEY: "base-key", TENCENTCLOUD_STS_ENDPOINT: sts.url });
            // WHEN a resource asks for the role
            const credentials = resolveCredentials({ assumeRole: { roleArn: "qcs::cam::uin/2:roleName/other" } });
            // THEN the issued credentials are used, and AssumeRole went to the endpoint signed by the base key
            assert.deepEqual(await credentials.current(), { secretId: "AKIDtmp", secretKey: "tmp-key", token: "tmp-token" });
            assert.equal(sts.requests.length, 1);
            assert.match(sts.requests[0].body, /"RoleArn":"qcs::cam::uin\/2:roleName\/other"/);
            assert.equal(credentials.source, "the role qcs::cam::uin/2:roleName/other assumed with the SecretId AKIDbase (TENCENTCLOUD_SECRET_ID)");
        } finally {
            sts.close();
        }
    });

    it("can renew web-identity credentials a minute before they expire, not 0.6 s before", async () => {
        // GIVEN an OIDC token file and an STS whose first credentials expire in 30 s, the next in an hour
        const tokenFile = env.writeHomeFile("token", "oidc-token");
        const sts = await stsStub({ status: 200, body: issued(30) }, { status: 200, body: issued(3600) });
        try {
            env.config({ "tencentcloud:assumeRoleWithWebIdentity": JSON.stringify({ roleArn: "qcs::cam::uin/1:roleName/ci", providerId: "gh", webIdentityTokenFile: tokenFile }) });
            process.env.TENCENTCLOUD_STS_ENDPOINT = sts.url;
            // WHEN credentials are asked for
            const credential = await resolveCredentials().current();
            // THEN the 30-second ones were renewed at once, with the token from the file
            assert.equal(sts.requests.length, 2);
            assert.equal(credential.secretId, "AKIDtmp");
            assert.match(sts.requests[0].body, /"WebIdentityToken":"oidc-token"/);
        } finally {
            sts.close();
        }
    });

    it("fails with a CredentialError naming the source, never the OIDC token", async () => {
        // GIVEN an STS refusing the token, quoting it
        const token = "secret-web-identity-token";
        const tokenFile = env.writeHomeFile("token", token);
        const sts = await stsStub({ status: 200, body: JSON.stringify({ Response: { Error: { Code: "InvalidParameter.WebIdentityTokenError", Message: `bad token ${token}` }, RequestId: "r-2" } }) });
        try {
            Object.assign(process.env, { TKE_ROLE_ARN: "qcs::cam::uin/1:roleName/ci", TKE_PROVIDER_ID: "gh", TKE_WEB_IDENTITY_TOKEN_FILE: tokenFile, TKE_REGION: "ap-guangzhou", TENCENTCLOUD_STS_ENDPOINT: sts.url });
            // WHEN credentials are asked for
            const failure = await resolveCredentials().current().then(() => undefined, (error: unknown) => error);
            // THEN the error names the source and hides the token
            assert.ok(failure instanceof CredentialError);
            assert.ok(!failure.message.includes(token), failure.message);
            assert.match(failure.message, /Tencent Cloud credentials from the OIDC role qcs::cam::uin\/1:roleName\/ci \(TKE_ROLE_ARN\) could not be obtained/);
        } finally {
            sts.close();
        }
    });
});
