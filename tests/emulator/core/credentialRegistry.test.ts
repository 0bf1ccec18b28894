import assert from "node:assert/strict";
import { CredentialRegistry, MAX_ISSUED_CREDENTIALS, hasExpired, isoSeconds, issuedLifetimeSeconds, sharedRegistry } from "../../../emulator/core/credentialRegistry";
import type { EmulatorContext } from "../../../emulator/core/types";

interface Key {
    id: string;
    secret: string;
    expiresAtMs?: number;
}

describe("credentialRegistry", () => {
    const context = (stsCredentialLifetimeSeconds?: number): EmulatorContext => ({
        now: () => 0,
        settings: { transitionMs: 0, connectionQuotaPerGateway: 0, latencyMs: 0, stsCredentialLifetimeSeconds },
        newRequestId: () => "id",
    });

    it("can find fixtures and issued credentials by key id, and forget only the issued ones on reset", () => {
        // GIVEN
        const registry = new CredentialRegistry<Key>((k) => k.id, [{ id: "fixed", secret: "s" }]);
        registry.add({ id: "issued", secret: "t", expiresAtMs: 10 });
        assert.equal(registry.get("issued")?.secret, "t");
        assert.equal(registry.issuedCount(), 1);
        // WHEN
        registry.reset();
        // THEN
        assert.equal(registry.get("issued"), undefined);
        assert.equal(registry.get("fixed")?.secret, "s");
    });

    it("can keep at most MAX_ISSUED_CREDENTIALS issued credentials, forgetting the oldest first", () => {
        // GIVEN
        const registry = new CredentialRegistry<Key>((k) => k.id, []);
        // WHEN
        for (let i = 0; i <= MAX_ISSUED_CREDENTIALS; i++) registry.add({ id: `k${i}`, secret: "s" });
        // THEN
        assert.equal(registry.issuedCount(), MAX_ISSUED_CREDENTIALS);
        assert.equal(registry.get("k0"), undefined);
        assert.ok(registry.get(`k${MAX_ISSUED_CREDENTIALS}`));
    });

    it("can tell an expired credential from one in date or one that never expires", () => {
        // THEN
        assert.equal(hasExpired({ expiresAtMs: 1000 }, 999), false);
        assert.equal(hasExpired({ expiresAtMs: 1000 }, 1000), true);
        assert.equal(hasExpired({}, Number.MAX_SAFE_INTEGER), false);
    });

    it("can share one registry per emulator context and cloud", () => {
        // GIVEN
        const ctx = context();
        const create = () => new CredentialRegistry<Key>((k) => k.id, []);
        // WHEN
        const first = sharedRegistry(ctx, "alicloud", create);
        // THEN
        assert.equal(sharedRegistry(ctx, "alicloud", create), first);
        assert.notEqual(sharedRegistry(ctx, "tencentcloud", create), first);
        assert.notEqual(sharedRegistry(context(), "alicloud", create), first);
    });

    it("can give issued credentials the requested duration unless stsCredentialLifetimeSeconds overrides it", () => {
        // THEN
        assert.equal(issuedLifetimeSeconds(context(), 3600), 3600);
        assert.equal(issuedLifetimeSeconds(context(0), 3600), 3600);
        assert.equal(issuedLifetimeSeconds(context(5), 3600), 5);
    });

    it("can write an expiry as ISO-8601 UTC to the second", () => {
        // THEN
        assert.equal(isoSeconds(Date.UTC(2015, 3, 9, 11, 52, 19, 987)), "2015-04-09T11:52:19Z");
    });
});
