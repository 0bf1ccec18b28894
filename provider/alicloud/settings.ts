/**
 * Alibaba Cloud credentials, region and endpoint, resolved at call time from the stack config
 * (credentials and region as the official Pulumi provider names them, `alicloud:*`; the endpoint
 * under `pulumi-ipsec:`) or the environment: the keys are in core/settingKeys.
 */
import { lookupSetting } from "../core/config";
import { configuredEndpoint, regionalEndpoint } from "../core/endpoint";
import { ConfigurationError } from "../core/errors";
import { SETTINGS } from "../core/settingKeys";

export interface AlicloudSettings {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
    endpoint: string;
}

/** The region a connection defaults to when its `region` input is unset. */
export function configuredRegion(): string | undefined {
    return lookupSetting(SETTINGS.alicloudRegion);
}

/** Regions served by the central VPC endpoint (the endpoint map in aliyun/alibabacloud-python-sdk `vpc-20160428/alibabacloud_vpc20160428/client.py`); others have their own. */
const CENTRAL_ENDPOINT_REGIONS: readonly string[] = ["cn-qingdao", "cn-beijing", "cn-hangzhou", "cn-shanghai", "cn-shenzhen", "cn-hongkong", "ap-southeast-1", "us-east-1", "us-west-1"];

/**
 * The VPC endpoint of a region: the central one for the regions above, else
 * `vpc.<region>.aliyuncs.com` (https://help.aliyun.com/en/vpc/developer-reference/api-vpc-2016-04-28-endpoint).
 * Throws {@link ConfigurationError} for anything that is not a region ID: it would become the host.
 */
export function defaultEndpoint(region: string): string {
    return CENTRAL_ENDPOINT_REGIONS.includes(region) ? "https://vpc.aliyuncs.com" : regionalEndpoint("vpc", region, "aliyuncs.com");
}

export function resolveSettings(region: string): AlicloudSettings {
    const { alicloudAccessKey, alicloudSecretKey } = SETTINGS;
    const accessKeyId = lookupSetting(alicloudAccessKey);
    const accessKeySecret = lookupSetting(alicloudSecretKey);
    if (!accessKeyId || !accessKeySecret) {
        throw new ConfigurationError(
            `Alibaba Cloud credentials are missing: set ${alicloudAccessKey.env[0]} and ${alicloudSecretKey.env[0]}, ` +
                `or the stack config ${alicloudAccessKey.key} and ${alicloudSecretKey.key} (--secret)`,
        );
    }
    const securityToken = lookupSetting(SETTINGS.alicloudSecurityToken);
    const override = configuredEndpoint(SETTINGS.alicloudVpcEndpoint, "The Alibaba Cloud VPC endpoint");
    const endpoint = override ? override.href.replace(/\/$/, "") : defaultEndpoint(region);
    return { accessKeyId, accessKeySecret, securityToken, endpoint };
}
