/**
 * Tencent Cloud STS (API 2018-08-13) actions: AssumeRole (https://www.tencentcloud.com/document/api/1150/49456)
 * and AssumeRoleWithWebIdentity (https://www.tencentcloud.com/document/api/1150/49454). Both answer
 * `{Credentials{Token, TmpSecretId, TmpSecretKey}, ExpiredTime (Unix seconds), Expiration (ISO-8601 UTC), RequestId}`
 * (tencentcloud-sdk-nodejs `services/sts/v20180813/sts_models.d.ts`); the credentials join the cloud's registry.
 * Error codes: each action's list in TencentCloud/tencentcloud-sdk-go `tencentcloud/sts/v20180813/client.go`
 * (meanings in its `errors.go`); the choice of code among them is marked INFERRED where the lists do not say.
 */
import type { CredentialRegistry } from "../core/credentialRegistry";
import { issuedLifetimeSeconds, isoSeconds, randomAlphanumeric } from "../core/credentialRegistry";
import type { OidcIssuer } from "../core/oidcIssuer";
import type { OidcRejection } from "../core/oidcToken";
import type { EmulatorContext } from "../core/types";
import { TencentError } from "./errors";
import type { EmulatorCredential } from "./fixtures";
import { OIDC_PROVIDER, STS_ROLE_ARN } from "./fixtures";
import { missing } from "./params";
import type { Params } from "./params";

/** What an STS action runs against. */
export interface TencentStsEnv {
    ctx: EmulatorContext;
    credentials: CredentialRegistry<EmulatorCredential>;
    issuer: OidcIssuer;
}

/** DurationSeconds: default 7200, at most 43200 (both references). */
const DEFAULT_DURATION_SECONDS = 7200;
const MAX_DURATION_SECONDS = 43200;

/** RoleSessionName: 2–128 characters matching `[\w+=,.@-]*` (the AssumeRole reference). */
const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,128}$/;

/** Why the token was refused, in the message of `InvalidParameter.WebIdentityTokenError` ("WebIdentityToken参数错误", the one token code). */
const TOKEN_PROBLEMS: Readonly<Record<OidcRejection, string>> = {
    malformed: "the token is not a JWT",
    algorithm: "the token's algorithm is not supported",
    signature: "the token's signature does not verify",
    issuer: "the token's issuer is not the provider's",
    audience: "the token's audience is not the provider's client id",
    expired: "the token has expired",
};

function requiredString(params: Params, name: string): string {
    const value = params[name];
    if (value === undefined || value === null || value === "") throw missing(name);
    if (typeof value !== "string") throw new TencentError("InvalidParameter.ParamError", `\`${name}\` must be a string.`);
    return value;
}

/** DurationSeconds over 43200 is `InvalidParameter.OverTimeError` ("过期时间超过阈值"); a non-positive or non-integer one `InvalidParameter.ParamError` (INFERRED). */
function durationSeconds(params: Params): number {
    const value = params.DurationSeconds;
    if (value === undefined || value === null) return DEFAULT_DURATION_SECONDS;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new TencentError("InvalidParameter.ParamError", "`DurationSeconds` must be a positive integer.");
    if (value > MAX_DURATION_SECONDS) throw new TencentError("InvalidParameter.OverTimeError", `\`DurationSeconds\` may be at most ${MAX_DURATION_SECONDS}.`);
    return value;
}

function roleSessionName(params: Params): string {
    const name = requiredString(params, "RoleSessionName");
    if (!ROLE_SESSION_NAME.test(name)) throw new TencentError("InvalidParameter.ParamError", "`RoleSessionName` must be 2 to 128 characters of letters, digits and =,.@_-.");
    return name;
}

/** Issues a key pair for the session and registers it; the body both actions answer. */
function issue(env: TencentStsEnv, duration: number): Params {
    const expiresAtMs = env.ctx.now() + issuedLifetimeSeconds(env.ctx, duration) * 1000;
    const credential = env.credentials.add({
        secretId: `AKID${randomAlphanumeric(32)}`,
        secretKey: randomAlphanumeric(32),
        token: randomAlphanumeric(160),
        expiresAtMs,
    });
    return {
        Credentials: { Token: credential.token, TmpSecretId: credential.secretId, TmpSecretKey: credential.secretKey },
        ExpiredTime: Math.floor(expiresAtMs / 1000),
        Expiration: isoSeconds(expiresAtMs),
    };
}

/** AssumeRole, once the caller's TC3 signature verified; an unknown role is `ResourceNotFound.RoleNotFound` ("账号对应的角色不存在"). */
export function assumeRole(params: Params, env: TencentStsEnv): Params {
    const roleArn = requiredString(params, "RoleArn");
    roleSessionName(params);
    const duration = durationSeconds(params);
    if (roleArn !== STS_ROLE_ARN) throw new TencentError("ResourceNotFound.RoleNotFound", `The role \`${roleArn}\` does not exist.`);
    return issue(env, duration);
}

/**
 * AssumeRoleWithWebIdentity: unsigned; the OIDC token is the proof. An unknown provider is
 * `InvalidParameter.ParamError` (INFERRED), an unknown role `InternalError.GetRoleError` ("获取角色失败", the
 * action's one role code).
 */
export function assumeRoleWithWebIdentity(params: Params, env: TencentStsEnv): Params {
    const providerId = requiredString(params, "ProviderId");
    const token = requiredString(params, "WebIdentityToken");
    const roleArn = requiredString(params, "RoleArn");
    roleSessionName(params);
    const duration = durationSeconds(params);
    if (providerId !== OIDC_PROVIDER.providerId) throw new TencentError("InvalidParameter.ParamError", `The identity provider \`${providerId}\` does not exist.`);
    const check = env.issuer.check(token);
    if (!check.ok) throw new TencentError("InvalidParameter.WebIdentityTokenError", `WebIdentityToken is invalid: ${TOKEN_PROBLEMS[check.reason]}.`);
    if (roleArn !== STS_ROLE_ARN) throw new TencentError("InternalError.GetRoleError", `The role \`${roleArn}\` could not be found.`);
    return issue(env, duration);
}

/** The STS actions by name. */
export const TENCENT_STS_ACTIONS: Readonly<Record<string, (params: Params, env: TencentStsEnv) => Params>> = {
    AssumeRole: assumeRole,
    AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
};

/**
 * Actions sent unsigned: "当使用签名方法 V3 调用本接口时，请求头无须传入 X-TC-Token, 但 Authorization 需要传入值 SKIP"
 * (tencentcloud-sdk-go `sts/v20180813/client.go`; tencentcloud-sdk-nodejs sends `Authorization: SKIP` for `skipSign`,
 * `tencentcloud/common/http/http_connection.js`).
 */
export const UNSIGNED_STS_ACTIONS: ReadonlySet<string> = new Set(["AssumeRoleWithWebIdentity"]);
