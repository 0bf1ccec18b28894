import assert from "node:assert/strict";
import { CredentialRegistry } from "../../../emulator/core/credentialRegistry";
import { OidcIssuer } from "../../../emulator/core/oidcIssuer";
import type { TencentError } from "../../../emulator/tencentcloud/errors";
import type { EmulatorCredential } from "../../../emulator/tencentcloud/fixtures";
import { OIDC_PROVIDER, STS_ROLE_ARN } from "../../../emulator/tencentcloud/fixtures";
import { assumeRole, assumeRoleWithWebIdentity } from "../../../emulator/tencentcloud/stsActions";
import type { TencentStsEnv } from "../../../emulator/tencentcloud/stsActions";
import { fakeContext } from "./support";

describe("Tencent STS actions", () => {
    let env: TencentStsEnv;
    beforeEach(() => {
        const ctx = fakeContext();
        env = { ctx, credentials: new CredentialRegistry<EmulatorCredential>((c) => c.secretId, []), issuer: new OidcIssuer({ cloud: "test", ...OIDC_PROVIDER }, ctx.now) };
    });
    afterEach(() => env.issuer.close());
    const refusedWith = (code: string) => (e: TencentError) => e.code === code;

    it("can register the credentials it issues, ExpiredTime being DurationSeconds ahead", () => {
        // WHEN
        const answer = assumeRole({ RoleArn: STS_ROLE_ARN, RoleSessionName: "alice", DurationSeconds: 900 }, env) as { Credentials: { TmpSecretId: string; Token: string }; ExpiredTime: number };
        // THEN
        const registered = env.credentials.get(answer.Credentials.TmpSecretId);
        assert.equal(registered?.token, answer.Credentials.Token);
        assert.equal(answer.ExpiredTime, (env.ctx.now() + 900_000) / 1000);
    });

    it("fails when DurationSeconds is not a positive integer, with InvalidParameter.ParamError", () => {
        // WHEN / THEN
        assert.throws(() => assumeRole({ RoleArn: STS_ROLE_ARN, RoleSessionName: "alice", DurationSeconds: 0 }, env), refusedWith("InvalidParameter.ParamError"));
        assert.throws(() => assumeRole({ RoleArn: STS_ROLE_ARN, RoleSessionName: "alice", DurationSeconds: "900" }, env), refusedWith("InvalidParameter.ParamError"));
    });

    it("fails when RoleSessionName is out of 2–128 characters of [\\w+=,.@-], with InvalidParameter.ParamError", () => {
        // WHEN / THEN
        assert.throws(() => assumeRole({ RoleArn: STS_ROLE_ARN, RoleSessionName: "a" }, env), refusedWith("InvalidParameter.ParamError"));
        assert.throws(() => assumeRole({ RoleArn: STS_ROLE_ARN, RoleSessionName: "a b" }, env), refusedWith("InvalidParameter.ParamError"));
    });

    it("fails when a required parameter is missing, with MissingParameter", () => {
        // WHEN / THEN
        assert.throws(() => assumeRole({ RoleSessionName: "alice" }, env), refusedWith("MissingParameter"));
        assert.throws(() => assumeRoleWithWebIdentity({ ProviderId: OIDC_PROVIDER.providerId, RoleArn: STS_ROLE_ARN, RoleSessionName: "alice" }, env), refusedWith("MissingParameter"));
    });

    it("fails when the web identity token is not a JWT, with InvalidParameter.WebIdentityTokenError", () => {
        // WHEN / THEN
        const params = { ProviderId: OIDC_PROVIDER.providerId, WebIdentityToken: "garbage", RoleArn: STS_ROLE_ARN, RoleSessionName: "alice" };
        assert.throws(() => assumeRoleWithWebIdentity(params, env), refusedWith("InvalidParameter.WebIdentityTokenError"));
    });
});
