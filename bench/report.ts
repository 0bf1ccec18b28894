/**
 * The bench's figures: each against its target, printed as a table and written to `results.json` with the
 * refresh sweep, so that a reader (and the README's plot) sees what was measured on which machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface Figure {
    name: string;
    value: number;
    unit: string;
    target: number;
    /** "max": value must be ≤ target; "min": ≥ target; "info": no target (a reference point, e.g. a floor). */
    kind: "max" | "min" | "info";
    /** A wall-time or CPU figure: reported but not enforced by the `--smoke` run, whose sizes are too small to judge. */
    timing: boolean;
}

/** One refresh of the sweep: `variant` reading `n` connections of `cloud`. */
export interface SweepRow {
    cloud: "alicloud" | "tencentcloud";
    n: number;
    /**
     * project: this package through the plugin; baseline: the same with PULUMI_IPSEC_READ_BATCHING=off;
     * lowerBound: raw SDK paging; pluginFloor: the plugin answering from state, calling nothing.
     */
    variant: "project" | "baseline" | "lowerBound" | "pluginFloor";
    /** Every API request of the refresh, counted at the emulator. */
    requests: number;
    wallMs: number;
}

export class Results {
    readonly figures: Figure[] = [];
    readonly sweep: SweepRow[] = [];
    /** Per cloud, the requests per API action of each one-resource operation (create, read, update, delete). */
    readonly requestsPerOperation: Record<string, Record<string, Record<string, number>>> = {};

    constructor(readonly mode: "full" | "smoke") {}

    record(name: string, value: number, unit: string, target: number, options: { kind?: Figure["kind"]; timing?: boolean } = {}): void {
        this.figures.push({ name, value, unit, target, kind: options.kind ?? "max", timing: options.timing ?? (unit !== "requests" && unit !== "bytes") });
    }

    /** Whether a figure counts towards the exit code in this mode. */
    enforced(figure: Figure): boolean {
        return this.mode === "full" || !figure.timing;
    }

    static ok(figure: Figure): boolean {
        if (figure.kind === "info") return true;
        return figure.kind === "max" ? figure.value <= figure.target : figure.value >= figure.target;
    }

    /** Prints the table; returns the number of enforced figures that missed their target. */
    print(log: (line: string) => void = console.log): number {
        let missed = 0;
        log(`${"benchmark".padEnd(72)} ${"value".padStart(14)} ${"target".padStart(16)}   ok`);
        for (const figure of this.figures) {
            const ok = Results.ok(figure);
            if (!ok && this.enforced(figure)) missed++;
            const value = `${figure.value.toFixed(figure.value < 10 ? 2 : 0)} ${figure.unit}`;
            const target = figure.kind === "info" ? "–" : `${figure.kind === "max" ? "≤" : "≥"} ${+figure.target.toFixed(2)} ${figure.unit}`;
            const mark = figure.kind === "info" ? "ℹ" : ok ? "✔" : this.enforced(figure) ? "✘" : "✘ (not enforced in --smoke)";
            log(`${figure.name.padEnd(72)} ${value.padStart(14)} ${target.padStart(16)}   ${mark}`);
        }
        return missed;
    }

    /** Ratios of the sweep, per cloud and size: this project against the baseline and the lower bound. */
    ratios(): Array<{ cloud: string; n: number; requestsVsBaseline: number; wallVsBaseline: number; requestsVsLowerBound: number; wallVsLowerBound: number; floorVsBaseline?: number }> {
        const find = (cloud: string, n: number, variant: string) => this.sweep.find((r) => r.cloud === cloud && r.n === n && r.variant === variant);
        return this.sweep
            .filter((r) => r.variant === "project")
            .flatMap((project) => {
                const baseline = find(project.cloud, project.n, "baseline");
                const lower = find(project.cloud, project.n, "lowerBound");
                const floor = find(project.cloud, project.n, "pluginFloor");
                if (!baseline || !lower) return [];
                const round = (x: number) => Math.round(x * 1000) / 1000;
                return [{
                    cloud: project.cloud,
                    n: project.n,
                    requestsVsBaseline: round(project.requests / baseline.requests),
                    wallVsBaseline: round(project.wallMs / baseline.wallMs),
                    requestsVsLowerBound: round(project.requests / lower.requests),
                    wallVsLowerBound: round(project.wallMs / lower.wallMs),
                    // The least wall ÷ one-by-one any dynamic provider reaches through this plugin with this state.
                    ...(floor && { floorVsBaseline: round(floor.wallMs / baseline.wallMs) }),
                }];
            });
    }

    /** The sweep as a Markdown table (the README's), one row per cloud and size. */
    sweepTable(): string {
        const find = (cloud: string, n: number, variant: string) => this.sweep.find((r) => r.cloud === cloud && r.n === n && r.variant === variant);
        const cell = (row: SweepRow | undefined) => (row ? `${row.requests} · ${(row.wallMs / 1000).toFixed(2)} s` : "–");
        const lines = [
            "| cloud | N | this project: requests · wall | one by one | raw-SDK lower bound | plugin floor (no call) | wall ÷ one by one | floor ÷ one by one |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ];
        const floorCell = (row: SweepRow | undefined) => (row ? `${(row.wallMs / 1000).toFixed(2)} s` : "–");
        for (const r of this.ratios()) {
            const floorRatio = r.floorVsBaseline === undefined ? "–" : r.floorVsBaseline.toFixed(2);
            lines.push(
                `| ${r.cloud} | ${r.n} | ${cell(find(r.cloud, r.n, "project"))} | ${cell(find(r.cloud, r.n, "baseline"))} | ${cell(find(r.cloud, r.n, "lowerBound"))} | ${floorCell(find(r.cloud, r.n, "pluginFloor"))} | ${r.wallVsBaseline.toFixed(2)} | ${floorRatio} |`,
            );
        }
        return lines.join("\n");
    }

    /** Writes `results.json` into `dir`; returns its path. */
    write(dir: string, settings: Record<string, unknown>): string {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, "results.json");
        const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
        const body = {
            mode: this.mode,
            generatedAt: new Date().toISOString(),
            machine,
            settings,
            figures: this.figures.map((f) => ({ ...f, ok: Results.ok(f), enforced: this.enforced(f) })),
            sweep: this.sweep,
            ratios: this.ratios(),
            requestsPerOperation: this.requestsPerOperation,
        };
        fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
        fs.writeFileSync(path.join(dir, "results.md"), `${this.sweepTable()}\n`);
        return file;
    }
}
