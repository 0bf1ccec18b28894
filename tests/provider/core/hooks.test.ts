import assert from "node:assert/strict";
import { LOOKUP_KEY } from "../../../provider/core/check";
import { parseDriftLine } from "../../../provider/core/driftLine";
import { CloudResource, deleteFirstOnSameGateway, progressSubject, resourceHooks } from "../../../provider/core/hooks";
import { currentProgress } from "../../../provider/core/progress";
import { IncompleteCreateGoneError } from "../../../provider/core/errors";
import { INCOMPLETE_KEY, partialCreateError } from "../../../provider/core/resource";
import { Props, Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    region: { kind: "string", required: true, replaceOnChange: true, lookup: true },
    name: { kind: "string" },
    timeouts: { kind: "object", local: true, fields: { create: { kind: "integer", min: 1, max: 9 } } },
};

/** A CloudResource that records which cloud calls the generic hooks made. */
function fakeResource(observed: Props | undefined): CloudResource & { calls: string[] } {
    const calls: string[] = [];
    return {
        calls,
        schema: SCHEMA,
        configDefaults: () => ({ region: "r1" }),
        adjustDiff: (olds, news, diff) => ({ ...diff, deleteBeforeReplace: true }),
        async create(inputs) {
            calls.push("create");
            return { id: "id-1", outs: inputs };
        },
        async observe() {
            calls.push("observe");
            return observed;
        },
        async settle(id, olds, inputs) {
            calls.push(`settle ${id} timeouts=${JSON.stringify(inputs.timeouts ?? null)}`);
            return observed && { ...olds, ...observed };
        },
        async modify(id, actual, inputs, changedPaths) {
            calls.push(`modify ${changedPaths.join(",")}`);
            return inputs;
        },
        async remove() {
            calls.push("remove");
        },
    };
}

describe("resourceHooks", () => {
    it("can fill config defaults at check and let the cloud adjust the diff", async () => {
        // GIVEN hooks over a resource whose region comes from config
        const hooks = resourceHooks(fakeResource(undefined));
        // WHEN checked and diffed with another region
        const checked = await hooks.check({}, { name: "a" });
        const diff = await hooks.diff("id-1", { region: "r1", name: "a" }, { region: "r2", name: "a" });
        // THEN the default landed and the cloud's adjustment applies
        assert.deepEqual(checked.inputs, { region: "r1", name: "a" });
        assert.deepEqual(diff.replaces, ["region"]);
        assert.equal(diff.deleteBeforeReplace, true);
    });

    it("can print the drift line naming the changed paths, and none without a change", async () => {
        // GIVEN hooks, and stderr captured
        const hooks = resourceHooks(fakeResource(undefined));
        const printed: string[] = [];
        const original = console.error;
        console.error = (line: string) => printed.push(line);
        // WHEN a diff with a changed name, then one with only a local setting changed, runs
        let diff;
        try {
            diff = await hooks.diff("id-1", { region: "r1", name: "a" }, { region: "r1", name: "b" });
            await hooks.diff("id-1", { region: "r1", name: "a" }, { region: "r1", name: "a", timeouts: { create: 5 } });
        } finally {
            console.error = original;
        }
        // THEN one drift line names id and path, and the engine gets only the diff protocol's fields
        assert.deepEqual(printed.map(parseDriftLine), [{ id: "id-1", paths: ["name"] }]);
        assert.deepEqual(Object.keys(diff).sort(), ["changes", "deleteBeforeReplace", "replaces"]);
    });

    it("can report a connection the cloud no longer has as deleted", async () => {
        // GIVEN a cloud that no longer has the connection
        const hooks = resourceHooks(fakeResource(undefined));
        // WHEN it is read
        const read = await hooks.read("id-1", { region: "r1", __provider: "text" });
        // THEN the result has no id, which the engine takes for deleted
        assert.deepEqual(read, {});
    });

    it("can fail a lookup (a read with the lookup mark) of a connection the cloud does not have, where a refresh reports it deleted", async () => {
        // GIVEN a cloud without the connection
        const hooks = resourceHooks(fakeResource(undefined));
        // WHEN it is read as a lookup, and as a refresh
        const lookup = hooks.read("id-1", { [LOOKUP_KEY]: true, __provider: "text" });
        const refresh = await hooks.read("id-1", { region: "r1", __provider: "text" });
        // THEN the lookup fails naming the ID (the engine takes an answer without an ID as success there); the refresh answers "gone"
        await assert.rejects(lookup, /VPN connection id-1 does not exist in region r1/);
        assert.deepEqual(refresh, {});
    });

    it("can return read inputs shaped like the field table", async () => {
        // GIVEN a cloud reporting a field the table does not declare, and a drifted name
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "a", extra: "computed" }));
        // WHEN it is read
        const read = await hooks.read("id-1", { region: "r1", name: "before" });
        // THEN the inputs hold only the table's fields
        assert.deepEqual(read.inputs, { region: "r1", name: "a" });
    });

    it("can leave the stored inputs alone when state records none and the cloud still matches it", async () => {
        // GIVEN outputs written before inputs were recorded, which the cloud still reports
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "a" }));
        // WHEN read
        const read = await hooks.read("id-1", { region: "r1", name: "a", __provider: "p" });
        // THEN no inputs come back (the engine keeps its own) and no record is invented
        assert.equal(read.inputs, undefined);
        assert.deepEqual(read.props, { region: "r1", name: "a" });
    });

    it("can leave the stored inputs alone when the cloud reports a field that state from an earlier release never held", async () => {
        // GIVEN state without recorded inputs and without `name` (unknown to the release that wrote it), and a cloud reporting one
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "a" }));
        // WHEN read
        const read = await hooks.read("id-1", { region: "r1", __provider: "p" });
        // THEN that field is no drift: no inputs come back, so the engine keeps the program's
        assert.equal(read.inputs, undefined);
    });

    it("fails to keep the stored inputs when a field that state from an earlier release holds has drifted", async () => {
        // GIVEN state without recorded inputs whose `name` the cloud now reports otherwise
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "b" }));
        // WHEN read
        const read = await hooks.read("id-1", { region: "r1", name: "a", __provider: "p" });
        // THEN the inputs are the outputs' projection, showing the drift
        assert.deepEqual(read.inputs, { region: "r1", name: "b" });
    });

    it("can record the inputs of a create in its outputs and give them back on read", async () => {
        // GIVEN a created resource whose cloud later reports a field the inputs did not set
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "a", extra: "computed" }));
        const created = await hooks.create({ region: "r1", timeouts: { create: 5 }, __provider: "p" });
        // WHEN it is read with the outputs of that create
        const read = await hooks.read("id-1", { ...created.outs, __provider: "p" });
        // THEN read's inputs are the created inputs, and its outputs record them again
        assert.deepEqual(created.outs?.__inputs, { region: "r1", timeouts: { create: 5 } });
        assert.deepEqual(read.inputs, { region: "r1", timeouts: { create: 5 } });
        assert.deepEqual(read.props?.__inputs, read.inputs);
    });

    it("can update only local settings without calling the cloud", async () => {
        // GIVEN a resource whose only change is a timeout
        const resource = fakeResource(undefined);
        const hooks = resourceHooks(resource);
        // WHEN updated
        const result = await hooks.update("id-1", { region: "r1", name: "a", __provider: "p" }, { region: "r1", name: "a", timeouts: { create: 5 }, __provider: "p" });
        // THEN the setting is recorded and no cloud call was made
        const inputs = { region: "r1", name: "a", timeouts: { create: 5 } };
        assert.deepEqual(result.outs, { ...inputs, __inputs: inputs });
        assert.deepEqual(resource.calls, []);
    });

    it("can finish a partial create on the next update, then apply only what still differs", async () => {
        // GIVEN the outputs a partial create left in state, a cloud that now reports the connection
        // ready, and a program that renamed it meanwhile (with a longer update deadline)
        const partial = partialCreateError(new Error("timed out"), "id-1", { region: "r1", name: "a", __provider: "p" }) as Error & { properties: Props };
        const resource = fakeResource({ region: "r1", name: "a", state: "active" });
        const hooks = resourceHooks(resource);
        // WHEN the engine updates it
        const result = await hooks.update("id-1", partial.properties, { region: "r1", name: "b", timeouts: { create: 5 }, __provider: "p" });
        // THEN the create is finished first (under the new inputs' deadline), then only the rename is sent
        assert.equal(partial.properties[INCOMPLETE_KEY], true);
        assert.deepEqual(resource.calls, ['settle id-1 timeouts={"create":5}', "modify name"]);
        assert.equal(result.outs[INCOMPLETE_KEY], undefined);
    });

    it("can finish a partial create without a diff, recording what the cloud reports", async () => {
        // GIVEN a partial create whose inputs are unchanged
        const partial = partialCreateError(new Error("timed out"), "id-1", { region: "r1", name: "a", __provider: "p" }) as Error & { properties: Props };
        const resource = fakeResource({ region: "r1", name: "a", state: "active" });
        // WHEN the engine updates it (it does so for a resource with init errors)
        const result = await resourceHooks(resource).update("id-1", partial.properties, { region: "r1", name: "a", __provider: "p" });
        // THEN no change is sent, and the outputs are the cloud's, without the mark
        assert.deepEqual(resource.calls, ["settle id-1 timeouts=null"]);
        assert.deepEqual(result.outs, { region: "r1", name: "a", state: "active", timeouts: null, __inputs: { region: "r1", name: "a" } });
    });

    it("fails when a partial create's connection is gone from the cloud, naming pulumi refresh", async () => {
        // GIVEN a partial create whose connection the cloud no longer has
        const partial = partialCreateError(new Error("timed out"), "id-1", { region: "r1", name: "a", __provider: "p" }) as Error & { properties: Props };
        const resource = fakeResource(undefined);
        // WHEN the engine updates it THEN the error names the connection and the way out, and nothing was sent
        await assert.rejects(
            resourceHooks(resource).update("id-1", partial.properties, { region: "r1", name: "a", __provider: "p" }),
            (error: unknown) => error instanceof IncompleteCreateGoneError && error.id === "id-1" && /pulumi refresh/.test(error.message),
        );
        assert.deepEqual(resource.calls, ["settle id-1 timeouts=null"]);
    });

    it("can pass changed cloud paths to modify, without __provider", async () => {
        // GIVEN hooks over a resource
        const resource = fakeResource(undefined);
        const hooks = resourceHooks(resource);
        // WHEN an update changes the name
        const result = await hooks.update("id-1", { region: "r1", name: "a" }, { region: "r1", name: "b", __provider: "p" });
        // THEN modify gets the path and the outputs carry no __provider
        assert.deepEqual(resource.calls, ["modify name"]);
        assert.equal(result.outs.__provider, undefined);
    });
});

describe("deleteFirstOnSameGateway", () => {
    it("can ask to delete first only when the replacement keeps the VPN gateway", () => {
        // GIVEN a replacing diff
        const diff = { changes: true, replaces: ["customerGatewayId"] };
        // WHEN the replacement keeps the gateway, or moves to another
        // THEN only the first deletes before replacing
        assert.equal(deleteFirstOnSameGateway({ vpnGatewayId: "g1" }, { vpnGatewayId: "g1" }, diff).deleteBeforeReplace, true);
        assert.equal(deleteFirstOnSameGateway({ vpnGatewayId: "g1" }, { vpnGatewayId: "g2" }, diff).deleteBeforeReplace, false);
    });
});

describe("progressSubject", () => {
    it("can name a connection by its URN's resource name, else its name input, with the ID once known", () => {
        // GIVEN a URN-shaped idempotency key, a key of the program's own with a name, and neither
        // WHEN each connection is named for progress lines
        // THEN the URN's resource name wins, else the name input, else "connection", with the ID once known
        assert.equal(progressSubject({ idempotencyKey: "urn:pulumi:dev::proj::pulumi:providers:x$pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office", name: "n" }, "vco-1"), "office (vco-1)");
        assert.equal(progressSubject({ idempotencyKey: "my-own-key", name: "hq-link" }), 'connection "hq-link"');
        assert.equal(progressSubject({}, "vco-2"), "connection (vco-2)");
    });

    it("can run each write under its own progress, and reads under none", async () => {
        // GIVEN a resource that records whether a progress was current during each call
        const seen: string[] = [];
        const resource = fakeResource({ region: "r1", name: "a" });
        const record = (label: string) => seen.push(`${label}:${currentProgress() ? "tracked" : "untracked"}`);
        const hooks = resourceHooks({
            ...resource,
            async create(inputs) {
                record("create");
                return { id: "id-1", outs: inputs };
            },
            async observe(id, olds) {
                record("read");
                return olds;
            },
            async modify(id, actual, inputs) {
                record("update");
                return inputs;
            },
            async remove() {
                record("delete");
            },
        });
        // WHEN every hook runs
        await hooks.create({ region: "r1", name: "a", __provider: "p" });
        await hooks.read("id-1", { region: "r1", name: "a" });
        await hooks.update("id-1", { region: "r1", name: "a" }, { region: "r1", name: "b" });
        await hooks.remove("id-1", { region: "r1", name: "b" });
        // THEN writes were tracked, the read was not, and nothing is tracked afterwards
        assert.deepEqual(seen, ["create:tracked", "read:untracked", "update:tracked", "delete:tracked"]);
        assert.equal(currentProgress(), undefined);
    });
});
