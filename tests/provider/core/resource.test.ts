import assert from "node:assert/strict";
import { createToken, IDEMPOTENCY_KEY_FIELD } from "../../../provider/core/idempotency";
import { checkResource, diffResource, withLocalSettings } from "../../../provider/core/resource";
import { Schema } from "../../../provider/core/schema";

describe("diffResource with local settings", () => {
    const WITH_LOCAL: Schema = {
        name: { kind: "string" },
        psk: { kind: "string", computed: true, secret: true },
        block: { kind: "object", fields: { alg: { kind: "string" }, id: { kind: "string", computed: true } } },
        timeouts: { kind: "object", local: true, fields: { create: { kind: "integer", min: 1, max: 10 } } },
    };

    it("can report a changed local setting as a change without cloud paths", () => {
        // GIVEN outputs with one deadline and inputs with another
        // WHEN diffed, and the local settings applied to outputs
        const result = diffResource(WITH_LOCAL, { name: "a", timeouts: { create: 1 } }, { name: "a", timeouts: { create: 2 } });
        // THEN the engine is told to update (so state records it), with no cloud field changed
        assert.equal(result.changes, true);
        assert.deepEqual(result.changedPaths, []);
        assert.deepEqual(result.localChanges, ["timeouts"]);
        assert.deepEqual(withLocalSettings(WITH_LOCAL, { name: "a", timeouts: { create: 1 }, extra: 1 }, { name: "a" }), { name: "a", timeouts: null, extra: 1 });
    });

});

describe("checkResource", () => {
    const KEYED: Schema = {
        gw: { kind: "string", replaceOnChange: true },
        region: { kind: "string", format: "regionId" },
        idempotencyKey: IDEMPOTENCY_KEY_FIELD,
    };
    const URN_KEY = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office";

    it("can keep the key an existing resource was created with when the new one is a URN default", () => {
        // GIVEN a resource created under the old default key, and the SDK's new default
        const olds = { gw: "g1", idempotencyKey: "proj/dev/office" };
        // WHEN checked against its previous inputs
        const result = checkResource(KEYED, { gw: "g1", idempotencyKey: URN_KEY }, { olds });
        // THEN the old key stays, so neither the diff nor a create token sees a change
        assert.deepEqual(result.inputs, { gw: "g1", idempotencyKey: "proj/dev/office" });
        assert.equal(diffResource(KEYED, olds, result.inputs!).changes, false);
        assert.equal(createToken(KEYED, result.inputs!), createToken(KEYED, olds));
    });

    it("can take the URN default for a new resource and a key the program sets for an existing one", () => {
        // GIVEN a new resource with the URN default, and an existing one whose program sets its own key
        // WHEN checked
        // THEN the first takes the URN, the second the program's key
        assert.equal(checkResource(KEYED, { gw: "g1", idempotencyKey: URN_KEY }, { olds: {} }).inputs!.idempotencyKey, URN_KEY);
        const explicit = checkResource(KEYED, { gw: "g1", idempotencyKey: "branch-1" }, { olds: { gw: "g1", idempotencyKey: "proj/dev/office" } });
        assert.equal(explicit.inputs!.idempotencyKey, "branch-1");
    });

    it("fails when a configured default is invalid, saying the value came from the configuration", () => {
        // GIVEN no region input and a configured default that is no region ID
        // WHEN checked
        const result = checkResource(KEYED, { gw: "g1" }, { defaults: { region: "evil.example/" } });
        // THEN the failure names region and where its value came from
        assert.deepEqual(result.failures?.map((f) => f.property), ["region"]);
        assert.match(result.failures![0].reason, /must be a region ID.*comes from the provider's stack config or environment/);
    });
});
