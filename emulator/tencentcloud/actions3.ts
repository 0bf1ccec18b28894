/**
 * API 3.0 VPC (`2017-03-12`) actions of the emulator: VPN connection CRUD (CreateVpnConnection
 * https://www.tencentcloud.com/document/api/215/17522, DescribeVpnConnections /215/17515, ModifyVpnConnectionAttribute
 * /215/17508, DeleteVpnConnection /215/17519), DescribeVpcTaskResult
 * (https://intl.cloud.tencent.com/document/product/215/41567), and the read-only fixture lookups DescribeVpnGateways,
 * DescribeCustomerGateways, DescribeVpcs. Each handler returns the `Response` body without its
 * RequestId, or throws a {@link TencentError}.
 */
import type {
    CustomerGateway,
    DescribeCustomerGatewaysResponse,
    DescribeVpcTaskResultResponse,
    DescribeVpcsResponse,
    DescribeVpnConnectionsResponse,
    DescribeVpnGatewaysResponse,
    Vpc,
    VpnConnection,
    VpnGateway,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";
import { TencentError } from "./errors";
import type { CustomerGatewayFixture, VpcFixture, VpnGatewayFixture } from "./fixtures";
import { describeList } from "./listing";
import { toVpnConnection, type ConnectionAttributes as VpnConnectionAttrs } from "./model";
import { assertConnectionId, notFound, reqString, rejectUnknown, type Params } from "./params";
import type { TencentFrontEndSettings } from "./settings";
import type { ConnectionRecord, TencentStore } from "./store";
import { validateCreate, validateModify } from "./validation";
import { checkBgpAsns, checkGatewayBgp } from "./bgp";

/** What an API 3.0 action runs with. */
export interface Call3 {
    params: Params;
    region: string;
    /** RequestId of this call; for async writes it is also the TaskId (DescribeVpcTaskResult's `TaskId`). */
    requestId: string;
    store: TencentStore;
    settings: TencentFrontEndSettings;
}

type Body = Record<string, unknown>;
type Handler = (call: Call3) => Body;

/** The API 3.0 `VpnConnection` of a record, as settings render it. */
export function renderConnection(store: TencentStore, record: ConnectionRecord, settings: TencentFrontEndSettings): VpnConnection {
    return toVpnConnection(record.attrs, store.view(record), settings);
}

function connectionOf(call: Call3, id: string): ConnectionRecord {
    const record = call.store.find(call.region, id);
    if (!record) throw notFound("vpnConnection", id);
    return record;
}

/** The BGP ASN rules of ./bgp for `attrs`, whose gateways validation has already resolved. */
function checkAsns(call: Call3, attrs: VpnConnectionAttrs, selfId?: string): void {
    const lookups = call.store.lookups(call.region);
    const gateway = lookups.gateway(attrs.VpnGatewayId);
    const customerGateway = lookups.customerGateway(attrs.CustomerGatewayId);
    if (!gateway || !customerGateway) return;
    checkBgpAsns(attrs, gateway, customerGateway, call.store.list(call.region), (id) => lookups.customerGateway(id)?.bgpAsn, selfId);
}

const createVpnConnection: Handler = (call) => {
    const attrs = validateCreate(call.params, call.store.lookups(call.region));
    checkGatewayBgp(attrs, call.store.list(call.region));
    checkAsns(call, attrs);
    const { record } = call.store.create(call.region, attrs, call.requestId, call.settings.gatewayMutex);
    const full = renderConnection(call.store, record, call.settings);
    // The official example answers without VpnConnectionId (TencentCloud/tencentcloud-cli `tccli/examples/vpc/v20170312/CreateVpnConnection.md`).
    const VpnConnection: VpnConnection = call.settings.createReturnsId
        ? full
        : { VpcId: full.VpcId, VpnConnectionName: full.VpnConnectionName, VpnGatewayId: full.VpnGatewayId, CustomerGatewayId: full.CustomerGatewayId, State: full.State };
    return { VpnConnection };
};

const describeVpnConnections: Handler = (call) => {
    const { total, page } = describeList(call.params, {
        idsParam: "VpnConnectionIds",
        items: () => call.store.list(call.region),
        index: {
            byId: (id) => call.store.find(call.region, id),
            byFilter: { "vpn-gateway-id": (id) => call.store.listOnGateway(call.region, id), "vpn-connection-id": (id) => [call.store.find(call.region, id)].filter((c) => c !== undefined) },
            rank: (c) => call.store.rank(c),
        },
        idOf: (c) => c.id,
        resource: "vpnConnection",
        checkId: assertConnectionId,
        filters: {
            "vpc-id": (c) => c.attrs.VpcId,
            "vpn-gateway-id": (c) => c.attrs.VpnGatewayId,
            "customer-gateway-id": (c) => c.attrs.CustomerGatewayId,
            "vpn-connection-name": (c) => c.attrs.VpnConnectionName,
            "vpn-connection-id": (c) => c.id,
        },
    });
    const body: Omit<DescribeVpnConnectionsResponse, "RequestId"> = {
        TotalCount: total,
        VpnConnectionSet: page.map((c) => renderConnection(call.store, c, call.settings)),
    };
    return body;
};

const modifyVpnConnectionAttribute: Handler = (call) => {
    const id = reqString(call.params, "VpnConnectionId");
    assertConnectionId(id, "VpnConnectionId");
    const record = connectionOf(call, id);
    const attrs = validateModify(call.params, record.attrs, call.store.lookups(call.region));
    checkGatewayBgp(attrs, call.store.list(call.region), record.id);
    checkAsns(call, attrs, record.id);
    call.store.modify(record, attrs, call.requestId, call.settings.gatewayMutex);
    return {};
};

const deleteVpnConnection: Handler = (call) => {
    rejectUnknown(call.params, ["VpnGatewayId", "VpnConnectionId"]);
    const gatewayId = reqString(call.params, "VpnGatewayId");
    const id = reqString(call.params, "VpnConnectionId");
    if (!call.store.lookups(call.region).gateway(gatewayId)) throw notFound("vpnGateway", gatewayId);
    assertConnectionId(id, "VpnConnectionId");
    const record = connectionOf(call, id);
    // INFERRED: a connection of another gateway is not found under this one.
    if (record.attrs.VpnGatewayId !== gatewayId) throw notFound("vpnConnection", id);
    call.store.delete(record, call.requestId, call.settings.gatewayMutex);
    return {};
};

const describeVpcTaskResult: Handler = (call) => {
    rejectUnknown(call.params, ["TaskId"]);
    const taskId = reqString(call.params, "TaskId");
    const task = call.store.task(taskId);
    if (!task) throw notFound("task", taskId);
    const status = call.store.taskStatus(task);
    const output = { RUNNING: "", SUCCESS: "SUCCESS", FAILED: `FAILED: ${task.kind} of ${task.connectionId} failed (emulated)` }[status];
    const body: Omit<DescribeVpcTaskResultResponse, "RequestId"> = { Status: status, Output: output };
    return body;
};

function renderGateway(g: VpnGatewayFixture, quota: number): VpnGateway {
    return {
        VpnGatewayId: g.vpnGatewayId,
        VpcId: g.vpcId,
        VpnGatewayName: g.name,
        Type: "IPSEC",
        State: "AVAILABLE",
        PublicIpAddress: g.publicIpAddress,
        RenewFlag: "NOTIFY_AND_AUTO_RENEW",
        InstanceChargeType: "POSTPAID_BY_HOUR",
        InternetMaxBandwidthOut: 5,
        CreatedTime: g.createdTime,
        ExpiredTime: "0000-00-00 00:00:00",
        IsAddressBlocked: false,
        NewPurchasePlan: "",
        RestrictState: "NORMAL",
        Zone: g.zone,
        VpnGatewayQuotaSet: [],
        Version: g.version,
        NetworkInstanceId: g.vpcId,
        CdcId: "",
        MaxConnection: quota,
        BgpAsn: g.bgpAsn,
        TagSet: [],
    };
}

const describeVpnGateways: Handler = (call) => {
    const { total, page } = describeList<VpnGatewayFixture>(call.params, {
        idsParam: "VpnGatewayIds",
        items: call.store.gateways(call.region),
        idOf: (g) => g.vpnGatewayId,
        resource: "vpnGateway",
        filters: {
            "vpc-id": (g) => g.vpcId,
            "vpn-gateway-id": (g) => g.vpnGatewayId,
            "vpn-gateway-name": (g) => g.name,
            type: () => "IPSEC",
            "public-ip-address": (g) => g.publicIpAddress,
            "renew-flag": () => "NOTIFY_AND_AUTO_RENEW",
            zone: (g) => g.zone,
        },
    });
    const quota = call.store.quotaPerGateway();
    const body: Omit<DescribeVpnGatewaysResponse, "RequestId"> = { TotalCount: total, VpnGatewaySet: page.map((g) => renderGateway(g, quota)) };
    return body;
};

const describeCustomerGateways: Handler = (call) => {
    const { total, page } = describeList<CustomerGatewayFixture>(call.params, {
        idsParam: "CustomerGatewayIds",
        items: call.store.customerGateways(call.region),
        idOf: (c) => c.customerGatewayId,
        resource: "customerGateway",
        filters: {
            "customer-gateway-id": (c) => c.customerGatewayId,
            "customer-gateway-name": (c) => c.name,
            "ip-address": (c) => c.ipAddress,
        },
    });
    const set: CustomerGateway[] = page.map((c) => ({
        CustomerGatewayId: c.customerGatewayId,
        CustomerGatewayName: c.name,
        IpAddress: c.ipAddress,
        CreatedTime: c.createdTime,
        BgpAsn: c.bgpAsn,
    }));
    const body: Omit<DescribeCustomerGatewaysResponse, "RequestId"> = { TotalCount: total, CustomerGatewaySet: set };
    return body;
};

const describeVpcs: Handler = (call) => {
    const { total, page } = describeList<VpcFixture>(call.params, {
        idsParam: "VpcIds",
        items: call.store.vpcs(call.region),
        idOf: (v) => v.vpcId,
        resource: "vpc",
        filters: {
            "vpc-id": (v) => v.vpcId,
            "vpc-name": (v) => v.name,
            "cidr-block": (v) => v.cidrBlock,
            "is-default": (v) => String(v.isDefault),
        },
    });
    const set: Vpc[] = page.map((v) => ({
        VpcName: v.name,
        VpcId: v.vpcId,
        CidrBlock: v.cidrBlock,
        IsDefault: v.isDefault,
        EnableMulticast: false,
        CreatedTime: v.createdTime,
        DnsServerSet: ["183.60.83.19", "183.60.82.98"],
        DomainName: "",
        DhcpOptionsId: "",
        EnableDhcp: true,
        Ipv6CidrBlock: "",
        TagSet: [],
        AssistantCidrSet: [],
    }));
    const body: Omit<DescribeVpcsResponse, "RequestId"> = { TotalCount: total, VpcSet: set };
    return body;
};

/** The API 3.0 actions the emulator serves, by `X-TC-Action`. */
export const ACTIONS_3: Readonly<Record<string, Handler>> = {
    CreateVpnConnection: createVpnConnection,
    DescribeVpnConnections: describeVpnConnections,
    ModifyVpnConnectionAttribute: modifyVpnConnectionAttribute,
    DeleteVpnConnection: deleteVpnConnection,
    DescribeVpcTaskResult: describeVpcTaskResult,
    DescribeVpnGateways: describeVpnGateways,
    DescribeCustomerGateways: describeCustomerGateways,
    DescribeVpcs: describeVpcs,
};

/** Runs an action; a rule failure comes back as the thrown {@link TencentError}. */
export function runAction3(action: string, call: Call3): Body {
    const handler = ACTIONS_3[action];
    if (!handler) throw new TencentError("InvalidAction", `The action \`${action}\` is not supported.`);
    return handler(call);
}
