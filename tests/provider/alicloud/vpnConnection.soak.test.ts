import * as hooks from "../../../provider/alicloud/vpnConnection";
import { describeSoak } from "../../support/soak";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

// Alibaba: every create carries its own ClientToken (distinct names), so a retried create never doubles.
describeSoak({
    cloud: "alicloud",
    title: "alicloud vpnConnection",
    hooks,
    inputsFor: (cloud, i) => ({ ...VALID, customerGatewayId: cloud.alicloud.customerGatewayIds[i % 3], localSubnets: [`10.${i}.0.0/16`], name: `soak-${i}`, preSharedKey: `Soak-Psk-${i}` }),
    changeFor: (i) => ({ name: `soak-${i}-v2`, ipsecConfig: { ipsecEncAlg: "aes256" } }),
    gatewayId: (cloud) => cloud.alicloud.vpnGatewayIds[0],
    throttling: { code: "Throttling.User" },
    server: { action: "DescribeVpnConnections", code: "ServiceUnavailable", httpStatus: 503 },
    busy: async (cloud, gatewayId, ms) => {
        await cloud.control.call("POST", `/alicloud/gateways/${gatewayId}/busy`, { ms });
    },
    busyCode: { create: ["CreateVpnConnection", "VpnGateway.Configuring"], update: ["ModifyVpnConnectionAttribute", "VpnGateway.Configuring"] },
    connections: (state) => state.alicloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    nameOf: (connection) => connection.Name,
    isChanged: (connection: Props) => connection.IpsecConfig.IpsecEncAlg === "aes256",
});
