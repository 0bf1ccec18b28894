import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { TestCloud } from "../../support/cloudEnv";
import { describeFaultMatrix } from "../../support/faultMatrix";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

/** What both API generations share: the same store, so the same config is read back through the control API. */
const shared = {
    cloud: "tencentcloud",
    hooks,
    change: { name: "faults-2", ikeOptions: { ...(VALID.ikeOptions as Props), propoEncryAlgorithm: "AES-CBC-256" } },
    busy: async (cloud: TestCloud, gatewayId: string, ms: number) => {
        await cloud.control.call("POST", `/tencentcloud/gateways/${gatewayId}/busy`, { ms });
    },
    failNextTask: async (cloud: TestCloud) => {
        await cloud.control.call("POST", "/tencentcloud/tasks/fail-next", { count: 1 });
    },
    connections: (state: any) => state.tencentcloud.connections,
    idOf: (connection: Props) => connection.VpnConnectionId,
    config: (connection: Props) => ({
        name: connection.VpnConnectionName,
        localCidrBlock: connection.SecurityPolicyDatabaseSet[0].LocalCidrBlock,
        ikeEncryption: connection.IKEOptionsSpecification.PropoEncryAlgorithm,
    }),
    expected: {
        desired: { name: "faults", localCidrBlock: "10.0.0.0/24", ikeEncryption: "3DES-CBC" },
        changed: { name: "faults-2", localCidrBlock: "10.0.0.0/24", ikeEncryption: "AES-CBC-256" },
    },
    credentials: (cloud: TestCloud) => [cloud.tencentcloud!.secretKey],
} as const;

// Tencent has no ClientToken: an ambiguous create (reset after commit, answer beyond the timeout,
// 5xx) is followed by a lookup of the tagged connection, which is adopted instead of creating another.
describeFaultMatrix({
    ...shared,
    title: "tencentcloud vpnConnection hooks (API 3.0)",
    desired: () => ({ ...VALID, name: "faults", preSharedKey: "fault-matrix-psk-2" }),
    actions: { create: "CreateVpnConnection", read: "DescribeVpnConnections", update: "ModifyVpnConnectionAttribute", delete: "DeleteVpnConnection" },
    errors: {
        throttling: { code: "RequestLimitExceeded" },
        server: { code: "InternalError", httpStatus: 503 },
        validation: { code: "InvalidParameterValue.Malformed" },
        auth: { code: "AuthFailure.UnauthorizedOperation" },
    },
});

// The retired API 2.0 (reference §3): other actions and envelope, the same store and guarantees.
describeFaultMatrix({
    ...shared,
    title: "tencentcloud vpnConnection hooks (API 2.0)",
    desired: () => ({ ...VALID, apiVersion: "2.0", name: "faults", preSharedKey: "fault-matrix-psk-3" }),
    actions: { create: "AddVpnConnEx", read: "DescribeVpnConn", update: "ModifyVpnConnEx", delete: "DeleteVpnConn" },
    errors: {
        throttling: { code: "RequestLimitExceeded" },
        server: { code: "InternalError", httpStatus: 502 },
        validation: { code: "InvalidParameter" },
        auth: { code: "AuthFailure" },
    },
    // Its answers carry no RequestId (`{code, message, codeDesc}`, reference §3.2).
    requestIds: false,
});
