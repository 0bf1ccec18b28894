import assert from "node:assert/strict";
import { ObjectField } from "../../../provider/core/schema";
import { ResourceDoc } from "../../../tools/fields/facts";
import { blocksOf, renderArgsTypes, renderFieldLists, renderSharedTypes, sharedBlocks, tsdoc, wrap } from "../../../tools/fields/sdkTypes";

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
        const typesA = renderArgsTypes(a, shared);
        // THEN the limits are imported from the shared file and re-exported, the rules declared here
        assert.deepEqual(shared.map((s) => s.name), ["Limits"]);
        assert.match(typesA, /import type \{ LimitsArgs, LimitsOutputs \} from "\.\.\/shared\.generated";/);
        assert.match(typesA, /export type \{ LimitsArgs, LimitsOutputs \} from "\.\.\/shared\.generated";/);
        assert.match(typesA, /export interface RuleArgs \{/);
        assert.doesNotMatch(typesA, /export interface LimitsArgs/);
        assert.match(renderSharedTypes(shared, [a, b]), /export interface LimitsArgs \{\n(.*\n)* {4}create\?: pulumi\.Input<number>;/);
    });

    it("can type args as Inputs and outputs as Outputs, absent ones as undefined", () => {
        // GIVEN a table with a required string, an enum list, a list of blocks and computed outputs
        // WHEN its types are rendered
        // THEN arguments are Inputs (lists of Inputs), outputs are Outputs, `| undefined` where absent, `| null` where nullable
        const types = renderArgsTypes(resource("a"), []);
        assert.match(types, /^ {4}id: pulumi\.Input<string>;$/m);
        assert.match(types, /^ {4}modes\?: pulumi\.Input<pulumi\.Input<"a" \| "b">\[\]>;$/m);
        assert.match(types, /^ {4}rules\?: pulumi\.Input<pulumi\.Input<RuleArgs>\[\]>;$/m);
        assert.match(types, /^ {4}readonly id: pulumi\.Output<string>;$/m);
        assert.match(types, /^ {4}readonly modes: pulumi\.Output<\("a" \| "b"\)\[\] \| undefined>;$/m);
        assert.match(types, /^ {4}readonly rules: pulumi\.Output<RuleOutputs\[\] \| undefined>;$/m);
        assert.match(types, /^ {4}readonly state: pulumi\.Output<string>;$/m);
        assert.match(types, /^ {4}readonly count: pulumi\.Output<number \| null>;$/m);
    });

    it("can list the computed outputs and the secret inputs for the class", () => {
        // GIVEN a table with one secret row and two computed outputs
        // WHEN the runtime lists are rendered
        // THEN the class gets both lists
        const lists = renderFieldLists({ ...resource("a"), schema: { psk: { kind: "string", secret: true, doc: "Key." } } });
        assert.match(lists, /export const COMPUTED_OUTPUTS = \["state", "count"\] as const;/);
        assert.match(lists, /export const SECRET_INPUTS = \["psk"\] as const;/);
    });
});
