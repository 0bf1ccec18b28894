/**
 * Strict IPv4 addresses and CIDR blocks, for both clouds' parameter rules: dotted quads without
 * leading zeros (each octet 0–255), `a.b.c.d/n` with n 0–32 written without leading zeros.
 * Host bits may be set in a CIDR: neither cloud's parameter documentation asks for a network
 * address (Tencent's AddVpnConnEx and ModifyVpnConnEx examples are `10.0.0.5/24` and `10.56.20.1/24`),
 * except where a parameter's own rule says so (Alibaba's BGP `TunnelCidr`).
 */

/** An IPv4 CIDR as a 32-bit unsigned address (host bits as given) and a prefix length. */
export interface Ipv4Cidr {
    address: number;
    prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Parses a dotted quad to an unsigned 32-bit number; undefined when malformed. */
export function parseIpv4(text: string): number | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) {
        return undefined;
    }
    return parts.reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** True when `text` is a dotted-quad IPv4 address. */
export function isIpv4(text: string): boolean {
    return parseIpv4(text) !== undefined;
}

/** An unsigned 32-bit number as a dotted quad. */
export function formatIpv4(address: number): string {
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
}

/** Parses `a.b.c.d/n`; undefined when malformed. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
    const match = /^([^/]+)\/(0|[1-9]\d?)$/.exec(text);
    if (!match) {
        return undefined;
    }
    const address = parseIpv4(match[1]);
    const prefix = Number(match[2]);
    return address === undefined || prefix > 32 ? undefined : { address, prefix };
}

/** How many addresses a CIDR spans. */
export function cidrSize(cidr: Ipv4Cidr): number {
    return 2 ** (32 - cidr.prefix);
}

/** The network address (host bits cleared) of a CIDR. */
export function networkOf(cidr: Ipv4Cidr): number {
    const size = cidrSize(cidr);
    return Math.floor(cidr.address / size) * size;
}

/** True when `address` lies inside `cidr`. */
export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
    return networkOf({ address, prefix: cidr.prefix }) === networkOf(cidr);
}

/** True when two CIDRs share an address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    const [x, y] = [networkOf(a), networkOf(b)];
    return x < y + cidrSize(b) && y < x + cidrSize(a);
}
