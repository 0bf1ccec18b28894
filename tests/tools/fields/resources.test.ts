import assert from "node:assert/strict";
import { outputsFrom } from "../../../provider/alicloud/vpnConnection";
import { VPN_CONNECTION_OUTPUTS as ALICLOUD_OUTPUTS, VPN_CONNECTION_SCHEMA as ALICLOUD_SCHEMA } from "../../../provider/alicloud/schema";
import { VPN_CONNECTION_OUTPUTS as TENCENT_OUTPUTS } from "../../../provider/tencentcloud/schema";
import { computed2, computed3 } from "../../../provider/tencentcloud/views";
import { RESOURCES } from "../../../tools/fields/resources";
import { renderArgsTypes, renderOutputsTypes, renderSharedTypes, sharedBlocks } from "../../../tools/fields/sdkTypes";

describe("tools/fields/resources", () => {
    it("can document exactly the outputs each provider computes", () => {
        // GIVEN what each provider adds to the inputs from a describe answer
        const alicloud = Object.keys(outputsFrom({}, { VpnConnectionId: "vco-1" })).filter((key) => !(key in ALICLOUD_SCHEMA));
        const tencent3 = Object.keys(computed3({ VpnConnectionId: "vpnx-1" }));
        const tencent2 = Object.keys(computed2({ vpnConnId: "vpnx-1" }));
        // WHEN compared with the output rows the SDK and README are generated from
        // THEN no output is missing from the rows, and no row names an output the provider lacks
        assert.deepEqual(alicloud.sort(), Object.keys(ALICLOUD_OUTPUTS).sort());
        assert.deepEqual(tencent3.sort(), Object.keys(TENCENT_OUTPUTS).sort());
        assert.deepEqual(tencent2.sort(), Object.keys(TENCENT_OUTPUTS).sort());
    });

    it("can give every generated argument and output its TSDoc", () => {
        // GIVEN the SDK types generated from both tables
        const shared = sharedBlocks(RESOURCES);
        for (const text of [...RESOURCES.flatMap((r) => [renderArgsTypes(r, shared), renderOutputsTypes(r, shared)]), renderSharedTypes(shared, RESOURCES)]) {
            // WHEN each property declaration is looked at
            const lines = text.split("\n");
            const properties = lines.map((line, i) => [line, lines[i - 1]] as const).filter(([line]) => /^ {4}(readonly )?\w+\??: /.test(line));
            // THEN the line before it closes a TSDoc comment
            assert.ok(properties.length > 0);
            for (const [line, before] of properties) assert.match(before, /\*\/$/, `no TSDoc before "${line.trim()}"`);
        }
    });
});
