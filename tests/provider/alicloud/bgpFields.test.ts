import assert from "node:assert/strict";
import { toApiRequest, fromApiResponse } from "../../../provider/core/apiMapping";
import { checkInputs } from "../../../provider/core/check";
import { BGP_CONFIG_FIELD, bgpBlockFields, RESERVED_TUNNEL_CIDRS } from "../../../provider/alicloud/bgpFields";
import { Schema } from "../../../provider/core/schema";

describe("alicloud bgpFields", () => {
    it("can bind the same rows elsewhere, e.g. a tunnel's TunnelBgpConfig", () => {
        // GIVEN the block's rows bound to a per-tunnel path
        const schema: Schema = { bgp: { kind: "object", fields: bgpBlockFields((key, codec) => ({ default: { path: `TunnelBgpConfig.${key}`, ...codec } })) } };
        // WHEN inputs are mapped to a request and back
        const request = toApiRequest(schema, { bgp: { localAsn: 65010, tunnelCidr: "169.254.21.0/30", localBgpIp: "169.254.21.1" } });
        const read = fromApiResponse(schema, { TunnelBgpConfig: { LocalAsn: 65010, TunnelCidr: "169.254.21.0/30", LocalBgpIp: "169.254.21.1" } });
        // THEN the rows speak that path, values as the documented strings, and read back typed
        assert.deepEqual(request, { TunnelBgpConfig: { LocalAsn: "65010", TunnelCidr: "169.254.21.0/30", LocalBgpIp: "169.254.21.1" } });
        assert.deepEqual(read, { bgp: { localAsn: 65010, tunnelCidr: "169.254.21.0/30", localBgpIp: "169.254.21.1" } });
    });

    it("fails for each reserved tunnel CIDR, naming the property path of the block it sits in", () => {
        // GIVEN the rows under another key
        const schema: Schema = { tunnelBgp: { kind: "object", fields: bgpBlockFields((key) => ({ default: { path: key } })) } };
        for (const cidr of RESERVED_TUNNEL_CIDRS) {
            // WHEN checked
            const { failures } = checkInputs(schema, { tunnelBgp: { tunnelCidr: cidr } });
            // THEN
            assert.deepEqual(failures.map((f) => f.property), ["tunnelBgp.tunnelCidr"], cidr);
        }
        assert.equal(RESERVED_TUNNEL_CIDRS.length, 8);
    });

    it("fails when localBgpIp is outside its sibling tunnelCidr, naming the sibling's path", () => {
        // WHEN
        const { failures } = checkInputs({ tunnelBgp: { kind: "object", fields: bgpBlockFields((key) => ({ default: { path: key } })) } }, { tunnelBgp: { tunnelCidr: "169.254.21.0/30", localBgpIp: "169.254.22.1" } });
        // THEN
        assert.deepEqual(failures, [{ property: "tunnelBgp.localBgpIp", reason: "must be inside tunnelBgp.tunnelCidr 169.254.21.0/30 (got 169.254.22.1)" }]);
    });

    it("can leave an unset bgpConfig out entirely (no defaults are sent)", () => {
        // WHEN
        const { inputs, failures } = checkInputs({ bgpConfig: BGP_CONFIG_FIELD }, {});
        // THEN
        assert.deepEqual([inputs, failures], [{}, []]);
    });

    it("can read VpnBgpConfig's empty strings as unset", () => {
        // WHEN
        const read = fromApiResponse({ bgpConfig: BGP_CONFIG_FIELD }, { VpnBgpConfig: { EnableBgp: "false", LocalAsn: 45104, TunnelCidr: "", LocalBgpIp: "" } });
        // THEN
        assert.deepEqual(read, { bgpConfig: { enableBgp: false, localAsn: 45104 } });
    });
});
