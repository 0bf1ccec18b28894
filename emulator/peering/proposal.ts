/**
 * One side of an IPsec tunnel in cloud-neutral terms: what a gateway proposes in IKE phase 1 (the IKE SA) and
 * phase 2 (the IPsec SA), as the Internet Key Exchange specifications name the parameters (IKEv2, RFC 7296
 * §3.3: encryption algorithm, integrity algorithm, Diffie-Hellman group; traffic selectors §3.13). Each cloud's
 * vocabulary is translated into these terms by ./alicloudTerms and ./tencentTerms.
 */

/** An identity (RFC 7296 §3.5): an IPv4 address or a fully qualified domain name. */
export interface Identity {
    kind: "address" | "fqdn";
    value: string;
}

/** A traffic selector pair: traffic from `local` to `remote`, both IPv4 CIDR blocks. */
export interface SelectorPair {
    local: string;
    remote: string;
}

/** IKE phase-1 proposal. Algorithm names are neutral (see ./terms); an unknown cloud value stays unique to its cloud. */
export interface Phase1Proposal {
    version: string;
    mode: string;
    encryption: string;
    integrity: string;
    /** Diffie-Hellman group number, or a cloud-specific unknown term. */
    dhGroup: string;
    lifetimeSeconds: number;
    preSharedKey: string;
    localId: Identity;
    remoteId: Identity;
}

/** IPsec phase-2 proposal. */
export interface Phase2Proposal {
    encryption: string;
    integrity: string;
    /** Perfect forward secrecy group number, or `none`. */
    pfs: string;
    lifetimeSeconds: number;
    selectors: SelectorPair[];
}

/** One tunnel end: its addresses, proposals and whether it is ready to negotiate (its connection exists and settled). */
export interface TunnelEnd {
    /** The gateway's public IP this tunnel uses. */
    localIp: string;
    /** The customer gateway's IP (the peer's gateway). */
    remoteIp: string;
    ready: boolean;
    phase1: Phase1Proposal;
    phase2: Phase2Proposal;
}
