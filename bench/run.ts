/**
 * `npm run bench`: speed and memory of what large stacks exercise, against the targets below.
 *
 *  1. check + diff of one connection (pure, schema-driven): runs for every resource on every preview.
 *  2. refresh of a 500-connection Alibaba stack and a 300-connection Tencent stack: concurrent
 *     `read`s against the emulator through the real SDKs, coalesced per gateway (Describe requests
 *     counted) and one by one (PULUMI_IPSEC_READ_BATCHING=off).
 *  3. creates of 100 connections on ONE gateway (serialized per gateway, as the cloud demands).
 *  4. the serialized `__provider` size, stored in every resource's state twice.
 *  5. heap growth across the whole run.
 *  6. `pulumi refresh` of a 200-connection stack through the real CLI (bench/cliRefresh.ts): wall time and
 *     the API requests the emulator counted.
 *
 * Exits 1 when a target is missed, so CI or a reviewer can run it as a check.
 */
import { performance } from "perf_hooks";
import { startTestCloud } from "../tests/support/cloudEnv";
import { benchCliRefresh } from "./cliRefresh";

interface Result {
    name: string;
    value: number;
    unit: string;
    target: number;
    /** "max": value must be ≤ target; "min": ≥ target. */
    kind: "max" | "min";
}

const results: Result[] = [];
const record = (name: string, value: number, unit: string, target: number, kind: "max" | "min" = "max") => results.push({ name, value, unit, target, kind });

async function benchCheckAndDiff(): Promise<void> {
    const hooks = require("../provider/alicloud/vpnConnection");
    process.env.ALIBABA_CLOUD_REGION ??= "cn-hangzhou";
    const news = {
        vpnGatewayId: "vpn-1",
        customerGatewayId: "cgw-1",
        localSubnets: ["10.1.0.0/16", "10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        preSharedKey: "bench-psk",
        ikeConfig: { ikeEncAlg: "AES256", ikeAuthAlg: "sha256" },
    };
    const iterations = 20_000;
    const { inputs } = await hooks.check({}, news);
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
        const checked = (await hooks.check({}, news)).inputs;
        await hooks.diff("vco-1", { ...inputs, vpnConnectionId: "vco-1" }, checked);
    }
    record("check + diff per connection", ((performance.now() - started) * 1000) / iterations, "µs", 200);
}

async function benchCloud(): Promise<void> {
    const cloud = await startTestCloud({ applyToProcess: true, transitionMs: 5 });
    const hooks = require("../provider/alicloud/vpnConnection");
    const previousLog = console.error;
    console.error = () => undefined; // diff logs would dominate the timing
    try {
        const base = (i: number, gateway: number) => ({
            vpnGatewayId: cloud.alicloud.vpnGatewayIds[gateway],
            customerGatewayId: cloud.alicloud.customerGatewayIds[0],
            localSubnets: [`10.${i % 250}.0.0/16`],
            remoteSubnets: ["192.168.0.0/24"],
            name: `bench-${i}`,
            idempotencyKey: `bench/${i}`,
        });
        await cloud.control.settings({ connectionQuotaPerGateway: 1000 });

        // Creates on one gateway are serialized: this measures the per-create overhead of the lock + waits.
        let started = performance.now();
        const oneGateway = await Promise.all(Array.from({ length: 100 }, async (_, i) => hooks.create((await hooks.check({}, base(i, 0))).inputs)));
        const createMs = performance.now() - started;
        record("100 creates on one gateway (serialized)", createMs / 1000, "s", 20);

        const more = await Promise.all(
            Array.from({ length: 400 }, async (_, i) => hooks.create((await hooks.check({}, base(100 + i, 1 + (i % 2)))).inputs)),
        );
        const all = [...oneGateway, ...more];
        const baseline = await refreshCounted(cloud, "alicloud", () => withReadBatching("off", () => Promise.all(all.map((created: any) => hooks.read(created.id, created.outs)))));
        const batched = await refreshCounted(cloud, "alicloud", () => Promise.all(all.map((created: any) => hooks.read(created.id, created.outs))));
        const reads = batched.result;
        const refreshMs = batched.ms;
        record("alicloud: DescribeVpnConnections of that refresh (coalesced; ≤ N/40)", batched.describes, "requests", all.length / 40);
        record(`alicloud: same refresh read one by one (PULUMI_IPSEC_READ_BATCHING=off, ${baseline.describes} requests), wall time`, baseline.ms / 1000, "s", 30);
        if (reads.some((r: any) => !r.id)) throw new Error("a read lost a connection");
        record("alicloud: refresh of 500 connections (concurrent reads)", refreshMs / 1000, "s", 5);
        record("alicloud: refresh throughput", (all.length / refreshMs) * 1000, "reads/s", 100, "min");

        // Tencent: 300 connections over three gateways (creates serialized per gateway), then a refresh.
        const tencent = require("../provider/tencentcloud/vpnConnection");
        const info = cloud.tencentcloud!;
        started = performance.now();
        const tencentCreated = await Promise.all(
            Array.from({ length: 300 }, async (_, i) =>
                tencent.create(
                    (
                        await tencent.check({}, {
                            vpcId: info.vpcIds[0],
                            vpnGatewayId: info.vpnGatewayIds[i % 3],
                            customerGatewayId: info.customerGatewayIds[0],
                            name: `bench-${i}`,
                            preSharedKey: "bench-psk-1",
                            securityPolicyDatabases: [{ localCidrBlock: `10.${i % 250}.${Math.floor(i / 250)}.0/24`, remoteCidrBlocks: ["192.168.0.0/24"] }],
                            ikeOptions: { remoteAddress: "198.51.100.21" },
                            idempotencyKey: `bench/tencent/${i}`,
                        })
                    ).inputs,
                ),
            ),
        );
        record("tencentcloud: 300 creates on three gateways", (performance.now() - started) / 1000, "s", 60);
        const tencentBaseline = await refreshCounted(cloud, "tencentcloud", () => withReadBatching("off", () => Promise.all(tencentCreated.map((created: any) => tencent.read(created.id, created.outs)))));
        started = performance.now();
        const tencentBatched = await refreshCounted(cloud, "tencentcloud", () => Promise.all(tencentCreated.map((created: any) => tencent.read(created.id, created.outs))));
        const tencentReads = tencentBatched.result;
        const tencentRefreshMs = performance.now() - started;
        record("tencentcloud: DescribeVpnConnections of that refresh (coalesced; ≤ N/40)", tencentBatched.describes, "requests", tencentCreated.length / 40);
        record(`tencentcloud: same refresh read one by one (PULUMI_IPSEC_READ_BATCHING=off, ${tencentBaseline.describes} requests), wall time`, tencentBaseline.ms / 1000, "s", 30);
        if (tencentReads.some((r: any) => !r.id)) throw new Error("a Tencent read lost a connection");
        record("tencentcloud: refresh of 300 connections", tencentRefreshMs / 1000, "s", 5);
    } finally {
        console.error = previousLog;
        await cloud.stop();
    }
}

/** Runs `reads` with the read-coalescing switch set (core/readBatch), restoring it after. */
async function withReadBatching<T>(value: "on" | "off", reads: () => Promise<T>): Promise<T> {
    const saved = process.env.PULUMI_IPSEC_READ_BATCHING;
    process.env.PULUMI_IPSEC_READ_BATCHING = value;
    try {
        return await reads();
    } finally {
        if (saved === undefined) delete process.env.PULUMI_IPSEC_READ_BATCHING;
        else process.env.PULUMI_IPSEC_READ_BATCHING = saved;
    }
}

/** A refresh's result, wall time and the DescribeVpnConnections the emulator counted for it. */
async function refreshCounted<T>(cloud: { control: { counters(): Promise<Record<string, number>> } }, name: string, reads: () => Promise<T>): Promise<{ result: T; ms: number; describes: number }> {
    const count = async () => (await cloud.control.counters())[`${name}:DescribeVpnConnections`] ?? 0;
    const before = await count();
    const started = performance.now();
    const result = await reads();
    const ms = performance.now() - started;
    return { result, ms, describes: (await count()) - before };
}

async function benchProviderSize(): Promise<void> {
    const pulumi = require("@pulumi/pulumi");
    const { alicloudVpnConnectionProvider, tencentcloudVpnConnectionProvider } = require("../provider");
    for (const [name, provider] of [["alicloud", alicloudVpnConnectionProvider], ["tencentcloud", tencentcloudVpnConnectionProvider]]) {
        const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
        record(`__provider size (${name})`, Buffer.byteLength(text), "bytes", 4096);
    }
}

async function main(): Promise<void> {
    const heapBefore = process.memoryUsage().heapUsed;
    await benchCheckAndDiff();
    await benchProviderSize();
    await benchCloud();
    global.gc?.();
    record("heap growth over the run", (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, "MiB", 256);
    record("resident set size at the end", process.memoryUsage().rss / 2 ** 20, "MiB", 512);
    // Last: the CLI and its plugin are processes of their own, so they do not enter the heap figures above.
    await benchCliRefresh(record);

    let failed = 0;
    console.log(`${"benchmark".padEnd(56)} ${"value".padStart(12)} ${"target".padStart(14)}   ok`);
    for (const r of results) {
        const ok = r.kind === "max" ? r.value <= r.target : r.value >= r.target;
        if (!ok) failed++;
        const value = `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`;
        const target = `${r.kind === "max" ? "≤" : "≥"} ${r.target} ${r.unit}`;
        console.log(`${r.name.padEnd(56)} ${value.padStart(12)} ${target.padStart(14)}   ${ok ? "✔" : "✘"}`);
    }
    process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
