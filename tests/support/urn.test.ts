import * as assert from "node:assert/strict";
import { makeUrn, parseUrn } from "./urn";

describe("urn", () => {
    it("can read back the parts of a URN it builds", () => {
        // GIVEN a URN built for a dynamic resource
        const urn = makeUrn("dev", "proj", "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection", "office");
        // WHEN parsed
        const parsed = parseUrn(urn);
        // THEN every part comes back
        assert.equal(urn, "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office");
        assert.deepEqual(parsed, { stack: "dev", project: "proj", type: "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection", name: "office" });
    });

    it("can take the type from the last segment of a qualified type, and a name holding ::", () => {
        // GIVEN a child resource's URN whose name contains `::`
        const urn = "urn:pulumi:dev::proj::my:Component$pulumi-nodejs:dynamic:Resource::a::b";
        // WHEN parsed
        const parsed = parseUrn(urn);
        // THEN the type is the child's own and the name keeps its `::`
        assert.deepEqual(parsed, { stack: "dev", project: "proj", type: "pulumi-nodejs:dynamic:Resource", name: "a::b" });
    });

    it("fails to parse what is not a URN", () => {
        // GIVEN strings without the urn:pulumi: shape
        const texts = ["", "office", "urn:other:dev::proj::t::n"];
        // WHEN parsed
        // THEN none parses
        assert.deepEqual(texts.map(parseUrn), [undefined, undefined, undefined]);
    });
});
