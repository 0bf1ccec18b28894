/**
 * Reading what the Pulumi CLI prints with `--non-interactive --color never`: the progress line of
 * each resource step with its `[diff: …]`, the properties a `--diff` block marks as changed, and the
 * provider's drift lines. Only pulumi-ipsec's dynamic resources are looked at.
 */
import { parseDriftLine } from "../../provider/core/driftLine";

/** One progress line, e.g. ` ~  pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection ali update [diff: ~name]`. */
export interface StepLine {
    /** `+`, `-`, `~`, `+-` (replace), `--` (delete original), `++` (create replacement). */
    symbol: string;
    /** The resource's logical name. */
    name: string;
    /** What follows the name, e.g. `update [diff: ~name]` or `deleted original (0.6s)`. */
    text: string;
    /** The `[diff: …]` contents, if any. */
    diff?: string;
}

const STEP_LINE = /^ ([+~-]{1,2})\s+pulumi-nodejs:dynamic\/\S+ (\S+) (.*?)\s*$/gm;

export function stepLines(output: string): StepLine[] {
    return [...output.matchAll(STEP_LINE)].map(([, symbol, name, text]) => ({ symbol, name, text, diff: /\[diff: ([^\]]*)\]/.exec(text)?.[1] }));
}

/** The `[diff: …]` each named resource's steps show (the last one wins), e.g. `{ali: "~name"}`. */
export function shortDiffs(output: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of stepLines(output)) if (line.diff !== undefined) out[line.name] = line.diff;
    return out;
}

/** The part of an `up`'s output after its preview (from `Updating (…)`), or of a `refresh --yes` after `Refreshing (…)`. */
export function afterPreview(output: string): string {
    const at = output.search(/^(Updating|Refreshing|Destroying) \(/m);
    return at < 0 ? "" : output.slice(at);
}

/**
 * The top-level properties a `--diff` display marks for the resource named `name`, e.g.
 * `["~name"]`: its block runs from its `[urn=…::name]` line to the next resource or section.
 */
export function changedProperties(output: string, name: string): string[] {
    const lines = output.split("\n");
    const start = lines.findIndex((line) => line.trimEnd().endsWith(`::${name}]`) && line.includes("[urn="));
    if (start < 0) throw new Error(`no --diff block for ${name}`);
    const changed: string[] = [];
    for (const line of lines.slice(start + 1)) {
        if (/^ {4}\S/.test(line) || /^\s*--outputs:--/.test(line) || /^Resources:/.test(line)) break;
        const match = /^ {6}([+~-]) (\w+)\s*:/.exec(line);
        if (match) changed.push(match[1] + match[2]);
    }
    return changed;
}

/** The provider's drift lines (`pulumi-ipsec: <id> differs in <paths>`), deduplicated: id → paths of its last line. */
export function reportedDrift(output: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const line of output.split("\n")) {
        const finding = parseDriftLine(line);
        if (finding) out[finding.id] = finding.paths;
    }
    return out;
}

/**
 * The steps a `--diff` display lists for the resource named `name`, in order, e.g.
 * `["delete-replaced", "replace", "create-replacement"]` (with `--show-replacement-steps`): each
 * block header `<symbol>pulumi-nodejs:…: (<step>)` is followed by its `[urn=…::name]` line.
 */
export function replacementSteps(output: string, name: string): string[] {
    const lines = output.split("\n");
    const steps: string[] = [];
    lines.forEach((line, i) => {
        const header = /^ {4}[+~-]{0,2} ?pulumi-nodejs:dynamic\/\S+: \(([\w-]+)\)\s*$/.exec(line);
        if (header && lines.slice(i + 1, i + 4).some((next) => next.includes("[urn=") && next.trimEnd().endsWith(`::${name}]`))) steps.push(header[1]);
    });
    return steps;
}
