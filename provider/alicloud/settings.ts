/**
 * Alibaba Cloud credentials, region and endpoint, resolved at call time from the stack config
 * (`alicloud:*`, as the official Pulumi provider names them) or the environment.
 */
import { lookupSetting } from "../core/config";
import { parseEndpoint, regionalEndpoint } from "../core/endpoint";
import { ConfigurationError } from "../core/errors";

export interface AlicloudSettings {
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
    endpoint: string;
}

/** The region a connection defaults to when its `region` input is unset. */
export function configuredRegion(): string | undefined {
    return lookupSetting(["alicloud:region"], ["ALIBABA_CLOUD_REGION", "ALICLOUD_REGION"]);
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
    const accessKeyId = lookupSetting(["alicloud:accessKey"], ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"]);
    const accessKeySecret = lookupSetting(["alicloud:secretKey"], ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"]);
    if (!accessKeyId || !accessKeySecret) {
        throw new ConfigurationError(
            "Alibaba Cloud credentials are missing: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, " +
                "or the stack config alicloud:accessKey and alicloud:secretKey (--secret)",
        );
    }
    const securityToken = lookupSetting(["alicloud:securityToken"], ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"]);
    const override = lookupSetting(["alicloud:vpcEndpoint"], ["ALIBABA_CLOUD_VPC_ENDPOINT"]);
    const endpoint = override
        ? parseEndpoint(override, "The Alibaba Cloud VPC endpoint (alicloud:vpcEndpoint / ALIBABA_CLOUD_VPC_ENDPOINT)").href.replace(/\/$/, "")
        : defaultEndpoint(region);
    return { accessKeyId, accessKeySecret, securityToken, endpoint };
}
