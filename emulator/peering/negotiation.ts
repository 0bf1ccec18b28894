/**
 * Whether two tunnel ends agree, phase by phase, written from the IKE specifications rather than from either
 * cloud: phase 1 (the IKE SA) needs one version and exchange mode, the same encryption, integrity and
 * Diffie-Hellman group, the same SA lifetime, the same pre-shared key, and each side's identity being what the
 * other expects of it (RFC 7296 §2.15, §3.5; IKEv1 main/aggressive mode, RFC 2409 §5); phase 2 (the IPsec SA)
 * needs the same encryption, integrity, PFS group and lifetime, and traffic selectors that mirror each other
 * (RFC 7296 §2.9). Lifetimes must match exactly: the emulator models the strict gateways both clouds document
 * rather than IKEv1's shorter-lifetime-wins (a simplification).
 */
import type { Identity, Phase1Proposal, Phase2Proposal, SelectorPair, TunnelEnd } from "./proposal";

/** How a negotiation ends: both SAs up, or the phase that failed and why. */
export type NegotiationOutcome = { phase: "established" } | { phase: "ike" | "ipsec"; reason: string };

/** The outcome when no counterpart is there to negotiate with. */
export const NO_COUNTERPART: NegotiationOutcome = { phase: "ike", reason: "no counterpart on the facing gateway" };

const PHASE1_FIELDS = ["version", "mode", "encryption", "integrity", "dhGroup", "lifetimeSeconds"] as const;
const PHASE2_FIELDS = ["encryption", "integrity", "pfs", "lifetimeSeconds"] as const;

function sameIdentity(a: Identity, b: Identity): boolean {
    return a.kind === b.kind && a.value === b.value;
}

/** The first phase-1 disagreement, or undefined. The PSK is never named in the reason beyond the field. */
export function phase1Mismatch(a: Phase1Proposal, b: Phase1Proposal): string | undefined {
    const field = PHASE1_FIELDS.find((key) => a[key] !== b[key]);
    if (field) return `${field} differs (${a[field]} / ${b[field]})`;
    if (a.preSharedKey !== b.preSharedKey) return "preSharedKey differs";
    if (!sameIdentity(a.localId, b.remoteId)) return `identity ${a.localId.value} is not the expected ${b.remoteId.value}`;
    if (!sameIdentity(b.localId, a.remoteId)) return `identity ${b.localId.value} is not the expected ${a.remoteId.value}`;
    return undefined;
}

const selectorKey = (s: SelectorPair): string => `${s.local}>${s.remote}`;

/** True when `b`'s selectors are `a`'s seen from the other end (local and remote swapped), as sets. */
export function selectorsMirror(a: readonly SelectorPair[], b: readonly SelectorPair[]): boolean {
    const mirrored = new Set(a.map((s) => selectorKey({ local: s.remote, remote: s.local })));
    const other = new Set(b.map(selectorKey));
    return mirrored.size === other.size && [...mirrored].every((key) => other.has(key));
}

/** The first phase-2 disagreement, or undefined. */
export function phase2Mismatch(a: Phase2Proposal, b: Phase2Proposal): string | undefined {
    const field = PHASE2_FIELDS.find((key) => a[key] !== b[key]);
    if (field) return `${field} differs (${a[field]} / ${b[field]})`;
    if (!selectorsMirror(a.selectors, b.selectors)) return "traffic selectors are not mirror images";
    return undefined;
}

/** Negotiates two ends that face each other (each one's remote IP is the other's local IP). */
export function negotiate(a: TunnelEnd, b: TunnelEnd): NegotiationOutcome {
    if (!a.ready || !b.ready) return NO_COUNTERPART;
    const ike = phase1Mismatch(a.phase1, b.phase1);
    if (ike) return { phase: "ike", reason: ike };
    const ipsec = phase2Mismatch(a.phase2, b.phase2);
    return ipsec ? { phase: "ipsec", reason: ipsec } : { phase: "established" };
}

/** True when `b` is the end facing `a` (addresses crossed). */
export function faces(a: TunnelEnd, b: TunnelEnd): boolean {
    return a.localIp === b.remoteIp && a.remoteIp === b.localIp;
}

const RANK: Readonly<Record<NegotiationOutcome["phase"], number>> = { ike: 0, ipsec: 1, established: 2 };

/** `own` negotiated with each facing candidate: the furthest any gets (an established one wins), or no counterpart. */
export function negotiateWithAny(own: TunnelEnd, candidates: readonly TunnelEnd[]): NegotiationOutcome {
    let best: NegotiationOutcome = NO_COUNTERPART;
    for (const candidate of candidates) {
        if (!faces(own, candidate)) continue;
        const outcome = negotiate(own, candidate);
        if (RANK[outcome.phase] > RANK[best.phase]) best = outcome;
        if (best.phase === "established") break;
    }
    return best;
}
