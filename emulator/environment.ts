/**
 * The environment that points pulumi-ipsec's providers at a running emulator, through the same
 * variables a user sets for a real cloud, with retry and wait timing sized for the emulator's
 * short transitions.
 */
import type { EmulatorInfo } from "./info";

/** Backoff and deadlines for the emulator: its transitions take tens of milliseconds, not minutes. */
export const FAST_TIMING_ENV: Readonly<Record<string, string>> = {
    PULUMI_IPSEC_MIN_DELAY_MS: "5",
    PULUMI_IPSEC_MAX_DELAY_MS: "40",
    PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "15000",
    PULUMI_IPSEC_READ_TIMEOUT_MS: "5000",
    PULUMI_IPSEC_REQUEST_TIMEOUT_MS: "3000",
};

/**
 * The environment that points both clouds' providers at the emulator, through the variables a user
 * would set. Security tokens are blanked (the provider treats "" as unset) so that a real STS token
 * in the caller's environment is never sent along with the emulator's keys.
 */
export function cloudEnvironment(info: EmulatorInfo): Record<string, string> {
    const env: Record<string, string> = {
        ...FAST_TIMING_ENV,
        ALIBABA_CLOUD_ACCESS_KEY_ID: info.alicloud.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.alicloud.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: "",
        ALICLOUD_SECURITY_TOKEN: "",
        ALIBABA_CLOUD_REGION: info.alicloud.regionId,
        ALIBABA_CLOUD_VPC_ENDPOINT: info.alicloud.endpoint,
        // A role to assume (alicloud:assumeRole, a resource's credentials) is asked of the emulator's STS too.
        ALIBABA_CLOUD_STS_ENDPOINT: info.alicloud.sts.endpoint,
    };
    if (info.tencentcloud) {
        Object.assign(env, {
            TENCENTCLOUD_SECRET_ID: info.tencentcloud.secretId,
            TENCENTCLOUD_SECRET_KEY: info.tencentcloud.secretKey,
            TENCENTCLOUD_SECURITY_TOKEN: "",
            TENCENTCLOUD_SESSION_TOKEN: "",
            TENCENTCLOUD_REGION: info.tencentcloud.region,
            TENCENTCLOUD_VPC_ENDPOINT: info.tencentcloud.endpoint,
            TENCENTCLOUD_VPC_LEGACY_ENDPOINT: info.tencentcloud.legacyEndpoint,
            TENCENTCLOUD_TAG_ENDPOINT: info.tencentcloud.tagEndpoint,
            TENCENTCLOUD_STS_ENDPOINT: info.tencentcloud.sts.endpoint,
        });
    }
    return env;
}

/**
 * The environment that makes the providers authenticate as a CI pipeline does: no keys, the
 * emulator's OIDC token file and role, exchanged at its STS front ends (AssumeRoleWithOIDC,
 * AssumeRoleWithWebIdentity) through the variables the clouds' credential libraries read. Layer it
 * over {@link cloudEnvironment} (which points STS at the emulator): the keys it sets are blanked here.
 */
export function oidcEnvironment(info: EmulatorInfo): Record<string, string> {
    const env: Record<string, string> = {
        ALIBABA_CLOUD_ACCESS_KEY_ID: "",
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: "",
        ALIBABA_CLOUD_ROLE_ARN: info.alicloud.sts.roleArn,
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: info.alicloud.sts.providerArn,
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: info.alicloud.sts.tokenFile,
    };
    if (info.tencentcloud) {
        Object.assign(env, {
            TENCENTCLOUD_SECRET_ID: "",
            TENCENTCLOUD_SECRET_KEY: "",
            TKE_ROLE_ARN: info.tencentcloud.sts.roleArn,
            TKE_PROVIDER_ID: info.tencentcloud.sts.providerId,
            TKE_WEB_IDENTITY_TOKEN_FILE: info.tencentcloud.sts.tokenFile,
            TKE_REGION: info.tencentcloud.region,
        });
    }
    return env;
}
