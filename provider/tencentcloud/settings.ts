/**
 * Tencent Cloud credentials, region and endpoints, resolved at call time from the stack config
 * (`tencentcloud:*`, as the official Pulumi provider names them) or the environment (the names
 * `tencentcloud-sdk-nodejs` and the Terraform provider read).
 */
import { lookupSetting } from "../core/config";
import { parseEndpoint } from "../core/endpoint";
import { ConfigurationError } from "../core/errors";

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
    secretId: string;
    secretKey: string;
    /** Session token of temporary (STS) credentials. */
    securityToken?: string;
    /** API 3.0 endpoint (the SDK always posts to its root path, or to this URL's path). */
    endpoint: URL;
    /** API 2.0 endpoint, path included. */
    api2Endpoint: URL;
    /** Tag service endpoint (API 3.0, Tag 2018-08-13). */
    tagEndpoint: URL;
}

/** The region a connection defaults to when its `region` input is unset. */
export function configuredRegion(): string | undefined {
    return lookupSetting(["tencentcloud:region"], ["TENCENTCLOUD_REGION"]);
}

/** Every setting the Tencent hooks need; throws {@link ConfigurationError} naming what is missing. */
export function resolveSettings(): TencentcloudSettings {
    const secretId = lookupSetting(["tencentcloud:secretId"], ["TENCENTCLOUD_SECRET_ID"]);
    const secretKey = lookupSetting(["tencentcloud:secretKey"], ["TENCENTCLOUD_SECRET_KEY"]);
    if (!secretId || !secretKey) {
        throw new ConfigurationError(
            "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, " +
                "or the stack config tencentcloud:secretId and tencentcloud:secretKey (--secret)",
        );
    }
    const securityToken = lookupSetting(["tencentcloud:securityToken"], ["TENCENTCLOUD_SECURITY_TOKEN"]);
    const endpoint = parseEndpoint(
        lookupSetting(["tencentcloud:vpcEndpoint"], ["TENCENTCLOUD_VPC_ENDPOINT"]) ?? DEFAULT_VPC_ENDPOINT,
        "The Tencent Cloud VPC endpoint (tencentcloud:vpcEndpoint / TENCENTCLOUD_VPC_ENDPOINT)",
    );
    const api2Endpoint = parseEndpoint(
        lookupSetting(["tencentcloud:vpcLegacyEndpoint"], ["TENCENTCLOUD_VPC_LEGACY_ENDPOINT"]) ?? DEFAULT_VPC_API2_ENDPOINT,
        "The Tencent Cloud API 2.0 VPC endpoint (tencentcloud:vpcLegacyEndpoint / TENCENTCLOUD_VPC_LEGACY_ENDPOINT)",
    );
    const tagEndpoint = parseEndpoint(
        lookupSetting(["tencentcloud:tagEndpoint"], ["TENCENTCLOUD_TAG_ENDPOINT"]) ?? DEFAULT_TAG_ENDPOINT,
        "The Tencent Cloud Tag endpoint (tencentcloud:tagEndpoint / TENCENTCLOUD_TAG_ENDPOINT)",
    );
    return { secretId, secretKey, securityToken, endpoint, api2Endpoint, tagEndpoint };
}
