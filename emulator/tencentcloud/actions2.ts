/**
 * API 2.0 (legacy, `/v2/index.php`) VPN actions: AddVpnConnEx (https://cloud.tencent.com/document/product/215/5110),
 * ModifyVpnConnEx (https://cloud.tencent.com/document/api/215/5112), DescribeVpnConn (https://cloud.tencent.com/document/api/215/5113),
 * DeleteVpnConn and DescribeVpcTaskResult (https://intl.cloud.tencent.com/document/product/215/5094). Parameters are the documented
 * names exactly; ids are accepted in both legacy and "un" forms ("可使用vpnGwId或unVpnGwId").
 * Writes are translated to API 3.0 parameters and go through the same validation and store as API 3.0,
 * so both generations see one set of connections.
 */
import type { EmulatorResponse } from "../core/types";
import { api2Ok } from "./envelopes";
import { TencentError } from "./errors";
import type { CustomerGatewayFixture, VpcFixture, VpnGatewayFixture } from "./fixtures";
import { api2Blocks, api2Spd, api2Status, remoteSubnets, toApi2Connection, type Api2Action } from "./api2Model";
import type { Api2Params } from "./api2Signature";
import { missing, notFound, type Params } from "./params";
import type { TencentFrontEndSettings } from "./settings";
import type { ConnectionRecord, TencentStore } from "./store";
import { validateCreate, validateModify } from "./validation";
import { checkGatewayBgp } from "./bgp";

/** What an API 2.0 action runs with. */
export interface Call2 {
    params: Api2Params;
    region: string;
    /** Used as the RequestId-form TaskId, so API 3.0 DescribeVpcTaskResult finds 2.0 tasks too. */
    requestId: string;
    store: TencentStore;
    settings: TencentFrontEndSettings;
}

type Handler = (call: Call2) => EmulatorResponse;

/** DescribeVpnConn `limit` maximum (https://cloud.tencent.com/document/api/215/5113). */
export const API2_MAX_LIMIT = 50;

function required(params: Api2Params, name: string): string {
    const v = params[name];
    if (v === undefined || v === "") throw missing(name);
    return v;
}

function api2Int(params: Api2Params, name: string, fallback: number, max?: number): number {
    const raw = params[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^\d+$/.test(raw)) throw new TencentError("InvalidParameter", `The parameter \`${name}\` must be a non-negative integer.`, { field: name });
    const n = Number(raw);
    if (max !== undefined && n > max) throw new TencentError("InvalidParameter", `The parameter \`${name}\` must be at most ${max}.`, { field: name });
    return n;
}

/** The VPC, gateway (inside that VPC) and, when named, customer gateway of a legacy write. */
function resolveScope(call: Call2, withCustomerGateway: boolean): { vpc: VpcFixture; gateway: VpnGatewayFixture; customerGateway?: CustomerGatewayFixture } {
    const lookups = call.store.lookups(call.region, true);
    const vpcId = required(call.params, "vpcId");
    const gatewayId = required(call.params, "vpnGwId");
    const customerGatewayId = withCustomerGateway ? required(call.params, "userGwId") : undefined;
    const vpc = lookups.vpc(vpcId);
    if (!vpc) throw notFound("vpc", vpcId);
    const gateway = lookups.gateway(gatewayId);
    // INFERRED: a gateway of another VPC is not found in this one.
    if (!gateway || gateway.vpcId !== vpc.vpcId) throw notFound("vpnGateway", gatewayId);
    if (customerGatewayId === undefined) return { vpc, gateway };
    const customerGateway = lookups.customerGateway(customerGatewayId);
    if (!customerGateway) throw notFound("customerGateway", customerGatewayId);
    return { vpc, gateway, customerGateway };
}

/** A connection of the named gateway, by `vpnx-` or numeric id. */
function connectionOn(call: Call2, gateway: VpnGatewayFixture): ConnectionRecord {
    const id = required(call.params, "vpnConnId");
    const record = call.store.find(call.region, id, true);
    if (!record || record.attrs.VpnGatewayId !== gateway.vpnGatewayId) throw notFound("vpnConnection", id);
    return record;
}

const addVpnConnEx: Handler = (call) => {
    const p = call.params;
    // Required parameters in AddVpnConnEx's table order.
    for (const name of ["vpcId", "vpnGwId", "userGwId", "vpnConnName", "preSharedKey"]) required(p, name);
    const { vpc, gateway, customerGateway } = resolveScope(call, true);
    const spd = api2Spd(p, vpc);
    // "userGwCidrBlock和spdAcl必须填一项" (AddVpnConnEx).
    if (!spd) throw missing("userGwCidrBlock.n");
    const v3: Params = {
        VpcId: vpc.vpcId,
        VpnGatewayId: gateway.vpnGatewayId,
        CustomerGatewayId: customerGateway!.customerGatewayId,
        VpnConnectionName: p.vpnConnName,
        PreShareKey: p.preSharedKey,
        SecurityPolicyDatabases: spd,
        ...api2Blocks(p, { remoteAddress: customerGateway!.ipAddress }),
    };
    const attrs = validateCreate(v3, call.store.lookups(call.region));
    checkGatewayBgp(attrs, call.store.list(call.region));
    const { record, task } = call.store.create(call.region, attrs, call.requestId, call.settings.gatewayMutex);
    // AddVpnConnEx's example: ids echoed as given, `vpnConnId: 0`, `vpnConnStatus: 0`, the PSK and remote subnets.
    return api2Ok({
        vpnGwId: p.vpnGwId,
        userGwId: p.userGwId,
        vpnConnId: call.settings.createReturnsId ? record.api2Id : 0,
        ...(call.settings.createReturnsId ? { unVpnConnId: record.id } : {}),
        taskId: task.api2Id,
        vpnConnStatus: api2Status(call.store.state(record), "create"),
        preSharedKey: attrs.PreShareKey,
        userGwSubnetList: remoteSubnets(attrs),
    });
};

const modifyVpnConnEx: Handler = (call) => {
    const p = call.params;
    const { vpc, gateway } = resolveScope(call, false);
    const record = connectionOn(call, gateway);
    const v3: Params = { VpnConnectionId: record.id, ...api2Blocks(p, undefined) };
    if (p.vpnConnName !== undefined) v3.VpnConnectionName = p.vpnConnName;
    if (p.preSharedKey !== undefined) v3.PreShareKey = p.preSharedKey;
    const spd = api2Spd(p, vpc);
    // "userGwCidrBlock和spdAcl必须填一项" (ModifyVpnConnEx's userGwCidrBlock.n and spdAcl.n rows).
    if (!spd) throw missing("userGwCidrBlock.n");
    v3.SecurityPolicyDatabases = spd;
    const attrs = validateModify(v3, record.attrs, call.store.lookups(call.region));
    const task = call.store.modify(record, attrs, call.requestId, call.settings.gatewayMutex);
    const customerGateway = call.store.lookups(call.region).customerGateway(attrs.CustomerGatewayId);
    // ModifyVpnConnEx's example: `vpcConnId` (sic) echoing the given id, `vpcConnStatus: 2`, numeric `userGwId`.
    return api2Ok({
        vpnGwId: p.vpnGwId,
        vpcConnId: p.vpnConnId,
        taskId: task.api2Id,
        vpcConnStatus: api2Status(call.store.state(record), "modify"),
        preSharedKey: attrs.PreShareKey,
        userGwSubnetList: remoteSubnets(attrs),
        userGwId: customerGateway?.api2Id ?? 0,
    });
};

const describeVpnConn: Handler = (call) => {
    const p = call.params;
    const lookups = call.store.lookups(call.region, true);
    const gatewayId = p.vpnGwId ? lookups.gateway(p.vpnGwId)?.vpnGatewayId : undefined;
    let records = gatewayId ? call.store.listOnGateway(call.region, gatewayId) : call.store.list(call.region);
    if (p.vpcId) {
        const vpc = lookups.vpc(p.vpcId);
        if (!vpc) throw notFound("vpc", p.vpcId);
        records = records.filter((r) => r.attrs.VpcId === vpc.vpcId);
    }
    if (p.vpnGwId) {
        const gateway = lookups.gateway(p.vpnGwId);
        if (!gateway) throw notFound("vpnGateway", p.vpnGwId);
        records = records.filter((r) => r.attrs.VpnGatewayId === gateway.vpnGatewayId);
    }
    if (p.vpnConnId) {
        const record = call.store.find(call.region, p.vpnConnId, true);
        if (!record) throw notFound("vpnConnection", p.vpnConnId);
        records = records.filter((r) => r === record);
    }
    // "支持模糊查询": substring match.
    if (p.vpnConnName) records = records.filter((r) => r.attrs.VpnConnectionName.includes(p.vpnConnName));
    const orderField = p.orderField ?? "createTime";
    const direction = p.orderDirection ?? "desc";
    if (!["createTime", "vpnConnName"].includes(orderField)) throw new TencentError("InvalidParameter", "The parameter `orderField` must be createTime or vpnConnName.", { field: "orderField" });
    if (!["asc", "desc"].includes(direction)) throw new TencentError("InvalidParameter", "The parameter `orderDirection` must be asc or desc.", { field: "orderDirection" });
    const key = (r: ConnectionRecord): string | number => (orderField === "vpnConnName" ? r.attrs.VpnConnectionName : r.createdAt * 1e6 + r.api2Id);
    records = [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (direction === "asc" ? 1 : -1));
    const offset = api2Int(p, "offset", 0);
    const limit = api2Int(p, "limit", 20, API2_MAX_LIMIT);
    const data = records.slice(offset, offset + limit).map((r) => {
        const state = call.store.state(r);
        return toApi2Connection(
            r.attrs,
            call.store.view(r),
            { connectionId: r.api2Id, status: api2Status(state, r.transition?.kind) },
            lookups.vpc(r.attrs.VpcId),
            lookups.gateway(r.attrs.VpnGatewayId),
            lookups.customerGateway(r.attrs.CustomerGatewayId),
        );
    });
    return api2Ok(data, { totalCount: records.length });
};

const deleteVpnConn: Handler = (call) => {
    const { gateway } = resolveScope(call, false);
    const record = connectionOn(call, gateway);
    const task = call.store.delete(record, call.requestId, call.settings.gatewayMutex);
    return api2Ok({ taskId: task.api2Id });
};

const describeVpcTaskResult: Handler = (call) => {
    const raw = required(call.params, "taskId");
    if (!/^\d+$/.test(raw)) throw new TencentError("InvalidParameter", "The parameter `taskId` must be an integer.", { field: "taskId" });
    const task = call.store.task(Number(raw));
    if (!task) throw notFound("task", raw);
    // `data.status`: 0 success, 1 failed, 2 running (https://intl.cloud.tencent.com/document/product/215/5094).
    return api2Ok({ status: { SUCCESS: 0, FAILED: 1, RUNNING: 2 }[call.store.taskStatus(task)] });
};

/** The API 2.0 actions the emulator serves, by `Action`. */
export const ACTIONS_2: Readonly<Record<Api2Action, Handler>> = {
    AddVpnConnEx: addVpnConnEx,
    ModifyVpnConnEx: modifyVpnConnEx,
    DescribeVpnConn: describeVpnConn,
    DeleteVpnConn: deleteVpnConn,
    DescribeVpcTaskResult: describeVpcTaskResult,
};

/** True when `action` is one of {@link ACTIONS_2}. */
export function isApi2Action(action: string): action is Api2Action {
    return Object.prototype.hasOwnProperty.call(ACTIONS_2, action);
}
