import assert from "node:assert/strict";
import { isTencentError } from "../../../emulator/tencentcloud/errors";
import { describeList, type ListSpec } from "../../../emulator/tencentcloud/listing";

interface Item {
    id: string;
    colour: string;
    size: string;
}
const items: Item[] = Array.from({ length: 25 }, (_, i) => ({ id: `it-${i}`, colour: i % 2 ? "red" : "blue", size: i < 5 ? "s" : "l" }));
const spec: ListSpec<Item> = { idsParam: "ItemIds", items, idOf: (i) => i.id, resource: "vpc", filters: { colour: (i) => i.colour, size: (i) => i.size } };

function code(p: Record<string, unknown>): string {
    try {
        describeList(p, spec);
    } catch (e) {
        if (isTencentError(e)) return e.code;
        throw e;
    }
    return "OK";
}

describe("listing", () => {
    it("can page with Offset 0 and Limit 20 by default", () => {
        // WHEN
        const { total, page } = describeList({}, spec);
        // THEN
        assert.deepEqual([total, page.length, page[0].id], [25, 20, "it-0"]);
    });

    it("can AND filters and OR their values", () => {
        // WHEN
        const { total } = describeList({ Filters: [{ Name: "colour", Values: ["red"] }, { Name: "size", Values: ["s", "l"] }] }, spec);
        // THEN
        assert.equal(total, 12);
        assert.equal(describeList({ Filters: [{ Name: "colour", Values: ["red"] }, { Name: "size", Values: ["s"] }] }, spec).total, 2);
    });

    it("can select by ids", () => {
        // WHEN / THEN
        assert.deepEqual(describeList({ ItemIds: ["it-3", "it-1"] }, spec).page.map((i) => i.id), ["it-1", "it-3"]);
    });

    it("fails with the documented codes", () => {
        // WHEN / THEN
        assert.equal(code({ ItemIds: ["it-1"], Filters: [] }), "InvalidParameter.Coexist");
        assert.equal(code({ Filters: [{ Name: "shape", Values: ["x"] }] }), "InvalidParameter.FilterInvalidKey");
        assert.equal(code({ ItemIds: ["it-99"] }), "ResourceNotFound");
        assert.equal(code({ Limit: 101 }), "InvalidParameterValue.LimitExceeded");
        assert.equal(code({ Offset: -1 }), "InvalidParameterValue");
        assert.equal(code({ Filters: Array.from({ length: 11 }, () => ({ Name: "colour", Values: ["red"] })) }), "InvalidParameterValue.LimitExceeded");
        assert.equal(code({ Filters: [{ Name: "colour", Values: [1] }] }), "InvalidParameter");
        assert.equal(code({ Colour: "red" }), "UnknownParameter");
    });
});
