/**
 * `checkIpsecCompatibility`: whether an Alibaba Cloud connection and a Tencent Cloud connection can
 * bring one tunnel up, and what keeps it down. Pure: it takes plain values — the two resources' args,
 * or their outputs once resolved (inside `pulumi.all([...]).apply(...)`; a `pulumi.Output` is not read).
 * A setting left unset counts as the cloud's default (the field tables' defaults, the APIs' own); a
 * value that cannot be known from args (an identity the cloud fills in, a peer's ASN) is not judged.
 */
import { cidrContains, formatIpv4, parseCidr, parseIpv4 } from "../../provider/core/cidr";
import { CloudSide, commonLifetimeRange, commonValues, defaultOf, fromNeutral, LIFETIME_PATHS, lifetimeRange, SETTING_PATHS, SettingKind, toNeutral } from "./vocabulary";

/** One side as plain values: `alicloud.VpnConnection` args or resolved outputs (single-tunnel). */
export type AlicloudSide = Record<string, any>;
/** One side as plain values: `tencentcloud.VpnConnection` args or resolved outputs. */
export type TencentcloudSide = Record<string, any>;

/** One thing that keeps the tunnel down. Secrets (the PSK) are never quoted: they show as `[secret]`. */
export interface Mismatch {
    /** Neutral name of the setting (`ike.encryption`, `subnets`, `bgp.tunnelCidr`, …). */
    field: string;
    /** The Alibaba side's value (as that cloud spells it), or undefined when it has none. */
    alicloud: unknown;
    /** The Tencent side's value (as that cloud spells it), or undefined when it has none. */
    tencentcloud: unknown;
    /** What to change, naming the argument. */
    fix: string;
}

export interface CompatibilityReport {
    /** True when no mismatch was found. */
    compatible: boolean;
    mismatches: Mismatch[];
}

const FIELD_NAMES: Record<SettingKind, string> = {
    ikeVersion: "ike.version",
    ikeMode: "ike.mode",
    ikeEncryption: "ike.encryption",
    ikeIntegrity: "ike.integrity",
    dhGroup: "ike.dhGroup",
    ipsecEncryption: "ipsec.encryption",
    ipsecIntegrity: "ipsec.integrity",
    pfs: "ipsec.pfs",
};

const SECRET = "[secret]";
/** Tencent route types without security policies: the tunnel routes by destination (or BGP). */
const ROUTED = ["staticroute", "bgp"];
const ANY = "0.0.0.0/0";

/** Compares the two sides; see the module comment. */
export function checkIpsecCompatibility(alicloud: AlicloudSide, tencentcloud: TencentcloudSide): CompatibilityReport {
    const mismatches: Mismatch[] = [
        ...proposalMismatches(alicloud, tencentcloud),
        ...lifetimeMismatches(alicloud, tencentcloud),
        ...pskMismatches(alicloud, tencentcloud),
        ...identityMismatches(alicloud, tencentcloud),
        ...subnetMismatches(alicloud, tencentcloud),
        ...dpdMismatches(alicloud, tencentcloud),
        ...bgpMismatches(alicloud, tencentcloud),
    ];
    return { compatible: mismatches.length === 0, mismatches };
}

const at = (side: Record<string, any>, [block, key]: readonly [string, string]): unknown => side[block]?.[key];
const argName = (cloud: CloudSide, kind: SettingKind) => SETTING_PATHS[kind][cloud].join(".");
const valueOf = (side: Record<string, any>, cloud: CloudSide, kind: SettingKind): string => String(at(side, SETTING_PATHS[kind][cloud]) ?? defaultOf(kind, cloud));

/** The algorithms, DH groups, version and mode: both must name the same thing, and each must be expressible by the other cloud. */
function proposalMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const found: Mismatch[] = [];
    for (const kind of Object.keys(SETTING_PATHS) as SettingKind[]) {
        const a = valueOf(ali, "alicloud", kind);
        const t = valueOf(tc, "tencentcloud", kind);
        const na = toNeutral(kind, "alicloud", a);
        const nt = toNeutral(kind, "tencentcloud", t);
        if (na !== undefined && na === nt) continue;
        const asTencent = na === undefined ? undefined : fromNeutral(kind, "tencentcloud", na);
        const asAlicloud = nt === undefined ? undefined : fromNeutral(kind, "alicloud", nt);
        const inexpressible = nt === undefined ? "" : asAlicloud === undefined ? `Alibaba Cloud cannot express tencentcloud "${t}"; ` : "";
        let fix: string;
        if (asTencent !== undefined) fix = `${inexpressible}set tencentcloud ${argName("tencentcloud", kind)} to "${asTencent}" (or alicloud ${argName("alicloud", kind)} to the same thing)`;
        else if (asAlicloud !== undefined) fix = `Tencent Cloud cannot express alicloud "${a}"; set alicloud ${argName("alicloud", kind)} to "${asAlicloud}"`;
        else fix = `neither value can be expressed by the other cloud; choose one both support: ${commonValues(kind).join(", ")}`;
        found.push({ field: FIELD_NAMES[kind], alicloud: a, tencentcloud: t, fix });
    }
    return found;
}

/**
 * SA lifetimes, in seconds on both clouds (Tencent's traffic lifetime in KB has no Alibaba counterpart
 * and only triggers a rekey). IKEv1 proposes them as SA attributes that must be accepted (RFC 2409
 * §5, Life Type/Life Duration): both must be equal. IKEv2 does not negotiate lifetimes (RFC 7296 §2.8),
 * so a difference only means one side rekeys first — unless a value lies outside the other cloud's range.
 */
function lifetimeMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const ikev1 = toNeutral("ikeVersion", "alicloud", valueOf(ali, "alicloud", "ikeVersion")) === "ikev1";
    const pairs = [
        { field: "ike.lifetime", kind: "ikeLifetime" },
        { field: "ipsec.lifetime", kind: "ipsecLifetime" },
    ] as const;
    const found: Mismatch[] = [];
    for (const { field, kind } of pairs) {
        const { alicloud: a, tencentcloud: t } = LIFETIME_PATHS[kind];
        const rowA = lifetimeRange(kind, "alicloud");
        const rowT = lifetimeRange(kind, "tencentcloud");
        const va = Number(at(ali, a) ?? rowA.default);
        const vt = Number(at(tc, t) ?? rowT.default);
        const { min, max } = commonLifetimeRange(kind);
        if (vt < rowA.min || vt > rowA.max) {
            found.push({ field, alicloud: va, tencentcloud: vt, fix: `Alibaba Cloud cannot express ${vt} s (${a.join(".")} is ${rowA.min}–${rowA.max}); set ${t.join(".")} to ${min}–${max} s` });
        } else if (va < rowT.min || va > rowT.max) {
            found.push({ field, alicloud: va, tencentcloud: vt, fix: `Tencent Cloud cannot express ${va} s (${t.join(".")} is ${rowT.min}–${rowT.max}); set ${a.join(".")} to ${min}–${max} s` });
        } else if (ikev1 && va !== vt) {
            found.push({ field, alicloud: va, tencentcloud: vt, fix: `IKEv1 negotiates lifetimes: set alicloud ${a.join(".")} and tencentcloud ${t.join(".")} to the same number of seconds` });
        }
    }
    return found;
}

/** One key on both ends; Alibaba's charset (CreateVpnConnection IkeConfig.Psk) is the narrower rule. */
function pskMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const a = ali.preSharedKey;
    const t = tc.preSharedKey;
    if (typeof a !== "string" || typeof t !== "string" || a === t) return [];
    return [{ field: "preSharedKey", alicloud: SECRET, tencentcloud: SECRET, fix: "give both connections the same preSharedKey" }];
}

const isAddress = (id: string): boolean => parseIpv4(id) !== undefined;

/** Each side's local identity is the other's remote one, of the same type (address or FQDN). */
function identityMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const ike = tc.ikeOptions ?? {};
    const tencentId = (side: "local" | "remote"): string | undefined => {
        const fqdn = String(ike[`${side}Identity`] ?? "ADDRESS").toUpperCase() === "FQDN";
        return fqdn ? ike[`${side}FqdnName`] : ike[`${side}Address`];
    };
    const found: Mismatch[] = [];
    const pairs = [
        { field: "identity.alicloudLocal", a: ali.ikeConfig?.localId, aArg: "ikeConfig.localId", t: tencentId("remote"), tArg: "ikeOptions.remoteAddress / remoteFqdnName" },
        { field: "identity.tencentcloudLocal", a: ali.ikeConfig?.remoteId, aArg: "ikeConfig.remoteId", t: tencentId("local"), tArg: "ikeOptions.localAddress / localFqdnName" },
    ];
    for (const { field, a, aArg, t, tArg } of pairs) {
        if (typeof a !== "string" || typeof t !== "string" || a === "" || t === "" || a === t) continue;
        found.push({ field, alicloud: a, tencentcloud: t, fix: `set alicloud ${aArg} and tencentcloud ${tArg} to the same ${isAddress(a) ? "address" : "name"}` });
    }
    return found;
}

/** The traffic selectors as (local, remote) pairs of canonical CIDRs. */
type Pairs = Set<string>;
const canonical = (cidr: string): string => {
    const parsed = parseCidr(cidr);
    return parsed.ok ? parsed.canonical : cidr;
};
const pairKey = (local: string, remote: string) => `${canonical(local)} → ${canonical(remote)}`;

function overlapping(a: string, b: string): boolean {
    const x = parseCidr(a);
    const y = parseCidr(b);
    return x.ok && y.ok && (cidrContains(x.cidr, y.cidr) || cidrContains(y.cidr, x.cidr));
}

/**
 * Alibaba protects local × remote subnets (both `0.0.0.0/0`: destination routing,
 * CreateVpnConnection LocalSubnet); Tencent protects its security policies' pairs, or routes by
 * destination (`routeType` `StaticRoute` or `Bgp`). The two must be mirror images, and no local block
 * may overlap a remote one (Tencent refuses that, `VpnConnSpdCidrConflict`; Alibaba documents no rule).
 */
function subnetMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const local: string[] = ali.localSubnets ?? [];
    const remote: string[] = ali.remoteSubnets ?? [];
    const found: Mismatch[] = [];
    const destinationRouting = local.length === 1 && remote.length === 1 && canonical(local[0]) === ANY && canonical(remote[0]) === ANY;
    const overlaps = destinationRouting ? [] : local.flatMap((l) => remote.filter((r) => overlapping(l, r)).map((r) => `${l} ∩ ${r}`));
    if (overlaps.length) {
        found.push({ field: "subnets", alicloud: { localSubnets: local, remoteSubnets: remote }, tencentcloud: undefined, fix: `local and remote subnets must not overlap (${overlaps.join(", ")}): the two VPCs need disjoint address space` });
    }
    const aliPairs: Pairs = new Set(local.flatMap((l) => remote.map((r) => pairKey(l, r))));
    let tcPairs: Pairs | undefined;
    if (ROUTED.includes(String(tc.routeType ?? "").toLowerCase())) tcPairs = new Set([pairKey(ANY, ANY)]);
    else if (Array.isArray(tc.securityPolicyDatabases)) {
        tcPairs = new Set(tc.securityPolicyDatabases.flatMap((p: any) => (p.remoteCidrBlocks ?? []).map((r: string) => pairKey(r, p.localCidrBlock))));
    }
    if (tcPairs === undefined || local.length === 0 || remote.length === 0) return found;
    const same = aliPairs.size === tcPairs.size && [...aliPairs].every((p) => tcPairs!.has(p));
    if (!same) {
        const routed = tcPairs.has(pairKey(ANY, ANY)) && tcPairs.size === 1;
        const fix = routed
            ? "Tencent routes by destination (routeType StaticRoute/Bgp): set both alicloud localSubnets and remoteSubnets to [\"0.0.0.0/0\"]"
            : "mirror the subnets: alicloud localSubnets = the remoteCidrBlocks of tencentcloud securityPolicyDatabases, alicloud remoteSubnets = their localCidrBlock (Alibaba protects every local × remote pair)";
        found.push({ field: "subnets", alicloud: [...aliPairs], tencentcloud: [...tcPairs].map((p) => p.split(" → ").reverse().join(" ← ")), fix });
    }
    return found;
}

/**
 * Dead peer detection: with DPD on, "if no feedback is received from the peer within the specified
 * period of time, the connection fails" (Alibaba CreateVpnConnection EnableDpd); a peer with DPD off
 * does not answer the probes, so both sides must agree. Alibaba's default is on, Tencent's off
 * (CreateVpnConnection DpdEnable 0). Tencent has no NAT-traversal setting, so `enableNatTraversal`
 * has nothing to meet between two public gateways and is not judged.
 */
function dpdMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const a = ali.enableDpd ?? true;
    const t = tc.dpdEnable ?? false;
    if (Boolean(a) === Boolean(t)) return [];
    return [{ field: "dpd", alicloud: a, tencentcloud: t, fix: `set alicloud enableDpd and tencentcloud dpdEnable both to ${a ? "true" : "false"} (or both to ${a ? "false" : "true"})` }];
}

/** The other usable host of a /30 (`.1` ↔ `.2`). */
function peerOf(tunnelCidr: string, address: string): string | undefined {
    const block = parseCidr(tunnelCidr);
    const host = parseIpv4(address);
    if (!block.ok || host === undefined || block.cidr.prefix !== 30) return undefined;
    const offset = host - block.cidr.network;
    return offset === 1 ? formatIpv4(block.cidr.network + 2) : offset === 2 ? formatIpv4(block.cidr.network + 1) : undefined;
}

/**
 * BGP inside the tunnel: on on both sides (Alibaba `bgpConfig.enableBgp`, Tencent `routeType: "Bgp"`),
 * one /30 tunnel CIDR (Alibaba: inside 169.254.0.0/16; Tencent `VpnConnBgpTunnelCidrMask`), each side's
 * address the other's peer address, and two different ASNs (eBGP; Tencent refuses equal ones,
 * `VpnUnsupportedBgpAsnEqual`). Alibaba's ASN is `bgpConfig.localAsn` (default 45104), Tencent's the
 * VPN gateway's and the customer gateway's (outputs `bgpLocalAsn`, `bgpRemoteAsn`).
 */
function bgpMismatches(ali: AlicloudSide, tc: TencentcloudSide): Mismatch[] {
    const a = ali.bgpConfig ?? {};
    const aliOn = String(a.enableBgp ?? false) === "true";
    const tcOn = String(tc.routeType ?? "").toLowerCase() === "bgp";
    if (!aliOn && !tcOn) return [];
    if (aliOn !== tcOn) {
        return [{ field: "bgp", alicloud: aliOn, tencentcloud: tc.routeType ?? "STATIC", fix: aliOn ? "set tencentcloud routeType to \"Bgp\" with a bgpConfig, or turn alicloud bgpConfig.enableBgp off" : "set alicloud bgpConfig.enableBgp to true with the same tunnelCidr, or use another tencentcloud routeType" }];
    }
    const t = tc.bgpConfig ?? {};
    const found: Mismatch[] = [];
    if (a.tunnelCidr && t.tunnelCidr && canonical(a.tunnelCidr) !== canonical(t.tunnelCidr)) {
        found.push({ field: "bgp.tunnelCidr", alicloud: a.tunnelCidr, tencentcloud: t.tunnelCidr, fix: "set alicloud bgpConfig.tunnelCidr and tencentcloud bgpConfig.tunnelCidr to the same /30" });
    }
    if (a.localBgpIp && t.remoteBgpIp && a.localBgpIp !== t.remoteBgpIp) {
        found.push({ field: "bgp.alicloudAddress", alicloud: a.localBgpIp, tencentcloud: t.remoteBgpIp, fix: "set tencentcloud bgpConfig.remoteBgpIp to alicloud bgpConfig.localBgpIp" });
    }
    const alicloudPeer = ali.bgpPeerBgpIp || (a.tunnelCidr && a.localBgpIp ? peerOf(a.tunnelCidr, a.localBgpIp) : undefined);
    if (alicloudPeer && t.localBgpIp && alicloudPeer !== t.localBgpIp) {
        found.push({ field: "bgp.tencentcloudAddress", alicloud: alicloudPeer, tencentcloud: t.localBgpIp, fix: `set tencentcloud bgpConfig.localBgpIp to ${alicloudPeer}, the other address of the /30` });
    }
    const aliAsn = Number(a.localAsn ?? 45104);
    const tcLocal = tc.bgpLocalAsn === undefined || tc.bgpLocalAsn === null ? undefined : Number(tc.bgpLocalAsn);
    const tcRemote = tc.bgpRemoteAsn === undefined || tc.bgpRemoteAsn === null ? undefined : Number(tc.bgpRemoteAsn);
    if (tcRemote !== undefined && tcRemote !== aliAsn) {
        found.push({ field: "bgp.alicloudAsn", alicloud: aliAsn, tencentcloud: tcRemote, fix: `set alicloud bgpConfig.localAsn to ${tcRemote}, the ASN of the Tencent customer gateway (or change that gateway's)` });
    }
    if (tcLocal !== undefined && ali.bgpPeerAsn !== undefined && ali.bgpPeerAsn !== null && Number(ali.bgpPeerAsn) !== tcLocal) {
        found.push({ field: "bgp.tencentcloudAsn", alicloud: Number(ali.bgpPeerAsn), tencentcloud: tcLocal, fix: `give the Alibaba customer gateway the Tencent VPN gateway's ASN ${tcLocal}` });
    }
    if (tcLocal !== undefined && tcLocal === aliAsn) {
        found.push({ field: "bgp.asn", alicloud: aliAsn, tencentcloud: tcLocal, fix: "the two sides need different ASNs (eBGP): change alicloud bgpConfig.localAsn" });
    }
    return found;
}
