import assert from "node:assert/strict";
import { parseDriftLine } from "../../../provider/core/driftLine";
import { CloudResource, deleteFirstOnSameGateway, resourceHooks } from "../../../provider/core/hooks";
import { Props, Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    region: { kind: "string", required: true, replaceOnChange: true },
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

    it("can return read inputs shaped like the field table", async () => {
        // GIVEN a cloud reporting a field the table does not declare
        const hooks = resourceHooks(fakeResource({ region: "r1", name: "a", extra: "computed" }));
        // WHEN it is read
        const read = await hooks.read("id-1", { region: "r1" });
        // THEN the inputs hold only the table's fields
        assert.deepEqual(read.inputs, { region: "r1", name: "a" });
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
