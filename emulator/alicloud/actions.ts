/**
 * The Alibaba actions the emulator serves, one function each. A handler validates its parameters,
 * reads or changes the store, and returns the response body without `RequestId` (the envelope adds it).
 * Failures are thrown as AliApiError.
 */
import { ActionEnv, ActionHandler, createdBody, ensureGatewayIdle, findLiveConnection, GENERATED_PSK_ALPHABET, GENERATED_PSK_LENGTH, RawParams } from "./actionSupport";
import { createDualTunnelConnection, modifyDualTunnelConnection } from "./dualTunnelActions";
import { isDualTunnelConnection, isDualTunnelGateway } from "./dualTunnel";
import { AliApiError, invalidParameter } from "./errors";
import { withPeer } from "./bgp";
import { tunnelCidrsOf } from "./tunnelBgp";
import { EMPTY_BGP_CONFIG } from "./model";
import { newConnectionFacts } from "./connectionFacts";
import type { ConnectionAttributes, ConnectionRecord, VcoHealthCheckView, VpnBgpConfigView } from "./model";
import { paginate, presentConnection, presentCustomerGateway, presentGateway } from "./presenter";
import { randomAlphanumeric } from "./store";
import { matchesTagFilter, parseCreateTags, presentTags, TAG_ACTIONS } from "./tags";
import type { AlicloudStore } from "./store";
import type { BgpConfigInput, ConnectionSettingsInput, HealthCheckInput } from "./validation";
import {
    checkRegion,
    parseClientToken,
    parseCreateConnectionRequest,
    parseModifyConnectionRequest,
    parsePaging,
    requireParam,
} from "./validation";
import { DUAL_TUNNEL_ONLY_PARAMS, refuseParams } from "./tunnels";


/** CreateVpnConnection (single-tunnel). Idempotent on ClientToken while the connection exists. */
export function createVpnConnection(params: RawParams, { ctx, store, clientTokensOutliveConnections }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const token = parseClientToken(params);
    const earlier = token === undefined ? undefined : store.findByClientToken(token);
    if (earlier) {
        // Same token, same connection: no second connection and no new transition.
        return createdBody(earlier.attributes);
    }
    const retired = token !== undefined && clientTokensOutliveConnections ? store.findRetiredClientToken(token) : undefined;
    if (retired) {
        // [inferred variant] the token still names its deleted connection: nothing is created.
        return createdBody(retired);
    }
    const dualTunnelGateway = params.VpnGatewayId === undefined ? undefined : store.findGateway(params.VpnGatewayId);
    if (dualTunnelGateway && isDualTunnelGateway(dualTunnelGateway)) {
        return createDualTunnelConnection(params, { ctx, store }, token);
    }
    refuseParams(params, DUAL_TUNNEL_ONLY_PARAMS, "single-tunnel");
    const request = parseCreateConnectionRequest(params);
    const tags = parseCreateTags(params);
    const gateway = store.findGateway(request.vpnGatewayId);
    if (!gateway) {
        throw new AliApiError("InvalidVpnGatewayInstanceId.NotFound");
    }
    const customerGateway = store.findCustomerGateway(request.customerGatewayId);
    if (!customerGateway) {
        throw new AliApiError("InvalidCustomerGatewayInstanceId.NotFound");
    }
    checkTunnelCidrFree(store, request.vpnGatewayId, request.bgpConfig, undefined);
    if (request.dryRun) {
        throw new AliApiError("DryRunOperation");
    }
    ensureGatewayIdle(store, request.vpnGatewayId);
    if (store.countConnectionsOn(request.vpnGatewayId) >= ctx.settings.connectionQuotaPerGateway) {
        throw new AliApiError("Resource.QuotaFull");
    }
    const id = store.newConnectionId();
    const defaults: ConnectionAttributes = {
        VpnConnectionId: id,
        VpnGatewayId: gateway.VpnGatewayId,
        CustomerGatewayId: customerGateway.CustomerGatewayId,
        // [inferred] the API reference names no default; the console shows the id for unnamed connections.
        Name: id,
        LocalSubnet: request.localSubnet,
        RemoteSubnet: request.remoteSubnet,
        CreateTime: ctx.now(),
        EffectImmediately: false,
        EnableDpd: true,
        EnableNatTraversal: true,
        IkeConfig: {
            IkeEncAlg: "aes",
            IkePfs: "group2",
            RemoteId: customerGateway.IpAddress,
            IkeAuthAlg: "md5",
            Psk: randomAlphanumeric(GENERATED_PSK_LENGTH, GENERATED_PSK_ALPHABET),
            IkeMode: "main",
            IkeLifetime: 86400,
            IkeVersion: "ikev1",
            LocalId: gateway.InternetIp,
        },
        IpsecConfig: { IpsecLifetime: 86400, IpsecAuthAlg: "md5", IpsecPfs: "group2", IpsecEncAlg: "aes" },
        // Policy: CreateVpnAttachment documents revoke_route as the default (see connectionFacts.ts).
        VcoHealthCheck: { Dip: "", Enable: "false", Interval: 3, Retry: 3, Sip: "", Policy: "revoke_route", Status: "" },
        ...newConnectionFacts(gateway),
    };
    const record: ConnectionRecord = {
        attributes: withBgpPeer(applySettings(defaults, request), customerGateway.Asn),
        autoConfigRoute: request.autoConfigRoute ?? true,
        clientToken: token,
        tags,
    };
    store.addConnection(record);
    return createdBody(record.attributes);
}

/**
 * ModifyVpnConnectionAttribute: omitted parameters keep their values; a given IkeConfig, IpsecConfig,
 * HealthCheckConfig or BgpConfig merges its keys over the current ones (LocalSubnet and RemoteSubnet
 * included: both optional, see parseModifyConnectionRequest). Answers the full post-change object.
 */
export function modifyVpnConnectionAttribute(params: RawParams, { store }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const target = params.VpnConnectionId === undefined ? undefined : store.findConnection(params.VpnConnectionId);
    if (target && isDualTunnelConnection(target.attributes)) {
        return modifyDualTunnelConnection(params, store);
    }
    refuseParams(params, DUAL_TUNNEL_ONLY_PARAMS, "single-tunnel");
    const request = parseModifyConnectionRequest(params);
    const record = findLiveConnection(store, request.vpnConnectionId);
    ensureGatewayIdle(store, record.attributes.VpnGatewayId);
    checkTunnelCidrFree(store, record.attributes.VpnGatewayId, request.bgpConfig, record.attributes.VpnConnectionId);
    record.attributes = withBgpPeer(applySettings(record.attributes, request), store.findCustomerGateway(record.attributes.CustomerGatewayId)?.Asn);
    if (request.autoConfigRoute !== undefined) {
        record.autoConfigRoute = request.autoConfigRoute;
    }
    store.recordModification(record);
    return structuredClone(record.attributes) as unknown as Record<string, unknown>;
}

/** DeleteVpnConnection: asynchronous; the connection is gone once the transition ends. */
export function deleteVpnConnection(params: RawParams, { store }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const id = requireParam(params, "VpnConnectionId");
    parseClientToken(params);
    const record = findLiveConnection(store, id);
    ensureGatewayIdle(store, record.attributes.VpnGatewayId);
    store.beginDeletion(record);
    return {};
}

export function describeVpnConnection(params: RawParams, { store, statusKey }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const record = store.findConnection(requireParam(params, "VpnConnectionId"));
    if (!record) {
        throw new AliApiError("InvalidVpnConnectionInstanceId.NotFound");
    }
    return { ...presentConnection(store, record, statusKey), Tags: presentTags(record) };
}

/** DescribeVpnConnections: filters combine with AND; an unknown id gives an empty list, not an error. */
export function describeVpnConnections(params: RawParams, { store, statusKey }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const paging = parsePaging(params);
    const matches = candidateConnections(store, params)
        .filter((c) => matchesFilter(params.VpnConnectionId, c.attributes.VpnConnectionId))
        .filter((c) => matchesFilter(params.VpnGatewayId, c.attributes.VpnGatewayId))
        .filter((c) => matchesFilter(params.CustomerGatewayId, c.attributes.CustomerGatewayId))
        .filter((c) => matchesFilter(params.ResourceGroupId, c.attributes.ResourceGroupId))
        .filter((c) => matchesTagFilter(params, c));
    const { page, ...counts } = paginate(matches, paging);
    return { ...counts, VpnConnections: { VpnConnection: page.map((c) => ({ ...presentConnection(store, c, statusKey), Tag: presentTags(c) })) } };
}

export function describeVpnGateway(params: RawParams, { store }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const gateway = store.findGateway(requireParam(params, "VpnGatewayId"));
    if (!gateway) {
        throw new AliApiError("InvalidVpnGatewayInstanceId.NotFound");
    }
    return presentGateway(store, gateway);
}

export function describeVpnGateways(params: RawParams, { store }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const paging = parsePaging(params);
    const matches = store
        .listGateways()
        .filter((g) => matchesFilter(params.VpnGatewayId, g.VpnGatewayId))
        .filter((g) => matchesFilter(params.VpcId, g.VpcId));
    const { page, ...counts } = paginate(matches, paging);
    return { ...counts, VpnGateways: { VpnGateway: page.map((g) => presentGateway(store, g)) } };
}

export function describeCustomerGateways(params: RawParams, { store }: ActionEnv): Record<string, unknown> {
    checkRegion(params);
    const paging = parsePaging(params);
    const matches = store.listCustomerGateways().filter((c) => matchesFilter(params.CustomerGatewayId, c.CustomerGatewayId));
    const { page, ...counts } = paginate(matches, paging);
    return { ...counts, CustomerGateways: { CustomerGateway: page.map(presentCustomerGateway) } };
}

/** Every action the emulator serves, by its API name. */
export const ALICLOUD_ACTIONS: Readonly<Record<string, ActionHandler>> = {
    CreateVpnConnection: createVpnConnection,
    ModifyVpnConnectionAttribute: modifyVpnConnectionAttribute,
    DeleteVpnConnection: deleteVpnConnection,
    DescribeVpnConnection: describeVpnConnection,
    DescribeVpnConnections: describeVpnConnections,
    DescribeVpnGateway: describeVpnGateway,
    DescribeVpnGateways: describeVpnGateways,
    DescribeCustomerGateways: describeCustomerGateways,
    ...TAG_ACTIONS,
};

// ---- helpers --------------------------------------------------------------------------------

/** The connections a listing can match, from the narrowest index its filters allow (the filters still apply). */
function candidateConnections(store: AlicloudStore, params: RawParams): ConnectionRecord[] {
    if (params.VpnConnectionId) {
        const record = store.findConnection(params.VpnConnectionId);
        return record ? [record] : [];
    }
    return params.VpnGatewayId ? store.connectionsOn(params.VpnGatewayId) : store.listConnections();
}

/** An absent or empty filter matches everything. */
function matchesFilter(filter: string | undefined, value: string): boolean {
    return filter === undefined || filter === "" || filter === value;
}

/** CreateVpnConnection's BgpConfig: a TunnelCidr must be unique per VPN gateway. Code [inferred]. */
function checkTunnelCidrFree(store: AlicloudStore, gatewayId: string, bgp: BgpConfigInput | undefined, self: string | undefined): void {
    const cidr = bgp?.TunnelCidr;
    if (cidr === undefined) {
        return;
    }
    const taken = store.connectionsOn(gatewayId).some((c) => c.attributes.VpnConnectionId !== self && tunnelCidrsOf(c).includes(cidr));
    if (taken) {
        throw invalidParameter("BgpConfig.TunnelCidr", "is already used by another connection of this VPN gateway");
    }
}

/** The attributes after applying given settings over `current` (a new object; `current` is untouched). */
function applySettings(current: ConnectionAttributes, input: ConnectionSettingsInput): ConnectionAttributes {
    const next = structuredClone(current);
    next.Name = input.name ?? next.Name;
    next.LocalSubnet = input.localSubnet ?? next.LocalSubnet;
    next.RemoteSubnet = input.remoteSubnet ?? next.RemoteSubnet;
    next.EffectImmediately = input.effectImmediately ?? next.EffectImmediately;
    next.EnableDpd = input.enableDpd ?? next.EnableDpd;
    next.EnableNatTraversal = input.enableNatTraversal ?? next.EnableNatTraversal;
    next.IkeConfig = { ...next.IkeConfig, ...input.ikeConfig };
    next.IpsecConfig = { ...next.IpsecConfig, ...input.ipsecConfig };
    if (input.healthCheck) {
        next.VcoHealthCheck = applyHealthCheck(next.VcoHealthCheck, input.healthCheck);
    }
    if (input.bgpConfig) {
        next.VpnBgpConfig = applyBgpConfig(next.VpnBgpConfig, input.bgpConfig);
    }
    return next;
}

/** Lower-case HealthCheckConfig keys onto the returned VcoHealthCheck (Enable as a string). */
function applyHealthCheck(current: VcoHealthCheckView, input: HealthCheckInput): VcoHealthCheckView {
    const Enable = switchText(input.enable, current.Enable);
    const given = { Dip: input.dip, Sip: input.sip, Interval: input.interval, Retry: input.retry };
    // [inferred] with no peer to probe, an enabled check reports success.
    return { ...overlay(current, given), Enable, Status: Enable === "true" ? "success" : "" };
}

/** BgpConfig onto VpnBgpConfig (EnableBgp as a string), starting from EMPTY_BGP_CONFIG. */
function applyBgpConfig(current: VpnBgpConfigView | undefined, input: BgpConfigInput): VpnBgpConfigView {
    const base = current ?? EMPTY_BGP_CONFIG;
    const EnableBgp = switchText(input.EnableBgp, base.EnableBgp);
    const given = { LocalAsn: input.LocalAsn, TunnelCidr: input.TunnelCidr, LocalBgpIp: input.LocalBgpIp };
    // [inferred] status of a BGP session the emulator cannot run.
    return { ...overlay(base, given), EnableBgp, Status: EnableBgp === "true" ? "success" : "" };
}

/** The attributes with their VpnBgpConfig's peer side filled in (see ./bgp); without BGP, unchanged. */
function withBgpPeer(attributes: ConnectionAttributes, peerAsn: number | undefined): ConnectionAttributes {
    return attributes.VpnBgpConfig ? { ...attributes, VpnBgpConfig: withPeer(attributes.VpnBgpConfig, peerAsn) } : attributes;
}

/** A given switch as the API returns it ("true"/"false"); not given keeps `current`. */
function switchText(given: boolean | undefined, current: "true" | "false"): "true" | "false" {
    return given === undefined ? current : given ? "true" : "false";
}

/** A copy of `base` with the values `given` defines; an undefined value keeps the base's. */
function overlay<T extends object>(base: T, given: Partial<T>): T {
    const defined = Object.entries(given).filter(([, value]) => value !== undefined);
    return { ...base, ...Object.fromEntries(defined) };
}
