import assert from "node:assert/strict";
import { ObjectField } from "../../../provider/core/schema";
import { ResourceDoc } from "../../../tools/fields/facts";
import { blocksOf, renderArgsTypes, renderFieldLists, renderOutputsTypes, renderSharedTypes, sharedBlocks, tsdoc, wrap } from "../../../tools/fields/sdkTypes";

const TIMEOUTS: ObjectField = { kind: "object", local: true, typeName: "Limits", defaultDoc: "none", doc: "Limits.", fields: { create: { kind: "integer", min: 1, max: 9, defaultDoc: "5", doc: "Create." } } };

const resource = (cloud: string): ResourceDoc => ({
    cloud,
    className: "Thing",
    source: `provider/${cloud}/schema.ts`,
    schema: {
        id: { kind: "string", required: true, doc: "The ID." },
        modes: { kind: "list", items: { kind: "string", enum: ["a", "b"] }, defaultDoc: "none", doc: "Modes." },
        rules: { kind: "list", items: { kind: "object", typeName: "Rule", doc: "A rule.", fields: { cidr: { kind: "string", required: true, doc: "CIDR." } } }, defaultDoc: "none", doc: "Rules." },
        limits: TIMEOUTS,
    },
    outputs: { state: { kind: "string", doc: "State." }, count: { kind: "integer", nullable: true, doc: "Count." } },
    sdkDir: `sdk/${cloud}`,
});

describe("tools/fields/sdkTypes", () => {
    it("can wrap words without breaking one", () => {
        // GIVEN texts wider than the width, one with a word longer than it
        // WHEN they are wrapped
        // THEN lines break between words only
        assert.deepEqual(wrap("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert.deepEqual(wrap("averylongword b", 4), ["averylongword", "b"]);
    });

    it("can keep a doc's `*/` from ending the comment", () => {
        // GIVEN a doc containing `*/`
        // WHEN it becomes a TSDoc comment
        // THEN the sequence is escaped
        assert.deepEqual(tsdoc("", "a */ b"), ["/** a *\\/ b */"]);
    });

    it("can name blocks by typeName or key, lists of blocks by their items", () => {
        // GIVEN a table with a list of blocks and a block with its typeName
        // WHEN its blocks are listed
        // THEN each is named by its typeName, the list by its path with `[]`
        const blocks = blocksOf(resource("a").schema).map(({ name, path }) => [name, path]);
        assert.deepEqual(blocks, [
            ["Rule", "rules[]"],
            ["Limits", "limits"],
        ]);
    });

    it("can share a block two resources declare with the same row, and only that one", () => {
        // GIVEN two resources using the same limits row, each with its own rules row
        const [a, b] = [resource("a"), resource("b")];
        // WHEN the shared blocks are found and both files rendered
        const shared = sharedBlocks([a, b]);
        const argsA = renderArgsTypes(a, shared);
        const outputsA = renderOutputsTypes(a, shared);
        // THEN the limits are imported from the shared file and re-exported, the rules declared here
        assert.deepEqual(shared.map((s) => s.name), ["Limits"]);
        assert.match(argsA, /import type \{ LimitsArgs \} from "\.\.\/shared\.generated";\n\nexport type \{ LimitsArgs \} from "\.\.\/shared\.generated";/);
        assert.match(outputsA, /import type \{ LimitsOutputs \} from "\.\.\/shared\.generated";\n\nexport type \{ LimitsOutputs \} from "\.\.\/shared\.generated";/);
        assert.match(argsA, /export interface RuleArgs \{/);
        assert.match(outputsA, /export interface RuleOutputs \{/);
        assert.doesNotMatch(argsA + outputsA, /export interface Limits/);
        assert.match(renderSharedTypes(shared, [a, b]), /export interface LimitsArgs \{\n(.*\n)* {4}create\?: pulumi\.Input<number>;/);
    });

    it("can declare the lookup's arguments from the lookup rows only, without their change notes", () => {
        // GIVEN a table whose region row locates the resource and replaces it on change
        const types = renderArgsTypes({ ...resource("a"), schema: { ...resource("a").schema, region: { kind: "string", lookup: true, replaceOnChange: true, defaultDoc: "configured", doc: "Region." } } }, []);
        // WHEN its lookup arguments are read out of the types
        const lookup = types.slice(types.indexOf("export interface ThingLookupArgs {"));
        // THEN they hold the region alone, optional with its default, and no replacement note
        assert.match(lookup, /^export interface ThingLookupArgs \{\n {4}\/\*\*\n {5}\* Region\.\n {5}\* @default configured\n {5}\*\/\n {4}region\?: pulumi\.Input<string>;\n\}/);
        assert.doesNotMatch(renderArgsTypes(resource("a"), []), /LookupArgs/);
    });

    it("can type args as Inputs and outputs as Outputs, absent ones as undefined", () => {
        // GIVEN a table with a required string, an enum list, a list of blocks and computed outputs
        // WHEN its types are rendered
        // THEN arguments are Inputs (lists of Inputs), outputs are Outputs, `| undefined` where absent, `| null` where nullable
        const types = renderArgsTypes(resource("a"), []) + renderOutputsTypes(resource("a"), []);
        assert.match(types, /^ {4}id: pulumi\.Input<string>;$/m);
        assert.match(types, /^ {4}modes\?: pulumi\.Input<pulumi\.Input<"a" \| "b">\[\]>;$/m);
        assert.match(types, /^ {4}rules\?: pulumi\.Input<pulumi\.Input<RuleArgs>\[\]>;$/m);
        assert.match(types, /^ {4}readonly id: pulumi\.Output<string>;$/m);
        assert.match(types, /^ {4}readonly modes: pulumi\.Output<\("a" \| "b"\)\[\] \| undefined>;$/m);
        assert.match(types, /^ {4}readonly rules: pulumi\.Output<RuleOutputs\[\] \| undefined>;$/m);
        assert.match(types, /^ {4}readonly state: pulumi\.Output<string>;$/m);
        assert.match(types, /^ {4}readonly count: pulumi\.Output<number \| null>;$/m);
    });

    it("can list the computed outputs, secret inputs, echoed inputs and lookup keys for the class", () => {
        // GIVEN a table with a lookup row, a secret row and a local block, and two computed outputs
        // WHEN the runtime lists are rendered
        // THEN the class gets the lists: computed, secret, reported by a read (not the local block), locating
        const lists = renderFieldLists({
            ...resource("a"),
            schema: { region: { kind: "string", lookup: true, defaultDoc: "configured", doc: "Region." }, psk: { kind: "string", secret: true, doc: "Key." }, limits: TIMEOUTS },
        });
        assert.match(lists, /export const COMPUTED_OUTPUTS = \["state", "count"\] as const;/);
        assert.match(lists, /export const SECRET_INPUTS = \["psk"\] as const;/);
        assert.match(lists, /export const INPUT_OUTPUTS = \["region", "psk"\] as const;/);
        assert.match(lists, /export const LOOKUP_KEYS = \["region"\] as const;/);
    });

    it("can leave output-only rows out of the args and keep them in the outputs; an excluded row is optional on both sides", () => {
        // GIVEN a table with a row a sibling excludes and a list of blocks with an output-only row
        const doc: ResourceDoc = {
            ...resource("cloud"),
            schema: {
                peer: { kind: "string", required: true, excludedBy: "tunnels", defaultDoc: "none: required unless `tunnels` is set", doc: "Peer." },
                tunnels: {
                    kind: "list",
                    items: { kind: "object", typeName: "Tunnel", doc: "A tunnel.", fields: { role: { kind: "string", required: true, doc: "Role." }, tunnelId: { kind: "string", outputOnly: true, doc: "Tunnel ID." } } },
                    defaultDoc: "none",
                    doc: "Tunnels.",
                },
            },
        };
        // WHEN the types are generated
        const args = renderArgsTypes(doc, []);
        const outputs = renderOutputsTypes(doc, []);
        // THEN the output-only row is no argument but an output, and the excluded row may be absent
        assert.doesNotMatch(args, /tunnelId/);
        assert.match(outputs, /tunnelId\?: string;/);
        assert.match(args, /peer\?: pulumi.Input<string>;/);
        assert.match(outputs, /readonly peer: pulumi.Output<string \| undefined>;/);
        assert.match(args, /Not with `tunnels`\./);
    });
});
