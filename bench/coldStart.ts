/**
 * Plugin cold start: spawn of the dynamic-provider plugin → its first `Read` answered, for this project's
 * provider and for a minimal dynamic provider of our own (a `read` that answers from its input). Both run the
 * same `@pulumi/pulumi` plugin, so most of either figure is that SDK loading; the project's own share is the
 * extra its first Read costs: deserializing its closure, loading its hooks and one cloud SDK, one Describe.
 */
import { performance } from "perf_hooks";
import { startPlugin, REPO_ROOT } from "../tests/support/pluginProcess";
import type { EmulatorProcess } from "./emulatorProcess";
import type { Cloud, Member } from "./fleet";
import { benchUrn, projectProvider, providerText } from "./providerText";

/** The smallest dynamic provider: what a cold start costs with no code of ours in it. */
const minimalProvider = { read: async (id: string, props: unknown) => ({ id, props }) };

export interface ColdStart {
    /** Median spawn → first Read answered, ms. */
    projectMs: number;
    minimalMs: number;
    /** Median of the first Read alone (the plugin already configured), ms. */
    projectFirstReadMs: number;
    minimalFirstReadMs: number;
}

async function once(emulator: EmulatorProcess, text: string, id: string, urn: string, props: Record<string, unknown>): Promise<{ totalMs: number; firstReadMs: number }> {
    const started = performance.now();
    const plugin = await startPlugin({ cwd: REPO_ROOT, env: emulator.env });
    try {
        const configured = performance.now();
        await plugin.read(id, urn, { ...props, __provider: text });
        const answered = performance.now();
        return { totalMs: answered - started, firstReadMs: answered - configured };
    } finally {
        await plugin.close();
    }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Alternates the two providers `runs` times each (so machine noise falls on both) and takes medians. */
export async function measureColdStart(emulator: EmulatorProcess, cloud: Cloud, member: Member, runs: number): Promise<ColdStart> {
    const project = await providerText(projectProvider(cloud));
    const minimal = await providerText(minimalProvider);
    const urn = benchUrn(cloud, "bench-0");
    const projectRuns: Array<{ totalMs: number; firstReadMs: number }> = [];
    const minimalRuns: Array<{ totalMs: number; firstReadMs: number }> = [];
    for (let i = 0; i < runs; i++) {
        projectRuns.push(await once(emulator, project, member.id, urn, member.outputs));
        minimalRuns.push(await once(emulator, minimal, member.id, urn, member.outputs));
    }
    return {
        projectMs: median(projectRuns.map((r) => r.totalMs)),
        minimalMs: median(minimalRuns.map((r) => r.totalMs)),
        projectFirstReadMs: median(projectRuns.map((r) => r.firstReadMs)),
        minimalFirstReadMs: median(minimalRuns.map((r) => r.firstReadMs)),
    };
}
