import assert from "node:assert/strict";
import { adoptionFailures, checkResource, createToken, diffResource, IDEMPOTENCY_KEY_FIELD, overlayActual, withLocalSettings, withUnmanagedFromActual } from "../../../provider/core/resource";
import { Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    name: { kind: "string" },
    tags: { kind: "list", items: { kind: "string" } },
    block: { kind: "object", fields: { a: { kind: "string" }, b: { kind: "string" } } },
};

describe("overlayActual", () => {
    it("can replace values the cloud reports and keep the desired rest", () => {
        // GIVEN desired inputs and a describe that reports some of them differently
        // WHEN the describe is laid over the inputs
        const outputs = overlayActual(SCHEMA, { name: "want", tags: ["x"], block: { a: "1", b: "2" }, local: "kept" }, { name: "have", tags: [], block: { a: "9" } });
        // THEN reported values win, blocks merge field by field, unreported keys stay
        assert.deepEqual(outputs, { name: "have", tags: [], block: { a: "9", b: "2" }, local: "kept" });
    });

    it("can take a reported block when none was desired", () => {
        // GIVEN no desired block and a reported one
        // WHEN laid over
        // THEN the reported block is taken
        assert.deepEqual(overlayActual(SCHEMA, {}, { block: { a: "1" } }), { block: { a: "1" } });
    });
});

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

    it("can complete a re-sent block with the cloud's values of unmanaged fields", () => {
        // GIVEN a PSK and an identity the cloud filled in, and a desired block change
        // WHEN the desired inputs are completed from the cloud's
        const completed = withUnmanagedFromActual(WITH_LOCAL, { name: "a", block: { alg: "new" } }, { name: "a", psk: "generated", block: { alg: "old", id: "1.2.3.4" } });
        // THEN they travel with the change instead of being dropped
        assert.deepEqual(completed, { name: "a", psk: "generated", block: { alg: "new", id: "1.2.3.4" } });
    });

    it("can derive a create token from the idempotency key and replace-on-change fields only", () => {
        // GIVEN a table with a replace-on-change field, an updatable one and a secret
        const schema: Schema = { gw: { kind: "string", replaceOnChange: true }, name: { kind: "string" }, psk: { kind: "string", secret: true } };
        // WHEN tokens are made for inputs that differ in the updatable field and the secret, the gateway, or the key
        // THEN only the gateway and the key change the token
        const base = createToken(schema, { idempotencyKey: "p/s/n", gw: "g1", name: "a", psk: "x" });
        assert.equal(createToken(schema, { idempotencyKey: "p/s/n", gw: "g1", name: "b", psk: "y" }), base);
        assert.notEqual(createToken(schema, { idempotencyKey: "p/s/n", gw: "g2", name: "a" }), base);
        assert.notEqual(createToken(schema, { idempotencyKey: "p/s/other", gw: "g1", name: "a" }), base);
    });

    it("can tell resources apart by all non-secret inputs when no idempotency key is set", () => {
        // GIVEN the same table and inputs without an idempotency key
        const schema: Schema = { gw: { kind: "string", replaceOnChange: true }, name: { kind: "string" }, psk: { kind: "string", secret: true } };
        // WHEN tokens are made for inputs differing in name, and in PSK only
        // THEN the name tells them apart, the secret does not
        assert.notEqual(createToken(schema, { gw: "g1", name: "a" }), createToken(schema, { gw: "g1", name: "b" }));
        assert.equal(createToken(schema, { gw: "g1", name: "a", psk: "x" }), createToken(schema, { gw: "g1", name: "a", psk: "y" }));
    });
});

describe("adoptionFailures", () => {
    const OWNED: Schema = {
        gateway: { kind: "string", replaceOnChange: true },
        region: { kind: "string", replaceOnChange: true, writeOnly: true },
        name: { kind: "string" },
    };

    it("fails when a replace-on-change property the cloud reports differs, naming it", () => {
        // GIVEN a connection of another gateway with another name
        // WHEN its adoption is judged
        const failures = adoptionFailures(OWNED, "adoptId", "c-1", { gateway: "g2", name: "x" }, { gateway: "g1", region: "r", name: "y" });
        // THEN only the gateway blocks adoption (the name converges; the region is not reported)
        assert.deepEqual(failures.map((f) => f.property), ["adoptId"]);
        assert.match(failures[0].reason, /c-1 belongs to gateway g2, not the desired `gateway`/);
    });

    it("can accept a connection whose unmodifiable properties match", () => {
        // GIVEN a connection on the desired gateway with another name
        // WHEN its adoption is judged
        // THEN nothing blocks it
        assert.deepEqual(adoptionFailures(OWNED, "adoptId", "c-1", { gateway: "g1", name: "x" }, { gateway: "g1", name: "y" }), []);
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
