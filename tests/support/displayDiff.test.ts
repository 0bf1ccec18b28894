import * as assert from "node:assert/strict";
import { shortDiff } from "./displayDiff";

describe("shortDiff", () => {
    it("can render adds, deletes and updates as the CLI's [diff: …] does", () => {
        // GIVEN stored inputs and a refresh's inputs that lost a key, changed two blocks and gained one
        const olds = { preSharedKey: "x", healthCheckConfig: { enable: false }, ikeConfig: { ikeEncAlg: "aes256" }, name: "a" };
        const news = { healthCheckConfig: { enable: false, dip: "" }, ikeConfig: { ikeEncAlg: "aes" }, name: "a", tags: ["t"] };
        // WHEN rendered
        const rendered = shortDiff(olds, news);
        // THEN each kind is grouped and sorted, in the CLI's order
        assert.equal(rendered, "+tags-preSharedKey~healthCheckConfig,ikeConfig");
    });

    it("can ignore internal keys, nulls against absent keys, and equal values", () => {
        // GIVEN maps that differ only in `__` keys and in a null
        const olds = { __provider: "v1", __inputs: { a: 1 }, name: "a", list: [1, 2], block: { x: null } };
        const news = { __provider: "v2", name: "a", list: [1, 2], block: {}, gone: null };
        // WHEN rendered
        const rendered = shortDiff(olds, news);
        // THEN nothing shows
        assert.equal(rendered, "");
    });

    it("can show no change inside a secret, which reaches the display masked", () => {
        // GIVEN a PSK changed, and a PSK that became set
        const olds = { preSharedKey: "old", name: "a" };
        // WHEN rendered with the secret masks
        const changed = shortDiff(olds, { preSharedKey: "new", name: "a" }, { preSharedKey: true }, { preSharedKey: true });
        const added = shortDiff({ name: "a" }, olds, {}, { preSharedKey: true });
        // THEN the change is invisible, an added key is not
        assert.equal(changed, "");
        assert.equal(added, "+preSharedKey");
    });

    it("can tell a reordered list apart, as the engine's raw compare does", () => {
        assert.equal(shortDiff({ subnets: ["a", "b"] }, { subnets: ["b", "a"] }), "~subnets");
    });
});
