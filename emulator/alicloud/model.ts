/**
 * The Alibaba store's records. Connection attributes are kept in the API's own response shape
 * (PascalCase, API types) so Describe copies them and out-of-band patches merge into them directly.
 */

/** IKE phase-1 settings as DescribeVpnConnection(s) returns them. */
export interface IkeConfigView {
    IkeEncAlg: string;
    IkePfs: string;
    RemoteId: string;
    IkeAuthAlg: string;
    Psk: string;
    IkeMode: string;
    IkeLifetime: number;
    IkeVersion: string;
    LocalId: string;
}

/** IPsec phase-2 settings as returned. */
export interface IpsecConfigView {
    IpsecLifetime: number;
    IpsecAuthAlg: string;
    IpsecPfs: string;
    IpsecEncAlg: string;
}

/** Health check as returned: `Enable` is the STRING "true"/"false", Interval and Retry numbers. */
export interface VcoHealthCheckView {
    Dip: string;
    Enable: "true" | "false";
    Interval: number;
    Retry: number;
    Sip: string;
    Policy: string;
    Status: string;
}

/**
 * BGP settings as returned: `EnableBgp` is a STRING, LocalAsn and PeerAsn numbers (aliyun/alibabacloud-typescript-sdk
 * `vpc-20160428/src/models/DescribeVpnConnectionResponseBody.ts` VpnBgpConfig); the peer's ASN and address are
 * derived by ./bgp.
 */
export interface VpnBgpConfigView {
    EnableBgp: "true" | "false";
    LocalAsn: number;
    TunnelCidr: string;
    LocalBgpIp: string;
    PeerAsn?: number;
    PeerBgpIp?: string;
    Status: string;
}

/** The VpnBgpConfig a connection starts from when BGP is first configured (LocalAsn default 45104 per CreateVpnConnection's BgpConfig). */
export const EMPTY_BGP_CONFIG: Readonly<VpnBgpConfigView> = { EnableBgp: "false", LocalAsn: 45104, TunnelCidr: "", LocalBgpIp: "", Status: "" };

/** The stored, persistent part of a connection (lifecycle `State` and negotiation status are derived). */
export interface ConnectionAttributes {
    VpnConnectionId: string;
    VpnGatewayId: string;
    CustomerGatewayId: string;
    Name: string;
    LocalSubnet: string;
    RemoteSubnet: string;
    CreateTime: number;
    EffectImmediately: boolean;
    EnableDpd: boolean;
    EnableNatTraversal: boolean;
    IkeConfig: IkeConfigView;
    IpsecConfig: IpsecConfigView;
    VcoHealthCheck: VcoHealthCheckView;
    /** Present only when the connection was given a BgpConfig. */
    VpnBgpConfig?: VpnBgpConfigView;
    /** `public` or `private` (DescribeVpnConnection NetworkType); see connectionFacts.ts. */
    NetworkType: string;
    ResourceGroupId: string;
    /** Present only on a dual-tunnel connection: its two tunnels (see ./tunnels). */
    TunnelOptionsSpecification?: { TunnelOptions: TunnelOptionView[] };
    /** Present only on a dual-tunnel connection: BGP on both tunnels (default false). */
    EnableTunnelsBgp?: boolean;
}

/**
 * One tunnel of a dual-tunnel connection as DescribeVpnConnection(s) returns it under
 * `TunnelOptionsSpecification.TunnelOptions`: `EnableDpd`, `EnableNatTraversal`, `IkeLifetime` and
 * `IpsecLifetime` are STRINGS here (booleans and numbers at the top level), as the API reference types them
 * (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-describevpnconnection-vpns).
 * `State` and `Status` are derived by the presenter.
 */
export interface TunnelOptionView {
    TunnelId: string;
    Role: "master" | "slave";
    CustomerGatewayId: string;
    EnableDpd: "true" | "false";
    EnableNatTraversal: "true" | "false";
    InternetIp: string;
    ZoneNo: string;
    RemoteCaCertificate: string;
    TunnelIkeConfig: Omit<IkeConfigView, "IkeLifetime"> & { IkeLifetime: string };
    TunnelIpsecConfig: Omit<IpsecConfigView, "IpsecLifetime"> & { IpsecLifetime: string };
    /** Present once the tunnel was given a TunnelBgpConfig (see ./tunnelBgp). */
    TunnelBgpConfig?: TunnelBgpConfigView;
}

/** A tunnel's BGP settings as returned: every member a STRING (BgpStatus `success` or `false`; see ./tunnelBgp). */
export interface TunnelBgpConfigView {
    LocalAsn: string;
    TunnelCidr: string;
    LocalBgpIp: string;
    PeerAsn: string;
    PeerBgpIp: string;
    BgpStatus: string;
}

/** A change still settling: the connection is transitional until `until` (emulator clock, ms). */
export interface PendingTransition {
    kind: "create" | "update" | "delete";
    until: number;
}

/** A tag as the API carries it (`Tags.N.Key`/`Tags.N.Value`; `Tags.Tag[]` in Describe). */
export interface TagEntry {
    Key: string;
    Value: string;
}

export interface ConnectionRecord {
    attributes: ConnectionAttributes;
    /** User tags, in the order they were added (see `./tags`). */
    tags?: TagEntry[];
    /** Not returned by Describe, but part of the connection's configuration. */
    autoConfigRoute: boolean;
    /** Set by an out-of-band patch; otherwise derived from the lifecycle. */
    negotiationStatusOverride?: string;
    clientToken?: string;
    pending?: PendingTransition;
}

export interface VpnGatewayRecord {
    VpnGatewayId: string;
    VpcId: string;
    VSwitchId: string;
    InternetIp: string;
    Name: string;
    Description: string;
    Spec: string;
    CreateTime: number;
    /** `public` or `private` (CreateVpnGateway NetworkType); absent = `public`. */
    NetworkType?: "public" | "private";
    /** The second public IP: present only on a gateway in dual-tunnel mode (its slave tunnel's IP). */
    DisasterRecoveryInternetIp?: string;
    DisasterRecoveryVSwitchId?: string;
}

export interface CustomerGatewayRecord {
    CustomerGatewayId: string;
    IpAddress: string;
    /** The customer gateway's BGP ASN (CreateCustomerGateway `Asn`), the BGP peer's ASN of its connections. */
    Asn: number;
    Name: string;
    Description: string;
    CreateTime: number;
}
