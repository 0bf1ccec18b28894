/**
 * Tencent Cloud credentials, region and endpoints, resolved at call time from the stack config
 * (credentials and region as the official Pulumi provider names them, `tencentcloud:*`; the
 * endpoints under `pulumi-ipsec:`) or the environment (the names `tencentcloud-sdk-nodejs` and the
 * Terraform provider read): the keys are in core/settingKeys, the credential chain in ./credentials.
 */
import { lookupSetting } from "../core/config";
import { configuredEndpoint } from "../core/endpoint";
import type { CredentialChoice } from "../core/credentials";
import { SETTINGS } from "../core/settingKeys";
import { resolveCredentials, TencentcloudCredentials } from "./credentials";

/** API 3.0 VPC endpoint (`vpc.tencentcloudapi.com`, tencentcloud-sdk-nodejs `vpc_client.js`; the region travels in `X-TC-Region`). */
export const DEFAULT_VPC_ENDPOINT = "https://vpc.tencentcloudapi.com/";
/**
 * API 2.0 VPC endpoint (`vpc.api.qcloud.com/v2/index.php`, https://cloud.tencent.com/document/product/215/5110;
 * retired in 2023, https://cloud.tencent.com/document/product/1278/82311).
 */
export const DEFAULT_VPC_API2_ENDPOINT = "https://vpc.api.qcloud.com/v2/index.php";
/** Tag service endpoint (`tag.tencentcloudapi.com`, tencentcloud-sdk-nodejs `tag/v20180813/tag_client.js`), for tag changes. */
export const DEFAULT_TAG_ENDPOINT = "https://tag.tencentcloudapi.com/";

export interface TencentcloudSettings {
    credentials: TencentcloudCredentials;
    /** API 3.0 endpoint (the SDK always posts to its root path, or to this URL's path). */
    endpoint: URL;
    /** API 2.0 endpoint, path included. */
    api2Endpoint: URL;
    /** Tag service endpoint (API 3.0, Tag 2018-08-13). */
    tagEndpoint: URL;
}

/** The region a connection defaults to when its `region` input is unset. */
export function configuredRegion(): string | undefined {
    return lookupSetting(SETTINGS.tencentcloudRegion);
}

/** Every setting the Tencent hooks need; `choice` is the resource's `credentials` input. Throws {@link ConfigurationError} naming what is missing. */
export function resolveSettings(choice?: CredentialChoice): TencentcloudSettings {
    const credentials = resolveCredentials(choice);
    const endpoint = configuredEndpoint(SETTINGS.tencentcloudVpcEndpoint, "The Tencent Cloud VPC endpoint") ?? new URL(DEFAULT_VPC_ENDPOINT);
    const api2Endpoint = configuredEndpoint(SETTINGS.tencentcloudVpcLegacyEndpoint, "The Tencent Cloud API 2.0 VPC endpoint") ?? new URL(DEFAULT_VPC_API2_ENDPOINT);
    const tagEndpoint = configuredEndpoint(SETTINGS.tencentcloudTagEndpoint, "The Tencent Cloud Tag endpoint") ?? new URL(DEFAULT_TAG_ENDPOINT);
    return { credentials, endpoint, api2Endpoint, tagEndpoint };
}
