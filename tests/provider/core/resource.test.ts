import assert from "node:assert/strict";
import { overlayActual } from "../../../provider/core/resource";
import { Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    name: { kind: "string" },
    tags: { kind: "list", items: { kind: "string" } },
    block: { kind: "object", fields: { a: { kind: "string" }, b: { kind: "string" } } },
};

describe("overlayActual", () => {
    it("can replace values the cloud reports and keep the desired rest", () => {
        // GIVEN desired inputs and a describe that reports some of them differently
        const outputs = overlayActual(SCHEMA, { name: "want", tags: ["x"], block: { a: "1", b: "2" }, local: "kept" }, { name: "have", tags: [], block: { a: "9" } });
        // THEN reported values win, blocks merge field by field, unreported keys stay
        assert.deepEqual(outputs, { name: "have", tags: [], block: { a: "9", b: "2" }, local: "kept" });
    });

    it("can take a reported block when none was desired", () => {
        assert.deepEqual(overlayActual(SCHEMA, {}, { block: { a: "1" } }), { block: { a: "1" } });
    });
});
