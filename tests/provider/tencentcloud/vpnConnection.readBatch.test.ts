import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { readBatchingSuite } from "../../support/readBatching";
import { VALID } from "./fixtures";

const GATEWAYS = ["vpngw-emu0001", "vpngw-emu0002", "vpngw-emu0003"];

readBatchingSuite({
    cloud: "tencentcloud",
    hooks,
    pageSize: 100,
    inputs: (_cloud, i, gateway) => ({
        ...VALID,
        vpnGatewayId: GATEWAYS[gateway],
        name: `batch-${i}`,
        securityPolicyDatabases: [{ localCidrBlock: `10.${i}.0.0/24`, remoteCidrBlocks: ["192.168.0.0/24"] }],
    }),
});
