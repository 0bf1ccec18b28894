/**
 * Every setting the provider reads from the stack configuration, with the environment variables
 * that stand in for it — the one table of their names (README "Configuration" lists the same).
 *
 * Credentials and regions keep the official providers' keys, so one stack config serves both
 * packages: `alicloud:accessKey`, `secretKey`, `securityToken` and `region` are among the
 * configuration points @pulumi/alicloud documents
 * (https://www.pulumi.com/registry/packages/alicloud/installation-configuration/, and the README of
 * https://github.com/pulumi/pulumi-alicloud), and `tencentcloud:secretId`, `secretKey`, `region` and
 * `securityToken` those the Tencent Cloud provider documents
 * (https://www.pulumi.com/registry/packages/tencentcloud/, and the README of
 * https://github.com/tencentcloudstack/pulumi-tencentcloud). Neither defines the endpoints below:
 * they are this package's own and live in its `pulumi-ipsec:` namespace, since a provider validates
 * the keys of its namespace. Earlier releases read them from the official namespaces; those names
 * still work, with a deprecation warning ({@link Setting.deprecatedKeys}).
 */

export interface Setting {
    /** The stack config key, namespace included. */
    key: string;
    /** Keys earlier releases read; honoured after {@link key}, each with one deprecation warning per process. */
    deprecatedKeys?: readonly string[];
    /** Environment variables, in order, read when no config key holds a value. */
    env: readonly string[];
}

/** The package's own config namespace. */
export const NAMESPACE = "pulumi-ipsec";

export const SETTINGS = {
    alicloudAccessKey: { key: "alicloud:accessKey", env: ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"] },
    alicloudSecretKey: { key: "alicloud:secretKey", env: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"] },
    alicloudSecurityToken: { key: "alicloud:securityToken", env: ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"] },
    alicloudRegion: { key: "alicloud:region", env: ["ALIBABA_CLOUD_REGION", "ALICLOUD_REGION"] },
    alicloudProfile: { key: "alicloud:profile", env: ["ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"] },
    alicloudEcsRoleName: { key: "alicloud:ecsRoleName", env: ["ALIBABA_CLOUD_ECS_METADATA", "ALICLOUD_ECS_ROLE_NAME"] },
    /** An object: oidcProviderArn, roleArn, oidcTokenFile, roleSessionName, sessionExpiration, policy. */
    alicloudAssumeRoleWithOidc: { key: "alicloud:assumeRoleWithOidc", env: [] },
    /** An object: roleArn, sessionName, sessionExpiration, policy, externalId. */
    alicloudAssumeRole: { key: "alicloud:assumeRole", env: [] },
    alicloudStsEndpoint: { key: `${NAMESPACE}:alicloudStsEndpoint`, env: ["ALIBABA_CLOUD_STS_ENDPOINT"] },
    alicloudVpcEndpoint: { key: `${NAMESPACE}:alicloudVpcEndpoint`, deprecatedKeys: ["alicloud:vpcEndpoint"], env: ["ALIBABA_CLOUD_VPC_ENDPOINT"] },
    tencentcloudSecretId: { key: "tencentcloud:secretId", env: ["TENCENTCLOUD_SECRET_ID"] },
    tencentcloudSecretKey: { key: "tencentcloud:secretKey", env: ["TENCENTCLOUD_SECRET_KEY"] },
    tencentcloudSecurityToken: { key: "tencentcloud:securityToken", env: ["TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_SESSION_TOKEN"] },
    tencentcloudRegion: { key: "tencentcloud:region", env: ["TENCENTCLOUD_REGION"] },
    /** An object: roleArn, sessionName, sessionDuration, policy, externalId. */
    tencentcloudAssumeRole: { key: "tencentcloud:assumeRole", env: [] },
    /** An object: roleArn, sessionName, sessionDuration, providerId, webIdentityTokenFile. */
    tencentcloudAssumeRoleWithWebIdentity: { key: "tencentcloud:assumeRoleWithWebIdentity", env: [] },
    tencentcloudCamRoleName: { key: "tencentcloud:camRoleName", env: ["TENCENTCLOUD_CAM_ROLE_NAME"] },
    tencentcloudStsEndpoint: { key: `${NAMESPACE}:tencentcloudStsEndpoint`, env: ["TENCENTCLOUD_STS_ENDPOINT"] },
    tencentcloudVpcEndpoint: { key: `${NAMESPACE}:tencentcloudVpcEndpoint`, deprecatedKeys: ["tencentcloud:vpcEndpoint"], env: ["TENCENTCLOUD_VPC_ENDPOINT"] },
    tencentcloudVpcLegacyEndpoint: {
        key: `${NAMESPACE}:tencentcloudVpcLegacyEndpoint`,
        deprecatedKeys: ["tencentcloud:vpcLegacyEndpoint"],
        env: ["TENCENTCLOUD_VPC_LEGACY_ENDPOINT"],
    },
    tencentcloudTagEndpoint: { key: `${NAMESPACE}:tencentcloudTagEndpoint`, deprecatedKeys: ["tencentcloud:tagEndpoint"], env: ["TENCENTCLOUD_TAG_ENDPOINT"] },
} as const satisfies Record<string, Setting>;

/**
 * The OIDC variables `@alicloud/credentials` reads (providers/oidc_role_arn.js): all three select
 * OIDC role assumption; the library takes the values itself.
 */
export const ALICLOUD_OIDC_ENV = ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"] as const;

/**
 * The OIDC variables tencentcloud-sdk-nodejs reads (`OIDCRoleArnCredential` built without
 * arguments, tencentcloud/common/credential.js): all four select web-identity role assumption.
 */
export const TENCENTCLOUD_OIDC_ENV = ["TKE_ROLE_ARN", "TKE_PROVIDER_ID", "TKE_WEB_IDENTITY_TOKEN_FILE", "TKE_REGION"] as const;
