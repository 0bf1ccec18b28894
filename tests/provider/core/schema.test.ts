import assert from "node:assert/strict";
import { canonicalJson, isPlainObject, ownEntry, Schema, secretPaths } from "../../../provider/core/schema";

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

    describe("canonicalJson", () => {
        it("can write equal values the same whatever their key order, skipping undefined members", () => {
            // GIVEN two objects with the same members in another order, one with an undefined member
            const a = { b: [2, 1], a: { y: 1, x: "s" } };
            const b = { a: { x: "s", y: 1, z: undefined }, b: [2, 1] };
            // WHEN written canonically
            // THEN both read the same, with sorted keys and arrays in their order
            assert.equal(canonicalJson(a), canonicalJson(b));
            assert.equal(canonicalJson(a), '{"a":{"x":"s","y":1},"b":[2,1]}');
        });

        it("can tell values apart that differ in order of a list or in type", () => {
            // GIVEN values that differ only in list order, or in a string against a number
            // WHEN written canonically
            // THEN they differ, and undefined reads as null
            assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
            assert.notEqual(canonicalJson({ a: "1" }), canonicalJson({ a: 1 }));
            assert.equal(canonicalJson(undefined), "null");
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
