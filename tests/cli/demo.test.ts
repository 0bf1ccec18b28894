/**
 * `npm run demo` on the real engine: with a CLI at hand (the one `npm run setup:pulumi` found or
 * built), the demo's default choice is the CLI driver and its default example the cross-cloud
 * tunnel, and the whole story passes through `pulumi`: established → down after the console's
 * pre-shared key change → established again after converging.
 */
import { strict as assert } from "assert";
import { runDemo } from "../../demo/run";
import { assertDriftNamed, assertStoryPassed, leftoversOf } from "../support/demo";
import { requireCli } from "../support/cli";

describe("CLI tier: npm run demo through the Pulumi CLI", function () {
    before(async function () {
        await requireCli(this);
    });

    it("can tell the whole cross-cloud story through the CLI it finds: established, down after the PSK change, established again", async function () {
        this.timeout(300_000);
        // GIVEN a CLI at hand
        const lines: string[] = [];

        // WHEN the demo runs with its default driver and example, in a temporary directory of its own
        const { result, leftovers } = await leftoversOf(() => runDemo({ out: (line) => lines.push(line), driver: "auto" }));

        // THEN the CLI driver played every step of the cross-cloud story
        assert.equal(result.driver, "cli", lines.join("\n"));
        assert.equal(result.example, "cross-cloud");
        assertStoryPassed(result);
        assert.match(lines[lines.length - 1], /^PASSED in .* \(cli driver\)$/);
        // AND the emulator reported the tunnel established after up, down at the drift check, established after converging,
        // with the stack's tunnelStatus output agreeing after up and after converging
        const tunnel = (id: string) => result.steps.find((s) => s.id === id)!.facts;
        assert.deepEqual(
            ["up", "drift", "converge"].map((id) => [id, tunnel(id)?.tunnel?.alicloud, tunnel(id)?.tunnel?.tencentcloud]),
            [
                ["up", "ipsec_sa_established", "AVAILABLE"],
                ["drift", "ike_sa_not_established", "UNAVAILABLE"],
                ["converge", "ipsec_sa_established", "AVAILABLE"],
            ],
        );
        assert.equal(tunnel("up")?.stackOutputs?.tunnelStatus, "established");
        assert.equal(tunnel("converge")?.stackOutputs?.tunnelStatus, "established");
        // AND the drift step named the Tencent end's pre-shared key, and converging updated that end alone
        assertDriftNamed(result, "preSharedKey");
        const tencentId = tunnel("up")!.resources!.find((r) => r.name === "hz-gz-tencentcloud")!.id;
        assert.ok(tunnel("drift")!.drift!.findings.every((f) => f.id === tencentId), JSON.stringify(tunnel("drift")!.drift!.findings));
        assert.equal(tunnel("converge")!.operations!["hz-gz-tencentcloud"], "update");
        assert.equal(tunnel("converge")!.operations!["hz-gz-alicloud"], "same");
        // AND the stack, the emulator and the temporary directories are gone
        assert.match(lines.find((l) => l.includes("cleanup"))!, /stack removed, emulator stopped, temporary directories removed/);
        assert.deepEqual(leftovers, []);
    });

    it("can still tell the story of examples/tunnel through the CLI, naming the drifted IKE field", async function () {
        this.timeout(300_000);
        // WHEN the tunnel of two plain resources is chosen
        const lines: string[] = [];
        const result = await runDemo({ out: (line) => lines.push(line), driver: "cli", example: "tunnel" });
        // THEN its story passes and the drift names the Alibaba IKE encryption
        assert.equal(result.example, "tunnel", lines.join("\n"));
        assertStoryPassed(result);
        assertDriftNamed(result, "ikeConfig.ikeEncAlg");
    });
});
