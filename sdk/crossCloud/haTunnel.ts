/**
 * `CrossCloudHaTunnel`: the redundant form of {@link CrossCloudTunnel}. One dual-tunnel Alibaba
 * Cloud connection (a master and a slave tunnel, on the VPN gateway's two public IPs; the gateway
 * must be in dual-tunnel mode) faces two Tencent Cloud connections on one Tencent VPN gateway, one
 * per Alibaba tunnel address, each with its own Tencent customer gateway registered with that
 * address. Optionally BGP runs inside both tunnels.
 *
 * What the connection APIs cannot set, and this component therefore cannot either: the ASNs of
 * the Tencent VPN gateway and of the customer gateways (gateway properties, not connection ones;
 * `bgp.tencentcloudAsn` and `bgp.alicloudAsn` must be what those gateways were created with), the
 * routes each VPN gateway advertises or the VPC route tables.
 */
import * as pulumi from "@pulumi/pulumi";
import { cidrContains, formatIpv4, parseCidr } from "../../provider/core/cidr";
import { VpnConnection as AlicloudVpnConnection } from "../alicloud/vpnConnection";
import type { TunnelArgs } from "../alicloud/args.generated";
import { VpnConnection as TencentcloudVpnConnection } from "../tencentcloud/vpnConnection";
import { translateProposal } from "./proposal";
import type { CrossCloudTunnelCommonArgs } from "./tunnel";
import { combineTunnelStatus, TunnelStatus } from "./tunnelStatus";
import { mirroredSubnets, requireCidrs, tunnelKey } from "./tunnelParts";

/** Type token of the component. */
export const HA_TUNNEL_TYPE = "pulumi-ipsec:crossCloud:HaTunnel";

const ROLES = ["master", "slave"] as const;
const ANY = ["0.0.0.0/0"];

/** BGP inside both tunnels. */
export interface CrossCloudBgpArgs {
    /**
     * The Alibaba side's ASN (each tunnel's `bgpConfig.localAsn`); the Tencent customer gateways must
     * have been created with it. 1–4294967295.
     */
    alicloudAsn: number;
    /**
     * The Tencent VPN gateway's ASN, which the Alibaba customer gateway must have been created with.
     * Not settable through a connection: only checked to differ from `alicloudAsn` (eBGP; Tencent
     * refuses equal ASNs, `VpnUnsupportedBgpAsnEqual`).
     */
    tencentcloudAsn: number;
    /**
     * One /30 inside 169.254.0.0/16 per tunnel (master, slave), unique among each VPN gateway's
     * tunnels. The first address is Alibaba's, the second Tencent's.
     */
    tunnelCidrs: [string, string];
}

/** The arguments of {@link CrossCloudHaTunnel}. */
export interface CrossCloudHaTunnelArgs extends Omit<CrossCloudTunnelCommonArgs, "alicloudCidrs" | "tencentcloudCidrs"> {
    /** Alibaba customer gateway (`cgw-…`) of the master tunnel, registered with the Tencent VPN gateway's public IP. */
    alicloudCustomerGatewayId: pulumi.Input<string>;
    /**
     * Alibaba customer gateway of the slave tunnel.
     * @default `alicloudCustomerGatewayId`: both tunnels face the one Tencent VPN gateway IP
     */
    alicloudSlaveCustomerGatewayId?: pulumi.Input<string>;
    /**
     * The Tencent customer gateways (`cgw-…`), registered with the Alibaba master tunnel's and slave
     * tunnel's public IPs, in that order: one Tencent connection each.
     */
    tencentcloudCustomerGatewayIds: [pulumi.Input<string>, pulumi.Input<string>];
    /**
     * The Alibaba gateway's two public IPs (master, slave): each Tencent connection's remote identity
     * and each Alibaba tunnel's local one.
     * @default the tunnels' `internetIp` outputs of the Alibaba connection (the Tencent connections then wait for it)
     */
    alicloudTunnelIps?: [pulumi.Input<string>, pulumi.Input<string>];
    /**
     * The Alibaba VPC's CIDR blocks. Without `bgp` required, as in {@link CrossCloudTunnelArgs}. With
     * `bgp` not used: both sides route by destination (Alibaba `0.0.0.0/0` both ways, Tencent
     * `routeType` `Bgp`) and learn the prefixes over BGP.
     * @default none
     */
    alicloudCidrs?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The Tencent VPC's CIDR blocks; see `alicloudCidrs`.
     * @default none
     */
    tencentcloudCidrs?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * BGP inside both tunnels. Tencent refuses a gateway mixing BGP and other route types (`VpnConnRouteTypeMixed`).
     * @default none: policy-based tunnels with mirrored subnets
     */
    bgp?: CrossCloudBgpArgs;
}

const fail = (field: string, message: string): never => {
    throw Object.assign(new Error(`\`${field}\` ${message}`), { field, code: "InvalidBgp" });
};

/** Each tunnel's /30 as (Alibaba address, Tencent address), after checking `bgp`. */
function bgpAddresses(bgp: CrossCloudBgpArgs): { tunnelCidr: string; alicloud: string; tencentcloud: string }[] {
    for (const key of ["alicloudAsn", "tencentcloudAsn"] as const) {
        if (!Number.isInteger(bgp[key]) || bgp[key] < 1 || bgp[key] > 4294967295) fail(`bgp.${key}`, "must be an integer from 1 to 4294967295");
    }
    if (bgp.alicloudAsn === bgp.tencentcloudAsn) fail("bgp.tencentcloudAsn", "must differ from `bgp.alicloudAsn` (eBGP between the clouds)");
    if (!Array.isArray(bgp.tunnelCidrs) || bgp.tunnelCidrs.length !== 2) fail("bgp.tunnelCidrs", "needs two /30 blocks, master first");
    const inLinkLocal = parseCidr("169.254.0.0/16");
    return bgp.tunnelCidrs.map((cidr, i) => {
        const parsed = parseCidr(cidr);
        if (!parsed.ok || parsed.cidr.prefix !== 30 || parsed.canonical !== cidr) fail(`bgp.tunnelCidrs[${i}]`, "must be a /30 in canonical form, e.g. 169.254.10.0/30");
        if (!parsed.ok || !inLinkLocal.ok || !cidrContains(inLinkLocal.cidr, parsed.cidr)) fail(`bgp.tunnelCidrs[${i}]`, "must lie inside 169.254.0.0/16");
        if (i === 1 && cidr === bgp.tunnelCidrs[0]) fail("bgp.tunnelCidrs[1]", "must differ from the master tunnel's");
        const network = parsed.ok ? parsed.cidr.network : 0;
        return { tunnelCidr: cidr, alicloud: formatIpv4(network + 1), tencentcloud: formatIpv4(network + 2) };
    });
}

/** A dual-tunnel Alibaba Cloud connection facing two Tencent Cloud connections; see the module comment. */
export class CrossCloudHaTunnel extends pulumi.ComponentResource {
    /** The Alibaba end, `<name>-alicloud`: one dual-tunnel connection. */
    readonly alicloudConnection: AlicloudVpnConnection;
    /** The Tencent ends, `<name>-tencentcloud-master` and `<name>-tencentcloud-slave`. */
    readonly tencentcloudConnections: [TencentcloudVpnConnection, TencentcloudVpnConnection];
    /** The key of all four ends; a secret. */
    readonly preSharedKey: pulumi.Output<string>;
    /**
     * Each tunnel pair's status (master, slave), as {@link CrossCloudTunnel.tunnelStatus}: the Alibaba
     * tunnel's `status` with its Tencent connection's `netStatus`.
     */
    readonly tunnelStatuses: pulumi.Output<[TunnelStatus, TunnelStatus]>;
    /**
     * All four ends combined: `established` when both pairs are, `down` when no end is up, `partial`
     * otherwise — including the failover case of one pair up, which still carries traffic.
     */
    readonly tunnelStatus: pulumi.Output<TunnelStatus>;

    /**
     * @throws ProposalError when a plain value of `args.proposal` cannot be expressed by both clouds;
     *  an error naming the field when `bgp` is invalid, or the CIDRs are missing without it
     */
    constructor(name: string, args: CrossCloudHaTunnelArgs, opts?: pulumi.ComponentResourceOptions) {
        const proposal = translateProposal(args.proposal);
        const bgp = args.bgp === undefined ? undefined : bgpAddresses(args.bgp);
        const subnets = bgp ? undefined : mirroredSubnets(requireCidrs("alicloudCidrs", args.alicloudCidrs), requireCidrs("tencentcloudCidrs", args.tencentcloudCidrs));
        if (!Array.isArray(args.tencentcloudCustomerGatewayIds) || args.tencentcloudCustomerGatewayIds.length !== 2) {
            fail("tencentcloudCustomerGatewayIds", "needs two customer gateways, the master tunnel's first");
        }
        super(HA_TUNNEL_TYPE, name, {}, opts);

        const { preSharedKey } = tunnelKey(name, args.preSharedKey, this);
        const connectionName = args.connectionName ?? name;
        const gateways = [args.alicloudCustomerGatewayId, args.alicloudSlaveCustomerGatewayId ?? args.alicloudCustomerGatewayId];
        const tunnels: TunnelArgs[] = ROLES.map((role, i) => ({
            role,
            customerGatewayId: gateways[i],
            preSharedKey,
            enableDpd: true,
            ikeConfig: { ...proposal.alicloud.ikeConfig, ...(args.alicloudTunnelIps ? { localId: args.alicloudTunnelIps[i] } : {}) },
            ipsecConfig: proposal.alicloud.ipsecConfig,
            ...(bgp ? { bgpConfig: { localAsn: args.bgp!.alicloudAsn, tunnelCidr: bgp[i].tunnelCidr, localBgpIp: bgp[i].alicloud } } : {}),
        }));
        this.alicloudConnection = new AlicloudVpnConnection(
            `${name}-alicloud`,
            {
                region: args.alicloudRegion,
                vpnGatewayId: args.alicloudVpnGatewayId,
                name: connectionName,
                ...(subnets ? subnets.alicloud : { localSubnets: ANY, remoteSubnets: ANY }),
                ...(bgp ? { enableTunnelsBgp: true } : {}),
                tunnels,
            },
            { parent: this },
        );
        const reported = pulumi.unsecret(this.alicloudConnection.tunnels);
        const tunnelIp = (i: number): pulumi.Input<string> =>
            args.alicloudTunnelIps?.[i] ?? reported.apply((ts) => ts?.find((t) => t.role === ROLES[i])?.internetIp ?? "");
        const tencentEnd = (i: number) =>
            new TencentcloudVpnConnection(
                `${name}-tencentcloud-${ROLES[i]}`,
                {
                    region: args.tencentcloudRegion,
                    vpcId: args.tencentcloudVpcId,
                    vpnGatewayId: args.tencentcloudVpnGatewayId,
                    customerGatewayId: args.tencentcloudCustomerGatewayIds[i],
                    name: pulumi.interpolate`${connectionName}-${ROLES[i]}`,
                    preSharedKey,
                    ...(bgp
                        ? { routeType: "Bgp" as const, bgpConfig: { tunnelCidr: bgp[i].tunnelCidr, localBgpIp: bgp[i].tencentcloud, remoteBgpIp: bgp[i].alicloud } }
                        : subnets!.tencentcloud),
                    dpdEnable: true,
                    ikeOptions: { ...proposal.tencentcloud.ikeOptions, remoteIdentity: "ADDRESS", remoteAddress: tunnelIp(i) },
                    ipsecOptions: proposal.tencentcloud.ipsecOptions,
                },
                { parent: this },
            );
        this.tencentcloudConnections = [tencentEnd(0), tencentEnd(1)];
        this.preSharedKey = preSharedKey;
        const ends = pulumi.all([reported, this.tencentcloudConnections[0].netStatus, this.tencentcloudConnections[1].netStatus]).apply(([ts, master, slave]) => ({
            alicloud: ROLES.map((role) => ts?.find((t) => t.role === role)?.status),
            tencentcloud: [master, slave],
        }));
        this.tunnelStatuses = ends.apply(({ alicloud, tencentcloud }) => [0, 1].map((i) => combineTunnelStatus([alicloud[i]], [tencentcloud[i]])) as [TunnelStatus, TunnelStatus]);
        this.tunnelStatus = ends.apply(({ alicloud, tencentcloud }) => combineTunnelStatus(alicloud, tencentcloud));
        this.registerOutputs({
            alicloudConnectionId: this.alicloudConnection.vpnConnectionId,
            tencentcloudConnectionIds: this.tencentcloudConnections.map((c) => c.vpnConnectionId),
            tunnelStatus: this.tunnelStatus,
        });
    }
}
