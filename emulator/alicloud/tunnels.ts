/**
 * The tunnel parameters of dual-tunnel IPsec connections (CreateVpnConnection and ModifyVpnConnectionAttribute
 * `TunnelOptionsSpecification`, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns,
 * https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute), and which parameters each
 * gateway mode accepts. Pure functions from raw RPC parameters; each rule failure is an AliApiError.
 *
 * The RPC form of an array of objects is flattened, as both official SDKs send it:
 * `TunnelOptionsSpecification.1.Role=master`, `TunnelOptionsSpecification.1.TunnelIkeConfig.IkeEncAlg=aes`.
 * A whole block given as one JSON string (`TunnelOptionsSpecification.1.TunnelIkeConfig={…}`) is read as well.
 *
 * The API reference documents no specific error code for a parameter the gateway's mode does not accept
 * or for a malformed tunnel list: the emulator answers 400 `InvalidParameter` naming the parameter ([inferred]).
 */
import { invalidParameter, missingParameter } from "./errors";
import { IKE_CONFIG_RULES, IPSEC_CONFIG_RULES, parseBooleanParam, parseJsonParam } from "./validation";
import type { IkeConfigInput, IpsecConfigInput } from "./validation";
import { TUNNEL_BGP_RULES } from "./tunnelBgp";
import type { TunnelBgpInput } from "./tunnelBgp";

type RawParams = Readonly<Record<string, string>>;
type KeyRules = Readonly<Record<string, (path: string, value: unknown) => unknown>>;

/** The request's prefix of the tunnel list. */
export const TUNNEL_OPTIONS = "TunnelOptionsSpecification";

export type TunnelRole = "master" | "slave";

/** One tunnel as given; undefined = not given. */
export interface TunnelInput {
    /** `N` of `TunnelOptionsSpecification.N`, for messages. */
    index: number;
    tunnelId?: string;
    role?: TunnelRole;
    customerGatewayId?: string;
    enableDpd?: boolean;
    enableNatTraversal?: boolean;
    remoteCaCertificate?: string;
    ikeConfig?: IkeConfigInput;
    ipsecConfig?: IpsecConfigInput;
    bgpConfig?: TunnelBgpInput;
}

/**
 * Parameters only single-tunnel gateways accept: a dual-tunnel gateway takes ClientToken, Name,
 * EffectImmediately, AutoConfigRoute, Tags, TunnelOptionsSpecification and EnableTunnelsBgp besides the
 * required ones (CreateVpnConnection's operation description, link above).
 */
export const SINGLE_TUNNEL_ONLY_PARAMS: readonly string[] = [
    "CustomerGatewayId",
    "IkeConfig",
    "IpsecConfig",
    "HealthCheckConfig",
    "EnableDpd",
    "EnableNatTraversal",
    "BgpConfig",
    "RemoteCaCertificate",
];

/** Parameters only dual-tunnel gateways accept (the same description's second list lacks them). */
export const DUAL_TUNNEL_ONLY_PARAMS: readonly string[] = [TUNNEL_OPTIONS, "EnableTunnelsBgp"];

/** True when `name` is `param` or one of its flattened members (`Param.1.Key`). */
function isParam(name: string, param: string): boolean {
    return name === param || name.startsWith(param + ".");
}

/** Refuses any of `forbidden` in `params`, naming the first given and the gateway's mode. */
export function refuseParams(params: RawParams, forbidden: readonly string[], mode: "single-tunnel" | "dual-tunnel"): void {
    for (const name of Object.keys(params).sort()) {
        if (forbidden.some((param) => isParam(name, param))) {
            throw invalidParameter(name, `is not accepted by a VPN gateway in ${mode} mode`);
        }
    }
}

/** Scalar keys of one tunnel; blocks are in TUNNEL_BLOCKS. */
const TUNNEL_SCALARS = ["TunnelId", "Role", "CustomerGatewayId", "EnableDpd", "EnableNatTraversal", "RemoteCaCertificate"] as const;

/** Blocks of one tunnel and their key rules (the single-tunnel blocks' keys, CreateVpnConnection). */
const TUNNEL_BLOCKS: Readonly<Record<string, KeyRules>> = {
    TunnelIkeConfig: IKE_CONFIG_RULES as KeyRules,
    TunnelIpsecConfig: IPSEC_CONFIG_RULES as KeyRules,
    TunnelBgpConfig: TUNNEL_BGP_RULES as KeyRules,
};

/** Most tunnels a connection has; `N` beyond is refused. */
const MAX_TUNNELS = 2;

/** The tunnels given in `params`, by `N` (1-based, in order); undefined when none is given. */
export function parseTunnelOptions(params: RawParams): TunnelInput[] | undefined {
    const raw = new Map<number, Record<string, string>>();
    for (const [name, value] of Object.entries(params)) {
        if (!isParam(name, TUNNEL_OPTIONS)) continue;
        const match = /^TunnelOptionsSpecification\.(\d+)\.(.+)$/.exec(name);
        const n = match ? Number(match[1]) : NaN;
        if (!match || n < 1 || n > MAX_TUNNELS) {
            throw invalidParameter(name, `must be ${TUNNEL_OPTIONS}.N.<key> with N = 1 or 2`);
        }
        const entry = raw.get(n) ?? {};
        entry[match[2]] = value;
        raw.set(n, entry);
    }
    if (raw.size === 0) return undefined;
    return [...raw.keys()].sort((a, b) => a - b).map((n) => parseTunnel(n, raw.get(n)!));
}

function parseTunnel(n: number, keys: Record<string, string>): TunnelInput {
    const prefix = `${TUNNEL_OPTIONS}.${n}`;
    const blocks: Record<string, Record<string, string>> = {};
    const scalars: Record<string, string> = {};
    for (const [key, value] of Object.entries(keys)) {
        const [head, ...rest] = key.split(".");
        if (Object.prototype.hasOwnProperty.call(TUNNEL_BLOCKS, head)) {
            (blocks[head] ??= {})[rest.length === 0 ? "" : rest.join(".")] = value;
        } else if ((TUNNEL_SCALARS as readonly string[]).includes(key)) {
            scalars[key] = value;
        } else {
            const allowed = [...TUNNEL_SCALARS, ...Object.keys(TUNNEL_BLOCKS)].join(", ");
            throw invalidParameter(`${prefix}.${key}`, `unknown key; allowed keys are ${allowed}`);
        }
    }
    const role = nonEmpty(scalars.Role);
    if (role !== undefined && role !== "master" && role !== "slave") {
        throw invalidParameter(`${prefix}.Role`, "must be master or slave");
    }
    return {
        index: n,
        tunnelId: nonEmpty(scalars.TunnelId),
        role,
        customerGatewayId: nonEmpty(scalars.CustomerGatewayId),
        enableDpd: parseBooleanParam({ [`${prefix}.EnableDpd`]: scalars.EnableDpd }, `${prefix}.EnableDpd`),
        enableNatTraversal: parseBooleanParam({ [`${prefix}.EnableNatTraversal`]: scalars.EnableNatTraversal }, `${prefix}.EnableNatTraversal`),
        remoteCaCertificate: scalars.RemoteCaCertificate,
        ikeConfig: parseBlock(`${prefix}.TunnelIkeConfig`, blocks.TunnelIkeConfig, TUNNEL_BLOCKS.TunnelIkeConfig) as IkeConfigInput | undefined,
        ipsecConfig: parseBlock(`${prefix}.TunnelIpsecConfig`, blocks.TunnelIpsecConfig, TUNNEL_BLOCKS.TunnelIpsecConfig) as IpsecConfigInput | undefined,
        bgpConfig: parseBlock(`${prefix}.TunnelBgpConfig`, blocks.TunnelBgpConfig, TUNNEL_BLOCKS.TunnelBgpConfig) as TunnelBgpInput | undefined,
    };
}

function nonEmpty(value: string | undefined): string | undefined {
    return value === undefined || value === "" ? undefined : value;
}

/** A tunnel block from its flattened keys (`""` = the block as one JSON string). */
function parseBlock(path: string, keys: Record<string, string> | undefined, rules: KeyRules): Record<string, unknown> | undefined {
    if (keys === undefined) return undefined;
    const { "": whole, ...flat } = keys;
    const result: Record<string, unknown> = whole === undefined ? {} : { ...parseJsonParam({ [path]: whole }, path, rules as never) };
    for (const [key, value] of Object.entries(flat)) {
        const rule = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : undefined;
        if (!rule) {
            throw invalidParameter(`${path}.${key}`, `unknown key; allowed keys are ${Object.keys(rules).join(", ")}`);
        }
        result[key] = rule(`${path}.${key}`, value);
    }
    return result;
}

/**
 * The tunnels of a create: exactly two, one `master` and one `slave`, each with its `CustomerGatewayId`;
 * `TunnelId` is assigned by the cloud, so a create refuses one.
 */
export function requireCreateTunnels(tunnels: TunnelInput[] | undefined): TunnelInput[] {
    if (tunnels === undefined) {
        throw missingParameter(TUNNEL_OPTIONS);
    }
    if (tunnels.length !== MAX_TUNNELS) {
        throw invalidParameter(TUNNEL_OPTIONS, "must list exactly two tunnels (Role master and slave)");
    }
    for (const tunnel of tunnels) {
        const prefix = `${TUNNEL_OPTIONS}.${tunnel.index}`;
        if (tunnel.role === undefined) throw missingParameter(`${prefix}.Role`);
        if (tunnel.customerGatewayId === undefined) throw missingParameter(`${prefix}.CustomerGatewayId`);
        if (tunnel.tunnelId !== undefined) throw invalidParameter(`${prefix}.TunnelId`, "is assigned by the cloud; a create does not take it");
    }
    if (tunnels[0].role === tunnels[1].role) {
        throw invalidParameter(`${TUNNEL_OPTIONS}.2.Role`, "must differ from the other tunnel's: one master and one slave");
    }
    return tunnels;
}
