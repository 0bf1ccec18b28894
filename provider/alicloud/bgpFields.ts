/**
 * The rows of one Alibaba Cloud BGP block, declared once for the single-tunnel `BgpConfig`
 * (CreateVpnConnection / ModifyVpnConnectionAttribute, read back as `VpnBgpConfig`) and reusable for a
 * dual-tunnel connection's per-tunnel `TunnelBgpConfig` (which has no `EnableBgp`: `EnableTunnelsBgp`
 * switches both tunnels). Rules from CreateVpnConnection
 * (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns)
 * and ModifyVpnConnectionAttribute (https://www.alibabacloud.com/help/en/vpn/api-modifyvpnconnectionattribute):
 * - `LocalAsn` 1–4294967295, default 45104; the two-segment form `a.b` means a × 65536 + b (123.456 = 8061384):
 *   this resource takes the integer;
 * - `TunnelCidr` a /30 inside 169.254.0.0/16, not 169.254.0.0/30 … 169.254.6.0/30 nor 169.254.169.252/30,
 *   unique among the tunnels of a VPN gateway (which only the cloud can check);
 * - `LocalBgpIp` an address inside `TunnelCidr`.
 * Modify takes the block, so every change is made in place. The cloud fills what is left unset
 * (`computed`): an unset key is not managed.
 */
import { parseCidr, cidrContains } from "../core/cidr";
import { ApiBinding, Field, ObjectField, Rule, Schema } from "../core/schema";

/** The keys of a BGP block in the API, for a binder. */
export type BgpKey = "EnableBgp" | "LocalAsn" | "TunnelCidr" | "LocalBgpIp";

/** Binds one key of the block: the request path and (where it differs) the describe path of `key`. */
export type BgpBinder = (key: BgpKey, codec: Omit<ApiBinding, "path">) => Record<string, ApiBinding>;

/** Values travel as strings in the request JSON (the documented BgpConfig example, `{"EnableBgp":"true","LocalAsn":"45104",…}`). */
const asString = { encode: (value: unknown) => String(value) };
/** An unset key may be reported as "" (e.g. `TunnelCidr` before BGP is configured): "" means absent. */
const emptyAsAbsent = { decode: (value: unknown) => (value === "" ? undefined : value) };

const LINK_LOCAL = parseCidr("169.254.0.0/16");
/** Tunnel CIDRs the API reserves. */
export const RESERVED_TUNNEL_CIDRS: readonly string[] = [0, 1, 2, 3, 4, 5, 6].map((n) => `169.254.${n}.0/30`).concat("169.254.169.252/30");

/** `tunnelCidr`: a /30 inside 169.254.0.0/16 and not reserved (after the generic canonical-CIDR check). */
const tunnelCidrRule: Rule = (value: string) => {
    const parsed = parseCidr(value);
    if (!parsed.ok || !LINK_LOCAL.ok) return undefined;
    if (parsed.cidr.prefix !== 30 || !cidrContains(LINK_LOCAL.cidr, parsed.cidr)) return `must be a /30 block inside 169.254.0.0/16 (got ${value})`;
    if (RESERVED_TUNNEL_CIDRS.includes(parsed.canonical)) return `must not be a reserved block (${RESERVED_TUNNEL_CIDRS.join(", ")}); got ${value}`;
    return undefined;
};

/** `localBgpIp`: inside its sibling `tunnelCidr` when both are given. */
const localBgpIpRule: Rule = (value: string, { parent, path }) => {
    const tunnel = typeof parent.tunnelCidr === "string" ? parseCidr(parent.tunnelCidr) : undefined;
    const host = parseCidr(`${value}/32`);
    if (!tunnel?.ok || !host.ok || cidrContains(tunnel.cidr, host.cidr)) return undefined;
    return `must be inside ${path.replace(/localBgpIp$/, "tunnelCidr")} ${parent.tunnelCidr} (got ${value})`;
};

/**
 * The rows `localAsn`, `tunnelCidr` and `localBgpIp` of a BGP block, bound by `bind` (e.g. to
 * `BgpConfig.<key>`, read from `VpnBgpConfig.<key>`): the same rules wherever the block lives.
 */
export function bgpBlockFields(bind: BgpBinder): Schema {
    return {
        localAsn: {
            kind: "integer",
            min: 1,
            max: 4294967295,
            computed: true,
            api: bind("LocalAsn", asString),
            doc: "The Alibaba Cloud side's ASN; the console's two-segment form `a.b` is the integer a × 65536 + b (`123.456` is 8061384).",
            defaultDoc: "45104, set by Alibaba Cloud",
        },
        tunnelCidr: {
            kind: "string",
            format: "cidr",
            computed: true,
            rules: [tunnelCidrRule],
            api: bind("TunnelCidr", emptyAsAbsent),
            doc: "The tunnel's /30 block inside `169.254.0.0/16`, not `169.254.0.0/30` … `169.254.6.0/30` nor `169.254.169.252/30`; unique among the VPN gateway's tunnels.",
            defaultDoc: "none",
        },
        localBgpIp: {
            kind: "string",
            format: "ipv4",
            computed: true,
            rules: [localBgpIpRule],
            api: bind("LocalBgpIp", emptyAsAbsent),
            doc: "The Alibaba Cloud side's BGP address, inside `tunnelCidr`.",
            defaultDoc: "none",
        },
    };
}

/** The single-tunnel connection's `bgpConfig` row: `BgpConfig` in requests, `VpnBgpConfig` in answers. */
export const BGP_CONFIG_FIELD: ObjectField = (() => {
    const bind: BgpBinder = (key, codec) => ({ default: { path: `BgpConfig.${key}`, readPath: `VpnBgpConfig.${key}`, ...codec } });
    const enableBgp: Field = {
        kind: "boolean",
        computed: true,
        api: bind("EnableBgp", asString),
        doc: "Turn BGP on; set `false` to turn it off (leaving it unset does not manage it).",
        defaultDoc: "false, set by Alibaba Cloud",
    };
    return {
        kind: "object",
        typeName: "BgpConfig",
        doc: "BGP dynamic routing of a single-tunnel connection (the customer gateway needs an ASN); the BGP peer's ASN, address and status are the outputs `bgpPeerAsn`, `bgpPeerBgpIp` and `bgpStatus`.",
        defaultDoc: "not managed (the cloud's: BGP off)",
        fields: { enableBgp, ...bgpBlockFields(bind) },
    };
})();
