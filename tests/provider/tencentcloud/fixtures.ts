/** Shared inputs of the Tencent provider tests. */
import { Props } from "../../../provider/core/schema";

/** The smallest valid connection on the emulator's fixtures: every field AddVpnConnEx requires. */
export const VALID: Props = {
    region: "ap-guangzhou",
    vpcId: "vpc-emu00001",
    vpnGatewayId: "vpngw-emu0001",
    customerGatewayId: "cgw-emu0001",
    name: "office",
    preSharedKey: "psk-123456",
    securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] }],
    ikeOptions: { remoteAddress: "198.51.100.11" },
};
