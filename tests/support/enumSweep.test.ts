import assert from "node:assert/strict";
import { Schema } from "../../provider/core/schema";
import { sweepVariants } from "./enumSweep";

const SCHEMA: Schema = {
    name: { kind: "string", required: true },
    mode: { kind: "string", enum: ["main", "aggressive"] },
    ike: { kind: "object", fields: { version: { kind: "string", enum: ["ikev1", "ikev2"] } } },
    subnets: { kind: "list", set: true, items: { kind: "string" } },
    key: { kind: "string", enum: ["a", "b"], local: true },
};

describe("enumSweep", () => {
    it("can make one upper-case variant per enum value, nested ones included, plus reordered sets and defaults unset", () => {
        // GIVEN a baseline
        const base = { name: "n", mode: "main", ike: { version: "ikev2" }, subnets: ["10.0.0.0/16", "10.1.0.0/16"] };
        // WHEN swept
        const variants = Object.fromEntries(sweepVariants(SCHEMA, base, []));
        // THEN each cloud enum value appears once in upper case, local enums are left out, sets are reversed, and
        // the last variant keeps only the required fields
        assert.deepEqual(Object.keys(variants), ["mode=main", "mode=aggressive", "ike.version=ikev1", "ike.version=ikev2", "reordered lists", "defaults left unset"]);
        assert.equal(variants["mode=aggressive"].mode, "AGGRESSIVE");
        assert.deepEqual(variants["ike.version=ikev1"].ike, { version: "IKEV1" });
        assert.deepEqual(variants["reordered lists"].subnets, ["10.1.0.0/16", "10.0.0.0/16"]);
        assert.deepEqual(variants["defaults left unset"], { name: "n" });
    });

    it("can skip the paths it is told to", () => {
        // GIVEN a baseline and a skipped nested path
        // WHEN swept
        const names = sweepVariants(SCHEMA, { name: "n" }, ["ike.version"]).map(([name]) => name);
        // THEN no variant sets it
        assert.ok(!names.some((name) => name.startsWith("ike.version")));
    });
});
