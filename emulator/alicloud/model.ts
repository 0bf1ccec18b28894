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

/** BGP settings as returned: `EnableBgp` is a STRING, LocalAsn a number. */
export interface VpnBgpConfigView {
    EnableBgp: "true" | "false";
    LocalAsn: number;
    TunnelCidr: string;
    LocalBgpIp: string;
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
}

export interface CustomerGatewayRecord {
    CustomerGatewayId: string;
    IpAddress: string;
    Name: string;
    Description: string;
    CreateTime: number;
}
