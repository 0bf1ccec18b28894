import assert from "node:assert/strict";
import { checkInputs } from "../../../provider/core/check";
import { Schema, UNKNOWN } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    name: { kind: "string", required: true, maxLength: 5 },
    mode: { kind: "string", enum: ["main", "aggressive"], default: "main" },
    count: { kind: "integer", min: 1, max: 10 },
    subnets: { kind: "list", set: true, maxItems: 3, items: { kind: "string", format: "cidr" } },
    block: {
        kind: "object",
        fields: {
            lifetime: { kind: "integer", min: 0, max: 100, default: 100 },
            flag: { kind: "boolean" },
        },
    },
};

const propertiesOf = (failures: { property: string }[]) => failures.map((f) => f.property);

describe("checkInputs", () => {
    it("can apply defaults, including inside an absent block", () => {
        // GIVEN only the required input
        // WHEN it is checked
        const { inputs, failures } = checkInputs(SCHEMA, { name: "a" });
        // THEN the API defaults are filled in
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs, { name: "a", mode: "main", block: { lifetime: 100 } });
    });

    it("can canonicalize enum case and sort set-valued lists", () => {
        // GIVEN a mixed-case enum and an unordered set
        // WHEN checked
        const { inputs, failures } = checkInputs(SCHEMA, { name: "a", mode: "AGGRESSIVE", subnets: ["10.1.0.0/16", "10.0.0.0/16"] });
        // THEN both are in canonical form
        assert.deepEqual(failures, []);
        assert.equal(inputs.mode, "aggressive");
        assert.deepEqual(inputs.subnets, ["10.0.0.0/16", "10.1.0.0/16"]);
    });

    it("fails when a property is unknown, naming the allowed ones", () => {
        // GIVEN a typo'd property
        // WHEN checked
        const { failures } = checkInputs(SCHEMA, { name: "a", nmae: "b" });
        // THEN the failure names it and lists the allowed keys
        assert.deepEqual(propertiesOf(failures), ["nmae"]);
        assert.match(failures[0].reason, /allowed: name, mode, count, subnets, block/);
    });

    it("fails when a nested value has the wrong type", () => {
        // GIVEN a string where an integer belongs
        // WHEN checked
        const { failures } = checkInputs(SCHEMA, { name: "a", block: { lifetime: "100" } });
        // THEN the nested path and the range are named
        assert.deepEqual(propertiesOf(failures), ["block.lifetime"]);
        assert.match(failures[0].reason, /integer between 0 and 100/);
    });

    it("fails when a CIDR has host bits set, naming the network", () => {
        // GIVEN a CIDR with host bits set
        // WHEN checked
        const { failures } = checkInputs(SCHEMA, { name: "a", subnets: ["10.0.0.1/24"] });
        // THEN the item is named, with its network
        assert.deepEqual(propertiesOf(failures), ["subnets[0]"]);
        assert.match(failures[0].reason, /10\.0\.0\.0\/24/);
    });

    it("fails when a set holds duplicates", () => {
        // GIVEN a set with the same CIDR twice
        // WHEN checked
        const { failures } = checkInputs(SCHEMA, { name: "a", subnets: ["10.0.0.0/8", "10.0.0.0/8"] });
        // THEN the repeat is named
        assert.deepEqual(propertiesOf(failures), ["subnets[1]"]);
    });

    it("fails when a list is too long or not a list", () => {
        // GIVEN four items where three are allowed, and an object where a list belongs
        // WHEN checked
        const tooLong = checkInputs(SCHEMA, { name: "a", subnets: ["1.0.0.0/8", "2.0.0.0/8", "3.0.0.0/8", "4.0.0.0/8"] });
        const notAList = checkInputs(SCHEMA, { name: "a", subnets: { a: 1 } });
        // THEN each says what is wrong
        assert.match(tooLong.failures[0].reason, /at most 3/);
        assert.match(notAList.failures[0].reason, /must be a list, not an object/);
    });

    it("fails when required values are missing, blank or out of range", () => {
        // GIVEN a missing name, a blank name, a count over the range and a value outside the enum
        // WHEN checked
        const missing = checkInputs(SCHEMA, {});
        const blank = checkInputs(SCHEMA, { name: "   " });
        const range = checkInputs(SCHEMA, { name: "a", count: 11 });
        const enumValue = checkInputs(SCHEMA, { name: "a", mode: "quick" });
        // THEN each failure says why
        assert.deepEqual(propertiesOf(missing.failures), ["name"]);
        assert.match(blank.failures[0].reason, /empty or blank/);
        assert.match(range.failures[0].reason, /between 1 and 10 \(got 11\)/);
        assert.match(enumValue.failures[0].reason, /one of main, aggressive/);
    });

    it("can pass unknown values through during preview", () => {
        // GIVEN values not known yet
        // WHEN checked
        const { inputs, failures } = checkInputs(SCHEMA, { name: UNKNOWN, count: UNKNOWN });
        // THEN they pass unchanged
        assert.deepEqual(failures, []);
        assert.equal(inputs.name, UNKNOWN);
        assert.equal(inputs.count, UNKNOWN);
    });

    it("can keep __provider untouched", () => {
        // GIVEN inputs with the serialized provider
        // WHEN checked
        const { inputs } = checkInputs(SCHEMA, { name: "a", __provider: "text" });
        // THEN it is kept as it was
        assert.equal(inputs.__provider, "text");
    });
});

describe("checkInputs on hostile shapes", () => {
    const LISTS: Schema = {
        subnets: { kind: "list", required: true, items: { kind: "string", format: "cidr" } },
        blocks: { kind: "list", items: { kind: "object", fields: { cidrs: { kind: "list", required: true, items: { kind: "string", format: "cidr" } } } } },
        route: { kind: "string", enum: ["STATIC", "Policy"], unsupported: { Bgp: "needs BgpConfig" } },
        region: { kind: "string", format: "regionId" },
    };

    it("fails when a list item is null, naming the item instead of dropping the list", () => {
        // GIVEN a required list whose first item is null
        // WHEN checked
        const { inputs, failures } = checkInputs(LISTS, { subnets: [null, "10.1.0.0/16"] });
        // THEN the item is named, with what belongs there
        assert.deepEqual(failures, [{ property: "subnets[0]", reason: "must be an IPv4 CIDR block, not null" }]);
        assert.equal(inputs.subnets, undefined);
    });

    it("fails when a nested list item is null", () => {
        // GIVEN a null inside a block's list, and a null block
        // WHEN checked
        const { failures } = checkInputs(LISTS, { subnets: ["10.0.0.0/8"], blocks: [{ cidrs: ["10.0.0.0/8", null] }, null] });
        // THEN both are named, the block with the keys it should have
        assert.deepEqual(propertiesOf(failures), ["blocks[0].cidrs[1]", "blocks[1]"]);
        assert.match(failures[1].reason, /must be an object with keys cidrs, not null/);
    });

    it("fails when keys are named like Object.prototype members, at the top and nested", () => {
        // GIVEN keys that `in` would find on every object's prototype chain
        const raw = JSON.parse('{"subnets": ["10.0.0.0/8"], "constructor": 1, "toString": "x", "__proto__": {"a": 1}, "blocks": [{"cidrs": ["10.0.0.0/8"], "hasOwnProperty": true}]}');
        // WHEN checked
        const { failures } = checkInputs(LISTS, raw);
        // THEN each is reported as unknown, with the allowed keys
        assert.deepEqual(propertiesOf(failures).sort(), ["__proto__", "blocks[0].hasOwnProperty", "constructor", "toString"]);
        for (const failure of failures) assert.match(failure.reason, /is not a known property; allowed:/);
    });

    it("fails when an enum value is documented but unsupported, listing the supported ones", () => {
        // GIVEN a value the API documents but the resource does not support, in another case
        // WHEN checked
        const { failures } = checkInputs(LISTS, { subnets: ["10.0.0.0/8"], route: "BGP" });
        // THEN it is refused with the supported values and why
        assert.deepEqual(failures, [{ property: "route", reason: "must be one of STATIC, Policy: Bgp is not supported yet (needs BgpConfig)" }]);
    });

    it("fails when a region is not a region ID, and can accept documented ones", () => {
        // GIVEN host names, wrong case, wrong separators and fragments, then documented region IDs
        // WHEN each is checked
        // THEN the first are refused and the region IDs pass
        for (const bad of ["attacker.example/", "cn-hangzhou.evil.com", "CN-HANGZHOU", "cn_hangzhou", "cn-", "hangzhou", "ap-guangzhou:443", "a-b"]) {
            const { failures } = checkInputs(LISTS, { subnets: ["10.0.0.0/8"], region: bad });
            assert.deepEqual(propertiesOf(failures), ["region"], bad);
        }
        for (const good of ["cn-hangzhou", "us-west-1", "cn-shanghai-finance-1", "ap-guangzhou", "na-siliconvalley", "ap-shanghai-fsi"]) {
            assert.deepEqual(checkInputs(LISTS, { subnets: ["10.0.0.0/8"], region: good }).failures, [], good);
        }
    });
});

describe("checkInputs with secrets", () => {
    const SECRET_SCHEMA: Schema = { psk: { kind: "string", secret: true, enum: ["alpha-secret"] }, key: { kind: "string", secret: true } };

    it("fails when a secret is too long, without telling its length", () => {
        // GIVEN a secret over its maximum length
        const schema: Schema = { psk: { kind: "string", secret: true, maxLength: 4 } };
        // WHEN checked
        const { failures } = checkInputs(schema, { psk: "1234567" });
        // THEN the reason gives the limit, not the secret's length
        assert.deepEqual(failures, [{ property: "psk", reason: "must be at most 4 characters" }]);
    });

    it("fails when a secret has the wrong type or value, without echoing it", () => {
        // GIVEN secret fields with a number and a non-allowed value
        // WHEN checked
        const { failures } = checkInputs(SECRET_SCHEMA, { key: 12345678, psk: "beta-secret" });
        // THEN the failures name the properties but never the values
        assert.deepEqual(failures.map((f) => f.property).sort(), ["key", "psk"]);
        for (const failure of failures) {
            assert.doesNotMatch(failure.reason, /12345678|beta-secret/);
        }
    });
});

describe("checkInputs: exclusive fields, keyed lists and output-only fields", () => {
    const TUNNELED: Schema = {
        peer: { kind: "string", required: true, excludedBy: "tunnels" },
        dpd: { kind: "boolean", default: true, excludedBy: "tunnels" },
        tunnels: {
            kind: "list",
            minItems: 2,
            maxItems: 2,
            keyBy: "role",
            items: {
                kind: "object",
                fields: {
                    role: { kind: "string", enum: ["master", "slave"], required: true },
                    peer: { kind: "string", required: true },
                    id: { kind: "string", outputOnly: true },
                },
            },
        },
    };

    it("can leave out the defaults and requirements of fields a set sibling excludes", () => {
        // GIVEN only the tunnels, slave listed first
        const raw = { tunnels: [{ role: "slave", peer: "b" }, { role: "MASTER", peer: "a" }] };
        // WHEN checked
        const { inputs, failures } = checkInputs(TUNNELED, raw);
        // THEN nothing is missing, no excluded default appears, and the tunnels are in the key's enum order
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs, { tunnels: [{ role: "master", peer: "a" }, { role: "slave", peer: "b" }] });
    });

    it("can still default and require the fields when the excluding sibling is unset", () => {
        // WHEN checked without tunnels
        const { inputs, failures } = checkInputs(TUNNELED, {});
        // THEN the single-mode field is required and the default applies
        assert.deepEqual(failures, [{ property: "peer", reason: "is required" }]);
        assert.equal(inputs.dpd, true);
    });

    it("fails when an excluded field is set beside its sibling, naming both", () => {
        // WHEN checked with both modes mixed
        const { failures } = checkInputs(TUNNELED, { peer: "x", dpd: false, tunnels: [{ role: "master", peer: "a" }, { role: "slave", peer: "b" }] });
        // THEN each mixed field is named with the sibling
        assert.deepEqual(
            failures.map((f) => f.property),
            ["peer", "dpd"],
        );
        assert.match(failures[0].reason, /must not be set together with `tunnels`/);
    });

    it("fails when two items of a keyed list share their key, or an output-only field is given", () => {
        // WHEN checked with two masters, one carrying a cloud-assigned id
        const { failures } = checkInputs(TUNNELED, { tunnels: [{ role: "master", peer: "a", id: "t-1" }, { role: "master", peer: "b" }] });
        // THEN the duplicate key and the output-only field are named by path
        assert.deepEqual(
            failures.map((f) => f.property),
            ["tunnels[0].id", "tunnels[1].role"],
        );
        assert.match(failures[1].reason, /duplicates tunnels\[0\]\.role/);
    });
});
