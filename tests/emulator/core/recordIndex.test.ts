import assert from "node:assert/strict";
import { RecordIndex } from "../../../emulator/core/recordIndex";

interface Item {
    id: string;
    gateway: string;
}

const newIndex = () => new RecordIndex<Item>((i) => i.id, (i) => [i.gateway]);

describe("RecordIndex", () => {
    it("can list a group in creation order and forget deleted members", () => {
        // GIVEN
        const index = newIndex();
        const [a, b, c] = [{ id: "a", gateway: "g1" }, { id: "b", gateway: "g2" }, { id: "c", gateway: "g1" }];
        [a, b, c].forEach((i) => index.add(i));
        // WHEN
        index.delete(a);
        // THEN
        assert.deepEqual(index.group("g1"), [c]);
        assert.equal(index.groupSize("g1"), 1);
        assert.deepEqual(index.group("g2"), [b]);
        assert.deepEqual(index.all(), [b, c]);
        assert.equal(index.get("a"), undefined);
        assert.equal(index.has("c"), true);
    });

    it("can rank records so that items picked by id come back in listing order", () => {
        // GIVEN
        const index = newIndex();
        const items = ["x", "y", "z"].map((id) => ({ id, gateway: "g" }));
        items.forEach((i) => index.add(i));
        // WHEN
        const picked = [items[2], items[0]].sort((p, q) => index.rank(p) - index.rank(q));
        // THEN
        assert.deepEqual(picked.map((i) => i.id), ["x", "z"]);
    });

    it("can hand out only the records whose deadline has come, once, oldest first", () => {
        // GIVEN
        const index = newIndex();
        const [a, b, c] = ["a", "b", "c"].map((id) => ({ id, gateway: "g" }));
        [a, b, c].forEach((i) => index.add(i));
        index.due(c, 10);
        index.due(a, 10);
        index.due(b, 30);
        // WHEN
        const early = index.takeDue(5);
        const atTen = index.takeDue(10);
        const again = index.takeDue(20);
        const late = index.takeDue(30);
        // THEN
        assert.deepEqual(early, []);
        assert.deepEqual(atTen, [a, c]);
        assert.deepEqual(again, []);
        assert.deepEqual(late, [b]);
    });

    it("can replace a deadline, and drops it with the record", () => {
        // GIVEN
        const index = newIndex();
        const [a, b] = ["a", "b"].map((id) => ({ id, gateway: "g" }));
        [a, b].forEach((i) => index.add(i));
        index.due(a, 10);
        index.due(b, 10);
        // WHEN
        index.due(a, 50);
        index.delete(b);
        // THEN
        assert.deepEqual(index.takeDue(10), []);
        assert.deepEqual(index.takeDue(50), [a]);
    });

    it("fails to delete a record that is not the one stored under its id", () => {
        // GIVEN
        const index = newIndex();
        index.add({ id: "a", gateway: "g" });
        // WHEN
        const deleted = index.delete({ id: "a", gateway: "g" });
        // THEN
        assert.equal(deleted, false);
        assert.equal(index.size, 1);
    });
});
