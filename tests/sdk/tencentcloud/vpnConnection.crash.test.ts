import { tencentcloud } from "../../../sdk";
import { VALID } from "../../provider/tencentcloud/fixtures";
import { describeCrashRecovery } from "../../support/crashRecovery";

// Tencent has no ClientToken: the re-run looks the connection up (name, gateways, VPC and the
// create-token tag) and adopts it.
describeCrashRecovery({
    cloud: "tencentcloud",
    title: "tencentcloud.VpnConnection",
    args: () => ({ ...VALID, name: "crash", preSharedKey: "crash-test-psk-2" }),
    construct: (name, args) => new tencentcloud.VpnConnection(name, args as tencentcloud.VpnConnectionArgs),
    additionalSecretOutputs: ["preSharedKey"],
    createAction: "CreateVpnConnection",
    connections: (state) => state.tencentcloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    credentials: (cloud) => [cloud.tencentcloud!.secretKey],
});
