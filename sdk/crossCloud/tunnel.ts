/**
 * `CrossCloudTunnel`: one IPsec tunnel between an Alibaba Cloud VPC and a Tencent Cloud VPC, as one
 * component: an `alicloud.VpnConnection` and a `tencentcloud.VpnConnection` (its children) that are
 * mirror images — one pre-shared key, each side's local subnets the other's remote ones, matching
 * IKE identities and dead peer detection, and one cloud-neutral proposal spelled in each cloud's
 * vocabulary (./vocabulary).
 *
 * ```ts
 * const tunnel = new CrossCloudTunnel("hz-gz", {
 *     alicloudVpnGatewayId: "vpn-…", alicloudCustomerGatewayId: "cgw-…", alicloudVpnGatewayIp: "203.0.113.21",
 *     tencentcloudVpcId: "vpc-…", tencentcloudVpnGatewayId: "vpngw-…", tencentcloudCustomerGatewayId: "cgw-…",
 *     alicloudCidrs: ["172.16.0.0/16"], tencentcloudCidrs: ["10.0.0.0/16"],
 * });
 * export const status = tunnel.tunnelStatus;
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { VpnConnection as AlicloudVpnConnection } from "../alicloud/vpnConnection";
import { VpnConnection as TencentcloudVpnConnection } from "../tencentcloud/vpnConnection";
import { TunnelProposalArgs, translateProposal } from "./proposal";
import { combineTunnelStatus, TunnelStatus } from "./tunnelStatus";
import { mirroredSubnets, requireCidrs, tunnelKey } from "./tunnelParts";

/** Type token of the component. */
export const TUNNEL_TYPE = "pulumi-ipsec:crossCloud:Tunnel";

/** What the two ends share, in {@link CrossCloudTunnelArgs} and {@link CrossCloudHaTunnelArgs}. */
export interface CrossCloudTunnelCommonArgs {
    /** Alibaba Cloud VPN gateway ID (`vpn-…`). Changing it replaces the Alibaba connection. */
    alicloudVpnGatewayId: pulumi.Input<string>;
    /** Tencent Cloud VPC ID (`vpc-…`) the Tencent VPN gateway belongs to. */
    tencentcloudVpcId: pulumi.Input<string>;
    /** Tencent Cloud VPN gateway ID (`vpngw-…`). Changing it replaces the Tencent connection(s). */
    tencentcloudVpnGatewayId: pulumi.Input<string>;
    /**
     * The Alibaba VPC's CIDR blocks: the Alibaba side's local subnets and the Tencent side's remote ones.
     * Disjoint from `tencentcloudCidrs`.
     */
    alicloudCidrs: pulumi.Input<pulumi.Input<string>[]>;
    /** The Tencent VPC's CIDR blocks: the Tencent side's local subnets and the Alibaba side's remote ones. */
    tencentcloudCidrs: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The pre-shared key of both ends; stored as a secret. Alibaba Cloud takes 1–100 letters, digits
     * and ``~!`@#$%^&*()_-+={}[]\|;:'",.<>/?``, no whitespace.
     * @default a 32-character key of letters and digits, generated once by a `GeneratedPresharedKey`
     * child (`<name>-psk`) and kept in the state, so it stays the same across updates
     */
    preSharedKey?: pulumi.Input<string>;
    /**
     * The IKE/IPsec proposal both ends negotiate, in neutral names; a value either cloud cannot
     * express is refused with a `ProposalError` naming the field.
     * @default IKEv2, main mode, AES-256, SHA-256, DH group 14, PFS group 14, 86400 s IKE SAs, 3600 s IPsec SAs
     */
    proposal?: TunnelProposalArgs;
    /**
     * Name of the connections in each cloud (Tencent's limit is 60 characters).
     * @default the component's name
     */
    connectionName?: pulumi.Input<string>;
    /**
     * Region of the Alibaba connection.
     * @default the `alicloud:region` stack config, else `ALIBABA_CLOUD_REGION`
     */
    alicloudRegion?: pulumi.Input<string>;
    /**
     * Region of the Tencent connection(s).
     * @default the `tencentcloud:region` stack config, else `TENCENTCLOUD_REGION`
     */
    tencentcloudRegion?: pulumi.Input<string>;
}

/** The arguments of {@link CrossCloudTunnel}. */
export interface CrossCloudTunnelArgs extends CrossCloudTunnelCommonArgs {
    /** Alibaba Cloud customer gateway ID (`cgw-…`), registered with the Tencent VPN gateway's public IP. */
    alicloudCustomerGatewayId: pulumi.Input<string>;
    /** Tencent Cloud customer gateway ID (`cgw-…`), registered with the Alibaba VPN gateway's public IP. */
    tencentcloudCustomerGatewayId: pulumi.Input<string>;
    /**
     * The Alibaba VPN gateway's public IP: the Tencent side's remote IKE identity (Tencent requires one
     * with `remoteIdentity` `ADDRESS`) and the Alibaba side's local one.
     */
    alicloudVpnGatewayIp: pulumi.Input<string>;
    /**
     * The Tencent VPN gateway's public IP, set as the Tencent side's local identity and the Alibaba
     * side's remote one.
     * @default unset: each cloud's own default, which is that same IP (the Tencent gateway's, and the
     * Alibaba customer gateway's, registered with it)
     */
    tencentcloudVpnGatewayIp?: pulumi.Input<string>;
}

/** Both ends of one Alibaba Cloud ↔ Tencent Cloud IPsec tunnel, as mirror images; see the module comment. */
export class CrossCloudTunnel extends pulumi.ComponentResource {
    /** The Alibaba end, `<name>-alicloud`. */
    readonly alicloudConnection: AlicloudVpnConnection;
    /** The Tencent end, `<name>-tencentcloud`. */
    readonly tencentcloudConnection: TencentcloudVpnConnection;
    /** The key both ends use; a secret. */
    readonly preSharedKey: pulumi.Output<string>;
    /**
     * Both ends' negotiation status combined (Alibaba `status`, Tencent `netStatus`): `established`
     * when Alibaba reports `ipsec_sa_established` and Tencent `AVAILABLE`, `down` when neither does,
     * `partial` when only one does. Read at each create, update or refresh (`pulumi up --refresh`).
     */
    readonly tunnelStatus: pulumi.Output<TunnelStatus>;

    /**
     * @throws ProposalError when a plain value of `args.proposal` cannot be expressed by both clouds
     *  (a deferred one fails the deployment with the same error)
     */
    constructor(name: string, args: CrossCloudTunnelArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before anything is registered: an inexpressible proposal leaves no resource behind.
        const proposal = translateProposal(args.proposal);
        const alicloudCidrs = requireCidrs("alicloudCidrs", args.alicloudCidrs);
        const tencentcloudCidrs = requireCidrs("tencentcloudCidrs", args.tencentcloudCidrs);
        super(TUNNEL_TYPE, name, {}, opts);

        const { preSharedKey } = tunnelKey(name, args.preSharedKey, this);
        const subnets = mirroredSubnets(alicloudCidrs, tencentcloudCidrs);
        const connectionName = args.connectionName ?? name;
        const tencentIp = args.tencentcloudVpnGatewayIp;

        this.alicloudConnection = new AlicloudVpnConnection(
            `${name}-alicloud`,
            {
                region: args.alicloudRegion,
                vpnGatewayId: args.alicloudVpnGatewayId,
                customerGatewayId: args.alicloudCustomerGatewayId,
                name: connectionName,
                ...subnets.alicloud,
                preSharedKey,
                // Tencent's DPD default is off, Alibaba's on: both on, so a dead peer is noticed on each side.
                enableDpd: true,
                ikeConfig: { ...proposal.alicloud.ikeConfig, localId: args.alicloudVpnGatewayIp, ...(tencentIp === undefined ? {} : { remoteId: tencentIp }) },
                ipsecConfig: proposal.alicloud.ipsecConfig,
            },
            { parent: this },
        );
        this.tencentcloudConnection = new TencentcloudVpnConnection(
            `${name}-tencentcloud`,
            {
                region: args.tencentcloudRegion,
                vpcId: args.tencentcloudVpcId,
                vpnGatewayId: args.tencentcloudVpnGatewayId,
                customerGatewayId: args.tencentcloudCustomerGatewayId,
                name: connectionName,
                preSharedKey,
                ...subnets.tencentcloud,
                dpdEnable: true,
                ikeOptions: {
                    ...proposal.tencentcloud.ikeOptions,
                    remoteIdentity: "ADDRESS",
                    remoteAddress: args.alicloudVpnGatewayIp,
                    ...(tencentIp === undefined ? {} : { localIdentity: "ADDRESS", localAddress: tencentIp }),
                },
                ipsecOptions: proposal.tencentcloud.ipsecOptions,
            },
            { parent: this },
        );
        this.preSharedKey = preSharedKey;
        this.tunnelStatus = pulumi
            .all([this.alicloudConnection.status, this.tencentcloudConnection.netStatus])
            .apply(([alicloud, tencentcloud]) => combineTunnelStatus([alicloud], [tencentcloud]));
        this.registerOutputs({
            alicloudConnectionId: this.alicloudConnection.vpnConnectionId,
            tencentcloudConnectionId: this.tencentcloudConnection.vpnConnectionId,
            tunnelStatus: this.tunnelStatus,
        });
    }
}
