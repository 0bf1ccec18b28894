import assert from "node:assert/strict";
import { computed2, computed3, api2State, view2, view3 } from "../../../provider/tencentcloud/views";

describe("tencentcloud views", () => {
    it("can fall back to IntegrityAlgorithm when the deprecated IntegrityAlgorith is null (`vpc_models.d.ts`: it may return null)", () => {
        const view = view3({ IPSECOptionsSpecification: { IntegrityAlgorith: null, IntegrityAlgorithm: "SHA-256" } });
        assert.equal((view.IPSECOptionsSpecification as any).IntegrityAlgorith, "SHA-256");
    });

    it("can rebuild the policy from DescribeVpnConn only when there is one local CIDR", () => {
        assert.deepEqual(view2({ sourceCidr: ["10.0.0.0/16"], destinationCidr: ["192.168.0.0/24"] }).spd, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.0.0/24"] }]);
        assert.equal(view2({ sourceCidr: ["10.0.0.0/24", "10.0.1.0/24"], destinationCidr: ["192.168.0.0/24"] }).spd, undefined);
    });

    it("can report both generations' computed outputs in API 3.0 vocabulary", () => {
        assert.deepEqual(computed3({ VpnConnectionId: "vpnx-1", State: "AVAILABLE", NetStatus: "AVAILABLE", CreatedTime: "2024-01-01 00:00:00", VpnProto: "IPSEC", EncryptProto: "IKE", HealthCheckStatus: "" }), {
            vpnConnectionId: "vpnx-1",
            state: "AVAILABLE",
            netStatus: "AVAILABLE",
            createdTime: "2024-01-01 00:00:00",
            vpnProto: "IPSEC",
            encryptProto: "IKE",
            healthCheckStatus: null,
        });
        const api2 = computed2({ unVpnConnId: "vpnx-1", vpnConnId: 4001, vpcConnStatus: 6, netStatus: "available", createTime: "2024-01-01 00:00:00" });
        assert.equal(api2.vpnConnectionId, "vpnx-1");
        assert.equal(api2.state, "AVAILABLE");
        assert.equal(api2.netStatus, "AVAILABLE");
        assert.deepEqual([0, 2, 4, 1, 3].map(api2State), ["PENDING", "PENDING", "DELETING", "CREATE_FAILED", "MODIFY_FAILED"]);
        // Codes beyond the documented 0–4 count as settled rather than stalling a wait.
        assert.deepEqual([5, 6, 9].map(api2State), ["AVAILABLE", "AVAILABLE", "AVAILABLE"]);
    });

    it("can leave an empty reported PSK out, in both generations, so it is neither drift nor sent back", () => {
        // WHEN / THEN
        assert.equal("PreShareKey" in view3({ VpnConnectionId: "vpnx-1", PreShareKey: "" }), false);
        assert.equal("preSharedKey" in view2({ vpnConnId: "vpnx-1", preSharedKey: "" }), false);
        assert.equal(view3({ PreShareKey: "kept" }).PreShareKey, "kept");
    });
});
