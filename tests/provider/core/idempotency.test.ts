import assert from "node:assert/strict";
import { createToken, isDefaultIdempotencyKey, keptIdempotencyKey } from "../../../provider/core/idempotency";
import { Schema } from "../../../provider/core/schema";

describe("createToken", () => {
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

describe("keptIdempotencyKey", () => {
    const URN_KEY = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office";

    it("can keep an existing resource's key when the new one is a default", () => {
        // GIVEN a resource created under an older default key
        const olds = { idempotencyKey: "proj/dev/office" };
        // WHEN the SDK's URN default or no key arrives
        // THEN the old key is kept
        assert.equal(isDefaultIdempotencyKey(URN_KEY), true);
        assert.equal(keptIdempotencyKey(olds, { idempotencyKey: URN_KEY }), "proj/dev/office");
        assert.equal(keptIdempotencyKey(olds, {}), "proj/dev/office");
    });

    it("can take a key the program sets, and the default for a new resource", () => {
        // GIVEN an explicit key for an existing resource, and a default for a new one
        // WHEN the key to record is chosen
        // THEN the program's key wins, and a new resource takes the default
        assert.equal(keptIdempotencyKey({ idempotencyKey: "proj/dev/office" }, { idempotencyKey: "branch-1" }), "branch-1");
        assert.equal(keptIdempotencyKey({}, { idempotencyKey: URN_KEY }), URN_KEY);
    });
});

describe("createToken: lists of blocks", () => {
    const TUNNELED: Schema = {
        idempotencyKey: { kind: "string", local: true },
        tunnels: {
            kind: "list",
            keyBy: "role",
            items: { kind: "object", fields: { role: { kind: "string" }, peer: { kind: "string", replaceOnChange: true }, psk: { kind: "string", secret: true }, dpd: { kind: "boolean" } } },
        },
    };
    const tunnels = (peer: string, psk: string, dpd: boolean) => [{ role: "master", peer, psk, dpd }];

    it("can tell replacements apart by an item's replace-on-change field, ignoring its other fields and secrets", () => {
        // GIVEN keyed inputs differing in a tunnel's peer, or only in its PSK and DPD
        const base = createToken(TUNNELED, { idempotencyKey: "k", tunnels: tunnels("a", "p1", true) });
        // WHEN tokens are made
        const otherPeer = createToken(TUNNELED, { idempotencyKey: "k", tunnels: tunnels("b", "p1", true) });
        const otherSettings = createToken(TUNNELED, { idempotencyKey: "k", tunnels: tunnels("a", "p2", false) });
        // THEN only the peer changes the token
        assert.notEqual(otherPeer, base);
        assert.equal(otherSettings, base);
    });

    it("fails to let a secret inside an item reach an unkeyed token", () => {
        // GIVEN unkeyed inputs differing only in a tunnel's PSK
        // WHEN tokens are made
        // THEN they are equal: the PSK is not part of the material
        assert.equal(createToken(TUNNELED, { tunnels: tunnels("a", "p1", true) }), createToken(TUNNELED, { tunnels: tunnels("a", "p2", true) }));
        assert.notEqual(createToken(TUNNELED, { tunnels: tunnels("a", "p1", true) }), createToken(TUNNELED, { tunnels: tunnels("a", "p1", false) }));
    });
});
