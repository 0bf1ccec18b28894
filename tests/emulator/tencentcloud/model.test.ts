import assert from "node:assert/strict";
import { REGION } from "../../../emulator/tencentcloud/fixtures";
import { formatCloudTime, toVpnConnection, type ConnectionView } from "../../../emulator/tencentcloud/model";
import { TencentStore } from "../../../emulator/tencentcloud/store";
import { validateCreate } from "../../../emulator/tencentcloud/validation";
import { createRequest, fakeContext } from "./support";

const attrs = validateCreate(createRequest(), new TencentStore(fakeContext()).lookups(REGION));
const view: ConnectionView = {
    id: "vpnx-abcdefgh",
    createdTime: "2026-01-01 08:00:00",
    state: "AVAILABLE",
    netStatus: "AVAILABLE",
    healthCheckStatus: "",
    localBgpAsn: 64551,
    remoteBgpAsn: 65001,
};

describe("model", () => {
    it("can render the SA lifetimes as numbers by default", () => {
        // WHEN
        const c = toVpnConnection(attrs, view, { numbersAsStrings: false });
        // THEN
        assert.equal(c.IKEOptionsSpecification!.IKESaLifetimeSeconds, 86400);
        assert.equal(c.IPSECOptionsSpecification!.IPSECSaLifetimeTraffic, 4096000000);
    });

    it("can render the SA lifetimes as strings, as the doc examples show them", () => {
        // WHEN
        const c = toVpnConnection(attrs, view, { numbersAsStrings: true });
        // THEN
        assert.equal(c.IKEOptionsSpecification!.IKESaLifetimeSeconds as unknown, "86400");
        assert.equal(c.IPSECOptionsSpecification!.IPSECSaLifetimeSeconds as unknown, "14400");
    });

    it("can render BgpConfig with both ASNs as strings, and null without BGP", () => {
        // GIVEN
        const bgp = { ...attrs, BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" } };
        const withBgp = toVpnConnection(bgp, view, { numbersAsStrings: false });
        // WHEN
        const without = toVpnConnection(attrs, view, { numbersAsStrings: false });
        // THEN
        assert.deepEqual(withBgp.BgpConfig, { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2", LocalBgpAsn: "64551", RemoteBgpAsn: "65001" });
        assert.equal(without.BgpConfig, null);
    });

    it("can list tags at once, late (empty while PENDING) or never, as the settings say", () => {
        // GIVEN a connection created with a tag
        const tagged = { ...attrs, TagSet: [{ Key: "k", Value: "v" }] };
        const pending = { ...view, state: "PENDING" };
        // WHEN rendered under each setting
        const tags = (v: ConnectionView, options: { tagSetLate?: boolean; tagSetEmpty?: boolean }) => toVpnConnection(tagged, v, { numbersAsStrings: false, ...options }).TagSet;
        // THEN
        assert.deepEqual(tags(pending, {}), [{ Key: "k", Value: "v" }]);
        assert.deepEqual(tags(pending, { tagSetLate: true }), []);
        assert.deepEqual(tags(view, { tagSetLate: true }), [{ Key: "k", Value: "v" }]);
        assert.deepEqual(tags(view, { tagSetEmpty: true }), []);
    });

    it("can format times as YYYY-MM-DD hh:mm:ss in UTC+8", () => {
        // WHEN / THEN
        assert.equal(formatCloudTime(Date.UTC(2026, 0, 1, 20, 5, 9)), "2026-01-02 04:05:09");
    });
});
