import assert from "node:assert/strict";
import { tencentPhase1, tencentPhase2 } from "../../../emulator/peering/tencentTerms";
import { IKE_DEFAULTS, IPSEC_DEFAULTS } from "../../../emulator/tencentcloud/model";

describe("tencentTerms", () => {
    it("can translate IKEOptionsSpecification into neutral terms, `SHA` being SHA-1", () => {
        // GIVEN
        const ike = { ...IKE_DEFAULTS, LocalAddress: "192.0.2.2", RemoteAddress: "", RemoteIdentity: "FQDN", RemoteFqdnName: "peer.example" };
        // WHEN
        const phase1 = tencentPhase1(ike, "k");
        // THEN
        assert.deepEqual(phase1, {
            version: "ikev1",
            mode: "main",
            encryption: "3des",
            integrity: "sha1",
            dhGroup: "group1",
            lifetimeSeconds: 86400,
            preSharedKey: "k",
            localId: { kind: "address", value: "192.0.2.2" },
            remoteId: { kind: "fqdn", value: "peer.example" },
        });
    });

    it("can translate IPSECOptionsSpecification, PfsDhGroup `NULL` being no PFS and `DH-GROUP14` group 14", () => {
        // WHEN
        const none = tencentPhase2({ ...IPSEC_DEFAULTS }, "STATIC", [{ LocalCidrBlock: "10.1.0.0/16", RemoteCidrBlock: ["10.0.0.0/24", "10.0.1.0/24"] }]);
        const group14 = tencentPhase2({ ...IPSEC_DEFAULTS, PfsDhGroup: "DH-GROUP14", IntegrityAlgorithm: "SHA-256" }, "STATIC", []);
        // THEN
        assert.deepEqual(none, {
            encryption: "aes128",
            integrity: "sha1",
            pfs: "none",
            lifetimeSeconds: 14400,
            selectors: [{ local: "10.1.0.0/16", remote: "10.0.0.0/24" }, { local: "10.1.0.0/16", remote: "10.0.1.0/24" }],
        });
        assert.deepEqual([group14.pfs, group14.integrity], ["group14", "sha256"]);
    });

    it("can protect every destination on a route-based tunnel, whatever its SPD", () => {
        // WHEN
        const phase2 = tencentPhase2({ ...IPSEC_DEFAULTS }, "StaticRoute", [{ LocalCidrBlock: "10.1.0.0/16", RemoteCidrBlock: ["10.0.0.0/24"] }]);
        // THEN
        assert.deepEqual(phase2.selectors, [{ local: "0.0.0.0/0", remote: "0.0.0.0/0" }]);
    });
});
