import assert from "node:assert/strict";
import { readFileSync } from "fs";
import { join } from "path";
import { fromApiResponse, toApiRequest } from "../../../provider/core/apiMapping";
import { resourceHooks } from "../../../provider/core/hooks";
import { Props, Schema, secretValues } from "../../../provider/core/schema";
import { api2FieldFailures } from "../../../provider/tencentcloud/rules";
import { API_2, API_3 } from "../../../provider/tencentcloud/schema";
import { ResourceDoc } from "../../../tools/fields/facts";
import { generatedFiles, staleFiles } from "../../../tools/fields/generate";
import { renderFieldTables } from "../../../tools/fields/readmeTables";
import { RESOURCES } from "../../../tools/fields/resources";
import { renderArgsTypes, renderFieldLists, renderOutputsTypes, sharedBlocks } from "../../../tools/fields/sdkTypes";
import { VALID as ALICLOUD_VALID } from "../../provider/alicloud/fixtures";
import { VALID as TENCENT_VALID } from "../../provider/tencentcloud/fixtures";
import { typeErrors } from "./typecheck";

const ROOT = join(__dirname, "..", "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const [ALICLOUD, TENCENT] = RESOURCES;

/** Hooks around `schema` whose cloud calls are never reached by check and diff. */
function hooksOf(schema: Schema) {
    const unreachable = async (): Promise<never> => {
        throw new Error("no cloud call in this test");
    };
    return resourceHooks({
        schema,
        configDefaults: () => ({ region: "cn-hangzhou" }),
        create: unreachable,
        observe: unreachable,
        settle: unreachable,
        modify: unreachable,
        remove: unreachable,
    });
}

describe("tools/fields/generate", function () {
    this.timeout(60_000);

    it("can find every committed generated file as the field tables generate it (else: run npm run docs)", () => {
        // GIVEN the field tables and the committed SDK files and README
        // WHEN everything is generated again in memory
        const files = generatedFiles(RESOURCES, README);
        // THEN nothing differs
        assert.deepEqual(staleFiles(ROOT, files), [], "generated files are stale: run npm run docs and commit the result");
        assert.deepEqual(files.map((f) => f.path).sort(), [
            "README.md",
            "sdk/alicloud/args.generated.ts",
            "sdk/alicloud/fields.generated.ts",
            "sdk/alicloud/outputs.generated.ts",
            "sdk/shared.generated.ts",
            "sdk/tencentcloud/args.generated.ts",
            "sdk/tencentcloud/fields.generated.ts",
            "sdk/tencentcloud/outputs.generated.ts",
        ]);
    });

    it("fails when a row changes and the committed files are not generated again", () => {
        // GIVEN the Alibaba table with one row's doc changed
        const changed: ResourceDoc = { ...ALICLOUD, schema: { ...ALICLOUD.schema, enableDpd: { ...ALICLOUD.schema.enableDpd, doc: "Dead peer detection, reworded." } } };
        // WHEN the committed files are compared with what it generates
        const stale = staleFiles(ROOT, generatedFiles([changed, TENCENT], README));
        // THEN the SDK types and the README are stale, the runtime lists are not
        assert.deepEqual(stale, ["sdk/alicloud/args.generated.ts", "sdk/alicloud/outputs.generated.ts", "README.md"]);
    });

    describe("a new row", () => {
        // GIVEN one new row in the Alibaba table: an enum with a default, sent as TunnelMode
        const tunnelMode = {
            kind: "string",
            enum: ["single", "dual"],
            default: "single",
            api: { default: { path: "TunnelMode" } },
            doc: "How many tunnels the connection has.",
        } as const;
        const fixture: ResourceDoc = { ...ALICLOUD, schema: { ...ALICLOUD.schema, tunnelMode } };
        const hooks = hooksOf(fixture.schema);

        it("can reach check: defaulted, canonical spelling, refused outside its enum", async () => {
            // WHEN the hooks check inputs without it, in another case, and with an unknown value
            const unset = await hooks.check({}, ALICLOUD_VALID);
            const upper = await hooks.check({}, { ...ALICLOUD_VALID, tunnelMode: "DUAL" });
            const wrong = await hooks.check({}, { ...ALICLOUD_VALID, tunnelMode: "triple" });
            // THEN the default is applied, the spelling made canonical, and the wrong value named
            assert.equal(unset.inputs?.tunnelMode, "single");
            assert.equal(upper.inputs?.tunnelMode, "dual");
            assert.deepEqual(
                wrong.failures?.map((f) => f.property),
                ["tunnelMode"],
            );
            assert.match(wrong.failures![0].reason, /single, dual/);
        });

        it("can reach diff: a change of it is an in-place update", async () => {
            // GIVEN a connection created with the default
            const olds = (await hooks.check({}, ALICLOUD_VALID)).inputs!;
            const news = (await hooks.check(olds, { ...ALICLOUD_VALID, tunnelMode: "dual" })).inputs!;
            // WHEN it is diffed against the changed value
            const result = await hooks.diff("vco-1", olds, news);
            // THEN it changes, without a replacement
            assert.equal(result.changes, true);
            assert.deepEqual(result.replaces, []);
        });

        it("can reach the API mapping, both ways", () => {
            // WHEN it is mapped to a request and read back from a response
            const request = toApiRequest(fixture.schema, { tunnelMode: "dual" });
            const read = fromApiResponse(fixture.schema, { TunnelMode: "DUAL" });
            // THEN it travels as TunnelMode, in the table's spelling when read
            assert.equal(request.TunnelMode, "dual");
            assert.equal(read.tunnelMode, "dual");
        });

        it("can reach the SDK types: its union compiles, a value outside it does not", () => {
            // GIVEN the types the fixture generates, and programs that use them
            const shared = sharedBlocks([fixture, TENCENT]);
            const types = renderArgsTypes(fixture, shared);
            const outputs = renderOutputsTypes(fixture, shared);
            const program = (value: string) =>
                [
                    'import type { VpnConnectionArgs } from "./fixture.args.generated";',
                    'import type { VpnConnectionOutputs } from "./fixture.outputs.generated";',
                    `export const args: VpnConnectionArgs = { vpnGatewayId: "vpn-1", customerGatewayId: "cgw-1", localSubnets: [], remoteSubnets: [], tunnelMode: ${JSON.stringify(value)} };`,
                    'export const mode = (outputs: VpnConnectionOutputs) => outputs.tunnelMode.apply((m): "single" | "dual" => m);',
                ].join("\n");
            // WHEN they are type-checked
            const generated = { "sdk/alicloud/fixture.args.generated.ts": types, "sdk/alicloud/fixture.outputs.generated.ts": outputs };
            const accepted = typeErrors({ "sdk/alicloud/fixture.use.ts": program("dual"), ...generated });
            const refused = typeErrors({ "sdk/alicloud/fixture.use.ts": program("triple"), ...generated });
            // THEN the documented argument and output compile, and a misspelled value is refused
            assert.deepEqual(accepted, []);
            assert.equal(refused.length, 1);
            assert.match(refused[0], /"triple".*not assignable to type .*"single" \| "dual"/s);
            assert.match(types, /\/\*\*\n {5}\* How many tunnels the connection has\. Matched case-insensitively\.\n {5}\* @default "single"\n {5}\*\/\n {4}tunnelMode\?: pulumi\.Input<"single" \| "dual">;/);
        });

        it("can reach the README table", () => {
            // WHEN the README tables are generated
            const tables = renderFieldTables(fixture);
            // THEN it has its row: union, default, description
            assert.ok(tables.includes('| `tunnelMode` | `single` \\| `dual` | `"single"` | How many tunnels the connection has. |'), tables);
        });

        it("can reach the secret handling, as a secret row", () => {
            // GIVEN the row as a secret
            const secret: ResourceDoc = { ...fixture, schema: { ...fixture.schema, tunnelMode: { ...tunnelMode, secret: true } } };
            // WHEN the runtime lists are generated and an operation collects what to scrub
            const lists = renderFieldLists(secret);
            const scrubbed = secretValues(secret.schema, { ...ALICLOUD_VALID, tunnelMode: "dual" });
            // THEN the SDK passes it as a secret, and its value is scrubbed from errors with the PSK's
            assert.match(lists, /SECRET_INPUTS = \["preSharedKey", "tunnels", "tunnelMode"\]/);
            assert.deepEqual(scrubbed.sort(), ["Psk-For-Tests-1", "dual"]);
        });

        it("can reach the API 2.0 rules and docs through its api2 binding's narrower enum", () => {
            // GIVEN a new Tencent row whose API 2.0 binding takes only one of its values
            const row = {
                kind: "string",
                enum: ["AUTO", "MANUAL"],
                default: "AUTO",
                api: { [API_3]: { path: "Mode" }, [API_2]: { path: "mode", enum: ["AUTO"] } },
                doc: "Negotiation start.",
            } as const;
            const tencent: ResourceDoc = { ...TENCENT, schema: { ...TENCENT.schema, mode: row } };
            const inputs: Props = { ...TENCENT_VALID, apiVersion: "2.0", mode: "MANUAL" };
            // WHEN the API 2.0 rules judge it and the docs are generated
            const failures = api2FieldFailures(tencent.schema, inputs);
            const tables = renderFieldTables(tencent);
            // THEN the other value is refused with API 2.0, and both docs say so
            assert.deepEqual(
                failures.map((f) => f.property),
                ["mode"],
            );
            assert.match(failures[0].reason, /must be one of AUTO with apiVersion "2\.0"/);
            assert.match(tables, /\| `mode` \| `AUTO` \\\| `MANUAL` \| `"AUTO"` \| Negotiation start\. API 2\.0 takes only `AUTO`\. \|/);
            assert.match(renderArgsTypes(tencent, sharedBlocks([ALICLOUD, tencent])), /Negotiation start\. Matched case-insensitively\. API 2\.0 takes only `AUTO`\./);
        });

        it("can reach the SDK's computed outputs, as an output row", () => {
            // GIVEN a new computed output
            const withOutput: ResourceDoc = { ...ALICLOUD, outputs: { ...ALICLOUD.outputs, tunnelCount: { kind: "integer", doc: "Tunnels the cloud set up." } } };
            // WHEN the SDK files and docs are generated
            const lists = renderFieldLists(withOutput);
            const types = renderOutputsTypes(withOutput, sharedBlocks([withOutput, TENCENT]));
            // THEN the class registers it, declares it with its TSDoc, and the README lists it
            assert.match(lists, /COMPUTED_OUTPUTS = \[.*"tunnelCount"\] as const/);
            assert.match(types, /\/\*\* Tunnels the cloud set up\. \*\/\n {4}readonly tunnelCount: pulumi\.Output<number>;/);
            assert.match(renderFieldTables(withOutput), /\| `tunnelCount` \| integer \| Tunnels the cloud set up\. \|/);
        });
    });
});
