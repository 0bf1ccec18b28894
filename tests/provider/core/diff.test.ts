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
        // GIVEN a PSK the server made, desired unset and desired set
        // WHEN diffed
        const unset = diffProps(SCHEMA, { psk: "server-made" }, {});
        const set = diffProps(SCHEMA, { psk: "server-made" }, { psk: "mine" });
        // THEN only the desired value is a change
        assert.deepEqual(unset.changed, []);
        assert.deepEqual(set.changed, ["psk"]);
    });

    it("can report exactly the nested path that changed", () => {
        // GIVEN blocks differing in one member
        // WHEN diffed
        const result = diffProps(SCHEMA, { block: { lifetime: 1, on: true } }, { block: { lifetime: 2, on: true } });
        // THEN that member's path is reported, and nothing replaces
        assert.deepEqual(result.changed, ["block.lifetime"]);
        assert.deepEqual(result.replaces, []);
    });

    it("can require replacement for replace-on-change fields, including unknown values", () => {
        // GIVEN a replace-on-change field changed, and set to a value not known yet
        // WHEN diffed
        const changed = diffProps(SCHEMA, { gateway: "g1" }, { gateway: "g2" });
        const unknown = diffProps(SCHEMA, { gateway: "g1" }, { gateway: UNKNOWN });
        // THEN both replace
        assert.deepEqual(changed.replaces, ["gateway"]);
        assert.deepEqual(unknown.replaces, ["gateway"]);
    });
});
