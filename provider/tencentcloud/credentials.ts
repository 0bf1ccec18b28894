/**
 * Tencent Cloud credentials through tencentcloud-sdk-nodejs' own providers
 * (`tencentcloud/common/credential.js`): the first source set, in this order (static keys, then
 * roles, then the profile file, as the Tencent Cloud provider looks for them; each setting's
 * stack config key before its environment variables):
 *
 *  1. a key pair: `tencentcloud:secretId` + `tencentcloud:secretKey` (+ `tencentcloud:securityToken`),
 *     or `TENCENTCLOUD_SECRET_ID` + `TENCENTCLOUD_SECRET_KEY` (+ `TENCENTCLOUD_SECURITY_TOKEN` /
 *     `TENCENTCLOUD_SESSION_TOKEN`)
 *  2. an OIDC token exchanged for a CAM role (AssumeRoleWithWebIdentity, `OIDCRoleArnCredential`):
 *     `tencentcloud:assumeRoleWithWebIdentity`, or `TKE_ROLE_ARN` + `TKE_PROVIDER_ID` +
 *     `TKE_WEB_IDENTITY_TOKEN_FILE` + `TKE_REGION`
 *  3. the CVM instance's CAM role (`CvmRoleCredential`): `tencentcloud:camRoleName`,
 *     `TENCENTCLOUD_CAM_ROLE_NAME` (the SDK reads the role's name from the metadata service)
 *  4. the `[default]` profile of `~/.tencentcloud/credentials` or `/etc/tencentcloud/credentials`
 *     (`ProfileCredential`; the SDK reads no other profile)
 *
 * A resource's `credentials.assumeRole`, else `tencentcloud:assumeRole`, is assumed on top of the
 * base (AssumeRole, `STSCredential`). The SDK asks for credentials before every request and renews
 * temporary ones when they are about to expire.
 */
import { existsSync, readFileSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { findSetting, lookupSetting } from "../core/config";
import {
    AssumeRoleChoice,
    assumeRoleSetting,
    credentialFailure,
    CredentialChoice,
    DEFAULT_SESSION_NAME,
    DEFAULT_SESSION_SECONDS,
    objectSetting,
    providerFor,
    secondsIn,
    stringIn,
    stsEndpoint,
    tokenFileSecrets,
} from "../core/credentials";
import { ConfigurationError } from "../core/errors";
import { SETTINGS, TENCENTCLOUD_OIDC_ENV } from "../core/settingKeys";
import { agentFor } from "./transport";

export interface TencentCredential {
    secretId: string;
    secretKey: string;
    token?: string;
}

export interface TencentcloudCredentials {
    /** The source in words, for messages and read-view scopes: no secret. */
    source: string;
    /** The credentials to sign with now; throws a CredentialError when the source fails. */
    current(): Promise<TencentCredential>;
    /** What the SDK clients take as `credential` (a `DynamicCredential`). */
    sdkCredential: { getCredential(): Promise<TencentCredential> };
    /** The secrets handed out last, to scrub from error messages. */
    secrets(): string[];
}

type Base =
    | { kind: "static"; secretId: string; secretKey: string; token?: string; source: string }
    | { kind: "webIdentity"; roleArn?: string; providerId?: string; tokenFile?: string; token?: string; sessionName?: string; durationSeconds?: number; source: string }
    | { kind: "cvmRole"; source: string }
    | { kind: "profile"; source: string };

/**
 * Renew web-identity credentials this long before they expire. `OIDCRoleArnCredential` keeps a
 * margin of 600 (`expirationReservationTime`), which it compares with milliseconds: 0.6 s, too
 * short for a request signed now to arrive in time. It asks again while what it got is within the
 * margin, so the margin stays well below the shortest lifetime STS grants (900 s).
 */
export const RENEW_BEFORE_EXPIRY_MS = 60 * 1000;

/** The credentials a call uses: the resource's choice, else the chain in the module comment. */
export function resolveCredentials(choice?: CredentialChoice): TencentcloudCredentials {
    const base = chooseBase();
    const role = choice?.assumeRole ?? assumeRoleSetting(SETTINGS.tencentcloudAssumeRole, "sessionDuration");
    const sts = stsEndpoint(SETTINGS.tencentcloudStsEndpoint, "the Tencent Cloud STS endpoint");
    const source = role ? `the role ${role.roleArn} assumed with ${base.source}` : base.source;
    return providerFor("tencentcloud", [base, role, sts], () => {
        const library = require("tencentcloud-sdk-nodejs/tencentcloud/common/credential");
        const clientConfig = stsClientConfig(sts);
        let credential = buildBase(library, base, clientConfig);
        if (role) credential = assumeRole(library, credential, role, clientConfig);
        return guarded(credential, source, () => tokenOf(base));
    });
}

/** Fixed credentials (a key pair, or temporary ones with their token), e.g. for a client built by hand. */
export function staticCredentials(secretId: string, secretKey: string, token?: string): TencentcloudCredentials {
    return guarded({ getCredential: async () => ({ secretId, secretKey, token }) }, `the SecretId ${secretId}`, () => []);
}

/** Steps 1–4 of the module comment. */
export function chooseBase(env: NodeJS.ProcessEnv = process.env): Base {
    const { tencentcloudSecretId, tencentcloudSecretKey, tencentcloudSecurityToken, tencentcloudCamRoleName } = SETTINGS;
    const secretId = findSetting(tencentcloudSecretId, env);
    const secretKey = lookupSetting(tencentcloudSecretKey, env);
    if (secretId && secretKey) {
        return { kind: "static", secretId: secretId.value, secretKey, token: lookupSetting(tencentcloudSecurityToken, env), source: `the SecretId ${secretId.value} (${secretId.source})` };
    }
    const configured = objectSetting(SETTINGS.tencentcloudAssumeRoleWithWebIdentity);
    if (configured) return webIdentityFromConfig(configured.value, configured.source);
    if (TENCENTCLOUD_OIDC_ENV.every((name) => env[name])) {
        return { kind: "webIdentity", source: `the OIDC role ${env[TENCENTCLOUD_OIDC_ENV[0]]} (${TENCENTCLOUD_OIDC_ENV[0]})` };
    }
    const camRole = findSetting(tencentcloudCamRoleName, env);
    if (camRole) return { kind: "cvmRole", source: `the CVM instance's CAM role (${camRole.source})` };
    const profile = [join(homedir(), ".tencentcloud", "credentials"), "/etc/tencentcloud/credentials"].find((file) => existsSync(file));
    if (profile) return { kind: "profile", source: `the [default] profile of ${profile}` };
    throw new ConfigurationError(
        `Tencent Cloud credentials are missing: set ${tencentcloudSecretId.env[0]} and ${tencentcloudSecretKey.env[0]}, ` +
            `or the stack config ${tencentcloudSecretId.key} and ${tencentcloudSecretKey.key} (--secret), or another source the README lists under Credentials ` +
            `(${SETTINGS.tencentcloudAssumeRoleWithWebIdentity.key}, ${TENCENTCLOUD_OIDC_ENV.join(" + ")}, ${tencentcloudCamRoleName.key})`,
    );
}

/**
 * `tencentcloud:assumeRoleWithWebIdentity`, with the Tencent Cloud provider's field names (roleArn,
 * sessionName, sessionDuration, providerId, webIdentityToken), plus `webIdentityTokenFile`: the file
 * a CI system writes its token to (read when the provider is built).
 */
function webIdentityFromConfig(value: Record<string, unknown>, source: string): Base {
    const roleArn = stringIn(value, "roleArn", source, true)!;
    const tokenFile = stringIn(value, "webIdentityTokenFile", source);
    const token = stringIn(value, "webIdentityToken", source);
    if (!token && !tokenFile) throw new ConfigurationError(`${source} needs webIdentityTokenFile (or webIdentityToken)`);
    return {
        kind: "webIdentity",
        roleArn,
        providerId: stringIn(value, "providerId", source, true),
        tokenFile,
        token,
        sessionName: stringIn(value, "sessionName", source),
        durationSeconds: secondsIn(value, "sessionDuration", source),
        source: `the OIDC role ${roleArn} (${source})`,
    };
}

type Library = any;
type DynamicCredential = { getCredential(): Promise<TencentCredential> };

/** The STS client's profile: the endpoint override (host and path, as for the VPC endpoints) and its agent. */
function stsClientConfig(sts: ReturnType<typeof stsEndpoint>): Record<string, unknown> {
    if (!sts) return {};
    const url = new URL(`${sts.http ? "http" : "https"}://${sts.host}`);
    return { profile: { httpProfile: { endpoint: sts.host, protocol: `${url.protocol}//`, agent: agentFor(url) } } };
}

function buildBase(library: Library, base: Base, clientConfig: Record<string, unknown>): DynamicCredential {
    switch (base.kind) {
        case "static":
            return { getCredential: async () => ({ secretId: base.secretId, secretKey: base.secretKey, token: base.token }) };
        case "webIdentity": {
            const credential = base.roleArn
                ? new library.OIDCRoleArnCredential(
                      { credential: { secretId: "", secretKey: "" }, region: process.env.TKE_REGION || "ap-guangzhou", ...clientConfig },
                      {
                          RoleArn: base.roleArn,
                          RoleSessionName: base.sessionName ?? DEFAULT_SESSION_NAME,
                          ProviderId: base.providerId,
                          WebIdentityToken: base.token ?? readToken(base.tokenFile!, base.source),
                          DurationSeconds: base.durationSeconds ?? DEFAULT_SESSION_SECONDS,
                      },
                  )
                : // Without arguments it reads the TKE_* variables itself (and the token file on every renewal).
                  new library.OIDCRoleArnCredential(clientConfig);
            credential.expirationReservationTime = RENEW_BEFORE_EXPIRY_MS;
            return credential;
        }
        case "cvmRole":
            return new library.CvmRoleCredential();
        case "profile":
            return new library.ProfileCredential();
    }
}

function assumeRole(library: Library, previous: DynamicCredential, role: AssumeRoleChoice, clientConfig: Record<string, unknown>): DynamicCredential {
    const params: Record<string, unknown> = {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName ?? DEFAULT_SESSION_NAME,
        DurationSeconds: role.durationSeconds ?? DEFAULT_SESSION_SECONDS,
    };
    if (role.policy) params.Policy = role.policy;
    if (role.externalId) params.ExternalId = role.externalId;
    return new library.STSCredential({ credential: previous, ...clientConfig }, params);
}

/** The OIDC token of a configured token file (read when the provider is built: the SDK takes the token itself, not a file). */
function readToken(file: string, source: string): string {
    try {
        return readFileSync(file, "utf8").trim();
    } catch (error) {
        throw new ConfigurationError(`${source}: the webIdentityTokenFile ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
    }
}

/** The OIDC token a failure must not quote. */
function tokenOf(base: Base): string[] {
    if (base.kind === "webIdentity" && base.token) return [base.token];
    return tokenFileSecrets(base.kind === "webIdentity" ? (base.tokenFile ?? process.env.TKE_WEB_IDENTITY_TOKEN_FILE) : undefined);
}

function guarded(credential: DynamicCredential, source: string, moreSecrets: () => string[]): TencentcloudCredentials {
    let last: string[] = [];
    const current = async (): Promise<TencentCredential> => {
        let got: TencentCredential;
        try {
            got = await credential.getCredential();
        } catch (error) {
            throw credentialFailure("tencentcloud", source, error, [...last, ...moreSecrets()]);
        }
        if (!got?.secretId || !got.secretKey) throw credentialFailure("tencentcloud", source, new Error(`${source} holds no SecretId and SecretKey`), []);
        last = [got.secretKey, got.token].filter((s): s is string => typeof s === "string" && s !== "");
        return { secretId: got.secretId, secretKey: got.secretKey, token: got.token || undefined };
    };
    return { source, current, sdkCredential: { getCredential: current }, secrets: () => last };
}
