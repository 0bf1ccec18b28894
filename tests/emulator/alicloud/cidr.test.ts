import assert from "node:assert/strict";
import { cidrContains, networkOf, parseIpv4, parseIpv4Cidr } from "../../../emulator/alicloud/cidr";

describe("parseIpv4", () => {
    it("can parse dotted quads", () => {
        // WHEN / THEN
        assert.equal(parseIpv4("0.0.0.0"), 0);
        assert.equal(parseIpv4("255.255.255.255"), 4294967295);
        assert.equal(parseIpv4("10.0.1.2"), 10 * 2 ** 24 + 1 * 256 + 2);
    });

    it("fails when an octet is out of range, has a leading zero, or parts are missing", () => {
        // WHEN / THEN
        for (const bad of ["256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "a.b.c.d", "", " 1.2.3.4"]) {
            assert.equal(parseIpv4(bad), undefined, bad);
        }
    });
});

describe("parseIpv4Cidr", () => {
    it("can parse prefixes 0 to 32", () => {
        // WHEN / THEN
        assert.deepEqual(parseIpv4Cidr("0.0.0.0/0"), { address: 0, prefix: 0 });
        assert.deepEqual(parseIpv4Cidr("10.0.0.0/32"), { address: 167772160, prefix: 32 });
    });

    it("fails when the prefix is missing, above 32 or padded", () => {
        // WHEN / THEN
        for (const bad of ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/", "10.0.0.0/24/1"]) {
            assert.equal(parseIpv4Cidr(bad), undefined, bad);
        }
    });
});

describe("cidrContains", () => {
    it("can tell whether an address is inside a network", () => {
        // GIVEN
        const cidr = parseIpv4Cidr("169.254.11.0/30")!;
        // WHEN / THEN
        assert.equal(cidrContains(cidr, parseIpv4("169.254.11.3")!), true);
        assert.equal(cidrContains(cidr, parseIpv4("169.254.11.4")!), false);
        assert.equal(networkOf(parseIpv4Cidr("10.1.2.3/8")!), parseIpv4("10.0.0.0"));
    });
});
