import assert from "node:assert/strict";
import { canonicalJson, normalize, sortSet, valuesEqual } from "../../../provider/core/equality";
import { Field } from "../../../provider/core/schema";

describe("equality", () => {
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

    describe("sortSet", () => {
        it("can order a set's items the same whatever order they came in, leaving the input alone", () => {
            // GIVEN the same items in two orders
            const one = [{ cidr: "10.1.0.0/16" }, { cidr: "10.0.0.0/16" }, "b", 2];
            const other = [2, "b", { cidr: "10.0.0.0/16" }, { cidr: "10.1.0.0/16" }];
            // WHEN sorted
            const sorted = sortSet(one);
            // THEN both give one order, and the input keeps its own
            assert.deepEqual(sorted, sortSet(other));
            assert.deepEqual(one[0], { cidr: "10.1.0.0/16" });
        });
    });

    describe("normalize and valuesEqual", () => {
        const block: Field = {
            kind: "object",
            fields: {
                version: { kind: "string", enum: ["ikev1", "ikev2"] },
                lifetime: { kind: "integer", min: 0, max: 1_000_000 },
                dpd: { kind: "boolean" },
                subnets: { kind: "list", items: { kind: "string" }, set: true },
                order: { kind: "list", items: { kind: "string" } },
            },
        };

        it("can equate values that differ in enum case, set order and the API's string-typed numbers and booleans", () => {
            // GIVEN the cloud's spelling of a block and the program's
            const cloud = { version: "IKEV2", lifetime: "86400", dpd: "true", subnets: ["10.1.0.0/16", "10.0.0.0/16"], order: ["a", "b"] };
            const program = { version: "ikev2", lifetime: 86400, dpd: true, subnets: ["10.0.0.0/16", "10.1.0.0/16"], order: ["a", "b"] };
            // WHEN compared
            // THEN they mean the same, in one normal form with the canonical enum spelling
            assert.equal(valuesEqual(block, cloud, program), true);
            assert.deepEqual(normalize(block, cloud), normalize(block, program));
            assert.equal((normalize(block, cloud) as { version: string }).version, "ikev2");
        });

        it("can equate identical copies, and copies that differ only in an undefined member or key order", () => {
            // GIVEN a block, a copy of it, one with an undefined member more, and one with its keys in another order
            const program = { version: "ikev2", lifetime: 86400, subnets: ["10.0.0.0/16"], order: ["a", "b"] };
            const copy = JSON.parse(JSON.stringify(program));
            // WHEN each is compared with the block
            const results = [
                valuesEqual(block, program, copy),
                valuesEqual(block, program, { ...program, dpd: undefined }),
                valuesEqual(block, program, { order: ["a", "b"], subnets: ["10.0.0.0/16"], lifetime: 86400, version: "ikev2" }),
            ];
            // THEN all are equal
            assert.deepEqual(results, [true, true, true]);
        });

        it("fails to equate values that differ in an ordered list's order, a number or an absent member", () => {
            // GIVEN a program's block and three changes of it
            const program = { version: "ikev2", lifetime: 86400, order: ["a", "b"] };
            // WHEN compared with an ordered list reversed, another number, and a member missing
            const results = [
                valuesEqual(block, program, { ...program, order: ["b", "a"] }),
                valuesEqual(block, program, { ...program, lifetime: 3600 }),
                valuesEqual(block, program, { version: "ikev2", order: ["a", "b"] }),
            ];
            // THEN none is equal
            assert.deepEqual(results, [false, false, false]);
        });
    });
});
