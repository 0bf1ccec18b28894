import * as assert from "node:assert/strict";
import { changedKeys, clone, fromStruct, toStruct } from "./propertyMap";

describe("propertyMap", () => {
    it("can carry JSON-like values through a Struct unchanged", () => {
        // GIVEN a map with nested objects, arrays, null, numbers and booleans
        const map = { a: "x", b: 1.5, c: true, d: null, e: [1, { f: "g" }], h: { i: [] } };
        // WHEN it goes to a Struct and back
        const back = fromStruct(toStruct(map, "Create.properties"));
        // THEN it is equal, and an unset Struct reads as an empty map
        assert.deepEqual(back, map);
        assert.deepEqual(fromStruct(undefined), {});
    });

    it("fails to marshal a value that is not JSON-like, naming its path", () => {
        // GIVEN maps holding undefined, a Date and a Buffer deep inside
        const cases: [Record<string, unknown>, RegExp][] = [
            [{ a: { b: undefined } }, /^Check\.news\.a\.b is undefined;/],
            [{ when: [new Date(0)] }, /^Check\.news\.when\[0\] is Date;/],
            [{ bytes: Buffer.from("x") }, /^Check\.news\.bytes is Buffer;/],
        ];
        for (const [map, message] of cases) {
            // WHEN marshalled
            // THEN it fails naming where the value is
            assert.throws(() => toStruct(map, "Check.news"), (e: unknown) => e instanceof TypeError && message.test(e.message));
        }
    });

    it("can list the top-level keys whose values differ, as the engine compares inputs", () => {
        // GIVEN old and new inputs: one changed nested value, one added key, one removed, one equal
        const olds = { same: { x: [1, 2] }, nested: { x: 1 }, removed: "r" };
        const news = { same: { x: [1, 2] }, nested: { x: 2 }, added: "a" };
        // WHEN compared
        const changed = changedKeys(olds, news);
        // THEN the differing keys are listed, sorted
        assert.deepEqual(changed, ["added", "nested", "removed"]);
    });

    it("can copy a map deeply, so changing the copy leaves the original alone", () => {
        // GIVEN a nested map and its copy
        const original = { a: { b: [1] } };
        const copy = clone(original);
        // WHEN the copy is changed
        copy.a.b.push(2);
        // THEN the original is not
        assert.deepEqual(original, { a: { b: [1] } });
        assert.equal(clone(undefined), undefined);
    });
});
