import assert from "node:assert/strict";
import { NO_COUNTERPART, negotiate, negotiateWithAny, selectorsMirror } from "../../../emulator/peering/negotiation";
import type { TunnelEnd } from "../../../emulator/peering/proposal";

/** Two ends that agree: `a` at 192.0.2.1 protecting 10.0.0.0/16, `b` at 192.0.2.2 protecting 10.1.0.0/16. */
function ends(): [TunnelEnd, TunnelEnd] {
    const phase1 = { version: "ikev2", mode: "main", encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 28800, preSharedKey: "k" };
    const phase2 = { encryption: "aes256", integrity: "sha256", pfs: "group14", lifetimeSeconds: 3600 };
    const a: TunnelEnd = {
        localIp: "192.0.2.1",
        remoteIp: "192.0.2.2",
        ready: true,
        phase1: { ...phase1, localId: { kind: "address", value: "192.0.2.1" }, remoteId: { kind: "address", value: "192.0.2.2" } },
        phase2: { ...phase2, selectors: [{ local: "10.0.0.0/16", remote: "10.1.0.0/16" }] },
    };
    const b: TunnelEnd = {
        localIp: "192.0.2.2",
        remoteIp: "192.0.2.1",
        ready: true,
        phase1: { ...phase1, localId: { kind: "address", value: "192.0.2.2" }, remoteId: { kind: "address", value: "192.0.2.1" } },
        phase2: { ...phase2, selectors: [{ local: "10.1.0.0/16", remote: "10.0.0.0/16" }] },
    };
    return [a, b];
}

describe("negotiation", () => {
    it("can establish both SAs when every parameter agrees", () => {
        // GIVEN
        const [a, b] = ends();
        // WHEN
        const outcome = negotiate(a, b);
        // THEN
        assert.deepEqual(outcome, { phase: "established" });
    });

    for (const [field, value] of [["version", "ikev1"], ["mode", "aggressive"], ["encryption", "3des"], ["integrity", "sha1"], ["dhGroup", "group2"], ["lifetimeSeconds", 86400]] as const) {
        it(`fails in phase 1 when \`${field}\` differs`, () => {
            // GIVEN
            const [a, b] = ends();
            (b.phase1 as unknown as Record<string, unknown>)[field] = value;
            // WHEN
            const outcome = negotiate(a, b);
            // THEN
            assert.equal(outcome.phase, "ike");
            assert.match((outcome as { reason: string }).reason, new RegExp(`^${field} differs`));
        });
    }

    it("fails in phase 1 when the pre-shared keys differ, without naming either key", () => {
        // GIVEN
        const [a, b] = ends();
        b.phase1.preSharedKey = "other";
        // WHEN
        const outcome = negotiate(a, b);
        // THEN
        assert.deepEqual(outcome, { phase: "ike", reason: "preSharedKey differs" });
    });

    it("fails in phase 1 when an identity is not what the other side expects", () => {
        // GIVEN
        const [a, b] = ends();
        b.phase1.remoteId = { kind: "fqdn", value: "a.example" };
        // WHEN
        const outcome = negotiate(a, b);
        // THEN
        assert.equal(outcome.phase, "ike");
        assert.match((outcome as { reason: string }).reason, /identity 192\.0\.2\.1/);
    });

    for (const [field, value] of [["encryption", "aes128"], ["integrity", "md5"], ["pfs", "none"], ["lifetimeSeconds", 14400]] as const) {
        it(`fails in phase 2 when \`${field}\` differs`, () => {
            // GIVEN
            const [a, b] = ends();
            (b.phase2 as unknown as Record<string, unknown>)[field] = value;
            // WHEN
            const outcome = negotiate(a, b);
            // THEN
            assert.equal(outcome.phase, "ipsec");
        });
    }

    it("fails in phase 2 when the traffic selectors are not mirror images", () => {
        // GIVEN
        const [a, b] = ends();
        b.phase2.selectors = [{ local: "10.1.0.0/16", remote: "10.9.0.0/16" }];
        // WHEN
        const outcome = negotiate(a, b);
        // THEN
        assert.deepEqual(outcome, { phase: "ipsec", reason: "traffic selectors are not mirror images" });
    });

    it("can compare selectors as sets, in any order", () => {
        // GIVEN
        const a = [{ local: "10.0.0.0/24", remote: "10.1.0.0/24" }, { local: "10.0.1.0/24", remote: "10.1.0.0/24" }];
        const b = [{ local: "10.1.0.0/24", remote: "10.0.1.0/24" }, { local: "10.1.0.0/24", remote: "10.0.0.0/24" }];
        // THEN
        assert.equal(selectorsMirror(a, b), true);
        assert.equal(selectorsMirror(a, b.slice(1)), false);
    });

    it("fails with no counterpart when an end is not ready", () => {
        // GIVEN
        const [a, b] = ends();
        b.ready = false;
        // WHEN
        const outcome = negotiate(a, b);
        // THEN
        assert.deepEqual(outcome, NO_COUNTERPART);
    });

    it("can pick the furthest outcome among facing candidates and ignore ends that do not face it", () => {
        // GIVEN
        const [a, b] = ends();
        const wrongPsk: TunnelEnd = { ...b, phase1: { ...b.phase1, preSharedKey: "other" } };
        const elsewhere: TunnelEnd = { ...b, localIp: "192.0.2.9" };
        // WHEN
        const best = negotiateWithAny(a, [wrongPsk, b]);
        const none = negotiateWithAny(a, [elsewhere]);
        const phase1Only = negotiateWithAny(a, [wrongPsk]);
        // THEN
        assert.deepEqual([best.phase, none, phase1Only.phase], ["established", NO_COUNTERPART, "ike"]);
    });
});
