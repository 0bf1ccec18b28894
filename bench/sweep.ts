/**
 * Refresh at scale, three ways side by side against one emulator process with a real cloud's round trip
 * (`latencyMs`), for each size N:
 *  - project: every connection `Read` through the real dynamic-provider plugin (gRPC, closure
 *    deserialization, the engine's `--parallel`), reads coalesced per gateway (provider/core/readBatch.ts);
 *  - baseline: the same plugin with PULUMI_IPSEC_READ_BATCHING=off, one Describe per connection;
 *  - lowerBound: the raw SDKs paging each gateway's connections (Alibaba 50 a page, Tencent 100), gateways
 *    in parallel — the fewest requests and least time any coalescing can reach;
 *  - pluginFloor: the same plugin and the same state with a provider whose `read` answers with the stored
 *    outputs and recorded inputs at once, calling nothing, its `__provider` text padded to the project's
 *    length — what the plugin's gRPC server and its property marshalling alone cost for N reads, a floor
 *    under any dynamic provider's refresh.
 * Requests are counted at the emulator, wall time here.
 */
import * as fs from "fs";
import { performance } from "perf_hooks";
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { toStruct } from "../tests/support/propertyMap";
import { startPlugin, REPO_ROOT } from "../tests/support/pluginProcess";
import type { EmulatorProcess } from "./emulatorProcess";
import { Cloud, Fleet } from "./fleet";
import { mapLimit } from "./pool";
import { benchUrn, projectProviderText } from "./providerText";
import { listAllPages } from "./rawSdk";
import type { SweepRow } from "./report";

/** Every API request of `cloud` the emulator counted while `run` ran. */
export async function counted<T>(emulator: EmulatorProcess, cloud: Cloud, run: () => Promise<T>): Promise<{ result: T; requests: number; byAction: Record<string, number>; wallMs: number }> {
    const sum = (counters: Record<string, number>) => Object.entries(counters).filter(([key]) => key.startsWith(`${cloud}:`));
    const before = Object.fromEntries(sum(await emulator.control.counters()));
    const started = performance.now();
    const result = await run();
    const wallMs = performance.now() - started;
    const byAction = Object.fromEntries(
        sum(await emulator.control.counters())
            .map(([key, n]) => [key.slice(cloud.length + 1), n - (before[key] ?? 0)] as const)
            .filter(([, n]) => n > 0),
    );
    return { result, requests: Object.values(byAction).reduce((a, b) => a + b, 0), byAction, wallMs };
}

/** A Read request as the engine sends it: serialized once, before the clock starts. */
interface WireRead {
    id: string;
    bytes: Buffer;
}

const READ_METHOD = "/pulumirpc.ResourceProvider/Read";
const passThrough = (bytes: Buffer) => bytes;

/**
 * The `id` of a serialized ReadResponse (field 1, a length-delimited string): all the engine's side needs
 * here, to check that a read answered the connection it asked for. The engine holds its state in Go and
 * marshals it far faster than a Node client could; a Node protobuf encoder and decoder on this side would
 * take CPU from the two cores the plugin runs on, so only the plugin's side and the wire are timed.
 */
export function responseId(bytes: Buffer): string | undefined {
    if (bytes[0] !== 0x0a) return undefined;
    let length = 0;
    let at = 1;
    for (let shift = 0; shift < 35; shift += 7) {
        const byte = bytes[at++];
        if (byte === undefined) return undefined;
        length |= (byte & 0x7f) << shift;
        if (byte < 0x80) return at + length <= bytes.length ? bytes.toString("utf8", at, at + length) : undefined;
    }
    return undefined;
}

/**
 * The plugin floor's `__provider`: a provider that answers every Read with what state holds (the recorded
 * inputs as the inputs), calling nothing. The text is padded to `length` (the project's), so every Read
 * carries state of the same size as the project's.
 */
export function echoProviderText(length: number): string {
    const text = "exports.handler = function () {\n    return { read: async function (id, props) { return { id: id, props: props, inputs: props.__inputs }; } };\n};\n";
    return text + "//" + "-".repeat(Math.max(0, length - text.length - 3)) + "\n";
}

function readRequests(fleet: Fleet, text: string): WireRead[] {
    return fleet.members.map((member, i) => {
        const request = new provproto.ReadRequest();
        request.setId(member.id);
        request.setUrn(benchUrn(fleet.cloud, `bench-${i}`));
        request.setName(`bench-${i}`);
        request.setType(`pulumi-nodejs:dynamic/pulumi-ipsec/${fleet.cloud}:VpnConnection`);
        request.setProperties(toStruct({ ...member.outputs, __provider: text }, "Read.properties"));
        request.setInputs(toStruct({ ...member.inputs, __provider: text }, "Read.inputs"));
        return { id: member.id, bytes: Buffer.from(request.serializeBinary()) };
    });
}

/**
 * One refresh of the whole fleet through a fresh plugin process; the plugin's start is not timed. `echo`
 * reads with {@link echoProviderText} instead of the project's provider.
 */
export async function refreshThroughPlugin(emulator: EmulatorProcess, fleet: Fleet, batching: "on" | "off" | "echo", parallel: number): Promise<{ requests: number; wallMs: number; peakRssMiB?: number }> {
    const project = projectProviderText(fleet.cloud);
    const text = batching === "echo" ? echoProviderText(project.length) : project;
    const requests = readRequests(fleet, text);
    const plugin = await startPlugin({ cwd: REPO_ROOT, env: { ...emulator.env, PULUMI_IPSEC_READ_BATCHING: batching === "off" ? "off" : "on" }, callTimeoutMs: 120_000 });
    try {
        // Loads the hooks and the SDK with a read no listing can answer (no gateway known): a by-id Describe.
        const warmup = fleet.cloud === "alicloud" ? "vco-bench0warmup0000" : "vpnx-bench000";
        await plugin.read(warmup, benchUrn(fleet.cloud, "warmup"), { region: fleet.members[0].outputs.region, __provider: text }, {});
        const deadline = new Date(Date.now() + 300_000);
        const read = (request: WireRead) =>
            new Promise<void>((resolve, reject) =>
                plugin.client.makeUnaryRequest(READ_METHOD, passThrough, passThrough, request.bytes, new grpc.Metadata(), { deadline }, (error, response) => {
                    if (error) reject(new Error(`Read of ${request.id} failed: ${error.message}`));
                    else if (responseId(response!) !== request.id) reject(new Error(`the refresh lost ${request.id}`));
                    else resolve();
                }),
            );
        const measured = await counted(emulator, fleet.cloud, () => mapLimit(requests, parallel, read));
        return { requests: measured.requests, wallMs: measured.wallMs, peakRssMiB: peakRssMiB(plugin.pid) };
    } finally {
        await plugin.close();
    }
}

/** The peak resident set size of a process (Linux `VmHWM`), or undefined where /proc does not say. */
function peakRssMiB(pid: number): number | undefined {
    try {
        const kib = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        return kib === undefined ? undefined : Number(kib) / 1024;
    } catch {
        return undefined;
    }
}

/** The run of a variant with the median wall time, and the most requests any of its runs sent. */
export function medianRun(runs: ReadonlyArray<{ requests: number; wallMs: number; peakRssMiB?: number }>): { requests: number; wallMs: number; peakRssMiB?: number } {
    const middle = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
    return { ...middle, requests: Math.max(...runs.map((run) => run.requests)) };
}

/**
 * The sweep of one cloud: grows the fleet to each size (setup at zero latency), then measures the
 * variants at `latencyMs`, `rounds` times in alternation (so machine noise falls on all of them), and
 * keeps each variant's median. Returns its rows and the fleet at the largest size.
 */
export async function sweepCloud(emulator: EmulatorProcess, cloud: Cloud, sizes: readonly number[], options: { parallel: number; latencyMs: number; rounds: number; log: (line: string) => void }): Promise<{ rows: SweepRow[]; fleet: Fleet; pluginPeakRssMiB?: number }> {
    const fleet = new Fleet(cloud, emulator.info);
    const rows: SweepRow[] = [];
    let pluginPeakRssMiB: number | undefined;
    for (const n of sizes) {
        await emulator.latency(0);
        await fleet.grow(n, options.parallel);
        await emulator.latency(options.latencyMs);
        const runs = { project: [] as Array<Awaited<ReturnType<typeof refreshThroughPlugin>>>, baseline: [] as Array<Awaited<ReturnType<typeof refreshThroughPlugin>>>, floor: [] as Array<Awaited<ReturnType<typeof refreshThroughPlugin>>> };
        for (let round = 0; round < options.rounds; round++) {
            runs.project.push(await refreshThroughPlugin(emulator, fleet, "on", options.parallel));
            runs.baseline.push(await refreshThroughPlugin(emulator, fleet, "off", options.parallel));
            runs.floor.push(await refreshThroughPlugin(emulator, fleet, "echo", options.parallel));
        }
        const [project, baseline, floor] = [medianRun(runs.project), medianRun(runs.baseline), medianRun(runs.floor)];
        // The plugin of the coalesced refresh at the largest size: what a user's refresh of N connections holds.
        pluginPeakRssMiB = Math.max(...runs.project.map((run) => run.peakRssMiB ?? 0)) || undefined;
        for (const row of [project, baseline, floor]) delete row.peakRssMiB;
        const lower = await counted(emulator, cloud, () => listAllPages(emulator.info, cloud));
        if (lower.result < n) throw new Error(`the lower bound listed ${lower.result} of ${n} ${cloud} connections`);
        rows.push({ cloud, n, variant: "project", ...project }, { cloud, n, variant: "baseline", ...baseline }, { cloud, n, variant: "lowerBound", requests: lower.requests, wallMs: lower.wallMs }, { cloud, n, variant: "pluginFloor", ...floor });
        options.log(`  ${cloud} N=${n}: project ${project.requests} requests ${ms(project.wallMs)}, baseline ${baseline.requests} ${ms(baseline.wallMs)}, lower bound ${lower.requests} ${ms(lower.wallMs)}, plugin floor ${ms(floor.wallMs)}${options.rounds > 1 ? ` (medians of ${options.rounds})` : ""}`);
    }
    await emulator.latency(0);
    return { rows, fleet, pluginPeakRssMiB };
}

const ms = (value: number) => `${Math.round(value)} ms`;
