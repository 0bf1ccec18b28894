/**
 * Strict IPv4 address and CIDR parsing for the server-side parameter rules.
 */

/** An IPv4 CIDR as a 32-bit unsigned address and a prefix length. */
export interface Ipv4Cidr {
    address: number;
    prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Parses dotted-quad IPv4 (no leading zeros, each octet 0–255) to an unsigned 32-bit number. */
export function parseIpv4(text: string): number | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) {
        return undefined;
    }
    return parts.reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Parses `a.b.c.d/n` (n 0–32). Host bits may be set, as the API's examples never say otherwise. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
    const match = /^([^/]+)\/(0|[1-9]\d?)$/.exec(text);
    if (!match) {
        return undefined;
    }
    const address = parseIpv4(match[1]);
    const prefix = Number(match[2]);
    return address === undefined || prefix > 32 ? undefined : { address, prefix };
}

/** The network address (host bits cleared) of a CIDR. */
export function networkOf(cidr: Ipv4Cidr): number {
    const size = 2 ** (32 - cidr.prefix);
    return Math.floor(cidr.address / size) * size;
}

/** True when `address` lies inside `cidr`. */
export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
    return networkOf({ address, prefix: cidr.prefix }) === networkOf(cidr);
}
