/**
 * Alibaba STS (API 2015-04-01) actions: AssumeRole (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole)
 * and AssumeRoleWithOIDC (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerolewithoidc).
 * Both answer `{RequestId, AssumedRoleUser{Arn, AssumedRoleId}, Credentials{AccessKeyId, AccessKeySecret,
 * SecurityToken, Expiration}}`, OIDC adding `OIDCTokenInfo`; the credentials join the cloud's registry.
 * Error codes, statuses and messages: the STS error code table, https://help.aliyun.com/zh/ram/developer-reference/api-sts-2015-04-01-errorcodes,
 * the AssumeRole errors of https://www.alibabacloud.com/help/doc-detail/42775.htm, and the RRSA troubleshooting table
 * (IssuerNotMatch, EntityNotExist.Role messages) of https://help.aliyun.com/zh/ack/ack-managed-and-ack-dedicated/user-guide/use-rrsa-to-authorize-pods-to-access-different-cloud-services.
 */
import type { CredentialRegistry } from "../core/credentialRegistry";
import { issuedLifetimeSeconds, isoSeconds, randomAlphanumeric } from "../core/credentialRegistry";
import type { OidcIssuer } from "../core/oidcIssuer";
import type { OidcRejection } from "../core/oidcToken";
import type { EmulatorContext } from "../core/types";
import { AliApiError, missingParameter } from "./errors";
import type { AlicloudCredential } from "./fixtures";
import { ALICLOUD_OIDC_PROVIDER, ALICLOUD_STS_ROLE } from "./fixtures";

/** What an STS action runs against. */
export interface StsEnv {
    ctx: EmulatorContext;
    credentials: CredentialRegistry<AlicloudCredential>;
    issuer: OidcIssuer;
}

type Params = Readonly<Record<string, string>>;

/** DurationSeconds: 900 to the role's MaxSessionDuration, default 3600 (both actions' references). */
const MIN_DURATION_SECONDS = 900;
const DEFAULT_DURATION_SECONDS = 3600;

/**
 * RoleSessionName: letters, digits, `.`, `@`, `-`, `_` (https://www.alibabacloud.com/help/doc-detail/42775.htm, which gives
 * 2–32 characters; the emulator takes up to 64 [inferred], as newer references allow longer names).
 */
const ROLE_SESSION_NAME = /^[A-Za-z0-9.@_-]{2,64}$/;

/** The STS errors the table gives 401 for. */
const authenticationFail = (code: string, message: string) => new AliApiError(code, message, 401);

/** Each token check failure's documented code and message. */
const OIDC_REJECTIONS: Readonly<Record<OidcRejection, () => AliApiError>> = {
    malformed: () => authenticationFail("AuthenticationFail.OIDCToken.Invalid", "The Jwt content is invalid that cannot be recognized."),
    algorithm: () => authenticationFail("AuthenticationFail.OIDCToken.Invalid", "The algorithm that be specified in Jwt header is unknown."),
    signature: () => authenticationFail("AuthenticationFail.OIDCToken.InvalidSignature", "OIDC token validate failed: invalid signature."),
    issuer: () => authenticationFail("AuthenticationFail.OIDCToken.IssuerNotMatch", "The issuer in the OIDC Token doesn't match the OIDC Provider registered."),
    audience: () => authenticationFail("AuthenticationFail.OIDCToken.AudienceNotMatch", "Invalid audience."),
    expired: () => authenticationFail("AuthenticationFail.OIDCToken.Expired", "This JsonWebToken is expired."),
};

function required(params: Params, name: string): string {
    const value = params[name];
    if (value === undefined || value === "") throw missingParameter(name);
    return value;
}

/** The session's DurationSeconds (default 3600); outside 900..MaxSessionDuration it is `InvalidParameter.DurationSeconds`. */
function durationSeconds(params: Params): number {
    const raw = params.DurationSeconds;
    if (raw === undefined || raw === "") return DEFAULT_DURATION_SECONDS;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= MIN_DURATION_SECONDS && value <= ALICLOUD_STS_ROLE.maxSessionDurationSeconds)) {
        throw new AliApiError("InvalidParameter.DurationSeconds", `The Min/Max value of DurationSeconds is ${MIN_DURATION_SECONDS}s/${ALICLOUD_STS_ROLE.maxSessionDurationSeconds}s.`, 400);
    }
    return value;
}

function roleSessionName(params: Params): string {
    const name = required(params, "RoleSessionName");
    if (!ROLE_SESSION_NAME.test(name)) throw new AliApiError("InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.", 400);
    return name;
}

/** The one role the emulator knows; any other ARN is a role that does not exist ([inferred] 404). */
function checkRole(params: Params): string {
    const roleArn = required(params, "RoleArn");
    if (roleArn !== ALICLOUD_STS_ROLE.arn) throw new AliApiError("EntityNotExist.Role", `The role not exists: ${roleArn}.`, 404);
    return roleArn;
}

/** Issues a key pair living `duration` seconds (or the lifetime setting) and registers it. */
function issueKey(env: StsEnv, duration: number): Required<AlicloudCredential> {
    const credential = {
        accessKeyId: `STS.${randomAlphanumeric(24)}`,
        accessKeySecret: randomAlphanumeric(40),
        securityToken: `CAIS${randomAlphanumeric(120)}`,
        expiresAtMs: env.ctx.now() + issuedLifetimeSeconds(env.ctx, duration) * 1000,
    };
    env.credentials.add(credential);
    return credential;
}

/** The `Credentials` member of an answer (also the body of the credentials URI, with `Code`). */
function credentialsOf(credential: Required<AlicloudCredential>): Record<string, string> {
    return {
        AccessKeyId: credential.accessKeyId,
        AccessKeySecret: credential.accessKeySecret,
        SecurityToken: credential.securityToken,
        Expiration: isoSeconds(credential.expiresAtMs),
    };
}

/** Issues credentials for the role session: the body every successful AssumeRole* call shares. */
function issue(env: StsEnv, roleArn: string, sessionName: string, duration: number): Record<string, unknown> {
    return {
        AssumedRoleUser: { Arn: `${roleArn}/${sessionName}`, AssumedRoleId: `${ALICLOUD_STS_ROLE.roleId}:${sessionName}` },
        Credentials: credentialsOf(issueKey(env, duration)),
    };
}

/**
 * The answer of a credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`, read by `@alicloud/credentials`
 * `providers/uri.js`): `{Code, AccessKeyId, AccessKeySecret, SecurityToken, Expiration}` over a GET, fresh
 * credentials of the emulator's role for the default 3600 s.
 */
export function credentialsUri(_params: Params, env: StsEnv): Record<string, unknown> {
    return { Code: "Success", ...credentialsOf(issueKey(env, DEFAULT_DURATION_SECONDS)) };
}

/** AssumeRole, once the caller's RPC signature verified. */
export function assumeRole(params: Params, env: StsEnv): Record<string, unknown> {
    const roleArn = checkRole(params);
    const sessionName = roleSessionName(params);
    return issue(env, roleArn, sessionName, durationSeconds(params));
}

/** AssumeRoleWithOIDC: anonymous; the OIDC token is the proof. */
export function assumeRoleWithOidc(params: Params, env: StsEnv): Record<string, unknown> {
    const providerArn = required(params, "OIDCProviderArn");
    const token = params.OIDCToken ?? "";
    if (token === "") throw authenticationFail("AuthenticationFail.OIDCToken.Invalid", "The OIDCToken can not empty.");
    const roleArn = required(params, "RoleArn");
    const sessionName = roleSessionName(params);
    const duration = durationSeconds(params);
    if (providerArn !== ALICLOUD_OIDC_PROVIDER.arn) throw authenticationFail("AuthenticationFail.NoPermission", "No such OIDC Provider registered.");
    const check = env.issuer.check(token);
    if (!check.ok) throw OIDC_REJECTIONS[check.reason]();
    checkRole({ RoleArn: roleArn });
    const { claims } = check;
    return {
        ...issue(env, roleArn, sessionName, duration),
        OIDCTokenInfo: {
            Subject: claims.sub,
            Issuer: claims.iss,
            ClientIds: claims.aud,
            IssuanceTime: isoSeconds(claims.iat * 1000),
            ExpirationTime: isoSeconds(claims.exp * 1000),
        },
    };
}

/** The STS actions by name; AssumeRoleWithOIDC is the only one served unsigned. */
export const ALICLOUD_STS_ACTIONS: Readonly<Record<string, (params: Params, env: StsEnv) => Record<string, unknown>>> = {
    AssumeRole: assumeRole,
    AssumeRoleWithOIDC: assumeRoleWithOidc,
};

/** Actions a caller proves itself for with a token instead of a signature. */
export const UNSIGNED_STS_ACTIONS: ReadonlySet<string> = new Set(["AssumeRoleWithOIDC"]);
