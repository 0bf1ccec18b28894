import { strict as assert } from "assert";
import { Results, SweepRow } from "../../bench/report";

/** The four variants of one sweep size: requests and wall ms of each. */
function sweepOf(cloud: SweepRow["cloud"], n: number, rows: Record<SweepRow["variant"], [requests: number, wallMs: number]>): SweepRow[] {
    return (Object.entries(rows) as [SweepRow["variant"], [number, number]][]).map(([variant, [requests, wallMs]]) => ({ cloud, n, variant, requests, wallMs }));
}

describe("bench/report", () => {
    it("can leave timing figures unenforced in a smoke run while enforcing request counts", () => {
        // GIVEN a smoke run with a missed timing figure and a missed request count
        const results = new Results("smoke");
        results.record("wall", 2, "s", 1);
        results.record("requests", 5, "requests", 3);
        // WHEN it prints its table
        const missed = results.print(() => undefined);
        // THEN only the request count counts as missed
        assert.equal(missed, 1);
        assert.deepEqual(results.figures.map((f) => results.enforced(f)), [false, true]);
    });

    it("can enforce every figure in a full run, minimum targets included", () => {
        // GIVEN a full run with a throughput below its minimum
        const results = new Results("full");
        results.record("throughput", 50, "reads/s", 100, { kind: "min" });
        // WHEN / THEN it is missed
        assert.equal(results.print(() => undefined), 1);
    });

    it("can compute the sweep's ratios against the baseline and the lower bound", () => {
        // GIVEN one size with all three variants
        const results = new Results("full");
        results.sweep.push(
            { cloud: "alicloud", n: 100, variant: "project", requests: 3, wallMs: 200 },
            { cloud: "alicloud", n: 100, variant: "baseline", requests: 100, wallMs: 1000 },
            { cloud: "alicloud", n: 100, variant: "lowerBound", requests: 3, wallMs: 100 },
        );
        // WHEN / THEN
        assert.deepEqual(results.ratios(), [{ cloud: "alicloud", n: 100, requestsVsBaseline: 0.03, wallVsBaseline: 0.2, requestsVsLowerBound: 1, wallVsLowerBound: 2 }]);
    });

    it("can compute the plugin floor's ratio to the baseline when the sweep has one", () => {
        // GIVEN one size with all four variants
        const results = new Results("full");
        results.sweep.push(...sweepOf("alicloud", 100, { project: [3, 300], baseline: [100, 1000], lowerBound: [3, 100], pluginFloor: [0, 250] }));
        // WHEN / THEN
        assert.equal(results.ratios()[0].floorVsBaseline, 0.25);
    });

    it("can render the sweep as the README's Markdown table", () => {
        // GIVEN one size with all four variants
        const results = new Results("full");
        results.sweep.push(...sweepOf("tencentcloud", 200, { project: [3, 500], baseline: [200, 2000], lowerBound: [3, 100], pluginFloor: [0, 400] }));
        // WHEN it is rendered
        const table = results.sweepTable().split("\n");
        // THEN a header, a rule and one row with each variant's requests and seconds and both wall ratios
        assert.equal(table.length, 3);
        assert.equal(table[2], "| tencentcloud | 200 | 3 · 0.50 s | 200 · 2.00 s | 3 · 0.10 s | 0.40 s | 0.25 | 0.20 |");
    });

    it("can record a figure that informs without a target, and never counts it as missed", () => {
        // GIVEN a full run with an informational figure
        const results = new Results("full");
        results.record("the command's own cost", 2.5, "s", 0, { kind: "info" });
        // WHEN its table is printed
        const lines: string[] = [];
        const missed = results.print((line) => lines.push(line));
        // THEN it is listed without a target and not missed
        assert.equal(missed, 0);
        assert.match(lines[1], /the command's own cost\s+2\.50 s\s+–\s+ℹ/);
    });
});
