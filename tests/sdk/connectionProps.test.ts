import assert from "node:assert/strict";
import { connectionOptions } from "../../sdk/connectionProps";

describe("connectionOptions", () => {
    it("can make replacements delete first unless the caller says otherwise", () => {
        // GIVEN no options, and options that choose either way
        // WHEN the SDK classes add theirs
        const defaulted = connectionOptions(undefined);
        const createFirst = connectionOptions({ deleteBeforeReplace: false });
        const deleteFirst = connectionOptions({ deleteBeforeReplace: true, protect: true });
        // THEN the caller's choice wins; unset means delete first (a forced replacement never asks the provider)
        assert.equal(defaulted.deleteBeforeReplace, true);
        assert.equal(createFirst.deleteBeforeReplace, false);
        assert.equal(deleteFirst.deleteBeforeReplace, true);
        assert.equal(deleteFirst.protect, true);
    });

    it("can add the PSK to the caller's additionalSecretOutputs", () => {
        const options = connectionOptions({ additionalSecretOutputs: ["name"] });
        assert.deepEqual(options.additionalSecretOutputs, ["name", "preSharedKey"]);
    });
});
