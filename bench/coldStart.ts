/**
 * Plugin cold start: spawn of the dynamic-provider plugin → its first `Read` answered, for this project's
 * provider and for a minimal dynamic provider of our own (a `read` that loads the cloud's SDK and sends the
 * same Describe). Both run the same `@pulumi/pulumi` plugin, so most of either figure is that SDK loading;
 * the project's own share is the extra its first Read costs: deserializing its closure, loading its hooks.
 */
import { performance } from "perf_hooks";
import { startPlugin, REPO_ROOT } from "../tests/support/pluginProcess";
import type { EmulatorProcess } from "./emulatorProcess";
import type { Cloud, Member } from "./fleet";
import { benchUrn, projectProviderText, providerText } from "./providerText";

/**
 * The smallest dynamic providers that do what a first Read must: load the cloud's SDK and send one
 * by-id Describe with it (endpoint and keys from the variables the emulator sets). What the
 * project's first Read costs beyond one of these is its own share: its closure, hooks, checks.
 */
const MINIMAL_PROVIDERS: Record<Cloud, object> = {
    alicloud: {
        read: async (id: string, props: Record<string, unknown>) => {
            const RPCClient = require("@alicloud/pop-core").RPCClient;
            const env = process.env;
            const client = new RPCClient({ endpoint: env.ALIBABA_CLOUD_VPC_ENDPOINT, apiVersion: "2016-04-28", accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET });
            await client.request("DescribeVpnConnections", { RegionId: props.region, VpnConnectionId: id }, { method: "POST" });
            return { id, props };
        },
    },
    tencentcloud: {
        read: async (id: string, props: Record<string, unknown>) => {
            const Client = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client").Client;
            const env = process.env;
            const url = new URL(env.TENCENTCLOUD_VPC_ENDPOINT!);
            const client = new Client({
                credential: { secretId: env.TENCENTCLOUD_SECRET_ID, secretKey: env.TENCENTCLOUD_SECRET_KEY },
                region: props.region,
                profile: { httpProfile: { endpoint: url.host + url.pathname.replace(/\/+$/, ""), protocol: "http://" } },
            });
            await client.request("DescribeVpnConnections", { VpnConnectionIds: [id] });
            return { id, props };
        },
    },
};

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
    // One by-id Describe, as the minimal provider sends: with reads coalesced, a lone first Read would list
    // its whole gateway (7 pages for the bench's 333 connections per gateway), which is a refresh's cost, not a start's.
    const plugin = await startPlugin({ cwd: REPO_ROOT, env: { ...emulator.env, PULUMI_IPSEC_READ_BATCHING: "off" } });
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
    const project = projectProviderText(cloud);
    const minimal = await providerText(MINIMAL_PROVIDERS[cloud]);
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
