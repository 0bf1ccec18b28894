import assert from "node:assert/strict";
import * as http from "node:http";
import { Client as TagClient } from "tencentcloud-sdk-nodejs/tencentcloud/services/tag/v20180813/tag_client";
import type { TencentStsInfo } from "../../../emulator";
import { createTencentFrontEnd } from "../../../emulator/tencentcloud/frontEnd";
import { createTencentStsFrontEnd } from "../../../emulator/tencentcloud/stsFrontEnd";
import { assumeRoleCredential, issuedKey, oidcCredential, stsCommonClient, webIdentityParams } from "./stsClients";
import { sdkError, startTencent, TRANSITION_MS } from "./support";
import type { TencentHarness } from "./support";

describe("Tencent STS front end (through tencentcloud-sdk-nodejs)", () => {
    let h: TencentHarness;
    let sts: TencentStsInfo;

    before(async () => {
        h = await startTencent({ transitionMs: TRANSITION_MS }, [createTencentFrontEnd, createTencentStsFrontEnd]);
        sts = (h.emulator.info.tencentcloud as { sts: TencentStsInfo }).sts;
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    /** AssumeRoleWithWebIdentity as OIDCRoleArnCredential sends it (`skipSign`), through a CommonClient that keeps error codes. */
    const webIdentity = (params: Parameters<typeof webIdentityParams>[1] = {}) =>
        stsCommonClient(sts, h.info.region).request("AssumeRoleWithWebIdentity", webIdentityParams(sts, params), { skipSign: true });

    it("can issue working VPC credentials for the emulator's OIDC token (OIDCRoleArnCredential)", async () => {
        // GIVEN
        const credential = oidcCredential(sts, h.info.region);
        // WHEN
        const issued = await issuedKey(credential);
        const answer = await h.client(issued).DescribeVpnConnections({});
        // THEN
        assert.match(issued.secretId, /^AKID/);
        assert.ok(issued.token);
        assert.equal(answer.TotalCount, 0);
    });

    it("can answer the documented AssumeRoleWithWebIdentity shape", async () => {
        // WHEN
        const answer = (await webIdentity()) as Record<string, any>;
        // THEN
        assert.deepEqual(Object.keys(answer).sort(), ["Credentials", "Expiration", "ExpiredTime", "RequestId"]);
        assert.deepEqual(Object.keys(answer.Credentials).sort(), ["TmpSecretId", "TmpSecretKey", "Token"]);
        assert.ok(Math.abs(answer.ExpiredTime - Date.now() / 1000 - 7200) < 5, "default DurationSeconds 7200");
        assert.equal(answer.Expiration, new Date(answer.ExpiredTime * 1000).toISOString().replace(".000Z", "Z"));
    });

    it("fails when the token has expired, with InvalidParameter.WebIdentityTokenError", async () => {
        // GIVEN
        await h.control.mintStsToken("tencentcloud", { expired: true });
        // WHEN
        const e = await sdkError(webIdentity());
        const wrapped = await sdkError(oidcCredential(sts, h.info.region).getCredential());
        // THEN
        assert.equal(e.code, "InvalidParameter.WebIdentityTokenError");
        assert.match(e.message, /expired/);
        assert.match(wrapped.message, /^Get STS AssumeRoleWithWebIdentity failed: WebIdentityToken is invalid/);
    });

    it("fails when the token is for another audience, with InvalidParameter.WebIdentityTokenError", async () => {
        // GIVEN
        await h.control.mintStsToken("tencentcloud", { wrongAudience: true });
        // WHEN
        const e = await sdkError(webIdentity());
        // THEN
        assert.equal(e.code, "InvalidParameter.WebIdentityTokenError");
        assert.match(e.message, /audience/);
    });

    it("fails when the role does not exist, with InternalError.GetRoleError", async () => {
        // WHEN
        const e = await sdkError(webIdentity({ RoleArn: "qcs::cam::uin/100000000001:roleName/nobody" }));
        // THEN
        assert.equal(e.code, "InternalError.GetRoleError");
    });

    it("fails when the identity provider is unknown, with InvalidParameter.ParamError", async () => {
        // WHEN
        const e = await sdkError(webIdentity({ ProviderId: "other-oidc" }));
        // THEN
        assert.equal(e.code, "InvalidParameter.ParamError");
    });

    it("fails when DurationSeconds is over 43200, with InvalidParameter.OverTimeError", async () => {
        // WHEN
        const e = await sdkError(webIdentity({ DurationSeconds: 43201 }));
        // THEN
        assert.equal(e.code, "InvalidParameter.OverTimeError");
    });

    it("fails when issued credentials are used past their expiry on the emulator clock, with AuthFailure.TokenFailure", async () => {
        // GIVEN credentials living 60 s (within the 5-minute signature window of the emulator clock)
        await h.control.settings({ stsCredentialLifetimeSeconds: 60 });
        const issued = await issuedKey(oidcCredential(sts, h.info.region));
        const client = h.client(issued);
        assert.equal((await client.DescribeVpnConnections({})).TotalCount, 0);
        // WHEN
        await h.control.advanceClock(61_000);
        // THEN
        const e = await sdkError(client.DescribeVpnConnections({}));
        assert.equal(e.code, "AuthFailure.TokenFailure");
        assert.match(e.message, /expired/);
    });

    it("fails when an issued SecretId comes without its token, with AuthFailure.TokenFailure", async () => {
        // GIVEN
        const issued = await issuedKey(oidcCredential(sts, h.info.region));
        // WHEN
        const e = await sdkError(h.client({ secretId: issued.secretId, secretKey: issued.secretKey }).DescribeVpnConnections({}));
        // THEN
        assert.equal(e.code, "AuthFailure.TokenFailure");
    });

    it("can chain AssumeRole (STSCredential) from the fixture key, then from the issued credentials", async () => {
        // GIVEN
        const first = await issuedKey(assumeRoleCredential(sts, h.info.region, { secretId: h.info.secretId, secretKey: h.info.secretKey }));
        // WHEN
        const second = await issuedKey(assumeRoleCredential(sts, h.info.region, first, { DurationSeconds: 900 }));
        const answer = await h.client(second).DescribeVpnConnections({});
        // THEN
        assert.notEqual(first.secretId, second.secretId);
        assert.equal(answer.TotalCount, 0);
        assert.deepEqual(await h.control.counters(), { "tencentcloud:AssumeRole": 2, "tencentcloud:DescribeVpnConnections": 1 });
    });

    it("fails when AssumeRole names an unknown role, with ResourceNotFound.RoleNotFound", async () => {
        // GIVEN
        const client = stsCommonClient(sts, h.info.region, { secretId: h.info.secretId, secretKey: h.info.secretKey });
        // WHEN
        const e = await sdkError(client.request("AssumeRole", { RoleArn: "qcs::cam::uin/100000000001:roleName/nobody", RoleSessionName: "x-session" }));
        // THEN
        assert.equal(e.code, "ResourceNotFound.RoleNotFound");
    });

    it("fails when AssumeRole is signed with a wrong secret, with AuthFailure.SignatureFailure", async () => {
        // GIVEN
        const client = stsCommonClient(sts, h.info.region, { secretId: h.info.secretId, secretKey: "not-the-secret" });
        // WHEN
        const e = await sdkError(client.request("AssumeRole", { RoleArn: sts.roleArn, RoleSessionName: "x-session" }));
        // THEN
        assert.equal(e.code, "AuthFailure.SignatureFailure");
    });

    it("fails when AssumeRole comes unsigned, with AuthFailure.InvalidAuthorization", async () => {
        // WHEN
        const e = await sdkError(stsCommonClient(sts, h.info.region).request("AssumeRole", { RoleArn: sts.roleArn, RoleSessionName: "x-session" }, { skipSign: true }));
        // THEN
        assert.equal(e.code, "AuthFailure.InvalidAuthorization");
    });

    it("can accept issued credentials on the Tag service too", async () => {
        // GIVEN
        const issued = await issuedKey(oidcCredential(sts, h.info.region));
        const agent = new http.Agent({ keepAlive: false });
        const tag = new TagClient({
            credential: issued,
            region: h.info.region,
            profile: { httpProfile: { endpoint: h.info.tagEndpoint.replace(/^http:\/\//, ""), protocol: "http://", reqTimeout: 5, agent } },
        });
        // WHEN
        const answer = await tag.DescribeResourceTags({}).finally(() => agent.destroy());
        // THEN
        assert.equal(answer.TotalCount, 0);
    });

    it("can keep the web identity token out of the request log", async () => {
        // GIVEN
        await webIdentity();
        // WHEN
        const [entry] = await h.control.requests();
        // THEN
        assert.equal(entry.action, "AssumeRoleWithWebIdentity");
        assert.equal(entry.params.WebIdentityToken, "***");
        assert.equal(entry.params.RoleArn, sts.roleArn);
    });
});
