/**
 * Alibaba Cloud credentials through Alibaba's own library, `@alicloud/credentials`: the first source
 * set, in this order (static keys, then roles, then files, as the official provider looks for them,
 * https://www.alibabacloud.com/help/en/terraform/terraform-authentication; each setting's stack
 * config key before its environment variables):
 *
 *  1. an AccessKey pair: `alicloud:accessKey` + `alicloud:secretKey` (+ `alicloud:securityToken`),
 *     or `ALIBABA_CLOUD_ACCESS_KEY_ID` + `ALIBABA_CLOUD_ACCESS_KEY_SECRET` (`ALICLOUD_ACCESS_KEY`, …)
 *  2. the ECS instance's RAM role: `alicloud:ecsRoleName`, `ALIBABA_CLOUD_ECS_METADATA`
 *  3. an OIDC token exchanged for a RAM role (AssumeRoleWithOIDC): `alicloud:assumeRoleWithOidc`, or
 *     `ALIBABA_CLOUD_ROLE_ARN` + `ALIBABA_CLOUD_OIDC_PROVIDER_ARN` + `ALIBABA_CLOUD_OIDC_TOKEN_FILE`
 *  4. a profile of the Alibaba Cloud CLI's `~/.aliyun/config.json`: `alicloud:profile`, `ALIBABA_CLOUD_PROFILE`
 *  5. `ALIBABA_CLOUD_CREDENTIALS_URI`
 *  6. the CLI's current profile, else `~/.alibabacloud/credentials` (`ALIBABA_CLOUD_CREDENTIALS_FILE`)
 *
 * A resource's `credentials.profile` replaces the base; its `credentials.assumeRole`, else
 * `alicloud:assumeRole`, is assumed on top of it (AssumeRole). Temporary credentials are refreshed
 * by the library before they expire (`SessionCredentialProvider`: 15 minutes ahead), and pop-core
 * asks for them before every request, so a long create keeps working.
 */
import { existsSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { findSetting, lookupSetting } from "../core/config";
import {
    credentialFailure,
    CredentialChoice,
    AssumeRoleChoice,
    assumeRoleSetting,
    DEFAULT_SESSION_NAME,
    objectSetting,
    providerFor,
    secondsIn,
    stringIn,
    stsEndpoint,
    tokenFileSecrets,
} from "../core/credentials";
import { ConfigurationError } from "../core/errors";
import { ALICLOUD_OIDC_ENV, SETTINGS } from "../core/settingKeys";

/** What pop-core asks for before every request (`credentialsProvider`, `@alicloud/pop-core` 1.8.0 `lib/rpc.js`). */
export interface AlicloudCredentialsProvider {
    getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }>;
}

export interface AlicloudCredentials {
    /** The source in words, for messages and read-view scopes: no secret. */
    source: string;
    provider: AlicloudCredentialsProvider;
    /** The secrets handed out last (keys, token), to scrub from error messages. */
    secrets(): string[];
}

/** The base credential source, before any role is assumed. */
type Base =
    | { kind: "static"; accessKeyId: string; accessKeySecret: string; securityToken?: string; source: string }
    | { kind: "ecsRole"; roleName: string; source: string }
    | { kind: "oidc"; roleArn?: string; providerArn?: string; tokenFile?: string; sessionName?: string; durationSeconds?: number; policy?: string; source: string }
    | { kind: "profile"; name?: string; source: string }
    | { kind: "uri"; uri: string; source: string }
    | { kind: "credentialsFile"; source: string };

const STS = "the Alibaba Cloud STS endpoint";

/** The credentials a call uses: the resource's choice, else the chain in the module comment. */
export function resolveCredentials(choice?: CredentialChoice): AlicloudCredentials {
    const base = choice?.profile ? ({ kind: "profile", name: choice.profile, source: `the profile ${choice.profile} (credentials.profile)` } as const) : chooseBase();
    const role = choice?.assumeRole ?? assumeRoleSetting(SETTINGS.alicloudAssumeRole, "sessionExpiration");
    const sts = stsEndpoint(SETTINGS.alicloudStsEndpoint, STS);
    const source = role ? `the role ${role.roleArn} assumed with ${base.source}` : base.source;
    return providerFor("alicloud", [base, role, sts], () => {
        // A key pair needs nothing of the library, which costs ~40 ms to load on a plugin's first call.
        if (base.kind === "static" && !role) return guarded(keyPair(base), source, () => []);
        const library = require("@alicloud/credentials");
        let provider = buildBase(library, base, sts);
        if (role) provider = assumeRole(library, provider, role, sts);
        return guarded(provider, source, () => oidcTokenOf(base));
    });
}

/** Steps 1–6 of the module comment. */
export function chooseBase(env: NodeJS.ProcessEnv = process.env): Base {
    const { alicloudAccessKey, alicloudSecretKey, alicloudSecurityToken, alicloudEcsRoleName, alicloudProfile } = SETTINGS;
    const accessKeyId = findSetting(alicloudAccessKey, env);
    const accessKeySecret = lookupSetting(alicloudSecretKey, env);
    if (accessKeyId && accessKeySecret) {
        const securityToken = lookupSetting(alicloudSecurityToken, env);
        return { kind: "static", accessKeyId: accessKeyId.value, accessKeySecret, securityToken, source: `the access key ${accessKeyId.value} (${accessKeyId.source})` };
    }
    const ecsRole = findSetting(alicloudEcsRoleName, env);
    if (ecsRole) return { kind: "ecsRole", roleName: ecsRole.value, source: `the ECS RAM role ${ecsRole.value} (${ecsRole.source})` };
    const oidc = objectSetting(SETTINGS.alicloudAssumeRoleWithOidc);
    if (oidc) return oidcFromConfig(oidc.value, oidc.source);
    if (ALICLOUD_OIDC_ENV.every((name) => env[name])) {
        // The library reads these itself (providers/oidc_role_arn.js), the session name too.
        return { kind: "oidc", source: `the OIDC role ${env[ALICLOUD_OIDC_ENV[0]]} (${ALICLOUD_OIDC_ENV[0]})` };
    }
    const profile = findSetting(alicloudProfile, env);
    if (profile) return { kind: "profile", name: profile.value, source: `the profile ${profile.value} (${profile.source})` };
    if (env.ALIBABA_CLOUD_CREDENTIALS_URI) return { kind: "uri", uri: env.ALIBABA_CLOUD_CREDENTIALS_URI, source: "ALIBABA_CLOUD_CREDENTIALS_URI" };
    if (existsSync(join(homedir(), ".aliyun", "config.json"))) return { kind: "profile", source: "the current profile of ~/.aliyun/config.json" };
    const file = env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(homedir(), ".alibabacloud", "credentials");
    if (existsSync(file)) return { kind: "credentialsFile", source: file };
    throw new ConfigurationError(
        `Alibaba Cloud credentials are missing: set ${alicloudAccessKey.env[0]} and ${alicloudSecretKey.env[0]}, ` +
            `or the stack config ${alicloudAccessKey.key} and ${alicloudSecretKey.key} (--secret), or another source the README lists under Credentials ` +
            `(${SETTINGS.alicloudAssumeRoleWithOidc.key}, ${ALICLOUD_OIDC_ENV.join(" + ")}, ${alicloudProfile.key}, ${alicloudEcsRoleName.key})`,
    );
}

/** `alicloud:assumeRoleWithOidc`, with the official provider's field names. */
function oidcFromConfig(value: Record<string, unknown>, source: string): Base {
    const tokenFile = stringIn(value, "oidcTokenFile", source);
    // @alicloud/credentials reads the token from a file only (providers/oidc_role_arn.js).
    if (!tokenFile) throw new ConfigurationError(`${source} needs oidcTokenFile (a file the CI system writes the OIDC token to; an inline oidcToken is not supported)`);
    const roleArn = stringIn(value, "roleArn", source, true)!;
    return {
        kind: "oidc",
        roleArn,
        providerArn: stringIn(value, "oidcProviderArn", source, true),
        tokenFile,
        sessionName: stringIn(value, "roleSessionName", source),
        durationSeconds: secondsIn(value, "sessionExpiration", source),
        policy: stringIn(value, "policy", source),
        source: `the OIDC role ${roleArn} (${source})`,
    };
}

/** The key pair (and STS token) as they are. */
function keyPair({ accessKeyId, accessKeySecret, securityToken }: Extract<Base, { kind: "static" }>): AlicloudCredentialsProvider {
    return { getCredentials: async () => ({ accessKeyId, accessKeySecret, securityToken }) };
}

type Library = any;
type Sts = ReturnType<typeof stsEndpoint>;

function buildBase(library: Library, base: Base, sts: Sts): AlicloudCredentialsProvider {
    switch (base.kind) {
        case "static":
            // As the library's own providers, so that AssumeRole on top names its source (`x-acs-credentials-provider`).
            return base.securityToken
                ? library.StaticSTSCredentialsProvider.builder().withAccessKeyId(base.accessKeyId).withAccessKeySecret(base.accessKeySecret).withSecurityToken(base.securityToken).build()
                : library.StaticAKCredentialsProvider.builder().withAccessKeyId(base.accessKeyId).withAccessKeySecret(base.accessKeySecret).build();
        case "ecsRole":
            return library.ECSRAMRoleCredentialsProvider.builder().withRoleName(base.roleName).build();
        case "oidc": {
            let builder = library.OIDCRoleArnCredentialsProvider.builder();
            if (base.roleArn) builder = builder.withRoleArn(base.roleArn).withOIDCProviderArn(base.providerArn).withOIDCTokenFilePath(base.tokenFile);
            builder = builder.withRoleSessionName(base.sessionName ?? process.env.ALIBABA_CLOUD_ROLE_SESSION_NAME ?? DEFAULT_SESSION_NAME);
            if (base.durationSeconds) builder = builder.withDurationSeconds(base.durationSeconds);
            if (base.policy) builder = builder.withPolicy(base.policy);
            if (sts) builder = builder.withStsEndpoint(sts.host);
            return overHttpIf(sts, builder.build());
        }
        case "profile": {
            const builder = library.CLIProfileCredentialsProvider.builder();
            return (base.name ? builder.withProfileName(base.name) : builder).build();
        }
        case "uri":
            return library.URICredentialsProvider.builder().withCredentialsURI(base.uri).build();
        case "credentialsFile":
            return library.ProfileCredentialsProvider.builder().build();
    }
}

function assumeRole(library: Library, previous: AlicloudCredentialsProvider, role: AssumeRoleChoice, sts: Sts): AlicloudCredentialsProvider {
    let builder = library.RAMRoleARNCredentialsProvider.builder()
        .withCredentialsProvider(previous)
        .withRoleArn(role.roleArn)
        .withRoleSessionName(role.sessionName ?? DEFAULT_SESSION_NAME);
    if (role.durationSeconds) builder = builder.withDurationSeconds(role.durationSeconds);
    if (role.policy) builder = builder.withPolicy(role.policy);
    if (role.externalId) builder = builder.withExternalId(role.externalId);
    if (sts) builder = builder.withStsEndpoint(sts.host);
    return overHttpIf(sts, builder.build());
}

/**
 * The library always asks STS over https (`withProtocol('https')` in providers/oidc_role_arn.js and
 * ram_role_arn.js). A loopback `http://` STS endpoint (an emulator) is reached by switching the
 * built request's protocol in the provider's `doRequest`, the seam the library keeps for tests.
 */
function overHttpIf(sts: Sts, provider: any): AlicloudCredentialsProvider {
    if (sts?.http) {
        const send = provider.doRequest;
        provider.doRequest = (request: { protocol: string }) => {
            request.protocol = "http";
            return send(request);
        };
    }
    return provider;
}

/** The OIDC token a failure must not quote (read only then; the library reads the file itself). */
function oidcTokenOf(base: Base): string[] {
    return tokenFileSecrets(base.kind === "oidc" ? (base.tokenFile ?? process.env.ALIBABA_CLOUD_OIDC_TOKEN_FILE) : undefined);
}

/** The library's provider with its failures turned into CredentialErrors, remembering what to scrub. */
function guarded(provider: AlicloudCredentialsProvider, source: string, moreSecrets: () => string[]): AlicloudCredentials {
    let last: string[] = [];
    return {
        source,
        secrets: () => last,
        provider: {
            async getCredentials() {
                try {
                    const { accessKeyId, accessKeySecret, securityToken } = await provider.getCredentials();
                    last = [accessKeySecret, securityToken].filter((s): s is string => typeof s === "string" && s !== "");
                    return { accessKeyId, accessKeySecret, securityToken };
                } catch (error) {
                    throw credentialFailure("alicloud", source, error, [...last, ...moreSecrets()]);
                }
            },
        },
    };
}
