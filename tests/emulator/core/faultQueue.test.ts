import assert from "node:assert/strict";
import { FaultQueue, parseArmedFault } from "../../../emulator/core/faultQueue";
import { ControlRequestError } from "../../../emulator/core/http";

describe("FaultQueue", () => {
    it("can hand out the first matching fault and drop it when its count is used up", () => {
        // GIVEN
        const queue = new FaultQueue();
        queue.arm({ cloud: "alicloud", action: "Create", count: 2, fault: { kind: "reset-before" } });
        // WHEN
        const taken = [queue.take("alicloud", "Create"), queue.take("alicloud", "Create"), queue.take("alicloud", "Create")];
        // THEN
        assert.deepEqual(taken, [{ kind: "reset-before" }, { kind: "reset-before" }, undefined]);
        assert.deepEqual(queue.list(), []);
    });

    it("can leave faults of other clouds and actions alone", () => {
        // GIVEN
        const queue = new FaultQueue();
        queue.arm({ cloud: "tencentcloud", action: "*", count: 1, fault: { kind: "reset-after" } });
        queue.arm({ cloud: "alicloud", action: "Delete", count: 1, fault: { kind: "reset-after" } });
        // WHEN
        const taken = queue.take("alicloud", "Create");
        // THEN
        assert.equal(taken, undefined);
        assert.equal(queue.list().length, 2);
    });
});

describe("parseArmedFault", () => {
    it("can default count to 1", () => {
        // WHEN
        const fault = parseArmedFault({ cloud: "alicloud", action: "*", fault: { kind: "delay", ms: 10 } });
        // THEN
        assert.deepEqual(fault, { cloud: "alicloud", action: "*", count: 1, fault: { kind: "delay", ms: 10 } });
    });

    it("fails when an error fault has no code or a bad status", () => {
        // WHEN / THEN
        assert.throws(() => parseArmedFault({ cloud: "alicloud", action: "*", fault: { kind: "error" } }), (e: ControlRequestError) => e.status === 400 && /`fault.code`/.test(e.message));
        assert.throws(() => parseArmedFault({ cloud: "alicloud", action: "*", fault: { kind: "error", code: "X", httpStatus: 9000 } }), /`fault.httpStatus`/);
    });

    it("fails when a delay has no non-negative integer ms", () => {
        // WHEN / THEN
        assert.throws(() => parseArmedFault({ cloud: "alicloud", action: "*", fault: { kind: "delay", ms: -5 } }), /`fault.ms`/);
    });
});
