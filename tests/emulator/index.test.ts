import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { ControlClient, createAlicloudFrontEnd, startEmulator } from "../../emulator";
import type { EmulatorInfo, RunningEmulator } from "../../emulator";

describe("startEmulator", () => {
    let emulator: RunningEmulator<EmulatorInfo> | undefined;

    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    it("can serve both clouds' front ends by default, on 127.0.0.1", async () => {
        // WHEN
        emulator = await startEmulator();
        // THEN
        assert.deepEqual([emulator.frontEnd("alicloud")?.cloud, emulator.frontEnd("tencentcloud")?.cloud], ["alicloud", "tencentcloud"]);
        assert.equal(emulator.info.alicloud.endpoint, `${emulator.baseUrl}/alicloud`);
        assert.equal(emulator.info.tencentcloud?.endpoint, `${emulator.baseUrl}/tencentcloud`);
        assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("can serve only the front ends it is given", async () => {
        // WHEN
        emulator = await startEmulator({ frontEnds: [createAlicloudFrontEnd] });
        // THEN
        assert.equal(emulator.frontEnd("tencentcloud"), undefined);
        assert.equal(emulator.info.tencentcloud, undefined);
        assert.ok(emulator.info.alicloud);
    });

    it("can describe both clouds' STS in the info, each with a token file holding a valid JWT, removed on stop", async () => {
        // GIVEN
        emulator = await startEmulator();
        const { alicloud, tencentcloud } = emulator.info;
        // WHEN
        const tokens = [alicloud.sts.tokenFile, tencentcloud!.sts.tokenFile].map((file) => readFileSync(file, "utf8"));
        await emulator.stop();
        // THEN
        assert.deepEqual(alicloud.sts, {
            endpoint: `${emulator.baseUrl}/alicloud-sts`,
            roleArn: "acs:ram::1000000000000001:role/emulator-vpn-role",
            providerArn: "acs:ram::1000000000000001:oidc-provider/emulator-oidc",
            tokenFile: alicloud.sts.tokenFile,
            credentialsUri: `${emulator.baseUrl}/alicloud-sts/credentials-uri`,
        });
        assert.deepEqual(tencentcloud?.sts, {
            endpoint: `${emulator.baseUrl}/tencentcloud-sts`,
            roleArn: "qcs::cam::uin/100000000001:roleName/emulator-vpn-role",
            providerId: "emulator-oidc",
            tokenFile: tencentcloud?.sts.tokenFile,
        });
        assert.deepEqual(Object.keys(alicloud.stsToken).sort(), ["accessKeyId", "accessKeySecret", "securityToken"]);
        for (const token of tokens) {
            const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
            assert.deepEqual(Object.keys(claims).sort(), ["aud", "exp", "iat", "iss", "sub"]);
            assert.ok(claims.exp > Date.now() / 1000);
        }
        assert.equal(existsSync(alicloud.sts.tokenFile), false);
        assert.equal(existsSync(tencentcloud!.sts.tokenFile), false);
    });

    it("can merge a cloud's VPC and STS state and route its control calls to whichever front end serves them", async () => {
        // GIVEN
        emulator = await startEmulator();
        const control = new ControlClient(emulator.info.control);
        // WHEN
        const minted = await control.mintStsToken("tencentcloud", { expired: true });
        const state = await control.state<Record<string, Record<string, unknown>>>();
        // THEN
        assert.equal(readFileSync(emulator.info.tencentcloud!.sts.tokenFile, "utf8"), minted.token);
        assert.deepEqual(state.alicloud.sts, { issuedCredentials: 0, tokenFile: emulator.info.alicloud.sts.tokenFile });
        assert.ok(Array.isArray(state.alicloud.connections));
        assert.ok(state.tencentcloud.sts);
        assert.ok(state.tencentcloud.settings);
    });
});
