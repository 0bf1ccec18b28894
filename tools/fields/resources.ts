/** The resources whose field tables drive the SDK's types and the README (see generate.ts). */
import { VPN_CONNECTION_OUTPUTS as ALICLOUD_OUTPUTS, VPN_CONNECTION_SCHEMA as ALICLOUD_SCHEMA } from "../../provider/alicloud/schema";
import { API_2, API_3, VPN_CONNECTION_OUTPUTS as TENCENT_OUTPUTS, VPN_CONNECTION_SCHEMA as TENCENT_SCHEMA } from "../../provider/tencentcloud/schema";
import { ResourceDoc } from "./facts";

export const RESOURCES: readonly ResourceDoc[] = [
    {
        cloud: "alicloud",
        className: "VpnConnection",
        source: "provider/alicloud/schema.ts",
        schema: ALICLOUD_SCHEMA,
        outputs: ALICLOUD_OUTPUTS,
        sdkDir: "sdk/alicloud",
    },
    {
        cloud: "tencentcloud",
        className: "VpnConnection",
        source: "provider/tencentcloud/schema.ts",
        schema: TENCENT_SCHEMA,
        outputs: TENCENT_OUTPUTS,
        sdkDir: "sdk/tencentcloud",
        dialects: { [API_3]: "API 3.0", [API_2]: "API 2.0" },
    },
];
