/**
 * Stack configuration of each example program against the emulator's fixtures (gateway ids and
 * addresses as README "The emulator" lists them), for CLI-tier tests that run the examples.
 */

/** The pre-shared key the CLI tier configures (as a secret) on example stacks. */
export const EXAMPLE_PSK = "Example-Psk-1";

/** Plain config per example folder; every example also takes `preSharedKey` as a secret. */
export const EXAMPLE_CONFIG = {
    alicloud: { vpnGatewayId: "vpn-emu00000000000001", customerGatewayId: "cgw-emu00000000000001" },
    "alicloud-dual-tunnel": { vpnGatewayId: "vpn-emu00000000000011", masterCustomerGatewayId: "cgw-emu00000000000001", slaveCustomerGatewayId: "cgw-emu00000000000002" },
    tencentcloud: { vpcId: "vpc-emu00001", vpnGatewayId: "vpngw-emu0001", customerGatewayId: "cgw-emu0001", customerGatewayIp: "198.51.100.11" },
    tunnel: {
        alicloudVpnGatewayId: "vpn-emu00000000000001",
        alicloudCustomerGatewayId: "cgw-emu00000000000001",
        alicloudVpnGatewayIp: "203.0.113.11",
        tencentcloudVpcId: "vpc-emu00001",
        tencentcloudVpnGatewayId: "vpngw-emu0001",
        tencentcloudCustomerGatewayId: "cgw-emu0001",
    },
    // The same fixtures as `tunnel`; the component generates its own key (the configured one is unused).
    "cross-cloud": {
        alicloudVpnGatewayId: "vpn-emu00000000000001",
        alicloudCustomerGatewayId: "cgw-emu00000000000001",
        alicloudVpnGatewayIp: "203.0.113.11",
        tencentcloudVpcId: "vpc-emu00001",
        tencentcloudVpnGatewayId: "vpngw-emu0001",
        tencentcloudCustomerGatewayId: "cgw-emu0001",
    },
} satisfies Record<string, Record<string, string>>;
