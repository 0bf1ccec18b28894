/**
 * The connections a bench refreshes, per cloud: created through the provider's own hooks in this process
 * (setup, not measured), spread round-robin over the emulator's VPN gateways, and grown size by size.
 */
import type { EmulatorInfo } from "../emulator";
import { mapLimit } from "./pool";

export type Cloud = "alicloud" | "tencentcloud";

/** A created connection as the engine would hold it in state. */
export interface Member {
    id: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
}

/** The hook module of a cloud, loaded from `dist/` as the plugin loads it. */
export function hooksOf(cloud: Cloud): any {
    return require(`../dist/provider/${cloud}/vpnConnection`);
}

function argsFor(cloud: Cloud, info: EmulatorInfo, i: number): Record<string, unknown> {
    const subnet = `10.${Math.floor(i / 250)}.${i % 250}.0/24`;
    if (cloud === "alicloud") {
        const gateways = info.alicloud.vpnGatewayIds;
        return {
            vpnGatewayId: gateways[i % gateways.length],
            customerGatewayId: info.alicloud.customerGatewayIds[0],
            localSubnets: [subnet],
            remoteSubnets: ["192.168.0.0/24"],
            name: `bench-${i}`,
            idempotencyKey: `bench/alicloud/${i}`,
        };
    }
    const tencent = info.tencentcloud!;
    return {
        vpcId: tencent.vpcIds[0],
        vpnGatewayId: tencent.vpnGatewayIds[i % tencent.vpnGatewayIds.length],
        customerGatewayId: tencent.customerGatewayIds[0],
        name: `bench-${i}`,
        preSharedKey: "bench-psk-1",
        securityPolicyDatabases: [{ localCidrBlock: subnet, remoteCidrBlocks: ["192.168.0.0/24"] }],
        ikeOptions: { remoteAddress: "198.51.100.21" },
        idempotencyKey: `bench/tencentcloud/${i}`,
    };
}

/** The gateways connections are spread over. */
export function gatewaysOf(cloud: Cloud, info: EmulatorInfo): string[] {
    return cloud === "alicloud" ? info.alicloud.vpnGatewayIds : info.tencentcloud!.vpnGatewayIds;
}

export class Fleet {
    readonly members: Member[] = [];

    constructor(readonly cloud: Cloud, private readonly info: EmulatorInfo) {}

    /** Creates connections until there are `size` (creates on one gateway are serialized by the provider's lock). */
    async grow(size: number, parallel: number): Promise<void> {
        const start = this.members.length;
        const indexes = Array.from({ length: Math.max(0, size - start) }, (_, k) => start + k);
        this.members.push(...(await mapLimit(indexes, parallel, (i) => this.create(i))));
    }

    /** Creates the fleet's connection number `i` (not added to `members`). */
    async create(i: number): Promise<Member> {
        const hooks = hooksOf(this.cloud);
        const { inputs, failures } = await hooks.check({}, argsFor(this.cloud, this.info, i));
        if (failures?.length) throw new Error(`bench args of connection ${i} fail check: ${JSON.stringify(failures)}`);
        const { id, outs } = await hooks.create(inputs);
        return { id, inputs, outputs: outs };
    }
}
