/**
 * Existing connections under the real `pulumi`: `VpnConnection.get` (and a class constructed with
 * `opts.id`) reads a connection by ID through the dynamic provider — every output the connection's
 * attribute, the PSK a secret, nothing ever written, `destroy` leaving it alone, a missing ID failing
 * by name — while `pulumi import` and the `import` resource option fail inside the Node.js
 * dynamic-provider server before any provider code runs. One stack of the connections program
 * owns an Alibaba, a Tencent API 3.0 and a Tencent API 2.0 connection; stacks of the lookup program
 * (tests/cli/programs/lookup) read them.
 */
import { strict as assert } from "assert";
import { CliStack, plaintextIn, StateResource } from "../support/cli";
import { alicloudSpec, emulatorConnection, PSKS, requestMark, tencentSpec, useConnectionsStack, writesSince } from "../support/cliConnections";
import { changedProperties, shortDiffs, stepLines } from "../support/cliOutput";
import { TestCloud } from "../support/cloudEnv";
import type { LookupSpec } from "./programs/lookup";

const LOOKUP_PROGRAM = "tests/cli/programs/lookup";

const NAMES = ["ali", "t3", "t2"] as const;
type Name = (typeof NAMES)[number];

/** Outputs the cloud does not report, so a lookup cannot: provider-side settings and Alibaba's `autoConfigRoute`. */
const NOT_REPORTED = new Set(["__inputs", "__provider", "idempotencyKey", "adoptConnectionId", "timeouts", "autoConfigRoute", "preSharedKey"]);

/**
 * The message the Node.js dynamic-provider server fails an import with: the engine reads an import with
 * no properties (pulumi/pulumi pkg/resource/deploy/step.go `ImportStep.Apply`), and the server reads them
 * unconditionally (sdk/nodejs/cmd/dynamic-provider/index.ts `read`).
 */
const IMPORT_FAILURE = "Cannot read properties of undefined (reading 'toJavaScript')";

describe("CLI tier: VpnConnection.get, opts.id and pulumi import", function () {
    let cloud: TestCloud;
    let owner: CliStack;
    let ids: Record<Name, string>;
    let owned: Record<Name, StateResource>;
    const lookupStacks: CliStack[] = [];

    const fixture = useConnectionsStack([alicloudSpec("ali"), tencentSpec("t3", "3.0"), tencentSpec("t2", "2.0")]);
    before(async function () {
        this.timeout(180_000);
        ({ cloud, stack: owner } = fixture);
        await owner.up();
        ids = (await owner.outputs()).connectionIds as Record<Name, string>;
        owned = Object.fromEntries((await owner.resources()).map((r) => [r.urn.split("::").pop()!, r])) as Record<Name, StateResource>;
    });
    after(async () => {
        for (const stack of lookupStacks) await stack.dispose();
    });

    /** A stack of the lookup program reading these connections. */
    async function lookupStack(specs: LookupSpec[]): Promise<CliStack> {
        const stack = await CliStack.create({ program: LOOKUP_PROGRAM, env: cloud.env, config: { lookups: JSON.stringify(specs) } });
        lookupStacks.push(stack);
        Object.values(PSKS).forEach((psk) => stack.addSecret(psk));
        return stack;
    }

    /**
     * Every lookup of the first stack: Alibaba through `get` with the region from the environment and
     * through `opts.id`; Tencent through `get`, the API 2.0 connection through both generations.
     */
    const everyKind = (): LookupSpec[] => [
        { name: "ali", cloud: "alicloud", id: ids.ali },
        { name: "ali-by-opts-id", cloud: "alicloud", id: ids.ali, state: { region: "cn-hangzhou" }, via: "opts.id" },
        { name: "t3", cloud: "tencentcloud", id: ids.t3, state: { region: "ap-guangzhou" } },
        { name: "t2", cloud: "tencentcloud", id: ids.t2, state: { apiVersion: "2.0" } },
        { name: "t2-through-3.0", cloud: "tencentcloud", id: ids.t2 },
    ];
    let lookups: CliStack;

    /** The owner's connection each lookup reads, where the names differ. */
    const OWNER_OF: Record<string, Name> = { "ali-by-opts-id": "ali", "t2-through-3.0": "t2" };

    /**
     * Outputs in which a lookup differs from the owner's state, by lookup. API 2.0 does not report the
     * API 3.0-only settings (the owner's state holds its inputs' defaults); through API 3.0 the same
     * connection reports them all, its `apiVersion` is the lookup's, and the two generations spell the
     * protocols differently (2.0 `vpnProto` "ip-sec", no `encryptProto`).
     */
    const EXPECTED_DIFFERENCES: Record<string, string[]> = {
        t2: ["dpdEnable", "enableHealthCheck", "ikeOptions", "negotiationType", "routeType"],
        "t2-through-3.0": ["apiVersion", "encryptProto", "vpnProto"],
    };

    it("can look up a connection of each kind by ID: its outputs the connection's attributes, its PSK a secret, nothing written", async function () {
        this.timeout(120_000);
        // GIVEN a stack of lookups of the owner's connections
        lookups = await lookupStack(everyKind());
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up
        await lookups.up();
        // THEN each lookup's outputs equal what the owner's state holds of the same connection, PSK included
        const outputs = (await lookups.outputs(true)).connections as Record<string, Record<string, unknown>>;
        for (const spec of everyKind()) {
            const ownerOutputs = owned[OWNER_OF[spec.name] ?? (spec.name as Name)].outputs!;
            const got = outputs[spec.name];
            assert.equal(got.id, spec.id, `${spec.name}: the resource's ID`);
            const differing = Object.keys(ownerOutputs).filter((k) => !NOT_REPORTED.has(k) && JSON.stringify(got[k] ?? null) !== JSON.stringify(ownerOutputs[k] ?? null));
            assert.deepEqual(differing.sort(), EXPECTED_DIFFERENCES[spec.name] ?? [], spec.name);
            assert.equal(got.preSharedKey, spec.cloud === "alicloud" ? PSKS.pskAlicloud : PSKS.pskTencent, `${spec.name}: the PSK`);
        }
        // API 2.0 leaves out what it cannot report instead of making it up
        for (const key of ["dpdEnable", "enableHealthCheck", "negotiationType", "routeType"]) assert.equal(outputs.t2[key] ?? null, null, `t2.${key}`);
        const { ikeVersion, ...ikeOptions2 } = owned.t2.outputs!.ikeOptions as Record<string, unknown>;
        assert.equal(ikeVersion, "IKEV1");
        assert.deepEqual(outputs.t2.ikeOptions, ikeOptions2);
        assert.equal(outputs["t2-through-3.0"].apiVersion, "3.0");
        // AND the engine sent no write, keeps every lookup as an external resource, and stores and prints the PSK only encrypted or masked
        assert.deepEqual(await writesSince(cloud.control, mark), []);
        const state = await lookups.resources();
        assert.deepEqual(state.map((r) => [r.urn.split("::").pop(), r.external]).sort(), everyKind().map((s) => [s.name, true]).sort());
        const masked = (await lookups.outputs()).connections as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.values(masked).map((o) => o.preSharedKey), everyKind().map(() => "[secret]"));
        await lookups.exported();
        assert.deepEqual(plaintextIn(lookups.transcript, Object.values(PSKS)), []);
    });

    it("can read the lookups again on every up, and refresh and run both drift checks without a change", async function () {
        this.timeout(120_000);
        // GIVEN the stack of lookups, brought up
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up again, refreshed and checked for drift both ways
        const up = await lookups.up();
        const refresh = await lookups.run(["refresh", "--preview-only", "--expect-no-changes"]);
        const preview = await lookups.run(["preview", "--refresh", "--expect-no-changes", "--diff"]);
        // THEN each command read every connection again, none wrote, and neither check saw a change
        assert.equal(refresh.code, 0, refresh.output);
        assert.equal(preview.code, 0, preview.output);
        for (const output of [up.stdout, refresh.stdout, preview.stdout]) {
            assert.deepEqual(shortDiffs(output), {}, output);
            assert.deepEqual(stepLines(output).filter((line) => /^(create|update|replace|delete)/.test(line.text)), []);
        }
        for (const spec of everyKind()) assert.deepEqual(changedProperties(preview.stdout, spec.name), [], `${spec.name} in preview --diff`);
        const reads = (await cloud.control.requests()).filter((entry) => entry.seq > mark && /^Describe(VpnConnections|VpnConn)$/.test(entry.action));
        assert.ok(reads.length >= 3 * everyKind().length, `${reads.length} reads: every lookup read by each command`);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("can drop a lookup from the program and destroy a stack of lookups, leaving every connection alone", async function () {
        this.timeout(120_000);
        // GIVEN the stack of lookups, brought up
        const mark = await requestMark(cloud.control);
        // WHEN one lookup leaves the program, and then the stack is destroyed
        await lookups.setConfig("lookups", JSON.stringify(everyKind().filter((spec) => spec.name !== "ali-by-opts-id")));
        await lookups.up();
        const left = (await lookups.resources()).map((r) => r.urn.split("::").pop());
        await lookups.destroy();
        // THEN the dropped lookup left the state, then every other one; no call was a write, every connection is still there, and the owner sees no change
        assert.deepEqual(left.sort(), ["ali", "t2", "t2-through-3.0", "t3"]);
        assert.deepEqual(await lookups.resources(), []);
        assert.deepEqual(await writesSince(cloud.control, mark), []);
        for (const name of NAMES) assert.ok(await emulatorConnection(cloud.control, ids[name]), `${name} still exists`);
        await owner.expect(0, "preview", "--refresh", "--expect-no-changes");
    });

    it("fails when the looked-up ID names no connection, saying which and where, for both clouds", async function () {
        this.timeout(120_000);
        // GIVEN lookups of IDs no connection has, one per cloud
        const missing: LookupSpec[] = [
            { name: "ali", cloud: "alicloud", id: "vco-emu0000000000000000" },
            { name: "t3", cloud: "tencentcloud", id: "vpnx-00000000" },
        ];
        const mark = await requestMark(cloud.control);
        for (const spec of missing) {
            const stack = await lookupStack([spec]);
            // WHEN it is previewed and brought up
            const preview = await stack.run(["preview"]);
            const up = await stack.run(["up", "--yes"]);
            // THEN both fail naming the ID and the region, and the stack holds nothing
            const region = spec.cloud === "alicloud" ? "cn-hangzhou" : "ap-guangzhou";
            for (const result of [preview, up]) {
                assert.equal(result.code, 1, result.output);
                assert.ok(result.stdout.includes(`error: Preview failed: VPN connection ${spec.id} does not exist in region ${region}`), result.output);
            }
            assert.deepEqual(await stack.resources(), []);
        }
        assert.deepEqual(await writesSince(cloud.control, mark), []);
    });

    it("fails at `pulumi import`, inside the dynamic-provider server, before any call to the cloud (observed with pulumi v3.248.0)", async function () {
        this.timeout(120_000);
        // GIVEN an empty stack of the lookup program and an existing connection of each cloud
        const stack = await lookupStack([]);
        const imports = [
            ["pulumi-nodejs:dynamic:Resource", ids.ali],
            ["pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection", ids.ali],
            ["pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection", ids.t3],
        ];
        const mark = await requestMark(cloud.control);
        for (const [type, id] of imports) {
            // WHEN `pulumi import` adopts it
            const result = await stack.run(["import", type, "imported", id, "--yes"]);
            // THEN it exits 1 with the server's TypeError, for the resource and the stack
            assert.equal(result.code, 1, result.output);
            assert.ok(result.stdout.includes(`error: Preview failed: ${IMPORT_FAILURE}`), result.output);
            assert.ok(result.stdout.includes(`error: preview failed: step application failed: ${IMPORT_FAILURE}`), result.output);
        }
        // AND nothing was imported, and no request reached the cloud
        assert.deepEqual(await stack.resources(), []);
        assert.deepEqual((await cloud.control.requests()).filter((entry) => entry.seq > mark), []);
    });

    it("fails with the `import` resource option the same way", async function () {
        this.timeout(120_000);
        // GIVEN a program importing the Tencent API 3.0 connection through the resource option
        const stack = await lookupStack([{ name: "imported", cloud: "tencentcloud", id: ids.t3, state: tencentSpec("imported", "3.0").args, via: "import" }]);
        const mark = await requestMark(cloud.control);
        // WHEN it is brought up
        const result = await stack.run(["up", "--yes"]);
        // THEN it exits 1 with the same TypeError, imports nothing and calls nothing
        assert.equal(result.code, 1, result.output);
        assert.ok(result.stdout.includes(`error: Preview failed: ${IMPORT_FAILURE}`), result.output);
        assert.deepEqual(await stack.resources(), []);
        assert.deepEqual((await cloud.control.requests()).filter((entry) => entry.seq > mark), []);
    });
});
