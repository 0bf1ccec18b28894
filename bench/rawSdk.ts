/**
 * The clouds' SDKs called directly, with no provider around them: the batched lower bound of a refresh (every
 * gateway's connections paged at the largest page size) and the by-id Describe a single read costs.
 */
import * as http from "http";
import type { EmulatorInfo } from "../emulator";
import { Cloud, gatewaysOf } from "./fleet";

/** Largest page sizes: Alibaba `PageSize` 50, Tencent `Limit` 100 (their DescribeVpnConnections references). */
export const PAGE_SIZE: Readonly<Record<Cloud, number>> = { alicloud: 50, tencentcloud: 100 };

/** Keep-alive sockets for Tencent, as the provider gives its client (pop-core keeps its own by default), so neither side pays connection setup. */
const agent = new http.Agent({ keepAlive: true });

export interface RawClient {
    /** One DescribeVpnConnections page of a gateway: the connections on it and the listing's TotalCount. */
    page(gatewayId: string, index: number): Promise<{ count: number; total: number }>;
    /** DescribeVpnConnections of one connection by id. */
    describe(id: string): Promise<unknown>;
}

export function rawClient(info: EmulatorInfo, cloud: Cloud): RawClient {
    return cloud === "alicloud" ? alicloudClient(info) : tencentClient(info);
}

function alicloudClient(info: EmulatorInfo): RawClient {
    const RPCClient = require("@alicloud/pop-core").RPCClient;
    const client = new RPCClient({ endpoint: info.alicloud.endpoint, apiVersion: "2016-04-28", accessKeyId: info.alicloud.accessKeyId, accessKeySecret: info.alicloud.accessKeySecret });
    const call = (params: Record<string, unknown>) => client.request("DescribeVpnConnections", { RegionId: info.alicloud.regionId, ...params }, { method: "POST" });
    return {
        async page(gatewayId, index) {
            const answer = await call({ VpnGatewayId: gatewayId, PageSize: PAGE_SIZE.alicloud, PageNumber: index + 1 });
            return { count: answer.VpnConnections.VpnConnection.length, total: answer.TotalCount };
        },
        describe: (id) => call({ VpnConnectionId: id }),
    };
}

function tencentClient(info: EmulatorInfo): RawClient {
    const tencent = info.tencentcloud!;
    const { Client } = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client");
    const endpoint = new URL(tencent.endpoint);
    const client = new Client({
        credential: { secretId: tencent.secretId, secretKey: tencent.secretKey },
        region: tencent.region,
        profile: { httpProfile: { endpoint: endpoint.host + endpoint.pathname.replace(/\/+$/, ""), protocol: `${endpoint.protocol}//`, agent } },
    });
    return {
        async page(gatewayId, index) {
            const answer = await client.DescribeVpnConnections({ Filters: [{ Name: "vpn-gateway-id", Values: [gatewayId] }], Limit: PAGE_SIZE.tencentcloud, Offset: index * PAGE_SIZE.tencentcloud });
            return { count: answer.VpnConnectionSet.length, total: answer.TotalCount };
        },
        describe: (id) => client.DescribeVpnConnections({ VpnConnectionIds: [id] }),
    };
}

/**
 * Pages every gateway of `cloud` to its end, gateways in parallel and, once page 1 gave the total, a
 * gateway's other pages in parallel too; returns how many connections it listed.
 */
export async function listAllPages(info: EmulatorInfo, cloud: Cloud): Promise<number> {
    const client = rawClient(info, cloud);
    const counts = await Promise.all(
        gatewaysOf(cloud, info).map(async (gatewayId) => {
            const first = await client.page(gatewayId, 0);
            // Bounded: a gateway holds at most a few thousand connections here.
            const pages = Math.min(Math.ceil(first.total / PAGE_SIZE[cloud]), 1000);
            const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, k) => client.page(gatewayId, k + 1)));
            return rest.reduce((sum, page) => sum + page.count, first.count);
        }),
    );
    return counts.reduce((a, b) => a + b, 0);
}
