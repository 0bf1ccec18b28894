import assert from "node:assert/strict";
import { fromTagList, tagChange, toTagList } from "../../../provider/core/tags";

describe("core tags", () => {
    it("can turn a tag map into the APIs' {Key, Value} list in key order", () => {
        // GIVEN a tag map
        const tags = { team: "", env: "prod" };
        // WHEN listed
        const list = toTagList(tags);
        // THEN
        assert.deepEqual(list, [
            { Key: "env", Value: "prod" },
            { Key: "team", Value: "" },
        ]);
    });

    it("can read a {Key, Value} list or a {Tag: [...]} wrapper, leaving out the hidden keys", () => {
        // GIVEN both shapes, one with a provider-owned key
        const wrapped = { Tag: [{ Key: "env", Value: "prod" }] };
        const list = [{ Key: "env", Value: "prod" }, { Key: "own", Value: "t" }, { Key: "novalue" }];
        // WHEN read
        // THEN
        assert.deepEqual(fromTagList(wrapped), { env: "prod" });
        assert.deepEqual(fromTagList(list, ["own"]), { env: "prod", novalue: "" });
        assert.deepEqual(fromTagList(undefined), {});
    });

    it("can tell which keys to set and which to remove", () => {
        // GIVEN the cloud's tags and the desired ones
        const actual = { env: "prod", old: "x", same: "1" };
        const desired = { env: "dev", same: "1", added: "" };
        // WHEN compared
        const change = tagChange(actual, desired);
        // THEN changed and new keys are set, absent ones removed, equal ones left alone
        assert.deepEqual(change, { set: { env: "dev", added: "" }, remove: ["old"] });
    });
});
