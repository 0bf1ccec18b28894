import assert from "node:assert/strict";
import { computed2, computed3, api2State, view2, view3 } from "../../../provider/tencentcloud/views";

describe("tencentcloud views", () => {
    it("can fall back to IntegrityAlgorithm when the deprecated IntegrityAlgorith is null (`vpc_models.d.ts`: it may return null)", () => {
        // GIVEN an API 3.0 answer whose deprecated field is null and whose new one is set
        const answer = { IPSECOptionsSpecification: { IntegrityAlgorith: null, IntegrityAlgorithm: "SHA-256" } };
        // WHEN viewed
        const view = view3(answer);
        // THEN the field the table reads holds the new field's value
        assert.equal((view.IPSECOptionsSpecification as any).IntegrityAlgorith, "SHA-256");
    });

    it("can rebuild the policy from DescribeVpnConn only when there is one local CIDR", () => {
        // GIVEN API 2.0 items with one local CIDR, and with two
        const one = { sourceCidr: ["10.0.0.0/16"], destinationCidr: ["192.168.0.0/24"] };
        const two = { sourceCidr: ["10.0.0.0/24", "10.0.1.0/24"], destinationCidr: ["192.168.0.0/24"] };
        // WHEN viewed
        // THEN the first gives its one policy back; the second's pairing is lost, so none is made up
        assert.deepEqual(view2(one).spd, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.0.0/24"] }]);
        assert.equal(view2(two).spd, undefined);
    });

    it("can report a BGP tunnel's ASNs, numbers or strings, and null without BGP", () => {
        // GIVEN BgpConfigAndAsn with a numeric and a string ASN, and a connection whose BgpConfig is null
        const bgp = { VpnConnectionId: "vpnx-1", BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpAsn: 64551, RemoteBgpAsn: "65001" } };
        const none = { VpnConnectionId: "vpnx-2", BgpConfig: null };
        // WHEN their computed outputs are taken
        const withBgp = computed3(bgp);
        const without = computed3(none);
        // THEN the ASNs read as text, and as null without BGP
        assert.deepEqual([withBgp.bgpLocalAsn, withBgp.bgpRemoteAsn], ["64551", "65001"]);
        assert.deepEqual([without.bgpLocalAsn, without.bgpRemoteAsn], [null, null]);
    });

    it("can report both generations' computed outputs in API 3.0 vocabulary", () => {
        // GIVEN an API 3.0 connection and an API 2.0 item of the same connection
        const answer3 = { VpnConnectionId: "vpnx-1", State: "AVAILABLE", NetStatus: "AVAILABLE", CreatedTime: "2024-01-01 00:00:00", VpnProto: "IPSEC", EncryptProto: "IKE", HealthCheckStatus: "" };
        const item2 = { unVpnConnId: "vpnx-1", vpnConnId: 4001, vpcConnStatus: 6, netStatus: "available", createTime: "2024-01-01 00:00:00" };
        // WHEN their computed outputs are taken
        const modern = computed3(answer3);
        const api2 = computed2(item2);
        // THEN both speak API 3.0's words: ids, upper-case states, empty as null
        assert.deepEqual(modern, {
            vpnConnectionId: "vpnx-1",
            state: "AVAILABLE",
            netStatus: "AVAILABLE",
            createdTime: "2024-01-01 00:00:00",
            vpnProto: "IPSEC",
            encryptProto: "IKE",
            healthCheckStatus: null,
            bgpLocalAsn: null,
            bgpRemoteAsn: null,
        });
        assert.equal(api2.vpnConnectionId, "vpnx-1");
        assert.equal(api2.state, "AVAILABLE");
        assert.equal(api2.netStatus, "AVAILABLE");
    });

    it("can name API 2.0's numeric states as API 3.0 does, settling on codes past the documented ones", () => {
        // GIVEN the documented codes 0–4 and some beyond
        // WHEN translated
        // THEN each documented code has its state, and codes beyond count as settled rather than stalling a wait
        assert.deepEqual([0, 2, 4, 1, 3].map(api2State), ["PENDING", "PENDING", "DELETING", "CREATE_FAILED", "MODIFY_FAILED"]);
        assert.deepEqual([5, 6, 9].map(api2State), ["AVAILABLE", "AVAILABLE", "AVAILABLE"]);
    });

    it("can leave an empty reported PSK out, in both generations, so it is neither drift nor sent back", () => {
        // GIVEN answers of both generations with an empty PSK, and one with a PSK
        // WHEN viewed
        // THEN the empty PSKs are absent and the set one is kept
        assert.equal("PreShareKey" in view3({ VpnConnectionId: "vpnx-1", PreShareKey: "" }), false);
        assert.equal("preSharedKey" in view2({ vpnConnId: "vpnx-1", preSharedKey: "" }), false);
        assert.equal(view3({ PreShareKey: "kept" }).PreShareKey, "kept");
    });
});
