/**
 * The connection model shared by both API generations, in API 3.0 terms, with the API 3.0 defaults
 * and the API 3.0 rendering (`VpnConnection`, typed by the SDK's own models so drift is a compile error).
 */
import type {
    IKEOptionsSpecification,
    IPSECOptionsSpecification,
    VpnConnection,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_models";

/** IKE phase-1 options as stored (every field resolved; unset identities are ""). */
export interface IkeOptions {
    PropoEncryAlgorithm: string;
    PropoAuthenAlgorithm: string;
    ExchangeMode: string;
    LocalIdentity: string;
    RemoteIdentity: string;
    LocalAddress: string;
    RemoteAddress: string;
    LocalFqdnName: string;
    RemoteFqdnName: string;
    DhGroupName: string;
    IKESaLifetimeSeconds: number;
    IKEVersion: string;
}

/** IPsec phase-2 options as stored; one integrity value rendered under both names (`vpc_models.d.ts` IPSECOptionsSpecification). */
export interface IpsecOptions {
    EncryptAlgorithm: string;
    IntegrityAlgorithm: string;
    IPSECSaLifetimeSeconds: number;
    PfsDhGroup: string;
    IPSECSaLifetimeTraffic: number;
}

/** One security policy: a VPC-side CIDR and the IDC-side CIDRs it may reach (`vpc_models.d.ts` SecurityPolicyDatabase). */
export interface SpdEntry {
    LocalCidrBlock: string;
    RemoteCidrBlock: string[];
}

/** BGP peering inside the tunnel (CreateVpnConnection BgpConfig). */
export interface BgpSettings {
    TunnelCidr: string;
    LocalBgpIp: string;
    RemoteBgpIp: string;
}

/** Health-check probe settings (CreateVpnConnection HealthCheckConfig). */
export interface HealthCheckSettings {
    ProbeType: string;
    ProbeInterval?: number;
    ProbeThreshold?: number;
    ProbeTimeout?: number;
}

/** Everything a client can set on a connection, resolved with defaults. */
export interface ConnectionAttributes {
    VpnConnectionName: string;
    VpcId: string;
    VpnGatewayId: string;
    CustomerGatewayId: string;
    PreShareKey: string;
    RouteType: string;
    SecurityPolicyDatabaseSet: SpdEntry[];
    IKEOptionsSpecification: IkeOptions;
    IPSECOptionsSpecification: IpsecOptions;
    EnableHealthCheck: boolean;
    HealthCheckLocalIp: string;
    HealthCheckRemoteIp: string;
    DpdEnable: number;
    /** A string (`vpc_models.d.ts` VpnConnection); "" while DPD is off. */
    DpdTimeout: string;
    DpdAction: string;
    TagSet: { Key: string; Value: string }[];
    NegotiationType: string;
    BgpConfig: BgpSettings | null;
    HealthCheckConfig: HealthCheckSettings | null;
}

/** API 3.0 connection states (`vpc_models.d.ts` VpnConnection State: exactly PENDING, AVAILABLE, DELETING). */
export type ConnectionState = "PENDING" | "AVAILABLE" | "DELETING";

/** API 3.0 IKE defaults (`vpc_models.d.ts` IKEOptionsSpecification); LocalAddress defaults to the gateway's public IP. */
export const IKE_DEFAULTS: Readonly<Omit<IkeOptions, "LocalAddress" | "RemoteAddress">> = {
    PropoEncryAlgorithm: "3DES-CBC",
    PropoAuthenAlgorithm: "SHA",
    ExchangeMode: "MAIN",
    LocalIdentity: "ADDRESS",
    RemoteIdentity: "ADDRESS",
    LocalFqdnName: "",
    RemoteFqdnName: "",
    DhGroupName: "GROUP1",
    IKESaLifetimeSeconds: 86400,
    IKEVersion: "IKEV1",
};

/** API 3.0 IPsec defaults (`vpc_models.d.ts` IPSECOptionsSpecification). */
export const IPSEC_DEFAULTS: Readonly<IpsecOptions> = {
    EncryptAlgorithm: "AES-CBC-128",
    IntegrityAlgorithm: "SHA1",
    IPSECSaLifetimeSeconds: 14400,
    PfsDhGroup: "NULL",
    IPSECSaLifetimeTraffic: 4096000000,
};

/** Other API 3.0 create defaults (CreateVpnConnection, https://www.tencentcloud.com/document/api/215/17522). */
export const CONNECTION_DEFAULTS = {
    RouteType: "STATIC",
    NegotiationType: "active",
    DpdEnable: 0,
    DpdAction: "restart",
    /** Applied when DpdEnable=1 and no DpdTimeout is given (CreateVpnConnection: "default 30 s"). */
    DpdTimeout: "30",
    EnableHealthCheck: false,
    /** Health-check probes come from the ProbeType default (CreateVpnConnection HealthCheckConfig). */
    ProbeType: "NQA",
} as const;

/** What the model adds to the attributes when rendering (lifecycle, computed statuses). */
export interface ConnectionView {
    id: string;
    createdTime: string;
    state: ConnectionState | string;
    netStatus: string;
    healthCheckStatus: string;
    localBgpAsn: number;
    remoteBgpAsn: number;
}

/** Rendering options (front-end settings). */
export interface RenderOptions {
    /** Render SA lifetimes as strings, as the doc/CLI examples do (`tccli/examples/vpc/v20170312/DescribeVpnConnections.md`). */
    numbersAsStrings: boolean;
    /** `TagSet` empty while PENDING. */
    tagSetLate?: boolean;
    /** `TagSet` always empty. */
    tagSetEmpty?: boolean;
}

/** The tags a describe lists, as the settings render them. */
function listedTags(attrs: ConnectionAttributes, view: ConnectionView, options: RenderOptions): { Key: string; Value: string }[] {
    if (options.tagSetEmpty || (options.tagSetLate && view.state === "PENDING")) return [];
    return attrs.TagSet.map((t) => ({ ...t }));
}

/** The API 3.0 `VpnConnection` of a stored connection. */
export function toVpnConnection(attrs: ConnectionAttributes, view: ConnectionView, options: RenderOptions): VpnConnection {
    const num = (n: number): number => (options.numbersAsStrings ? (String(n) as unknown as number) : n);
    const ikeIn = attrs.IKEOptionsSpecification;
    const ike: IKEOptionsSpecification = {
        PropoEncryAlgorithm: ikeIn.PropoEncryAlgorithm,
        PropoAuthenAlgorithm: ikeIn.PropoAuthenAlgorithm,
        ExchangeMode: ikeIn.ExchangeMode,
        LocalIdentity: ikeIn.LocalIdentity,
        RemoteIdentity: ikeIn.RemoteIdentity,
        LocalAddress: ikeIn.LocalAddress,
        RemoteAddress: ikeIn.RemoteAddress,
        LocalFqdnName: ikeIn.LocalFqdnName,
        RemoteFqdnName: ikeIn.RemoteFqdnName,
        DhGroupName: ikeIn.DhGroupName,
        IKESaLifetimeSeconds: num(ikeIn.IKESaLifetimeSeconds),
        IKEVersion: ikeIn.IKEVersion,
    };
    const ipsecIn = attrs.IPSECOptionsSpecification;
    const ipsec: IPSECOptionsSpecification & { EncapMode: string; SecurityProto: string } = {
        EncryptAlgorithm: ipsecIn.EncryptAlgorithm,
        // Both spellings: the deprecated `IntegrityAlgorith` (sic) and the new name (`vpc_models.d.ts` IPSECOptionsSpecification).
        IntegrityAlgorith: ipsecIn.IntegrityAlgorithm,
        IntegrityAlgorithm: ipsecIn.IntegrityAlgorithm,
        IPSECSaLifetimeSeconds: num(ipsecIn.IPSECSaLifetimeSeconds),
        PfsDhGroup: ipsecIn.PfsDhGroup,
        IPSECSaLifetimeTraffic: num(ipsecIn.IPSECSaLifetimeTraffic),
        // Read-only fields shown in returned blocks (DescribeVpnConnections' example).
        EncapMode: "TUNNEL",
        SecurityProto: "ESP",
    };
    return {
        VpnConnectionId: view.id,
        VpnConnectionName: attrs.VpnConnectionName,
        VpcId: attrs.VpcId,
        VpnGatewayId: attrs.VpnGatewayId,
        CustomerGatewayId: attrs.CustomerGatewayId,
        PreShareKey: attrs.PreShareKey,
        VpnProto: "IPSEC",
        EncryptProto: "IKE",
        RouteType: attrs.RouteType,
        CreatedTime: view.createdTime,
        State: view.state,
        NetStatus: view.netStatus,
        SecurityPolicyDatabaseSet: attrs.SecurityPolicyDatabaseSet.map((e) => ({ LocalCidrBlock: e.LocalCidrBlock, RemoteCidrBlock: [...e.RemoteCidrBlock] })),
        IKEOptionsSpecification: ike,
        IPSECOptionsSpecification: ipsec,
        EnableHealthCheck: attrs.EnableHealthCheck,
        HealthCheckLocalIp: attrs.HealthCheckLocalIp,
        HealthCheckRemoteIp: attrs.HealthCheckRemoteIp,
        HealthCheckStatus: view.healthCheckStatus,
        DpdEnable: attrs.DpdEnable,
        DpdTimeout: attrs.DpdTimeout,
        DpdAction: attrs.DpdAction,
        TagSet: listedTags(attrs, view, options),
        NegotiationType: attrs.NegotiationType,
        // INFERRED: null when the tunnel has no BGP / no probe settings (SDK: "may return null").
        BgpConfig: attrs.BgpConfig
            ? { ...attrs.BgpConfig, LocalBgpAsn: String(view.localBgpAsn), RemoteBgpAsn: String(view.remoteBgpAsn) }
            : (null as unknown as undefined),
        HealthCheckConfig: attrs.HealthCheckConfig ? { ...attrs.HealthCheckConfig } : (null as unknown as undefined),
    };
}

/** Deep copy of attributes (the store snapshots them to revert a failed modify). */
export function cloneAttributes(attrs: ConnectionAttributes): ConnectionAttributes {
    return JSON.parse(JSON.stringify(attrs)) as ConnectionAttributes;
}

/** `YYYY-MM-DD hh:mm:ss` in China Standard Time (UTC+8), the clock the cloud prints (INFERRED). */
export function formatCloudTime(ms: number): string {
    return new Date(ms + 8 * 3600 * 1000).toISOString().replace("T", " ").slice(0, 19);
}
