/**
 * CPU per read in this process: the provider's `read` hook against the raw SDK's by-id DescribeVpnConnections,
 *  - one by one (PULUMI_IPSEC_READ_BATCHING=off), so each read is one by-id Describe like the raw call: the
 *    hook's own overhead on a call;
 *  - coalesced, as a refresh reads: each round is a new refresh, whose reads share one listing per gateway.
 * The emulator runs in its own process, so only the client side is on this process's clock.
 */
import type { EmulatorInfo } from "../emulator";
import { Cloud, hooksOf, Member } from "./fleet";
import { mapLimit } from "./pool";
import { rawClient } from "./rawSdk";

function cpuMicros(): number {
    const { user, system } = process.cpuUsage();
    return user + system;
}

async function cpuOf(run: () => Promise<unknown>): Promise<number> {
    const before = cpuMicros();
    await run();
    return cpuMicros() - before;
}

/** µs of CPU per read for the hook and for the raw SDK call, over `rounds` alternating rounds of every member. */
export async function measureHookCpu(info: EmulatorInfo, cloud: Cloud, members: readonly Member[], parallel: number, rounds: number): Promise<{ hookMicros: number; coalescedMicros: number; rawMicros: number }> {
    const hooks = hooksOf(cloud);
    const raw = rawClient(info, cloud);
    const saved = process.env.PULUMI_IPSEC_READ_BATCHING;
    process.env.PULUMI_IPSEC_READ_BATCHING = "off";
    try {
        const viaHook = () => mapLimit(members, parallel, (m) => hooks.read(m.id, m.outputs));
        const viaRaw = () => mapLimit(members, parallel, (m) => raw.describe(m.id));
        // Warm both paths (module loading, sockets, JIT) before measuring.
        await viaHook();
        await viaRaw();
        let hookMicros = 0;
        let coalescedMicros = 0;
        let rawMicros = 0;
        for (let round = 0; round < rounds; round++) {
            rawMicros += await cpuOf(viaRaw);
            hookMicros += await cpuOf(viaHook);
            process.env.PULUMI_IPSEC_READ_BATCHING = "on";
            // A view answers each connection once, so every round lists the gateways anew, as a new refresh would.
            coalescedMicros += await cpuOf(viaHook);
            process.env.PULUMI_IPSEC_READ_BATCHING = "off";
        }
        const reads = members.length * rounds;
        return { hookMicros: hookMicros / reads, coalescedMicros: coalescedMicros / reads, rawMicros: rawMicros / reads };
    } finally {
        if (saved === undefined) delete process.env.PULUMI_IPSEC_READ_BATCHING;
        else process.env.PULUMI_IPSEC_READ_BATCHING = saved;
    }
}
