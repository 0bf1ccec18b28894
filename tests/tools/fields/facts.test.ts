import assert from "node:assert/strict";
import { Field, Schema } from "../../../provider/core/schema";
import { defaultOf, docOf, isOptional, isReported, limitsOf, notesOf, reportedKeys, ResourceDoc, Row, rowsOf, secretKeys } from "../../../tools/fields/facts";

const row = (field: Field, path = "field"): Row => ({ path, key: path, field });
const RESOURCE: ResourceDoc = { cloud: "cloud", className: "Thing", source: "schema.ts", schema: {}, outputs: {}, sdkDir: "sdk/cloud" };
const TWO_DIALECTS: ResourceDoc = { ...RESOURCE, dialects: { default: "API 3.0", api2: "API 2.0" } };

describe("tools/fields/facts", () => {
    it("can list nested rows by their path, blocks before their fields", () => {
        // GIVEN a table with a block and a list of blocks
        const schema: Schema = {
            a: { kind: "object", fields: { b: { kind: "boolean" } } },
            c: { kind: "list", items: { kind: "object", fields: { d: { kind: "integer", min: 0, max: 1 } } } },
        };
        // WHEN its rows are listed
        const paths = rowsOf(schema).map((r) => r.path);
        // THEN each nested row carries its path
        assert.deepEqual(paths, ["a", "a.b", "c", "c[].d"]);
    });

    it("fails when a row has no doc, naming its path", () => {
        // GIVEN a nested row without `doc`
        // WHEN its doc is asked for
        // THEN the generator refuses it, naming the row
        assert.throws(() => docOf(row({ kind: "boolean" }, "ikeConfig.x")), /ikeConfig\.x: the row has no `doc`/);
    });

    it("can render a default as JSON with its note, or the row's defaultDoc", () => {
        // GIVEN rows with a string default and a note, an integer default, a defaultDoc and none
        // WHEN their @default text is rendered
        // THEN a value is JSON, a note follows it, a defaultDoc stands as written, a required row has none
        assert.equal(defaultOf(row({ kind: "string", default: "md5", defaultNote: "not Terraform's" })), '"md5" (not Terraform\'s)');
        assert.equal(defaultOf(row({ kind: "integer", min: 0, max: 9, default: 3 })), "3");
        assert.equal(defaultOf(row({ kind: "string", defaultDoc: "assigned by the cloud" })), "assigned by the cloud");
        assert.equal(defaultOf(row({ kind: "string", required: true })), undefined);
    });

    it("fails when a row sets both default and defaultDoc, or a note without a default", () => {
        // GIVEN rows whose default texts contradict or dangle
        // WHEN their @default text is rendered
        // THEN the generator refuses each, naming the row
        assert.throws(() => defaultOf(row({ kind: "string", default: "a", defaultDoc: "b" }, "x")), /x: `default` and `defaultDoc` both set/);
        assert.throws(() => defaultOf(row({ kind: "string", defaultNote: "why" }, "x")), /x: `defaultNote` without a default/);
    });

    it("fails when an optional row says nothing of its default (the TSDoc's @default)", () => {
        // GIVEN an optional row with neither default nor defaultDoc
        // WHEN asked whether it is optional
        // THEN the generator refuses it, naming the row
        assert.throws(() => isOptional(row({ kind: "string" }, "name")), /name: an optional field needs `default` or `defaultDoc`/);
    });

    it("can make a required row optional when something fills it in (the region's stack config)", () => {
        // GIVEN a required row, one filled in from elsewhere, and one with a default
        // WHEN the SDK decides whether the argument may be left out
        // THEN only the plain required row must be given
        assert.equal(isOptional(row({ kind: "string", required: true })), false);
        assert.equal(isOptional(row({ kind: "string", required: true, defaultDoc: "the stack config" })), true);
        assert.equal(isOptional(row({ kind: "string", default: "x" })), true);
    });

    it("can tell outputs always there from outputs that may be absent", () => {
        // GIVEN required, defaulted, computed, sometimes-absent and unset rows, and blocks
        // WHEN their outputs are typed
        // THEN only what is always reported is typed without `undefined`
        assert.equal(isReported({ kind: "string", required: true }), true);
        assert.equal(isReported({ kind: "boolean", default: false }), true);
        assert.equal(isReported({ kind: "string", computed: true }), true);
        assert.equal(isReported({ kind: "string", computed: true, optionalOutput: true }), false);
        assert.equal(isReported({ kind: "string" }), false);
        assert.equal(isReported({ kind: "object", fields: { a: { kind: "string" }, b: { kind: "boolean", default: true } } }), true);
        assert.equal(isReported({ kind: "object", fields: { a: { kind: "string" } } }), false);
    });

    it("can find the top-level keys that hold a secret, nested ones included", () => {
        // GIVEN a table with a secret at the top, in a block and in a list of blocks
        // WHEN the keys the SDK passes as secrets are found
        // THEN each top-level key that holds one is listed
        const schema: Schema = {
            psk: { kind: "string", secret: true },
            name: { kind: "string" },
            block: { kind: "object", fields: { key: { kind: "string", secret: true } } },
            list: { kind: "list", items: { kind: "object", fields: { token: { kind: "string", secret: true } } } },
        };
        assert.deepEqual(secretKeys(schema), ["psk", "block", "list"]);
    });

    it("can list the top-level keys a read reports: every row but the local ones", () => {
        // GIVEN a table with cloud rows and a provider-side one
        const schema: Schema = { name: { kind: "string" }, timeouts: { kind: "object", local: true, fields: {} }, psk: { kind: "string", secret: true } };
        // WHEN the keys a looked-up resource reports are listed
        // THEN the local row is left out
        assert.deepEqual(reportedKeys(schema), ["name", "psk"]);
    });

    it("can word a row's limits", () => {
        // GIVEN strings, an enum, an integer and a set of CIDRs
        // WHEN their limits are worded
        // THEN each says its lengths, range or item count, singular where it is one
        assert.deepEqual(limitsOf({ kind: "string", minLength: 1, maxLength: 100, noWhitespace: true }), ["1–100 characters", "no whitespace"]);
        assert.deepEqual(limitsOf({ kind: "string", maxLength: 1 }), ["at most 1 character"]);
        assert.deepEqual(limitsOf({ kind: "string", enum: ["a"], maxLength: 5 }), []);
        assert.deepEqual(limitsOf({ kind: "integer", min: 0, max: 86400 }), ["0–86400"]);
        assert.deepEqual(limitsOf({ kind: "list", set: true, minItems: 1, items: { kind: "string", format: "cidr" } }), [
            "at least 1 item",
            "IPv4 CIDR blocks in canonical network form",
            "order ignored",
        ]);
    });

    it("can note replacement, secrecy and refused values", () => {
        // GIVEN a row that replaces, is secret and refuses one API value
        // WHEN its notes are worded
        // THEN each is a sentence
        const notes = notesOf({ kind: "string", enum: ["A"], replaceOnChange: true, secret: true, unsupported: { B: "needs C" } }, RESOURCE);
        assert.deepEqual(notes, ["Changing it replaces the connection.", "Always stored as a secret.", "The API's `B` is refused: needs C."]);
    });

    it("can note what a second API dialect lacks or narrows", () => {
        // GIVEN rows without a legacy binding, and with a narrower enum or range in it
        const missing: Field = { kind: "string", api: { default: { path: "A" } } };
        const defaulted: Field = { kind: "boolean", default: false, api: { default: { path: "A" } } };
        const narrower: Field = { kind: "string", enum: ["X", "Y"], api: { default: { path: "A" }, api2: { path: "a", enum: ["X"] } } };
        const range: Field = { kind: "integer", min: 1, max: 9, api: { default: { path: "A" }, api2: { path: "a", range: [1, 5] } } };
        // WHEN noted for a resource with two dialects, and for one with one
        // THEN each note names the dialect; with one dialect there is none
        assert.deepEqual(notesOf(missing, TWO_DIALECTS), ["API 3.0 only."]);
        assert.deepEqual(notesOf(defaulted, TWO_DIALECTS), ["API 3.0 only (API 2.0 takes only the default)."]);
        assert.deepEqual(notesOf(narrower, TWO_DIALECTS), ["API 2.0 takes only `X`."]);
        assert.deepEqual(notesOf(range, TWO_DIALECTS), ["API 2.0 takes only 1–5, or the default."]);
        assert.deepEqual(notesOf(missing, RESOURCE), []);
    });
});
