import { alicloud } from "../../../sdk";
import { VALID } from "../../provider/alicloud/fixtures";
import { describeCrashRecovery } from "../../support/crashRecovery";

// Alibaba converges through the ClientToken: derived from the inputs, so the re-run sends the same one.
describeCrashRecovery({
    cloud: "alicloud",
    title: "alicloud.VpnConnection",
    args: () => ({ ...VALID, name: "crash", preSharedKey: "Crash-Test-Psk-1" }),
    construct: (name, args) => new alicloud.VpnConnection(name, args as alicloud.VpnConnectionArgs),
    additionalSecretOutputs: ["preSharedKey"],
    createAction: "CreateVpnConnection",
    connections: (state) => state.alicloud.connections,
    idOf: (connection) => connection.VpnConnectionId,
    credentials: (cloud) => [cloud.alicloud.accessKeySecret],
});
