import assert from "node:assert/strict";
import { Schema, secretValues } from "../../../provider/core/schema";

describe("core/schema", () => {
    describe("secretValues", () => {
        const schema: Schema = {
            psk: { kind: "string", secret: true },
            name: { kind: "string" },
            block: { kind: "object", fields: { token: { kind: "string", secret: true }, plain: { kind: "string" } } },
            list: { kind: "list", items: { kind: "object", fields: { key: { kind: "string", secret: true } } } },
        };

        it("can collect the value of every secret row, in blocks and lists of blocks too", () => {
            // GIVEN props with secrets at the top, in a block and in a list of blocks
            const props = { psk: "p-1", name: "office", block: { token: "t-1", plain: "x" }, list: [{ key: "k-1" }, { key: "k-2" }] };
            // WHEN the values to scrub are collected
            // THEN every secret is there, and nothing else
            assert.deepEqual(secretValues(schema, props), ["p-1", "t-1", "k-1", "k-2"]);
        });

        it("can skip absent secrets and values of the wrong shape", () => {
            // GIVEN props without a PSK, with a block that is not an object and a list that is not a list
            const props = { name: "office", block: "oops", list: { key: "not a list" } };
            // WHEN the values to scrub are collected
            // THEN there are none, and nothing throws
            assert.deepEqual(secretValues(schema, props), []);
            assert.deepEqual(secretValues(schema, undefined), []);
        });

        it("can ignore inherited keys named like a secret row", () => {
            // GIVEN props whose only "psk" comes from the prototype
            const props = Object.create({ psk: "inherited" }) as Record<string, unknown>;
            // WHEN the values to scrub are collected
            // THEN an inherited value is not taken for the row's
            assert.deepEqual(secretValues(schema, props), []);
        });
    });
});
