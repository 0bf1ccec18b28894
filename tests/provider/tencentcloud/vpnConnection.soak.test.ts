import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { describeSoak } from "../../support/soak";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

// Tencent: each create first looks up its tagged connection, so 100 lookups run among 100 creates
// on one gateway whose tasks the cloud runs one at a time.
describeSoak({
    cloud: "tencentcloud",
    title: "tencentcloud vpnConnection",
    hooks,
    inputsFor: (_cloud, i) => ({
        ...VALID,
        name: `soak-${i}`,
        preSharedKey: `soak-psk-${i}`,
        securityPolicyDatabases: [{ localCidrBlock: `10.0.${i}.0/24`, remoteCidrBlocks: ["192.168.0.0/24"] }],
    }),
    changeFor: (i) => ({ name: `soak-${i}-v2`, ikeOptions: { ...(VALID.ikeOptions as Props), propoEncryAlgorithm: "AES-CBC-256" } }),
    gatewayId: () => String(VALID.vpnGatewayId),
    throttling: { code: "RequestLimitExceeded" },
    server: { action: "DescribeVpnConnections", code: "InternalError", httpStatus: 503 },
    busy: async (cloud, gatewayId, ms) => {
        await cloud.control.call("POST", `/tencentcloud/gateways/${gatewayId}/busy`, { ms });
    },
    busyCode: { create: ["CreateVpnConnection", "UnsupportedOperation.InvalidState"], update: ["ModifyVpnConnectionAttribute", "UnsupportedOperation.InvalidState"] },
    connections: (state) => state.tencentcloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    nameOf: (connection) => connection.VpnConnectionName,
    isChanged: (connection: Props) => connection.IKEOptionsSpecification.PropoEncryAlgorithm === "AES-CBC-256",
});
