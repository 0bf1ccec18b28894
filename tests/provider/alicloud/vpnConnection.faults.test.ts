import * as hooks from "../../../provider/alicloud/vpnConnection";
import { describeFaultMatrix } from "../../support/faultMatrix";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

describeFaultMatrix({
    cloud: "alicloud",
    title: "alicloud vpnConnection hooks",
    hooks,
    desired: () => ({ ...VALID, name: "faults", preSharedKey: "Fault-Matrix-Psk-1" }),
    change: { name: "faults-2", ikeConfig: { ikeEncAlg: "aes256" } },
    actions: { create: "CreateVpnConnection", read: "DescribeVpnConnections", update: "ModifyVpnConnectionAttribute", delete: "DeleteVpnConnection" },
    errors: {
        throttling: { code: "Throttling.User" },
        server: { code: "ServiceUnavailable", httpStatus: 503 },
        validation: { code: "InvalidParameter", httpStatus: 400 },
        auth: { code: "InvalidAccessKeyId.NotFound", httpStatus: 404 },
    },
    busy: async (cloud, gatewayId, ms) => {
        await cloud.control.call("POST", `/alicloud/gateways/${gatewayId}/busy`, { ms });
    },
    connections: (state) => state.alicloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    config: (connection: Props) => ({ name: connection.Name, localSubnet: connection.LocalSubnet, ikeEncAlg: connection.IkeConfig.IkeEncAlg }),
    expected: {
        desired: { name: "faults", localSubnet: "10.0.0.0/16", ikeEncAlg: "aes" },
        changed: { name: "faults-2", localSubnet: "10.0.0.0/16", ikeEncAlg: "aes256" },
    },
    credentials: (cloud) => [cloud.alicloud.accessKeySecret],
});
