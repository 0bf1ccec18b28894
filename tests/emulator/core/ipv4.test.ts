import assert from "node:assert/strict";
import { cidrContains, cidrSize, cidrsOverlap, formatIpv4, isIpv4, networkOf, parseIpv4, parseIpv4Cidr } from "../../../emulator/core/ipv4";

/** A CIDR the test knows to be well-formed. */
const cidr = (text: string) => parseIpv4Cidr(text)!;
/** An address the test knows to be well-formed. */
const ip = (text: string) => parseIpv4(text)!;

describe("parseIpv4", () => {
    it("can parse dotted quads", () => {
        // WHEN / THEN
        assert.equal(parseIpv4("0.0.0.0"), 0);
        assert.equal(parseIpv4("255.255.255.255"), 4294967295);
        assert.equal(parseIpv4("10.0.1.2"), 10 * 2 ** 24 + 1 * 256 + 2);
    });

    it("fails when an octet is out of range, has a leading zero, or parts are missing", () => {
        // WHEN / THEN
        for (const bad of ["256.0.0.1", "01.2.3.4", "10.0.0.01", "1.2.3", "1.2.3.4.5", "a.b.c.d", "", " 1.2.3.4", "1.2.3.-4"]) {
            assert.equal(parseIpv4(bad), undefined, bad);
            assert.equal(isIpv4(bad), false, bad);
        }
    });
});

describe("isIpv4", () => {
    it("can tell a dotted quad", () => {
        // WHEN / THEN
        assert.equal(isIpv4("10.0.0.1"), true);
        assert.equal(isIpv4("10.0.0.256"), false);
    });
});

describe("formatIpv4", () => {
    it("can write an address back as the dotted quad it was parsed from", () => {
        // GIVEN
        const addresses = ["0.0.0.0", "10.0.1.2", "169.254.128.7", "255.255.255.255"];
        // WHEN
        const written = addresses.map((a) => formatIpv4(ip(a)));
        // THEN
        assert.deepEqual(written, addresses);
    });
});

describe("parseIpv4Cidr", () => {
    it("can parse prefixes 0 to 32, keeping host bits as given (as in AddVpnConnEx's examples)", () => {
        // WHEN / THEN
        assert.deepEqual(parseIpv4Cidr("0.0.0.0/0"), { address: 0, prefix: 0 });
        assert.deepEqual(parseIpv4Cidr("10.0.0.0/32"), { address: 167772160, prefix: 32 });
        assert.deepEqual(parseIpv4Cidr("10.0.0.5/24"), { address: ip("10.0.0.5"), prefix: 24 });
    });

    it("fails when the prefix is missing, above 32 or padded, or the address is malformed", () => {
        // WHEN / THEN
        for (const bad of ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/", "10.0.0.0/24/1", "10.0.0/24", "/24", "10.0.0.256/24"]) {
            assert.equal(parseIpv4Cidr(bad), undefined, bad);
        }
    });
});

describe("networkOf and cidrSize", () => {
    it("can clear the host bits and count the block's addresses", () => {
        // WHEN / THEN
        assert.equal(networkOf(cidr("10.1.2.3/8")), ip("10.0.0.0"));
        assert.equal(networkOf(cidr("169.254.200.9/17")), ip("169.254.128.0"));
        assert.equal(cidrSize(cidr("169.254.128.0/17")), 32768);
        assert.equal(cidrSize(cidr("0.0.0.0/0")), 2 ** 32);
        assert.equal(cidrSize(cidr("1.2.3.4/32")), 1);
    });
});

describe("cidrContains", () => {
    it("can tell whether an address is inside a network", () => {
        // GIVEN
        const block = cidr("169.254.11.0/30");
        // WHEN / THEN
        assert.equal(cidrContains(block, ip("169.254.11.0")), true);
        assert.equal(cidrContains(block, ip("169.254.11.3")), true);
        assert.equal(cidrContains(block, ip("169.254.11.4")), false);
        assert.equal(cidrContains(block, ip("169.254.10.255")), false);
    });

    it("can judge by the network when the CIDR has host bits set", () => {
        // WHEN / THEN
        assert.equal(cidrContains(cidr("10.0.0.5/24"), ip("10.0.0.200")), true);
    });
});

describe("cidrsOverlap", () => {
    it("can tell nested and partly shared blocks from disjoint ones", () => {
        // WHEN / THEN
        assert.equal(cidrsOverlap(cidr("10.0.0.0/16"), cidr("10.0.5.0/24")), true);
        assert.equal(cidrsOverlap(cidr("10.0.5.0/24"), cidr("10.0.0.0/16")), true);
        assert.equal(cidrsOverlap(cidr("10.0.0.0/24"), cidr("10.0.0.128/25")), true);
        assert.equal(cidrsOverlap(cidr("10.0.0.0/24"), cidr("10.0.1.0/24")), false);
        assert.equal(cidrsOverlap(cidr("10.0.1.0/24"), cidr("10.0.0.0/24")), false);
    });

    it("can compare by network when host bits are set", () => {
        // WHEN / THEN
        assert.equal(cidrsOverlap(cidr("10.0.0.200/24"), cidr("10.0.0.1/32")), true);
        assert.equal(cidrsOverlap(cidr("10.0.0.200/24"), cidr("10.0.1.1/32")), false);
    });
});
