/**
 * `npm run demo` on the real engine: with a CLI at hand (the one `npm run setup:pulumi` found or
 * built), the demo's default choice is the CLI driver, and the whole story passes through `pulumi`.
 */
import { strict as assert } from "assert";
import { runDemo } from "../../demo/run";
import { assertDriftNamed, assertStoryPassed, leftoversOf } from "../support/demo";
import { requireCli } from "../support/cli";

describe("CLI tier: npm run demo through the Pulumi CLI", function () {
    before(async function () {
        await requireCli(this);
    });

    it("can tell the whole story through the CLI it finds, naming the drifted field", async function () {
        this.timeout(300_000);
        // GIVEN a CLI at hand
        const lines: string[] = [];

        // WHEN the demo runs with its default driver choice, in a temporary directory of its own
        const { result, leftovers } = await leftoversOf(() => runDemo({ out: (line) => lines.push(line), driver: "auto" }));

        // THEN the CLI driver played every step of the story
        assert.equal(result.driver, "cli", lines.join("\n"));
        assertStoryPassed(result);
        assert.match(lines[lines.length - 1], /^PASSED in .* \(cli driver\)$/);
        // AND the drift step named the field changed in the console
        assertDriftNamed(result);
        // AND the stack, the emulator and the temporary directories are gone
        assert.match(lines.find((l) => l.includes("cleanup"))!, /stack removed, emulator stopped, temporary directories removed/);
        assert.deepEqual(leftovers, []);
    });
});
