import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { URICredentialsProvider } from "@alicloud/credentials";
import type { AlicloudStsInfo } from "../../../emulator";
import * as $Vpc from "@alicloud/vpc20160428";
import { openApiClient, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness, OpenApiError } from "./harness";
import { oidcProvider, ramRoleProvider, rejectsWithStsCode, staticKeyProvider } from "./stsClients";

describe("Alibaba STS front end (through @alicloud/credentials)", () => {
    let h: AlicloudHarness;
    let sts: AlicloudStsInfo;

    before(async () => {
        h = await startAlicloudHarness();
        sts = h.emulator.info.alicloud.sts;
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    /** DescribeVpnConnections on the VPC API with the given (temporary) credentials. */
    const describeWith = (credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string }) =>
        h.client(credentials).request<{ TotalCount: number }>("DescribeVpnConnections", { RegionId: h.info.regionId }, { method: "POST", timeout: 5000 });

    it("can issue working VPC credentials for the emulator's OIDC token", async () => {
        // GIVEN
        const provider = oidcProvider(sts);
        // WHEN
        const credentials = await provider.getCredentials();
        const answer = await describeWith(credentials);
        // THEN
        assert.match(credentials.accessKeyId, /^STS\./);
        assert.ok(credentials.securityToken);
        assert.equal(answer.TotalCount, 0);
    });

    it("can answer the documented AssumeRoleWithOIDC shape, OIDCTokenInfo included", async () => {
        // GIVEN
        const minted = await h.control.mintStsToken("alicloud");
        const form = new URLSearchParams({ OIDCProviderArn: sts.providerArn, OIDCToken: minted.token, RoleArn: sts.roleArn, RoleSessionName: "alice", DurationSeconds: "900" });
        // WHEN
        const response = await fetch(`${sts.endpoint}/?Version=2015-04-01&Action=AssumeRoleWithOIDC&Format=JSON`, { method: "POST", body: form });
        const body = (await response.json()) as Record<string, any>;
        // THEN
        assert.equal(response.status, 200);
        assert.deepEqual(Object.keys(body).sort(), ["AssumedRoleUser", "Credentials", "OIDCTokenInfo", "RequestId"]);
        assert.deepEqual(body.AssumedRoleUser, { Arn: `${sts.roleArn}/alice`, AssumedRoleId: `300000000000000001:alice` });
        assert.match(body.Credentials.Expiration, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.ok(Math.abs(Date.parse(body.Credentials.Expiration) - Date.now() - 900_000) < 5000);
        assert.deepEqual(Object.keys(body.Credentials).sort(), ["AccessKeyId", "AccessKeySecret", "Expiration", "SecurityToken"]);
        assert.equal(body.OIDCTokenInfo.Subject, minted.claims.sub);
        assert.equal(body.OIDCTokenInfo.Issuer, minted.claims.iss);
    });

    it("fails when the OIDC token has expired, with 401 AuthenticationFail.OIDCToken.Expired", async () => {
        // GIVEN
        const minted = await h.control.mintStsToken("alicloud", { expired: true });
        const form = new URLSearchParams({ OIDCProviderArn: sts.providerArn, OIDCToken: minted.token, RoleArn: sts.roleArn, RoleSessionName: "alice" });
        // WHEN
        const viaProvider = rejectsWithStsCode(oidcProvider(sts).getCredentials(), "AuthenticationFail.OIDCToken.Expired");
        const raw = await fetch(`${sts.endpoint}/?Version=2015-04-01&Action=AssumeRoleWithOIDC&Format=JSON`, { method: "POST", body: form });
        // THEN
        const body = await viaProvider;
        assert.equal(body.HostId, "sts.aliyuncs.com");
        assert.equal(raw.status, 401);
    });

    it("fails when the OIDC token is for another audience, with AuthenticationFail.OIDCToken.AudienceNotMatch", async () => {
        // GIVEN
        await h.control.mintStsToken("alicloud", { wrongAudience: true });
        // WHEN / THEN
        await rejectsWithStsCode(oidcProvider(sts).getCredentials(), "AuthenticationFail.OIDCToken.AudienceNotMatch");
    });

    it("fails when the OIDC token's signature is forged, with AuthenticationFail.OIDCToken.InvalidSignature", async () => {
        // GIVEN a token whose signature segment is another token's
        const [header, payload] = readFileSync(sts.tokenFile, "utf8").split(".");
        const other = (await h.control.mintStsToken("alicloud", { wrongAudience: true })).token.split(".")[2];
        const form = new URLSearchParams({ OIDCProviderArn: sts.providerArn, OIDCToken: `${header}.${payload}.${other}`, RoleArn: sts.roleArn, RoleSessionName: "alice" });
        // WHEN
        const body = (await (await fetch(`${sts.endpoint}/?Version=2015-04-01&Action=AssumeRoleWithOIDC&Format=JSON`, { method: "POST", body: form })).json()) as { Code: string };
        // THEN
        assert.equal(body.Code, "AuthenticationFail.OIDCToken.InvalidSignature");
    });

    it("fails when the role does not exist, with EntityNotExist.Role", async () => {
        // WHEN / THEN
        await rejectsWithStsCode(oidcProvider(sts, { roleArn: "acs:ram::1000000000000001:role/nobody" }).getCredentials(), "EntityNotExist.Role");
    });

    it("fails when the OIDC provider is not registered, with AuthenticationFail.NoPermission", async () => {
        // WHEN / THEN
        await rejectsWithStsCode(oidcProvider(sts, { providerArn: "acs:ram::1000000000000001:oidc-provider/other" }).getCredentials(), "AuthenticationFail.NoPermission");
    });

    it("fails when DurationSeconds exceeds the role's MaxSessionDuration, with InvalidParameter.DurationSeconds", async () => {
        // WHEN / THEN
        await rejectsWithStsCode(oidcProvider(sts, { durationSeconds: 7200 }).getCredentials(), "InvalidParameter.DurationSeconds");
    });

    it("fails when issued credentials are used past their expiry on the emulator clock, with InvalidSecurityToken.Expired", async () => {
        // GIVEN credentials living 60 s
        await h.control.settings({ stsCredentialLifetimeSeconds: 60 });
        const credentials = await oidcProvider(sts).getCredentials();
        assert.equal((await describeWith(credentials)).TotalCount, 0);
        // WHEN
        await h.control.advanceClock(61_000);
        // THEN
        await rejectsWithCode(describeWith(credentials), "InvalidSecurityToken.Expired");
    });

    it("fails when issued credentials sign with method V3 (the V2 SDK) past their expiry, with InvalidSecurityToken.Expired", async () => {
        // GIVEN
        await h.control.settings({ stsCredentialLifetimeSeconds: 60 });
        const vpc = openApiClient(h.info, "ACS3-HMAC-SHA256", await oidcProvider(sts).getCredentials());
        const request = () => vpc.describeVpnConnections(new $Vpc.DescribeVpnConnectionsRequest({ regionId: h.info.regionId }));
        assert.equal((await request()).body?.totalCount, 0);
        // WHEN
        await h.control.advanceClock(61_000);
        // THEN
        await rejectsWithCode<OpenApiError>(request(), "InvalidSecurityToken.Expired");
    });

    it("fails when an issued key comes with another token, with InvalidSecurityToken.MismatchWithAccessKey", async () => {
        // GIVEN
        const credentials = await oidcProvider(sts).getCredentials();
        // WHEN / THEN
        await rejectsWithCode(describeWith({ ...credentials, securityToken: h.info.stsToken.securityToken }), "InvalidSecurityToken.MismatchWithAccessKey");
        await rejectsWithCode(describeWith({ accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret }), "MissingSecurityToken");
    });

    it("can chain AssumeRole from the fixture AccessKey, then from the issued credentials", async () => {
        // GIVEN
        const fromFixture = ramRoleProvider(sts, staticKeyProvider(h.info.accessKeyId, h.info.accessKeySecret));
        const fromIssued = ramRoleProvider(sts, fromFixture, { roleSessionName: "second-hop" });
        // WHEN
        const first = await fromFixture.getCredentials();
        const second = await fromIssued.getCredentials();
        // THEN
        assert.notEqual(first.accessKeyId, second.accessKeyId);
        assert.equal((await describeWith(second)).TotalCount, 0);
        assert.deepEqual(await h.control.counters(), { "alicloud:AssumeRole": 2, "alicloud:DescribeVpnConnections": 1 });
    });

    it("fails when AssumeRole is signed with a wrong secret: the library finds its own string to sign echoed, as STS answers, and calls the secret invalid", async () => {
        // WHEN / THEN (@alicloud/credentials `providers/ram_role_arn.js` compares the echoed string to sign with its own)
        await assert.rejects(ramRoleProvider(sts, staticKeyProvider(h.info.accessKeyId, "not-the-secret")).getCredentials(), /the access key secret is invalid/);
    });

    it("can keep the OIDC token and the signature out of the request log", async () => {
        // GIVEN
        await oidcProvider(sts).getCredentials();
        await ramRoleProvider(sts, staticKeyProvider(h.info.accessKeyId, h.info.accessKeySecret)).getCredentials();
        // WHEN
        const [oidc, assume] = await h.control.requests();
        // THEN
        assert.equal(oidc.action, "AssumeRoleWithOIDC");
        assert.equal(oidc.params.OIDCToken, "***");
        assert.equal(oidc.outcome, "OK");
        assert.equal(assume.params.Signature, "***");
        assert.equal(assume.params.AccessKeyId, "***");
    });

    it("can serve ALIBABA_CLOUD_CREDENTIALS_URI: each GET answers fresh working credentials (URICredentialsProvider)", async () => {
        // GIVEN
        const provider = URICredentialsProvider.builder().withCredentialsURI(sts.credentialsUri).build();
        // WHEN
        const credentials = await provider.getCredentials();
        // THEN
        assert.match(credentials.accessKeyId, /^STS\./);
        assert.equal((await describeWith(credentials)).TotalCount, 0);
        assert.deepEqual(await h.control.counters(), { "alicloud:CredentialsURI": 1, "alicloud:DescribeVpnConnections": 1 });
    });

    it("can answer an injected fault on AssumeRoleWithOIDC in the STS envelope", async () => {
        // GIVEN
        await h.control.armFault({ cloud: "alicloud", action: "AssumeRoleWithOIDC", fault: { kind: "error", code: "Throttling.User" } });
        // WHEN
        const body = await rejectsWithStsCode(oidcProvider(sts).getCredentials(), "Throttling.User");
        // THEN
        assert.equal(body.HostId, "sts.aliyuncs.com");
        assert.equal((await oidcProvider(sts).getCredentials()).accessKeyId.slice(0, 4), "STS.");
    });

    it("can forget issued credentials on reset", async () => {
        // GIVEN
        const credentials = await oidcProvider(sts).getCredentials();
        // WHEN
        await h.control.reset();
        // THEN
        await rejectsWithCode(describeWith(credentials), "InvalidAccessKeyId.NotFound");
    });
});
