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

/** The dotted quad of an unsigned 32-bit value (every read formats the subnets it decodes). */
export function formatIpv4(value: number): string {
    return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export interface Cidr {
    network: number;
    prefix: number;
}

export type CidrParse = { ok: true; cidr: Cidr; canonical: string } | { ok: false; reason: string };

/** Parses already seen, by text: every read decodes its subnets, and a stack repeats the same few. */
const parsed = new Map<string, CidrParse>();
const PARSED_KEPT = 10_000;

/** Parses `a.b.c.d/n`; host bits must be zero (`10.0.0.1/24` is rejected, naming `10.0.0.0/24`). */
export function parseCidr(text: string): CidrParse {
    let result = parsed.get(text);
    if (result === undefined) {
        if (parsed.size >= PARSED_KEPT) parsed.clear();
        // Frozen: every caller of this text shares it.
        parsed.set(text, (result = Object.freeze(parseCidrText(text))));
    }
    return result;
}

function parseCidrText(text: string): CidrParse {
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
    return { ok: true, cidr: Object.freeze({ network, prefix }), canonical };
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    if (inner.prefix < outer.prefix) return false;
    const size = 2 ** (32 - outer.prefix);
    return Math.floor(inner.network / size) * size === outer.network;
}
