import assert from "node:assert/strict";
import { ResourceDoc } from "../../../tools/fields/facts";
import { markers, renderFieldTables, spliceTables } from "../../../tools/fields/readmeTables";

const RESOURCE: ResourceDoc = {
    cloud: "cloud",
    className: "Thing",
    source: "provider/cloud/schema.ts",
    schema: {
        id: { kind: "string", required: true, replaceOnChange: true, doc: "The gateway." },
        key: { kind: "string", secret: true, minLength: 1, defaultDoc: "generated", doc: "Symbols `a|b`." },
        block: {
            kind: "object",
            defaultDoc: "the API's defaults",
            doc: "Settings.",
            fields: { mode: { kind: "string", enum: ["x", "y"], default: "x", defaultNote: "the API's", doc: "Mode." } },
        },
    },
    outputs: { state: { kind: "string", nullable: true, doc: "State." } },
    sdkDir: "sdk/cloud",
};

describe("tools/fields/readmeTables", () => {
    it("can render one row an argument and one row an output, pipes escaped", () => {
        // GIVEN a resource with a required, a secret and a block row, and a nullable output
        // WHEN the tables are rendered
        const tables = renderFieldTables(RESOURCE).split("\n");
        // THEN each row says type, default and description; pipes inside cells cannot split them
        assert.ok(tables.includes("| `id` | string | required | The gateway. Changing it replaces the connection. |"));
        assert.ok(tables.includes("| `key` | secret string, at least 1 character | generated | Symbols `a\\|b`. Always stored as a secret. |"));
        assert.ok(tables.includes("| `block` | object | the API's defaults | Settings. |"));
        assert.ok(tables.includes('| `block.mode` | `x` \\| `y` | `"x"` (the API\'s) | Mode. |'));
        assert.ok(tables.includes("| `state` | string or null | State. |"));
    });

    it("can replace what stands between the markers, and nothing else", () => {
        // GIVEN a README with the markers around stale text
        const { begin, end } = markers(RESOURCE);
        const readme = `# Title\n\nbefore\n${begin}\nstale\n${end}\n\nafter\n`;
        // WHEN the tables are spliced in
        const next = spliceTables(readme, RESOURCE, "TABLES");
        // THEN only the part between the markers changed
        assert.equal(next, `# Title\n\nbefore\n${begin}\nTABLES\n${end}\n\nafter\n`);
    });

    it("fails when the README lacks the resource's markers", () => {
        // GIVEN a README without the markers
        // WHEN the tables are spliced in
        // THEN the generator refuses, naming the resource
        assert.throws(() => spliceTables("# no markers\n", RESOURCE, "TABLES"), /README\.md has no .* markers for the generated fields of cloud\.Thing/);
    });

    it("can list output-only rows among the outputs, by their path, and word a fixed item count", () => {
        // GIVEN a list of exactly two blocks with an output-only row
        const doc: ResourceDoc = {
            ...RESOURCE,
            schema: {
                tunnels: {
                    kind: "list",
                    minItems: 2,
                    maxItems: 2,
                    items: { kind: "object", doc: "A tunnel.", fields: { role: { kind: "string", required: true, doc: "Role." }, tunnelId: { kind: "string", outputOnly: true, doc: "Tunnel ID." } } },
                    defaultDoc: "none",
                    doc: "Tunnels.",
                },
            },
        };
        // WHEN the tables are rendered
        const tables = renderFieldTables(doc);
        // THEN the ID is an output row, not an argument row
        const [argsPart, outputsPart] = tables.split("| Output |");
        assert.doesNotMatch(argsPart, /tunnelId/);
        assert.match(outputsPart, /\| `tunnels\[\]\.tunnelId` \| string \| Tunnel ID\. \|/);
        assert.match(argsPart, /object\[\], exactly 2 items/);
    });
});
