/** A sample of the emulator's `--json` info, for tests of code that only reads it (no emulator runs). */
import type { EmulatorInfo } from "../../emulator";

export const SAMPLE_EMULATOR_INFO: EmulatorInfo = {
    control: "http://127.0.0.1:1/__emu",
    alicloud: {
        endpoint: "http://127.0.0.1:1/alicloud",
        apiVersion: "2016-04-28",
        accessKeyId: "ak",
        accessKeySecret: "sk",
        regionId: "cn-hangzhou",
        vpnGatewayIds: ["vpn-1"],
        dualTunnelVpnGatewayIds: ["vpn-2"],
        customerGatewayIds: ["cgw-a"],
        stsToken: { accessKeyId: "sts-ak", accessKeySecret: "sts-sk", securityToken: "token" },
        sts: { endpoint: "http://127.0.0.1:1/alicloud-sts", roleArn: "acs:ram::1:role/r", providerArn: "acs:ram::1:oidc-provider/p", tokenFile: "/tmp/alicloud-token", credentialsUri: "http://127.0.0.1:1/alicloud-sts/credentials-uri" },
    },
    tencentcloud: {
        endpoint: "http://127.0.0.1:1/tencentcloud",
        legacyEndpoint: "http://127.0.0.1:1/tencentcloud/v2/index.php",
        tagEndpoint: "http://127.0.0.1:1/tencentcloud/tag",
        secretId: "sid",
        secretKey: "skey",
        region: "ap-guangzhou",
        api2Region: "gz",
        vpcIds: ["vpc-t"],
        vpnGatewayIds: ["vpngw-t"],
        customerGatewayIds: ["cgw-t"],
        sts: { endpoint: "http://127.0.0.1:1/tencentcloud-sts", roleArn: "qcs::cam::uin/1:roleName/r", providerId: "p", tokenFile: "/tmp/tencentcloud-token" },
    },
    peering: [
        { alicloud: { vpnGatewayId: "vpn-p1", customerGatewayId: "cgw-p1" }, tencentcloud: { vpcId: "vpc-p", vpnGatewayId: "vpngw-p1", customerGatewayId: "cgw-tp1" } },
        { alicloud: { vpnGatewayId: "vpn-p2", customerGatewayId: "cgw-p2" }, tencentcloud: { vpcId: "vpc-p", vpnGatewayId: "vpngw-p2", customerGatewayId: "cgw-tp2" } },
    ],
};
