import * as assert from "node:assert/strict";
import { plaintextIn, secretForms, TranscriptEntry } from "./cli";

const entry = (output: string, revealsSecrets = false): TranscriptEntry => ({
    args: ["preview"],
    code: 0,
    signal: null,
    stdout: output,
    stderr: "",
    output,
    stack: "s1",
    revealsSecrets,
});

describe("CLI transcript secrets audit", () => {
    it("can find a secret as is, base64-encoded and JSON-escaped", () => {
        // GIVEN a secret with characters JSON escapes
        const secret = 'Psk"with\\quote';
        // WHEN each of its forms shows in some command's output
        const leaks = secretForms(secret).map((form) => plaintextIn([entry(`text ${form} text`)], [secret]).length);
        // THEN every form is found
        assert.equal(secretForms(secret).length, 3);
        assert.deepEqual(leaks, [1, 1, 1]);
    });

    it("can skip commands that reveal secrets on purpose and name the leaking command without the secret", () => {
        const leaks = plaintextIn([entry("Psk-1", true), entry("before Psk-1 after")], ["Psk-1", ""]);
        assert.deepEqual(leaks, ["pulumi preview (stack s1)"]);
    });
});
