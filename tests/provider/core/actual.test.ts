import assert from "node:assert/strict";
import { adoptionFailures, overlayActual, withUnmanagedFromActual } from "../../../provider/core/actual";
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

const WITH_LOCAL: Schema = {
    name: { kind: "string" },
    psk: { kind: "string", computed: true, secret: true },
    block: { kind: "object", fields: { alg: { kind: "string" }, id: { kind: "string", computed: true } } },
};

describe("withUnmanagedFromActual", () => {
    it("can complete a re-sent block with the cloud's values of unmanaged fields", () => {
        // GIVEN a PSK and an identity the cloud filled in, and a desired block change
        // WHEN the desired inputs are completed from the cloud's
        const completed = withUnmanagedFromActual(WITH_LOCAL, { name: "a", block: { alg: "new" } }, { name: "a", psk: "generated", block: { alg: "old", id: "1.2.3.4" } });
        // THEN they travel with the change instead of being dropped
        assert.deepEqual(completed, { name: "a", psk: "generated", block: { alg: "new", id: "1.2.3.4" } });
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

describe("adoptionFailures: keyed lists of blocks", () => {
    const TUNNELED: Schema = {
        tunnels: { kind: "list", keyBy: "role", items: { kind: "object", fields: { role: { kind: "string" }, peer: { kind: "string", replaceOnChange: true }, dpd: { kind: "boolean" } } } },
    };

    it("fails when an item's replace-on-change field differs from the cloud's item of the same key, naming it", () => {
        // GIVEN a cloud connection whose slave has another peer (and another DPD, which converges)
        const actual = { tunnels: [{ role: "slave", peer: "c", dpd: false }, { role: "master", peer: "a", dpd: true }] };
        const desired = { tunnels: [{ role: "master", peer: "a", dpd: true }, { role: "slave", peer: "b", dpd: true }] };
        // WHEN its adoption is judged
        const failures = adoptionFailures(TUNNELED, "adoptId", "c-1", actual, desired);
        // THEN only the slave's peer blocks it
        assert.deepEqual(failures.map((f) => f.property), ["adoptId"]);
        assert.match(failures[0].reason, /tunnels\[1\]\.peer c, not the desired `tunnels\[1\]\.peer`/);
    });
});
