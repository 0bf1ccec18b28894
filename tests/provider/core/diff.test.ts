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

describe("diffProps: keyed lists of blocks", () => {
    const KEYED: Schema = {
        tunnels: {
            kind: "list",
            keyBy: "role",
            items: {
                kind: "object",
                fields: {
                    role: { kind: "string", enum: ["master", "slave"] },
                    peer: { kind: "string", replaceOnChange: true },
                    ike: { kind: "object", fields: { enc: { kind: "string" } } },
                    psk: { kind: "string", computed: true, secret: true },
                },
            },
        },
    };
    const actual = {
        tunnels: [
            { role: "master", peer: "a", ike: { enc: "aes" }, psk: "generated-1" },
            { role: "slave", peer: "b", ike: { enc: "aes" }, psk: "generated-2" },
        ],
    };

    it("can name a changed field of one item by its path, and leave unmanaged computed fields alone", () => {
        // GIVEN the slave's encryption changed, PSKs unset
        const desired = { tunnels: [{ role: "master", peer: "a", ike: { enc: "aes" } }, { role: "slave", peer: "b", ike: { enc: "aes256" } }] };
        // WHEN diffed
        const diff = diffProps(KEYED, actual, desired);
        // THEN only that field changed, in place
        assert.deepEqual(diff, { changed: ["tunnels[1].ike.enc"], replaces: [] });
    });

    it("can replace when a replace-on-change field inside an item changes", () => {
        // GIVEN the master's peer changed
        const desired = { tunnels: [{ role: "master", peer: "c", ike: { enc: "aes" } }, { role: "slave", peer: "b", ike: { enc: "aes" } }] };
        // WHEN diffed
        const diff = diffProps(KEYED, actual, desired);
        // THEN the list replaces the resource
        assert.deepEqual(diff, { changed: ["tunnels[0].peer"], replaces: ["tunnels"] });
    });

    it("can see no change when the cloud lists the same items in another order", () => {
        // GIVEN the actual items reversed
        const reversed = { tunnels: [...actual.tunnels].reverse() };
        const desired = { tunnels: [{ role: "master", peer: "a" }, { role: "slave", peer: "b" }] };
        // WHEN diffed
        // THEN items are matched by key
        assert.deepEqual(diffProps(KEYED, reversed, desired), { changed: [], replaces: [] });
    });

    it("fails to match when the cloud reports fewer items, changing the whole list", () => {
        // GIVEN one tunnel gone
        const desired = { tunnels: [{ role: "master", peer: "a" }, { role: "slave", peer: "b" }] };
        // WHEN diffed
        // THEN the list changed
        assert.deepEqual(diffProps(KEYED, { tunnels: [actual.tunnels[0]] }, desired).changed, ["tunnels"]);
    });
});
