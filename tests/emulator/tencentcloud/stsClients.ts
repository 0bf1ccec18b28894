/**
 * The REAL tencentcloud-sdk-nodejs STS credentials (`tencentcloud/common/credential.js`: OIDCRoleArnCredential,
 * STSCredential) and a CommonClient for raw STS calls, pointed at the emulator's `/tencentcloud-sts` over http.
 * The credential classes wrap STS errors in a plain `Error` (message only); the CommonClient keeps the code.
 */
import * as http from "http";
import { readFileSync } from "fs";
import { CommonClient } from "tencentcloud-sdk-nodejs/tencentcloud/common/common_client";
import { BasicCredential, OIDCRoleArnCredential, STSCredential } from "tencentcloud-sdk-nodejs/tencentcloud/common/credential";
import type { TencentStsInfo } from "../../../emulator";

/** One agent per process: without one the SDK routes through $http_proxy (`tencentcloud/common/http/fetch.js`). */
const agent = new http.Agent({ keepAlive: false });

/** The client configuration of an STS call: `httpProfile.endpoint` is the STS endpoint without its scheme. */
export function stsClientConfig(info: TencentStsInfo, region: string, credential = new BasicCredential("", "")) {
    return {
        credential,
        region,
        profile: { httpProfile: { endpoint: info.endpoint.replace(/^http:\/\//, ""), protocol: "http://", reqTimeout: 5, agent } },
    };
}

/** Parameters of AssumeRoleWithWebIdentity; each defaults to the emulator's own value (the token: the token file's). */
export interface WebIdentityParams {
    ProviderId?: string;
    WebIdentityToken?: string;
    RoleArn?: string;
    RoleSessionName?: string;
    DurationSeconds?: number;
}

export function webIdentityParams(info: TencentStsInfo, params: WebIdentityParams = {}): Required<Omit<WebIdentityParams, "DurationSeconds">> & WebIdentityParams {
    return {
        ProviderId: info.providerId,
        WebIdentityToken: readFileSync(info.tokenFile, "utf8"),
        RoleArn: info.roleArn,
        RoleSessionName: "emulator-test",
        ...params,
    };
}

/** The SDK's OIDC credential provider for the emulator's provider, role and current token. */
export function oidcCredential(info: TencentStsInfo, region: string, params: WebIdentityParams = {}): OIDCRoleArnCredential {
    return new OIDCRoleArnCredential(stsClientConfig(info, region), webIdentityParams(info, params));
}

/** The SDK's AssumeRole credential provider signing with `credential`. */
export function assumeRoleCredential(info: TencentStsInfo, region: string, credential: { secretId: string; secretKey: string; token?: string }, params: { RoleArn?: string; DurationSeconds?: number } = {}): STSCredential {
    const basic = new BasicCredential(credential.secretId, credential.secretKey, credential.token);
    return new STSCredential(stsClientConfig(info, region, basic), { RoleArn: info.roleArn, RoleSessionName: "emulator-chain", ...params });
}

/** A CommonClient on STS 2018-08-13: raw calls whose errors keep their `code`. */
export function stsCommonClient(info: TencentStsInfo, region: string, credential?: { secretId: string; secretKey: string; token?: string }): CommonClient {
    const basic = credential ? new BasicCredential(credential.secretId, credential.secretKey, credential.token) : undefined;
    return new CommonClient(info.endpoint.replace(/^http:\/\//, ""), "2018-08-13", stsClientConfig(info, region, basic));
}

/** An issued key pair with its token. */
export interface IssuedKey {
    secretId: string;
    secretKey: string;
    token: string;
}

/** What a credential provider resolves to, checked complete. */
export async function issuedKey(provider: { getCredential(): Promise<{ secretId?: string; secretKey?: string; token?: string }> }): Promise<IssuedKey> {
    const { secretId, secretKey, token } = await provider.getCredential();
    if (!secretId || !secretKey || !token) throw new Error("the provider resolved to an incomplete credential");
    return { secretId, secretKey, token };
}
