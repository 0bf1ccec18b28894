import assert from "node:assert/strict";
import { isPlainObject, lookupKeys, ownEntry, Schema, secretPaths, secretValues } from "../../../provider/core/schema";

describe("schema", () => {
    describe("ownEntry", () => {
        it("can find declared entries only, never Object.prototype's", () => {
            // GIVEN a table
            const table = { aes: "AES", des: "DES" };
            // WHEN looked up with a declared key and with keys every object inherits
            const found = ["aes", "constructor", "toString", "__proto__", "hasOwnProperty"].map((k) => ownEntry(table, k));
            // THEN only the declared key has an entry
            assert.deepEqual(found, ["AES", undefined, undefined, undefined, undefined]);
        });
    });

    describe("secretPaths", () => {
        it("can list secret fields at every depth", () => {
            // GIVEN a table with a top-level secret and one inside an object field
            const schema: Schema = {
                name: { kind: "string" },
                preSharedKey: { kind: "string", secret: true },
                ike: { kind: "object", fields: { localId: { kind: "string" }, key: { kind: "string", secret: true } } },
            };
            // WHEN its secret paths are listed
            const paths = secretPaths(schema);
            // THEN both are named by their dotted path
            assert.deepEqual(paths, ["preSharedKey", "ike.key"]);
        });

        it("can list secret fields inside the blocks of a list", () => {
            // GIVEN a list of blocks, each with a secret key and a block holding another
            const schema: Schema = {
                tunnels: {
                    kind: "list",
                    items: { kind: "object", fields: { role: { kind: "string" }, psk: { kind: "string", secret: true }, ike: { kind: "object", fields: { key: { kind: "string", secret: true } } } } },
                },
            };
            // WHEN its secret paths are listed
            const paths = secretPaths(schema);
            // THEN each is named under the list's `[]`
            assert.deepEqual(paths, ["tunnels[].psk", "tunnels[].ike.key"]);
        });
    });

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

    describe("lookupKeys", () => {
        it("can list the rows that locate a resource, in table order", () => {
            // GIVEN a table whose region and API version rows locate the resource
            const schema: Schema = { region: { kind: "string", lookup: true }, name: { kind: "string" }, apiVersion: { kind: "string", lookup: true } };
            // WHEN its lookup keys are listed
            // THEN those two are, in table order
            assert.deepEqual(lookupKeys(schema), ["region", "apiVersion"]);
        });
    });

    describe("isPlainObject", () => {
        it("can tell nested maps from arrays, null and scalars", () => {
            // GIVEN values of every JSON kind
            const values = [{}, { a: 1 }, [], null, "s", 1, undefined];
            // WHEN tested
            // THEN only the objects are plain objects
            assert.deepEqual(values.map(isPlainObject), [true, true, false, false, false, false, false]);
        });
    });
});
