/**
 * The sweep's plot: requests and wall time against N for the four variants, one column per cloud, rendered
 * to SVG by Vega-Lite (compiled to a Vega spec, rendered headless, no canvas needed).
 */
import * as fs from "fs";
import * as path from "path";
import type { SweepRow } from "./report";

const LABELS: Record<SweepRow["variant"], string> = {
    project: "pulumi-ipsec (coalesced reads)",
    baseline: "one Describe per connection (READ_BATCHING=off)",
    lowerBound: "lower bound: raw SDK paging",
    pluginFloor: "plugin floor: answers from state, no call",
};

/** Writes `results.svg` into `dir`; returns its path. */
export async function writePlot(rows: readonly SweepRow[], dir: string, subtitle: string): Promise<string> {
    const vega = require("vega");
    const vegaLite = require("vega-lite");
    const values = rows.flatMap((row) => [
        // The floor sends no request: it has no point on the (log-scale) requests plot.
        ...(row.variant === "pluginFloor" ? [] : [{ cloud: row.cloud, n: row.n, variant: LABELS[row.variant], metric: "API requests", value: Math.max(row.requests, 1) }]),
        { cloud: row.cloud, n: row.n, variant: LABELS[row.variant], metric: "wall time (s)", value: Math.max(row.wallMs / 1000, 0.001) },
    ]);
    const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v5.json",
        title: { text: "Refresh of N connections per cloud", subtitle },
        data: { values },
        facet: { row: { field: "metric", title: null }, column: { field: "cloud", title: null } },
        spec: {
            width: 260,
            height: 180,
            mark: { type: "line", point: true },
            encoding: {
                x: { field: "n", type: "quantitative", title: "connections (N)", scale: { type: "log" }, axis: { values: [...new Set(rows.map((r) => r.n))] } },
                y: { field: "value", type: "quantitative", title: null, scale: { type: "log" } },
                color: { field: "variant", type: "nominal", title: null, legend: { orient: "bottom", direction: "vertical" } },
            },
        },
        resolve: { scale: { y: "independent" } },
        config: { background: "white" },
    };
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
    const svg: string = await view.toSVG();
    view.finalize();
    const file = path.join(dir, "results.svg");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, svg);
    return file;
}
