/**
 * The bench's smoke run, as CI runs it: small sizes, every section but the CLI, results written.
 * Timing figures are not judged here (the bench reports them); requests and bytes are.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

describe("bench/run.ts --smoke", function () {
    this.timeout(300_000);
    let out: string;
    let run: ReturnType<typeof spawnSync>;

    before(function () {
        // GIVEN a fresh output directory (dist/ is built by `npm test` before mocha runs)
        out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
        // WHEN the smoke bench runs
        run = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin"), "--transpile-only", "bench/run.ts", "--smoke", "--out", out], { cwd: ROOT, encoding: "utf8", timeout: 280_000 });
    });
    after(() => fs.rmSync(out, { recursive: true, force: true }));

    it("can run and meet every enforced target", () => {
        // THEN it exits 0 and prints its table
        assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
        assert.match(String(run.stdout), /refresh of 60, API requests/);
    });

    it("can write results.json with the sweep, its ratios and the requests of each operation", () => {
        // THEN results.json holds two sizes × four variants per cloud, each request count as the variant demands
        const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"));
        assert.equal(results.mode, "smoke");
        for (const cloud of ["alicloud", "tencentcloud"]) {
            for (const n of [20, 60]) {
                const row = (variant: string) => results.sweep.find((r: any) => r.cloud === cloud && r.n === n && r.variant === variant);
                assert.equal(row("baseline").requests, n, `${cloud} N=${n}: one Describe per connection when off`);
                assert.ok(row("project").requests <= row("lowerBound").requests, `${cloud} N=${n}: coalesced reads cost no more than paging by hand`);
                assert.ok(row("project").wallMs > 0);
                assert.equal(row("pluginFloor").requests, 0, `${cloud} N=${n}: the plugin floor answers from state alone`);
                const ratio = results.ratios.find((r: any) => r.cloud === cloud && r.n === n);
                assert.equal(ratio.requestsVsBaseline, Math.round((row("project").requests / n) * 1000) / 1000);
                assert.equal(ratio.floorVsBaseline, Math.round((row("pluginFloor").wallMs / row("baseline").wallMs) * 1000) / 1000);
            }
            assert.deepEqual(Object.keys(results.requestsPerOperation[cloud]).sort(), ["create", "delete", "read", "update"]);
            assert.equal(results.requestsPerOperation[cloud].read.DescribeVpnConnections, 1);
        }
        assert.ok(results.figures.every((f: any) => !f.enforced || f.ok), "every enforced figure met its target");
    });

    it("can plot requests and wall time against N for the four variants", () => {
        // THEN results.svg is an SVG naming each variant
        const svg = fs.readFileSync(path.join(out, "results.svg"), "utf8");
        assert.match(svg, /^<svg/);
        for (const label of ["coalesced reads", "one Describe per connection", "raw SDK paging", "plugin floor"]) assert.ok(svg.includes(label), label);
    });
});
