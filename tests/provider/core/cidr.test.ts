import assert from "node:assert/strict";
import { cidrContains, parseCidr, parseIpv4 } from "../../../provider/core/cidr";

describe("cidr", () => {
    it("can parse canonical blocks and addresses", () => {
        // GIVEN a canonical block and the highest address
        // WHEN parsed
        const parsed = parseCidr("10.1.0.0/16");
        // THEN the block keeps its spelling and the address is its 32-bit value
        assert.ok(parsed.ok);
        assert.equal(parsed.canonical, "10.1.0.0/16");
        assert.equal(parseIpv4("255.255.255.255"), 2 ** 32 - 1);
    });

    it("can format the lowest and highest networks, and answer a text seen before alike", () => {
        // GIVEN blocks at both ends of the address space
        // WHEN parsed, the second one twice
        const lowest = parseCidr("0.0.0.0/0");
        const highest = parseCidr("255.255.255.255/32");
        const again = parseCidr("255.255.255.255/32");
        // THEN their canonical forms are exact, and the repeated answer is the same, unchangeable one
        assert.ok(lowest.ok && highest.ok && again.ok);
        assert.equal(lowest.canonical, "0.0.0.0/0");
        assert.equal(highest.canonical, "255.255.255.255/32");
        assert.equal(again, highest);
        assert.ok(Object.isFrozen(again) && Object.isFrozen(again.cidr));
    });

    it("fails when the text is not an IPv4 CIDR", () => {
        // GIVEN texts without a prefix, with prefix 33, an octet over 255, three octets, a leading zero, a space, letters
        for (const bad of ["10.0.0.0", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/8", "010.0.0.0/8", " 10.0.0.0/8", "a.b.c.d/8"]) {
            // WHEN parsed
            // THEN none is a CIDR
            assert.equal(parseCidr(bad).ok, false, bad);
        }
    });

    it("fails when host bits are set, naming the network", () => {
        // GIVEN a block with host bits set
        // WHEN parsed
        const parsed = parseCidr("192.168.1.7/24");
        // THEN it is refused, naming its network
        assert.ok(!parsed.ok);
        assert.match(parsed.reason, /192\.168\.1\.0\/24/);
    });

    it("can tell containment", () => {
        // GIVEN a /16 and a /30 inside it
        const outer = parseCidr("169.254.0.0/16");
        const inner = parseCidr("169.254.11.0/30");
        assert.ok(outer.ok && inner.ok);
        // WHEN asked which contains which
        // THEN the /16 holds the /30, not the other way round
        assert.equal(cidrContains(outer.cidr, inner.cidr), true);
        assert.equal(cidrContains(inner.cidr, outer.cidr), false);
    });
});
