import assert from "node:assert/strict";
import { describeDrift, driftLineStart, formatDriftLine, LOG_PREFIX, parseDriftLine, parseDriftLines } from "../../../provider/core/driftLine";

describe("driftLine", () => {
    it("can read back every line it formats", () => {
        // GIVEN findings with one path, several paths and ids of both clouds
        const findings = [
            { id: "vco-bp1x", paths: ["ikeConfig.ikeEncAlg"] },
            { id: "vpnx-2", paths: ["ipsecOptions.pfsDhGroup", "name", "localSubnets"] },
        ];
        // WHEN each is formatted and parsed again
        const lines = findings.map(formatDriftLine);
        // THEN the parse gives the finding back, and the line is the prefix plus the words
        assert.deepEqual(lines.map(parseDriftLine), findings);
        assert.equal(lines[1], `${LOG_PREFIX}vpnx-2 differs in ipsecOptions.pfsDhGroup, name, localSubnets`);
        assert.equal(lines[0], `${LOG_PREFIX}${describeDrift(findings[0])}`);
        assert.ok(lines[0].startsWith(driftLineStart("vco-bp1x")));
    });

    it("can find a drift line inside a CLI diagnostic, ignoring indent and trailing whitespace", () => {
        // GIVEN the line as the CLI shows it: indented, with a newline and a carriage return
        const shown = `    ${formatDriftLine({ id: "vco-1", paths: ["name"] })} \r\n`;
        // WHEN parsed
        const finding = parseDriftLine(shown.replace(/\n$/, ""));
        // THEN the id and path come back without the whitespace
        assert.deepEqual(finding, { id: "vco-1", paths: ["name"] });
    });

    it("fails to parse lines that are not drift lines", () => {
        // GIVEN other provider lines and a drift-like line without the prefix
        const lines = ["pulumi-ipsec: adopting vco-1: converging name", "vco-1 differs in name", "", "pulumi-ipsec: vco-1 differs in "];
        // WHEN parsed
        const parsed = lines.map(parseDriftLine);
        // THEN none is taken for a drift line
        assert.deepEqual(parsed, [undefined, undefined, undefined, undefined]);
    });

    it("can merge the drift lines of a whole output per id, in first-seen order", () => {
        // GIVEN plugin stderr lines and CLI diagnostics (which end in a newline), one holding two lines
        const lines = [
            "some other line",
            "pulumi-ipsec: vco-1 differs in ikeConfig.ikeEncAlg, name\n",
            "pulumi-ipsec: vco-1 differs in name\npulumi-ipsec: vpnx-2 differs in ipsecOptions.pfsDhGroup",
        ];
        // WHEN parsed as a list and as one text
        const fromList = parseDriftLines(lines);
        const fromText = parseDriftLines(lines.join("\n"));
        // THEN each id is listed once with its distinct paths, the same either way
        const expected = [
            { id: "vco-1", paths: ["ikeConfig.ikeEncAlg", "name"] },
            { id: "vpnx-2", paths: ["ipsecOptions.pfsDhGroup"] },
        ];
        assert.deepEqual(fromList, expected);
        assert.deepEqual(fromText, expected);
    });
});
