import * as pulumi from "@pulumi/pulumi";
import { connectionOptions, connectionProps, dynamicType, lookupOptions, lookupProps } from "../connectionProps";
import { tencentcloudVpnConnectionProvider } from "../../provider";
import { TimeoutsArgs, warnIfCustomTimeouts } from "../timeouts";

export type { TimeoutsArgs } from "../timeouts";

/** One security policy: which VPC CIDR may reach which on-premises CIDRs. */
export interface SecurityPolicyDatabaseArgs {
    /** VPC-side CIDR block (canonical network form, e.g. `10.0.0.0/24`). */
    localCidrBlock: pulumi.Input<string>;
    /** On-premises CIDR blocks (canonical network form, order ignored, at least one). */
    remoteCidrBlocks: pulumi.Input<pulumi.Input<string>[]>;
}

/** Phase-one (IKE) negotiation settings. Enum values are matched case-insensitively. */
export interface IkeOptionsArgs {
    /**
     * `3DES-CBC`, `AES-CBC-128`, `AES-CBC-192`, `AES-CBC-256`, `DES-CBC`, `SM4`, or on 4.0 gateways
     * `AES128GCM128`, `AES192GCM128`, `AES256GCM128` (API 2.0: the first five only).
     * @default "3DES-CBC"
     */
    propoEncryAlgorithm?: pulumi.Input<string>;
    /** `MD5`, `SHA`, `SHA-256` or `SHA-512` (API 2.0: `MD5`, `SHA`). @default "SHA" (the API's default, not Terraform's `MD5`) */
    propoAuthenAlgorithm?: pulumi.Input<string>;
    /** `MAIN` or `AGGRESSIVE`. @default "MAIN" */
    exchangeMode?: pulumi.Input<string>;
    /** `ADDRESS` or `FQDN` (then `localFqdnName` is required). @default "ADDRESS" */
    localIdentity?: pulumi.Input<string>;
    /** `ADDRESS` (then `remoteAddress` is required) or `FQDN` (then `remoteFqdnName` is required). @default "ADDRESS" */
    remoteIdentity?: pulumi.Input<string>;
    /** Local IPv4 identity, with `localIdentity` ADDRESS. @default the VPN gateway's public IP */
    localAddress?: pulumi.Input<string>;
    /** Remote IPv4 identity; required with `remoteIdentity` ADDRESS. @default none */
    remoteAddress?: pulumi.Input<string>;
    /** Local FQDN identity; required with `localIdentity` FQDN. @default none */
    localFqdnName?: pulumi.Input<string>;
    /** Remote FQDN identity; required with `remoteIdentity` FQDN. @default none */
    remoteFqdnName?: pulumi.Input<string>;
    /**
     * Diffie-Hellman group: `GROUP1`, `GROUP2`, `GROUP5`, `GROUP14`, `GROUP15`, `GROUP16`, `GROUP19`,
     * `GROUP20`, `GROUP21` or `GROUP24` (API 2.0: 1, 2, 5, 14, 24).
     * @default "GROUP1"
     */
    dhGroupName?: pulumi.Input<string>;
    /** IKE SA lifetime in seconds, 60–604800. @default 86400 */
    ikeSaLifetimeSeconds?: pulumi.Input<number>;
    /** `IKEV1` or `IKEV2` (API 2.0: `IKEV1` only). @default "IKEV1" */
    ikeVersion?: pulumi.Input<string>;
}

/** Phase-two (IPsec) negotiation settings. Enum values are matched case-insensitively. */
export interface IpsecOptionsArgs {
    /**
     * `3DES-CBC`, `AES-CBC-128`, `AES-CBC-192`, `AES-CBC-256`, `DES-CBC`, `SM4`, `NULL`, or on 4.0
     * gateways `AES128GCM128`, `AES192GCM128`, `AES256GCM128` (API 2.0: no SM4, no GCM).
     * @default "AES-CBC-128" (the API's default, not Terraform's `3DES-CBC`)
     */
    encryptAlgorithm?: pulumi.Input<string>;
    /** `MD5`, `SHA1`, `SHA-256`, `SHA-384`, `SHA-512` or `SM3` (API 2.0: `MD5`, `SHA1`). @default "SHA1" (the API's default, not Terraform's `MD5`) */
    integrityAlgorithm?: pulumi.Input<string>;
    /** IPsec SA lifetime in seconds, 180–604800. @default 14400 (the API's default, not Terraform's 3600) */
    ipsecSaLifetimeSeconds?: pulumi.Input<number>;
    /**
     * Perfect forward secrecy: `NULL` (off) or `DH-GROUP1`, `DH-GROUP2`, `DH-GROUP5`, `DH-GROUP14`,
     * `DH-GROUP15`, `DH-GROUP16`, `DH-GROUP19`, `DH-GROUP20`, `DH-GROUP21`, `DH-GROUP24` (API 2.0: NULL, 1, 2, 5, 14, 24).
     * @default "NULL"
     */
    pfsDhGroup?: pulumi.Input<string>;
    /** IPsec SA lifetime in KB, 2560–4294967295 (API 2.0: 2560–604800, or the default). @default 4096000000 (not Terraform's 1843200) */
    ipsecSaLifetimeTraffic?: pulumi.Input<number>;
}

export interface VpnConnectionArgs {
    /** Region ID (API 3.0 name: lower-case letters, digits and hyphens, e.g. `ap-guangzhou`); changing it replaces the connection. @default the `tencentcloud:region` stack config, else `TENCENTCLOUD_REGION` */
    region?: pulumi.Input<string>;
    /** VPC ID (`vpc-…`); required for VPC-type gateways and with `apiVersion` "2.0"; changing it replaces the connection. @default none (CCN-type gateways) */
    vpcId?: pulumi.Input<string>;
    /** VPN gateway ID (`vpngw-…`); changing it replaces the connection. */
    vpnGatewayId: pulumi.Input<string>;
    /** Customer gateway ID (`cgw-…`); changing it replaces the connection. */
    customerGatewayId: pulumi.Input<string>;
    /** Connection name, 1–60 characters. */
    name: pulumi.Input<string>;
    /** Pre-shared key. Always stored as a secret (the API returns it in plaintext). */
    preSharedKey: pulumi.Input<string>;
    /**
     * Security policies (SPD): which VPC CIDRs talk to which on-premises CIDRs; compared as a set.
     * This or `userGwCidrBlocks` is required unless `routeType` is `StaticRoute`.
     * @default none
     */
    securityPolicyDatabases?: pulumi.Input<pulumi.Input<SecurityPolicyDatabaseArgs>[]>;
    /**
     * On-premises CIDR blocks the whole VPC may reach (API 2.0's `userGwCidrBlock.n`); with API 3.0
     * sent as one security policy from the VPC's CIDR to these blocks. Not combinable with
     * `securityPolicyDatabases`.
     * @default none
     */
    userGwCidrBlocks?: pulumi.Input<pulumi.Input<string>[]>;
    /** IKE (phase one) settings. @default the API's defaults, listed per field */
    ikeOptions?: pulumi.Input<IkeOptionsArgs>;
    /** IPsec (phase two) settings. @default the API's defaults, listed per field */
    ipsecOptions?: pulumi.Input<IpsecOptionsArgs>;
    /**
     * `STATIC`, `StaticRoute` (destination routing) or `Policy` (SPD); changing it replaces the connection. API 3.0 only.
     * The API's `Bgp` is refused until BGP settings are supported. @default "STATIC" (the API's default)
     */
    routeType?: pulumi.Input<string>;
    /** `active`, `passive` or `flowTrigger`. API 3.0 only. @default "active" */
    negotiationType?: pulumi.Input<string>;
    /** Dead peer detection. API 3.0 only. @default false */
    dpdEnable?: pulumi.Input<boolean>;
    /** DPD timeout in seconds, 30–60; only with `dpdEnable`. API 3.0 only. @default 30 (set by the cloud once DPD is on) */
    dpdTimeout?: pulumi.Input<number>;
    /** `clear` or `restart`; only with `dpdEnable`. API 3.0 only. @default chosen by the cloud (documented as `restart`) */
    dpdAction?: pulumi.Input<string>;
    /** Tunnel health check (not on policy-based tunnels). API 3.0 only. @default false */
    enableHealthCheck?: pulumi.Input<boolean>;
    /** Local health-check address. API 3.0 only. @default a random address in 169.254.128.0/17 */
    healthCheckLocalIp?: pulumi.Input<string>;
    /** Remote health-check address. API 3.0 only. @default a random address in 169.254.128.0/17 */
    healthCheckRemoteIp?: pulumi.Input<string>;
    /**
     * `"3.0"` or the legacy `"2.0"` (retired by Tencent Cloud in 2023; fewer parameters and values).
     * Switching it keeps the connection: the same cloud object is read and changed either way.
     * @default "3.0"
     */
    apiVersion?: pulumi.Input<string>;
    /**
     * Seed of the create token that lets a retried or re-run create adopt the connection an
     * earlier attempt made instead of making a second; must be unique per connection within an
     * account, or two resources share one connection (at most 1024 characters).
     * Only creates use it, and a connection that exists keeps the key it was created with while
     * this stays unset (or is a URN-shaped default): a new default never shows as an update.
     * @default the resource's URN, `urn:pulumi:<stack>::<project>::<parent types…$type>::<name>`, unique
     * wherever URNs are (same-named children of different components differ by their parents' types)
     */
    idempotencyKey?: pulumi.Input<string>;
    /**
     * ID (`vpnx-…`) of an existing connection to bring under management instead of creating one
     * (`pulumi import` fails for dynamic resources; {@link VpnConnection.get} reads one without
     * managing it). At create it is read, checked to belong to `vpnGatewayId`, `customerGatewayId`
     * (and `vpcId` when set), and converged to these inputs; from then on it is managed — and
     * deleted on destroy — like any other. Later changes of this value are ignored.
     * @default none: a new connection is created
     */
    adoptConnectionId?: pulumi.Input<string>;
    /**
     * Per-operation deadlines in seconds; a busy gateway or throttling is retried until then. Use this,
     * not the `customTimeouts` resource option, which never reaches a dynamic provider (a warning says so).
     * @default each entry `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 20 minutes
     */
    timeouts?: pulumi.Input<TimeoutsArgs>;
}

type Outputs<T> = { [K in keyof T]-?: pulumi.Unwrap<T[K]> };

/** Where {@link VpnConnection.get} looks a connection up, besides its ID. */
export interface VpnConnectionLookupArgs {
    /** Region ID (API 3.0 name, e.g. `ap-guangzhou`). @default the `tencentcloud:region` stack config, else `TENCENTCLOUD_REGION` */
    region?: pulumi.Input<string>;
    /** `"3.0"` or the legacy `"2.0"`: the API generation the read goes through. @default "3.0" */
    apiVersion?: pulumi.Input<string>;
}

/** Module and type of the registered resource: `pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection`. */
const MODULE = "pulumi-ipsec/tencentcloud";
const TYPE = "VpnConnection";

/** Outputs the cloud computes (declared on the class below). */
const COMPUTED_OUTPUTS = ["vpnConnectionId", "state", "netStatus", "createdTime", "vpnProto", "encryptProto", "healthCheckStatus"] as const;

/** Outputs that echo the inputs (declared on the class below): a looked-up connection reports each. */
const INPUT_OUTPUTS = ["region", "vpcId", "vpnGatewayId", "customerGatewayId", "name", "preSharedKey", "securityPolicyDatabases", "userGwCidrBlocks", "ikeOptions", "ipsecOptions", "routeType", "negotiationType", "dpdEnable", "dpdTimeout", "dpdAction", "enableHealthCheck", "healthCheckLocalIp", "healthCheckRemoteIp", "apiVersion"] as const satisfies readonly (keyof VpnConnectionArgs)[];

/** What {@link VpnConnection.get} sends besides the ID. */
const LOOKUP_KEYS = ["region", "apiVersion"] as const satisfies readonly (keyof VpnConnectionLookupArgs)[];

/**
 * A Tencent Cloud IPsec VPN connection (tunnel), managed through the VPC API 3.0 or the legacy 2.0.
 *
 * ```ts
 * const conn = new tencentcloud.VpnConnection("office", {
 *     vpcId: "vpc-…", vpnGatewayId: "vpngw-…", customerGatewayId: "cgw-…",
 *     name: "office", preSharedKey: config.requireSecret("psk"),
 *     securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.0.0/24"] }],
 *     ikeOptions: { remoteAddress: "198.51.100.7" },
 * });
 * ```
 */
export class VpnConnection extends pulumi.dynamic.Resource {
    declare readonly region: pulumi.Output<string>;
    declare readonly vpcId: pulumi.Output<string>;
    declare readonly vpnGatewayId: pulumi.Output<string>;
    declare readonly customerGatewayId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    /** The effective pre-shared key (secret). */
    declare readonly preSharedKey: pulumi.Output<string>;
    declare readonly securityPolicyDatabases: pulumi.Output<Outputs<SecurityPolicyDatabaseArgs>[] | undefined>;
    declare readonly userGwCidrBlocks: pulumi.Output<string[] | undefined>;
    /** The effective IKE settings, including the local address the cloud filled in. */
    declare readonly ikeOptions: pulumi.Output<Outputs<IkeOptionsArgs>>;
    declare readonly ipsecOptions: pulumi.Output<Outputs<IpsecOptionsArgs>>;
    declare readonly routeType: pulumi.Output<string>;
    declare readonly negotiationType: pulumi.Output<string>;
    declare readonly dpdEnable: pulumi.Output<boolean>;
    declare readonly dpdTimeout: pulumi.Output<number | undefined>;
    declare readonly dpdAction: pulumi.Output<string | undefined>;
    declare readonly enableHealthCheck: pulumi.Output<boolean>;
    declare readonly healthCheckLocalIp: pulumi.Output<string>;
    declare readonly healthCheckRemoteIp: pulumi.Output<string>;
    declare readonly apiVersion: pulumi.Output<string>;
    /** The connection ID (`vpnx-…`), also the resource's ID. */
    declare readonly vpnConnectionId: pulumi.Output<string>;
    /** Lifecycle state: `PENDING`, `AVAILABLE` or `DELETING`. */
    declare readonly state: pulumi.Output<string>;
    /** Tunnel status (`AVAILABLE`/`UNAVAILABLE`). */
    declare readonly netStatus: pulumi.Output<string | null>;
    /** Creation time as the cloud prints it (`YYYY-MM-DD hh:mm:ss`). */
    declare readonly createdTime: pulumi.Output<string | null>;
    /** Tunnel protocol (`IPSEC`). */
    declare readonly vpnProto: pulumi.Output<string | null>;
    /** Key exchange protocol (`IKE`). */
    declare readonly encryptProto: pulumi.Output<string | null>;
    /** Health check result (`AVAILABLE`/`UNAVAILABLE`) when health checks are on. */
    declare readonly healthCheckStatus: pulumi.Output<string | null>;

    /**
     * Looks up an existing connection by its ID (`vpnx-…`) without managing it: every `pulumi up` and
     * `preview` reads it again, and Pulumi never updates or deletes it — `destroy`, or dropping the
     * call from the program, only removes it from the stack (observed with pulumi v3.248.0). The
     * outputs are the connection's attributes as the cloud reports them, the PSK a secret. Fails,
     * naming the ID, when the region holds no such connection. Connections made through either API
     * generation are read through `apiVersion`'s.
     *
     * ```ts
     * const office = tencentcloud.VpnConnection.get("office", "vpnx-…");
     * export const policies = office.securityPolicyDatabases;
     * ```
     *
     * @param name the resource's name in the stack
     * @param id the connection's ID
     * @param state where to look it up, besides its ID
     * @param opts resource options (e.g. `parent`); `id` is this call's
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VpnConnectionLookupArgs, opts?: pulumi.CustomResourceOptions): VpnConnection {
        // With `opts.id` the constructor reads only the locating inputs of its args.
        return new VpnConnection(name, { ...state } as VpnConnectionArgs, { ...opts, id });
    }

    /**
     * @param args the desired connection; with `opts.id` set, a lookup as {@link VpnConnection.get}
     *  makes, which reads only `region` and `apiVersion` of it
     * @param opts resource options; `deleteBeforeReplace` defaults to `true` here (replacements, `pulumi up
     *  --replace` included, delete the old connection first; see the README's "Replacements").
     */
    constructor(name: string, args: VpnConnectionArgs, opts?: pulumi.CustomResourceOptions) {
        const type = dynamicType(MODULE, TYPE);
        const lookup = opts?.id !== undefined;
        const props = lookup ? lookupProps(args, LOOKUP_KEYS, [...INPUT_OUTPUTS, ...COMPUTED_OUTPUTS]) : connectionProps(type, name, args, opts, COMPUTED_OUTPUTS);
        super(tencentcloudVpnConnectionProvider, name, props, lookup ? lookupOptions(opts) : connectionOptions(opts), MODULE, TYPE);
        warnIfCustomTimeouts(this, opts);
    }
}
