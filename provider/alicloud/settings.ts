/**
 * Alibaba Cloud credentials, region and endpoint, resolved at call time from the stack config
 * (credentials and region as the official Pulumi provider names them, `alicloud:*`; the endpoint
 * under `pulumi-ipsec:`) or the environment: the keys are in core/settingKeys, the credential
 * chain in ./credentials.
 */
import { lookupSetting } from "../core/config";
import type { CredentialChoice } from "../core/credentials";
import { configuredEndpoint, regionalEndpoint } from "../core/endpoint";
import { SETTINGS } from "../core/settingKeys";
import { AlicloudCredentials, resolveCredentials } from "./credentials";

export interface AlicloudSettings {
    credentials: AlicloudCredentials;
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

/** The endpoint and credentials of a call; `choice` is the resource's `credentials` input. */
export function resolveSettings(region: string, choice?: CredentialChoice): AlicloudSettings {
    const credentials = resolveCredentials(choice);
    const override = configuredEndpoint(SETTINGS.alicloudVpcEndpoint, "The Alibaba Cloud VPC endpoint");
    const endpoint = override ? override.href.replace(/\/$/, "") : defaultEndpoint(region);
    return { credentials, endpoint };
}
