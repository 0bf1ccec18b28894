/**
 * The values API 3.0 allows in the VPN connection actions: enums, inclusive numeric ranges, lengths
 * and the default health-check block. The rules that apply them are in ./blocks and ./validation.
 */

/** GCM algorithms run on 4.0 gateways only (`vpc_models.d.ts` IKEOptionsSpecification, IPSECOptionsSpecification). */
export const GCM_ALGORITHMS: readonly string[] = ["AES128GCM128", "AES192GCM128", "AES256GCM128"];

/** API 3.0 enums (`vpc_models.d.ts`), upper-case as documented. */
export const ENUMS = {
    PropoEncryAlgorithm: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", ...GCM_ALGORITHMS],
    PropoAuthenAlgorithm: ["MD5", "SHA", "SHA-256", "SHA-512"],
    ExchangeMode: ["AGGRESSIVE", "MAIN"],
    Identity: ["ADDRESS", "FQDN"],
    DhGroupName: ["GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP15", "GROUP16", "GROUP19", "GROUP20", "GROUP21", "GROUP24"],
    IKEVersion: ["IKEV1", "IKEV2"],
    EncryptAlgorithm: ["3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4", "NULL", ...GCM_ALGORITHMS],
    IntegrityAlgorith: ["MD5", "SHA1", "SHA-256", "SHA-512", "SHA-384", "SM3"],
    IntegrityAlgorithm: ["MD5", "SHA1", "SHA-256"],
    PfsDhGroup: ["NULL", "DH-GROUP1", "DH-GROUP2", "DH-GROUP5", "DH-GROUP14", "DH-GROUP15", "DH-GROUP16", "DH-GROUP19", "DH-GROUP20", "DH-GROUP21", "DH-GROUP24"],
    RouteType: ["STATIC", "StaticRoute", "Policy", "Bgp"],
    NegotiationType: ["active", "passive", "flowTrigger"],
    DpdAction: ["clear", "restart"],
} as const;

/** Inclusive numeric ranges (`vpc_models.d.ts`; DpdTimeout 30–60 from terraform-provider-tencentcloud `resource_tc_vpn_connection.go`). */
export const RANGES = {
    IKESaLifetimeSeconds: [60, 604800],
    IPSECSaLifetimeSeconds: [180, 604800],
    IPSECSaLifetimeTraffic: [2560, 4294967295],
    DpdTimeout: [30, 60],
    ProbeInterval: [1000, 5000],
    ProbeThreshold: [3, 8],
    ProbeTimeout: [10, 5000],
} as const satisfies Record<string, readonly [number, number]>;

/** VpnConnectionName length limit (https://www.tencentcloud.com/document/api/215/17522; AddVpnConnEx "不得超过60个字符"). */
export const MAX_NAME_LENGTH = 60;

/** Health-check addresses default to random hosts of this block (CreateVpnConnection). */
export const HEALTH_CHECK_CIDR = "169.254.128.0/17";
