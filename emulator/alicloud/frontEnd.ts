/**
 * The Alibaba Cloud VPC front end (API 2016-04-28, RPC style) served under `/alicloud`.
 * Protocol: parameters in a POST form body and/or the query string, signed with the RPC signature (pop-core) or
 * signature method V3 (the V2 SDK, @alicloud/openapi-client); JSON envelopes.
 */
import type { CloudFrontEnd, EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { ALICLOUD_ACTIONS } from "./actions";
import type { ActionEnv } from "./actionSupport";
import { AlicloudAuthenticator } from "./authenticator";
import { alicloudCredentials } from "./credentials";
import { handleAlicloudControl, maskedConnection } from "./control";
import type { AlicloudFrontEndSettings } from "./control";
import {
    ALICLOUD_ACCESS_KEY_ID,
    ALICLOUD_ACCESS_KEY_SECRET,
    ALICLOUD_API_VERSION,
    ALICLOUD_CUSTOMER_GATEWAYS,
    ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS,
    ALICLOUD_REGION_ID,
    ALICLOUD_STS_CREDENTIALS,
    ALICLOUD_VPN_GATEWAYS,
} from "./fixtures";
import { presentCustomerGateway, presentGateway } from "./presenter";
import { parseRpcCall } from "./rpcCall";
import { joinPeering } from "./peering";
import { AlicloudStore } from "./store";

/** Path prefix of the Alibaba front end. */
export const ALICLOUD_PREFIX = "/alicloud";

/** The Alibaba entry of the emulator info: everything a pop-core RPCClient needs. */
export type AlicloudEndpointInfo = {
    /** pop-core `endpoint`; the client posts to `endpoint + "/"`. */
    endpoint: string;
    apiVersion: string;
    accessKeyId: string;
    accessKeySecret: string;
    regionId: string;
    vpnGatewayIds: string[];
    /** VPN gateways in dual-tunnel mode: their connections take `TunnelOptionsSpecification` (two tunnels). */
    dualTunnelVpnGatewayIds: string[];
    customerGatewayIds: string[];
    /** Fixed temporary credentials (never expire): pass `securityToken` to the client as well. */
    stsToken: { accessKeyId: string; accessKeySecret: string; securityToken: string };
};

/** The front end plus in-process access to its store (for tests). */
export interface AlicloudFrontEnd extends CloudFrontEnd {
    readonly store: AlicloudStore;
    readonly settings: AlicloudFrontEndSettings;
}

/**
 * `Status` is how the API reference, the SDK models (DescribeVpnConnectionResponseBody) and
 * terraform-provider-alicloud's resource_alicloud_vpn_connection.go name the negotiation status.
 */
const DEFAULT_FRONT_END_SETTINGS: Readonly<AlicloudFrontEndSettings> = { statusKey: "Status", clientTokensOutliveConnections: false };

/** Creates the Alibaba front end on the emulator's context. */
export function createAlicloudFrontEnd(ctx: EmulatorContext): AlicloudFrontEnd {
    const store = new AlicloudStore(ctx);
    joinPeering(ctx, store);
    const authenticator = new AlicloudAuthenticator(alicloudCredentials(ctx), Date.now, { now: ctx.now });
    const settings: AlicloudFrontEndSettings = { ...DEFAULT_FRONT_END_SETTINGS };

    const parse = (req: EmulatorRequest): EmulatorResponse | ParsedCall =>
        parseRpcCall<ActionEnv>(req, ctx, {
            actions: ALICLOUD_ACTIONS,
            authenticate: (request, params) => authenticator.authenticate(request, params),
            env: () => ({ ctx, store, statusKey: settings.statusKey, clientTokensOutliveConnections: settings.clientTokensOutliveConnections }),
        });

    return {
        cloud: "alicloud",
        prefix: ALICLOUD_PREFIX,
        store,
        settings,
        parse,
        reset() {
            store.reset();
            authenticator.reset();
            Object.assign(settings, DEFAULT_FRONT_END_SETTINGS);
        },
        dump() {
            return {
                settings: { ...settings },
                vpnGateways: store.listGateways().map((g) => presentGateway(store, g)),
                customerGateways: store.listCustomerGateways().map(presentCustomerGateway),
                connections: store.listConnections().map((c) => ({
                    ...maskedConnection(store, c, settings.statusKey),
                    AutoConfigRoute: c.autoConfigRoute,
                    ClientToken: c.clientToken ?? null,
                })),
            };
        },
        control: (method, subPath, body) => handleAlicloudControl(method, subPath, body, store, settings),
        describe(baseUrl): AlicloudEndpointInfo {
            return {
                endpoint: `${baseUrl}${ALICLOUD_PREFIX}`,
                apiVersion: ALICLOUD_API_VERSION,
                accessKeyId: ALICLOUD_ACCESS_KEY_ID,
                accessKeySecret: ALICLOUD_ACCESS_KEY_SECRET,
                regionId: ALICLOUD_REGION_ID,
                vpnGatewayIds: ALICLOUD_VPN_GATEWAYS.map((g) => g.VpnGatewayId),
                dualTunnelVpnGatewayIds: ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS.map((g) => g.VpnGatewayId),
                customerGatewayIds: ALICLOUD_CUSTOMER_GATEWAYS.map((c) => c.CustomerGatewayId),
                stsToken: { ...ALICLOUD_STS_CREDENTIALS },
            };
        },
    };
}
