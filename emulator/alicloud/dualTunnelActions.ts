/**
 * The Alibaba actions on dual-tunnel connections (CreateVpnConnection and ModifyVpnConnectionAttribute
 * with `TunnelOptionsSpecification`); `actions.ts` hands them the requests addressed to a dual-tunnel
 * gateway or connection.
 */
import { ActionEnv, createdBody, ensureGatewayIdle, findLiveConnection, GENERATED_PSK_ALPHABET, GENERATED_PSK_LENGTH, RawParams } from "./actionSupport";
import { modifiedTunnels, newTunnel, presentDualTunnel } from "./dualTunnel";
import { AliApiError } from "./errors";
import { newConnectionFacts } from "./connectionFacts";
import type { ConnectionAttributes } from "./model";
import { randomAlphanumeric } from "./store";
import type { AlicloudStore } from "./store";
import { parseCreateTags } from "./tags";
import { parseBooleanParam, parseClientToken, parseName, parseSubnetList, requireParam } from "./validation";
import { parseTunnelOptions, refuseParams, requireCreateTunnels, SINGLE_TUNNEL_ONLY_PARAMS } from "./tunnels";
import type { TunnelInput } from "./tunnels";
import { checkTunnelBgp, checkTunnelCidrsFree, withTunnelPeers } from "./tunnelBgp";
import type { TunnelOptionView } from "./model";

/** The tunnels' BGP checks (LocalBgpIp inside TunnelCidr, TunnelCidr free on the gateway), then the peers filled in. */
function withCheckedBgp(store: AlicloudStore, gatewayId: string, self: string | undefined, tunnels: TunnelOptionView[], inputs: readonly TunnelInput[], enabled: boolean): TunnelOptionView[] {
    const indexOf = (role: string) => inputs.find((i) => i.role === role || (i.tunnelId !== undefined && tunnels.find((t) => t.TunnelId === i.tunnelId)?.Role === role))?.index;
    checkTunnelBgp(tunnels, indexOf);
    checkTunnelCidrsFree(store.connectionsOn(gatewayId), gatewayId, self, tunnels, indexOf);
    return withTunnelPeers(tunnels, enabled, (id) => store.findCustomerGateway(id)?.Asn);
}

/**
 * CreateVpnConnection on a dual-tunnel gateway: `TunnelOptionsSpecification` (a master and a slave tunnel,
 * each with its customer gateway and IKE/IPsec settings) instead of the single-tunnel parameters, which the
 * gateway refuses (CreateVpnConnection's operation description,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns).
 * Each tunnel gets its own random PSK when none is given.
 */
export function createDualTunnelConnection(params: RawParams, { ctx, store }: Pick<ActionEnv, "ctx" | "store">, token: string | undefined): Record<string, unknown> {
    refuseParams(params, SINGLE_TUNNEL_ONLY_PARAMS, "dual-tunnel");
    const gateway = store.findGateway(requireParam(params, "VpnGatewayId"))!;
    const localSubnet = parseSubnetList("LocalSubnet", requireParam(params, "LocalSubnet"));
    const remoteSubnet = parseSubnetList("RemoteSubnet", requireParam(params, "RemoteSubnet"));
    const name = params.Name === undefined ? undefined : parseName(params.Name);
    const effectImmediately = parseBooleanParam(params, "EffectImmediately");
    const autoConfigRoute = parseBooleanParam(params, "AutoConfigRoute");
    const dryRun = parseBooleanParam(params, "DryRun") ?? false;
    const enableTunnelsBgp = parseBooleanParam(params, "EnableTunnelsBgp") ?? false;
    const tags = parseCreateTags(params);
    const inputs = requireCreateTunnels(parseTunnelOptions(params));
    const customerGateways = inputs.map((input) => {
        const found = store.findCustomerGateway(input.customerGatewayId!);
        if (!found) throw new AliApiError("InvalidCustomerGatewayInstanceId.NotFound");
        return found;
    });
    if (dryRun) {
        throw new AliApiError("DryRunOperation");
    }
    ensureGatewayIdle(store, gateway.VpnGatewayId);
    if (store.countConnectionsOn(gateway.VpnGatewayId) >= ctx.settings.connectionQuotaPerGateway) {
        throw new AliApiError("Resource.QuotaFull");
    }
    const built = inputs.map((input, i) =>
        newTunnel(input, gateway, customerGateways[i], {
            tunnelId: `tun-emu${randomAlphanumeric(18)}`,
            psk: randomAlphanumeric(GENERATED_PSK_LENGTH, GENERATED_PSK_ALPHABET),
        }),
    );
    const tunnels = withCheckedBgp(store, gateway.VpnGatewayId, undefined, built, inputs, enableTunnelsBgp);
    const id = store.newConnectionId();
    const attributes: ConnectionAttributes = {
        VpnConnectionId: id,
        VpnGatewayId: gateway.VpnGatewayId,
        ...newConnectionFacts(gateway),
        // Single-tunnel keys, kept for the record's type; Describe leaves them out (presentDualTunnel).
        CustomerGatewayId: "",
        Name: name ?? id,
        LocalSubnet: localSubnet,
        RemoteSubnet: remoteSubnet,
        CreateTime: ctx.now(),
        EffectImmediately: effectImmediately ?? false,
        EnableDpd: true,
        EnableNatTraversal: true,
        IkeConfig: { IkeEncAlg: "", IkePfs: "", RemoteId: "", IkeAuthAlg: "", Psk: "", IkeMode: "", IkeLifetime: 0, IkeVersion: "", LocalId: "" },
        IpsecConfig: { IpsecLifetime: 0, IpsecAuthAlg: "", IpsecPfs: "", IpsecEncAlg: "" },
        VcoHealthCheck: { Dip: "", Enable: "false", Interval: 3, Retry: 3, Sip: "", Policy: "revoke_route", Status: "" },
        // Master first, as given or not.
        TunnelOptionsSpecification: { TunnelOptions: tunnels.sort((a, b) => (a.Role === b.Role ? 0 : a.Role === "master" ? -1 : 1)) },
        EnableTunnelsBgp: enableTunnelsBgp,
    };
    store.addConnection({ attributes, autoConfigRoute: autoConfigRoute ?? true, clientToken: token, tags });
    return createdBody(attributes);
}

/**
 * ModifyVpnConnectionAttribute on a dual-tunnel connection: the connection-wide settings and, addressed by
 * `TunnelId`, each tunnel's; the single-tunnel parameters are refused. Answers the full post-change object.
 */
export function modifyDualTunnelConnection(params: RawParams, store: AlicloudStore): Record<string, unknown> {
    refuseParams(params, SINGLE_TUNNEL_ONLY_PARAMS, "dual-tunnel");
    const record = findLiveConnection(store, requireParam(params, "VpnConnectionId"));
    parseClientToken(params);
    const localSubnet = params.LocalSubnet === undefined ? undefined : parseSubnetList("LocalSubnet", params.LocalSubnet);
    const remoteSubnet = params.RemoteSubnet === undefined ? undefined : parseSubnetList("RemoteSubnet", params.RemoteSubnet);
    const name = params.Name === undefined ? undefined : parseName(params.Name);
    const effectImmediately = parseBooleanParam(params, "EffectImmediately");
    const autoConfigRoute = parseBooleanParam(params, "AutoConfigRoute");
    const enableTunnelsBgp = parseBooleanParam(params, "EnableTunnelsBgp") ?? record.attributes.EnableTunnelsBgp ?? false;
    const inputs = parseTunnelOptions(params) ?? [];
    const current = record.attributes.TunnelOptionsSpecification!.TunnelOptions;
    const tunnels = withCheckedBgp(store, record.attributes.VpnGatewayId, record.attributes.VpnConnectionId, modifiedTunnels(current, inputs), inputs, enableTunnelsBgp);
    ensureGatewayIdle(store, record.attributes.VpnGatewayId);
    const next = structuredClone(record.attributes);
    next.Name = name ?? next.Name;
    next.LocalSubnet = localSubnet ?? next.LocalSubnet;
    next.RemoteSubnet = remoteSubnet ?? next.RemoteSubnet;
    next.EffectImmediately = effectImmediately ?? next.EffectImmediately;
    next.TunnelOptionsSpecification = { TunnelOptions: tunnels };
    next.EnableTunnelsBgp = enableTunnelsBgp;
    record.attributes = next;
    if (autoConfigRoute !== undefined) {
        record.autoConfigRoute = autoConfigRoute;
    }
    store.recordModification(record);
    return presentDualTunnel(record.attributes, "updating", store.tunnelStatuses(record));
}
