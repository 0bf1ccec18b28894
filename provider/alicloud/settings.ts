/**
 * Alibaba Cloud credentials, region and endpoint, resolved at call time from the stack config
 * (`alicloud:*`, as the official Pulumi provider names them) or the environment.
 */
import { lookupSetting } from "../core/config";
import { parseEndpoint } from "../core/endpoint";
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

/** The VPC endpoint of a region (reference §1: central endpoint for the big regions, else regional). */
export function defaultEndpoint(region: string): string {
    const central = ["cn-qingdao", "cn-beijing", "cn-hangzhou", "cn-shanghai", "cn-shenzhen", "cn-hongkong", "ap-southeast-1", "us-east-1", "us-west-1"];
    return central.includes(region) ? "https://vpc.aliyuncs.com" : `https://vpc.${region}.aliyuncs.com`;
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
