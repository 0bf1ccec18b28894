import * as hooks from "../../../provider/alicloud/vpnConnection";
import { readBatchingSuite } from "../../support/readBatching";
import { VALID } from "./fixtures";

readBatchingSuite({
    cloud: "alicloud",
    hooks,
    pageSize: 50,
    inputs: (cloud, i, gateway) => ({
        ...VALID,
        vpnGatewayId: cloud.alicloud.vpnGatewayIds[gateway],
        localSubnets: [`10.${i}.0.0/16`],
        name: `batch-${i}`,
    }),
});
