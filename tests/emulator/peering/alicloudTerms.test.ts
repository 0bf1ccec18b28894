import assert from "node:assert/strict";
import { alicloudPhase1, alicloudPhase2 } from "../../../emulator/peering/alicloudTerms";

describe("alicloudTerms", () => {
    it("can translate IkeConfig into neutral terms, `aes` being AES-128 and identities typed by their form", () => {
        // WHEN
        const phase1 = alicloudPhase1({ Psk: "k", IkeVersion: "ikev1", IkeMode: "aggressive", IkeEncAlg: "aes", IkeAuthAlg: "sha1", IkePfs: "group24", IkeLifetime: "86400", LocalId: "192.0.2.1", RemoteId: "peer.example" });
        // THEN
        assert.deepEqual(phase1, {
            version: "ikev1",
            mode: "aggressive",
            encryption: "aes128",
            integrity: "sha1",
            dhGroup: "group24",
            lifetimeSeconds: 86400,
            preSharedKey: "k",
            localId: { kind: "address", value: "192.0.2.1" },
            remoteId: { kind: "fqdn", value: "peer.example" },
        });
    });

    it("can translate IpsecConfig with PFS `disabled` and every local subnet to every remote one", () => {
        // WHEN
        const phase2 = alicloudPhase2({ IpsecEncAlg: "3des", IpsecAuthAlg: "sha512", IpsecPfs: "disabled", IpsecLifetime: 3600 }, "10.0.0.0/24, 10.0.1.0/24", "10.1.0.0/24");
        // THEN
        assert.deepEqual(phase2, {
            encryption: "3des",
            integrity: "sha512",
            pfs: "none",
            lifetimeSeconds: 3600,
            selectors: [{ local: "10.0.0.0/24", remote: "10.1.0.0/24" }, { local: "10.0.1.0/24", remote: "10.1.0.0/24" }],
        });
    });

    it("fails to match any other cloud with a value it does not know", () => {
        // WHEN
        const phase1 = alicloudPhase1({ Psk: "k", IkeVersion: "ikev3", IkeMode: "main", IkeEncAlg: "rot13", IkeAuthAlg: "md5", IkePfs: "modp", IkeLifetime: 1, LocalId: "a", RemoteId: "b" });
        // THEN
        assert.deepEqual([phase1.version, phase1.encryption, phase1.dhGroup], ["alicloud:ikev3", "alicloud:rot13", "alicloud:modp"]);
    });
});
