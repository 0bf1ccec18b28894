import assert from "node:assert/strict";
import { CredentialRegistry } from "../../../emulator/core/credentialRegistry";
import { OidcIssuer } from "../../../emulator/core/oidcIssuer";
import { mintOidcToken, newSigningKey } from "../../../emulator/core/oidcToken";
import type { EmulatorContext } from "../../../emulator/core/types";
import { AliApiError } from "../../../emulator/alicloud/errors";
import type { AlicloudCredential } from "../../../emulator/alicloud/fixtures";
import { ALICLOUD_OIDC_PROVIDER, ALICLOUD_STS_ROLE } from "../../../emulator/alicloud/fixtures";
import { assumeRole, assumeRoleWithOidc } from "../../../emulator/alicloud/stsActions";
import type { StsEnv } from "../../../emulator/alicloud/stsActions";

describe("Alibaba STS actions", () => {
    const now = Date.UTC(2026, 0, 1);
    const ctx: EmulatorContext = { now: () => now, settings: { transitionMs: 0, connectionQuotaPerGateway: 0, latencyMs: 0 }, newRequestId: () => "id" };
    let env: StsEnv;
    beforeEach(() => {
        env = { ctx, credentials: new CredentialRegistry<AlicloudCredential>((c) => c.accessKeyId, []), issuer: new OidcIssuer({ cloud: "test", ...ALICLOUD_OIDC_PROVIDER }, ctx.now) };
    });
    afterEach(() => env.issuer.close());

    const oidcParams = (extra: Record<string, string> = {}) => ({
        OIDCProviderArn: ALICLOUD_OIDC_PROVIDER.arn,
        OIDCToken: env.issuer.mint().token,
        RoleArn: ALICLOUD_STS_ROLE.arn,
        RoleSessionName: "alice",
        ...extra,
    });
    const refusedWith = (code: string, status?: number) => (e: AliApiError) => e.code === code && (status === undefined || e.httpStatus === status);

    it("can register the credentials it issues, expiring after DurationSeconds (default 3600)", () => {
        // WHEN
        const answer = assumeRole({ RoleArn: ALICLOUD_STS_ROLE.arn, RoleSessionName: "alice" }, env) as { Credentials: { AccessKeyId: string; Expiration: string } };
        // THEN
        assert.equal(env.credentials.get(answer.Credentials.AccessKeyId)?.expiresAtMs, now + 3600_000);
        assert.equal(answer.Credentials.Expiration, "2026-01-01T01:00:00Z");
    });

    for (const duration of ["899", "3601", "15m"]) {
        it(`fails when DurationSeconds is ${duration}, with 400 InvalidParameter.DurationSeconds`, () => {
            // WHEN / THEN
            assert.throws(() => assumeRole({ RoleArn: ALICLOUD_STS_ROLE.arn, RoleSessionName: "alice", DurationSeconds: duration }, env), refusedWith("InvalidParameter.DurationSeconds", 400));
        });
    }

    it("fails when RoleSessionName is too short or has other characters, with InvalidParameter.RoleSessionName", () => {
        // WHEN / THEN
        assert.throws(() => assumeRole({ RoleArn: ALICLOUD_STS_ROLE.arn, RoleSessionName: "a" }, env), refusedWith("InvalidParameter.RoleSessionName"));
        assert.throws(() => assumeRole({ RoleArn: ALICLOUD_STS_ROLE.arn, RoleSessionName: "a*b" }, env), refusedWith("InvalidParameter.RoleSessionName"));
    });

    it("fails when a required parameter is missing, with Missing<Name>", () => {
        // WHEN / THEN
        assert.throws(() => assumeRole({ RoleSessionName: "alice" }, env), refusedWith("MissingRoleArn"));
        assert.throws(() => assumeRoleWithOidc({ ...oidcParams(), OIDCProviderArn: "" }, env), refusedWith("MissingOIDCProviderArn"));
    });

    it("fails when the OIDC token is empty or not a JWT, with 401 AuthenticationFail.OIDCToken.Invalid", () => {
        // WHEN / THEN
        assert.throws(() => assumeRoleWithOidc(oidcParams({ OIDCToken: "" }), env), refusedWith("AuthenticationFail.OIDCToken.Invalid", 401));
        assert.throws(() => assumeRoleWithOidc(oidcParams({ OIDCToken: "not.a-jwt" }), env), refusedWith("AuthenticationFail.OIDCToken.Invalid", 401));
    });

    it("fails when another issuer signed the token, with AuthenticationFail.OIDCToken.InvalidSignature", () => {
        // GIVEN a token with the right claims under another key
        const claims = { iss: ALICLOUD_OIDC_PROVIDER.issuer, aud: ALICLOUD_OIDC_PROVIDER.audience, sub: "x", iat: now / 1000, exp: now / 1000 + 60 };
        // WHEN / THEN
        assert.throws(() => assumeRoleWithOidc(oidcParams({ OIDCToken: mintOidcToken(newSigningKey(), claims) }), env), refusedWith("AuthenticationFail.OIDCToken.InvalidSignature", 401));
    });

    it("can honour the stsCredentialLifetimeSeconds setting over DurationSeconds", () => {
        // GIVEN
        const short = { ...env, ctx: { ...ctx, settings: { ...ctx.settings, stsCredentialLifetimeSeconds: 5 } } };
        // WHEN
        const answer = assumeRoleWithOidc(oidcParams(), short) as { Credentials: { AccessKeyId: string } };
        // THEN
        assert.equal(env.credentials.get(answer.Credentials.AccessKeyId)?.expiresAtMs, now + 5000);
    });
});
