import assert from "node:assert/strict";
import { diffProps } from "../../../provider/core/diff";
import { Schema, UNKNOWN } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    gateway: { kind: "string", replaceOnChange: true },
    mode: { kind: "string", enum: ["main", "aggressive"] },
    subnets: { kind: "list", set: true, items: { kind: "string" } },
    psk: { kind: "string", computed: true, secret: true },
    token: { kind: "string", local: true },
    block: { kind: "object", fields: { lifetime: { kind: "integer", min: 0, max: 9 }, on: { kind: "boolean" } } },
};

describe("diffProps", () => {
    it("can see no change across order, case and JSON types", () => {
        // GIVEN actual values as an API reports them and equivalent desired values
        const actual = { gateway: "g", mode: "MAIN", subnets: ["b", "a"], block: { lifetime: "9", on: "true" }, token: "x" };
        const desired = { gateway: "g", mode: "main", subnets: ["a", "b"], block: { lifetime: 9, on: true }, token: "y" };
        // WHEN diffed
        const result = diffProps(SCHEMA, actual, desired);
        // THEN nothing changed
        assert.deepEqual(result, { changed: [], replaces: [] });
    });

    it("can ignore unset computed fields and report set ones", () => {
        const unset = diffProps(SCHEMA, { psk: "server-made" }, {});
        const set = diffProps(SCHEMA, { psk: "server-made" }, { psk: "mine" });
        assert.deepEqual(unset.changed, []);
        assert.deepEqual(set.changed, ["psk"]);
    });

    it("can report exactly the nested path that changed", () => {
        const result = diffProps(SCHEMA, { block: { lifetime: 1, on: true } }, { block: { lifetime: 2, on: true } });
        assert.deepEqual(result.changed, ["block.lifetime"]);
        assert.deepEqual(result.replaces, []);
    });

    it("can require replacement for replace-on-change fields, including unknown values", () => {
        const changed = diffProps(SCHEMA, { gateway: "g1" }, { gateway: "g2" });
        const unknown = diffProps(SCHEMA, { gateway: "g1" }, { gateway: UNKNOWN });
        assert.deepEqual(changed.replaces, ["gateway"]);
        assert.deepEqual(unknown.replaces, ["gateway"]);
    });
});
