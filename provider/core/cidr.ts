/** IPv4 address and CIDR parsing. Canonical network form is required so state and API agree byte for byte. */

/** The unsigned 32-bit value of a dotted-quad IPv4 address, or undefined when malformed. */
export function parseIpv4(text: string): number | undefined {
    const parts = text.split(".");
    if (parts.length !== 4) return undefined;
    let value = 0;
    for (const part of parts) {
        // No leading zeros: "010" is octal in some parsers and decimal in others.
        if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
        const octet = Number(part);
        if (octet > 255) return undefined;
        value = value * 256 + octet;
    }
    return value;
}

export function formatIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export interface Cidr {
    network: number;
    prefix: number;
}

export type CidrParse = { ok: true; cidr: Cidr; canonical: string } | { ok: false; reason: string };

/** Parses `a.b.c.d/n`; host bits must be zero (`10.0.0.1/24` is rejected, naming `10.0.0.0/24`). */
export function parseCidr(text: string): CidrParse {
    const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
    if (!match) return { ok: false, reason: `"${text}" is not an IPv4 CIDR block like 10.0.0.0/24` };
    const address = parseIpv4(match[1]);
    const prefix = Number(match[2]);
    if (address === undefined || prefix > 32) {
        return { ok: false, reason: `"${text}" is not an IPv4 CIDR block like 10.0.0.0/24` };
    }
    const size = 2 ** (32 - prefix);
    const network = Math.floor(address / size) * size;
    const canonical = `${formatIpv4(network)}/${prefix}`;
    if (network !== address) {
        return { ok: false, reason: `"${text}" has host bits set; the network is ${canonical}` };
    }
    return { ok: true, cidr: { network, prefix }, canonical };
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    if (inner.prefix < outer.prefix) return false;
    const size = 2 ** (32 - outer.prefix);
    return Math.floor(inner.network / size) * size === outer.network;
}
