import assert from "node:assert/strict";
import { CloudApiError, InputValidationError, WaitTimeoutError } from "../../../provider/core/errors";
import { CallContext, CloudCalls, writeLifecycle } from "../../../provider/core/lifecycle";
import { INCOMPLETE_KEY } from "../../../provider/core/resource";
import { Props, Schema } from "../../../provider/core/schema";
import { DEFAULT_TIMING } from "../../../provider/core/timing";

const SCHEMA: Schema = {
    region: { kind: "string", required: true, replaceOnChange: true },
    vpnGatewayId: { kind: "string", required: true, replaceOnChange: true },
    name: { kind: "string" },
    timeouts: { kind: "object", local: true, fields: { create: { kind: "integer", min: 1, max: 9 } } },
};

/** A connection in the fake cloud: its properties and the states its next describes report. */
interface FakeConnection {
    props: Props;
    states: string[];
}

interface Fake extends CloudCalls<CallContext, FakeConnection> {
    connections: Map<string, FakeConnection>;
    /** The calls made, in order (`describe` only when `traceDescribes`). */
    calls: string[];
    traceDescribes: boolean;
}

const timing = { ...DEFAULT_TIMING, minDelayMs: 1, maxDelayMs: 2 };

/** Cloud calls over an in-memory map: creates report `creating` twice before `ready`. */
function fakeCloud(overrides: Partial<CloudCalls<CallContext, FakeConnection>> = {}): Fake {
    const connections = new Map<string, FakeConnection>();
    const calls: string[] = [];
    const fake: Fake = {
        connections,
        calls,
        traceDescribes: false,
        cloud: "fake",
        schema: SCHEMA,
        readyState: "ready",
        context: () => ({ timing }),
        async describe(_ctx, id) {
            if (fake.traceDescribes) calls.push(`describe ${id}`);
            const connection = connections.get(id);
            if (connection && connection.states.length > 1) connection.states = connection.states.slice(1);
            return connection;
        },
        async find(_ctx, id) {
            calls.push(`find ${id}`);
            const connection = connections.get(id);
            return connection && connection.states[0] !== "deleting" ? connection : undefined;
        },
        isReady: (connection) => connection.states[0] === "ready",
        stateOf: (connection) => connection.states[0],
        propsOf: (connection) => connection.props,
        outputs: (inputs, connection) => ({ ...inputs, ...connection.props, state: connection.states[0] }),
        async sendCreate(_ctx, inputs, _deadline, identify) {
            const id = `c-${connections.size + 1}`;
            calls.push(`create ${id}`);
            identify(id);
            connections.set(id, { props: { region: inputs.region, vpnGatewayId: inputs.vpnGatewayId, name: inputs.name }, states: ["creating", "creating", "ready"] });
            return { id, madeEarlier: false };
        },
        async sendModify(_ctx, id, _actual, inputs, changedPaths) {
            calls.push(`modify ${id} ${changedPaths.join(",")}`);
            connections.set(id, { props: { ...connections.get(id)!.props, name: inputs.name }, states: ["updating", "ready"] });
        },
        async sendDelete(_ctx, id) {
            calls.push(`delete ${id}`);
            const connection = connections.get(id);
            if (!connection) return false;
            connection.states = ["deleting"];
            setTimeout(() => connections.delete(id), 5);
            return true;
        },
        async afterWait(_ctx, props) {
            calls.push(`gateway ${props.vpnGatewayId}`);
        },
        ...overrides,
    };
    return fake;
}

const INPUTS: Props = { region: "r1", vpnGatewayId: "gw-1", name: "office" };

describe("writeLifecycle create", () => {
    it("can create, then wait until the connection and its gateway are ready", async () => {
        // GIVEN a cloud whose new connections are creating for two describes
        const cloud = fakeCloud();
        cloud.traceDescribes = true;
        // WHEN a connection is created
        const created = await writeLifecycle(cloud).create(INPUTS, INPUTS);
        // THEN the outputs are the ready connection's, after the waits
        assert.equal(created.id, "c-1");
        assert.equal(created.outs?.state, "ready");
        assert.deepEqual(cloud.calls, ["create c-1", "describe c-1", "describe c-1", "gateway gw-1"]);
    });

    it("fails when the wait after the create fails, keeping the connection as a partial create", async () => {
        // GIVEN a cloud whose new connection never becomes ready before a 1 s deadline
        const cloud = fakeCloud({ isReady: () => false });
        // WHEN a connection is created
        const creating = writeLifecycle(cloud).create({ ...INPUTS, timeouts: { create: 1 } }, { ...INPUTS, __provider: "p" });
        // THEN the error carries its id and properties marked incomplete, so the engine keeps it
        await assert.rejects(creating, (error: any) => {
            assert.ok(error.cause instanceof WaitTimeoutError);
            assert.equal(error.id, "c-1");
            assert.equal(error.properties[INCOMPLETE_KEY], true);
            assert.equal(error.properties.vpnConnectionId, "c-1");
            return true;
        });
    });

    it("fails with the create's own error when no connection was made", async () => {
        // GIVEN a create the cloud refuses
        const refused = new CloudApiError({ cloud: "alicloud", action: "Create", code: "Refused" }, "no", []);
        const cloud = fakeCloud({ sendCreate: async () => Promise.reject(refused) });
        // WHEN a connection is created
        // THEN the refusal surfaces unchanged: there is nothing to keep in state
        await assert.rejects(writeLifecycle(cloud).create(INPUTS, INPUTS), (error) => error === refused);
    });

    it("can keep a connection whose id only a lookup after the failure finds", async () => {
        // GIVEN a create that fails before reporting an id, though the cloud lists the connection
        let askedSince: number | undefined;
        const cloud = fakeCloud({
            sendCreate: async () => Promise.reject(new Error("no answer")),
            findCreated: async (_ctx, _inputs, startedAt) => {
                askedSince = startedAt;
                return "c-9";
            },
        });
        const before = Date.now();
        // WHEN a connection is created
        // THEN the found connection is kept as a partial create, looked up as made since the create began
        await assert.rejects(writeLifecycle(cloud).create(INPUTS, INPUTS), (error: any) => error.id === "c-9" && error.properties[INCOMPLETE_KEY] === true);
        assert.ok(askedSince !== undefined && askedSince >= before && askedSince <= Date.now());
    });

    /** A cloud whose create answers with c-5, made by an earlier attempt from `props`. */
    function madeEarlier(props: Props): Fake {
        const cloud = fakeCloud();
        cloud.connections.set("c-5", { props, states: ["ready"] });
        cloud.sendCreate = async (_ctx, _inputs, _deadline, identify) => {
            cloud.calls.push("create c-5");
            identify("c-5");
            return { id: "c-5", madeEarlier: true };
        };
        return cloud;
    }

    it("can converge a connection an earlier attempt made, when the inputs were edited since", async () => {
        // GIVEN a create that answers with a connection made earlier under another name
        const cloud = madeEarlier({ region: "r1", vpnGatewayId: "gw-1", name: "old" });
        // WHEN the connection is created with the edited name
        const created = await writeLifecycle(cloud).create(INPUTS, INPUTS);
        // THEN the connection is modified to the inputs before the create reports it
        assert.equal(created.id, "c-5");
        assert.equal(created.outs?.name, "office");
        assert.deepEqual(cloud.calls, ["create c-5", "gateway gw-1", "modify c-5 name", "gateway gw-1"]);
    });

    it("can take a matching connection an earlier attempt made without writing", async () => {
        // GIVEN a create that answers with a connection made earlier from the same inputs
        const cloud = madeEarlier({ region: "r1", vpnGatewayId: "gw-1", name: "office" });
        // WHEN the connection is created
        const created = await writeLifecycle(cloud).create(INPUTS, INPUTS);
        // THEN nothing is modified
        assert.equal(created.outs?.name, "office");
        assert.deepEqual(cloud.calls, ["create c-5", "gateway gw-1"]);
    });

    it("fails when a connection an earlier attempt made differs in a replace-on-change property, keeping it as a partial create", async () => {
        // GIVEN a create that answers with a connection made earlier in another region
        const cloud = madeEarlier({ region: "r2", vpnGatewayId: "gw-1", name: "office" });
        // WHEN the connection is created
        const creating = writeLifecycle(cloud).create(INPUTS, INPUTS);
        // THEN it is kept in state as it is, so the next run replaces it; nothing is modified
        await assert.rejects(creating, (error: any) => {
            assert.equal(error.id, "c-5");
            assert.equal(error.properties[INCOMPLETE_KEY], true);
            assert.equal(error.properties.region, "r2");
            assert.match(error.message, /region r2, not the desired `region`.*next `pulumi up` replaces it/);
            return true;
        });
        assert.ok(!cloud.calls.some((call) => call.startsWith("modify")));
    });

    it("fails with the cloud's error, keeping nothing, when the failed create's connection is gone", async () => {
        // GIVEN a connection whose create fails and which the cloud then reports gone
        const cloud = fakeCloud({ isReady: () => false, stillExists: async () => false });
        // WHEN a connection is created under a 1 s deadline
        const creating = writeLifecycle(cloud).create({ ...INPUTS, timeouts: { create: 1 } }, INPUTS);
        // THEN the wait's own error surfaces, not a partial create
        await assert.rejects(creating, (error) => error instanceof WaitTimeoutError);
    });

    it("can queue creates on one gateway, one write at a time", async () => {
        // GIVEN a cloud that records how many creates overlap
        let running = 0;
        let most = 0;
        const cloud = fakeCloud();
        const send = cloud.sendCreate;
        cloud.sendCreate = async (...args) => {
            most = Math.max(most, ++running);
            await new Promise((resolve) => setTimeout(resolve, 5));
            running--;
            return send(...args);
        };
        // WHEN three connections on one gateway are created at once
        const lifecycle = writeLifecycle(cloud);
        await Promise.all([1, 2, 3].map((n) => lifecycle.create({ ...INPUTS, name: `n${n}` }, INPUTS)));
        // THEN no two creates ran at the same time
        assert.equal(most, 1);
    });
});

describe("writeLifecycle adopt", () => {
    it("can adopt a connection, converging what differs", async () => {
        // GIVEN a connection with another name
        const cloud = fakeCloud();
        cloud.connections.set("c-7", { props: { region: "r1", vpnGatewayId: "gw-1", name: "old" }, states: ["ready"] });
        // WHEN it is adopted with the desired name
        const adopted = await writeLifecycle(cloud).create({ ...INPUTS, adoptConnectionId: "c-7" }, INPUTS);
        // THEN it is verified, then modified and waited for; nothing is created
        assert.equal(adopted.id, "c-7");
        assert.equal(adopted.outs?.name, "office");
        assert.deepEqual(cloud.calls, ["find c-7", "modify c-7 name", "gateway gw-1"]);
    });

    it("can adopt a matching connection without writing", async () => {
        // GIVEN a connection that already matches the inputs
        const cloud = fakeCloud();
        cloud.connections.set("c-7", { props: { ...INPUTS }, states: ["ready"] });
        // WHEN it is adopted
        const adopted = await writeLifecycle(cloud).create({ ...INPUTS, adoptConnectionId: "c-7" }, INPUTS);
        // THEN only the lookup ran
        assert.equal(adopted.id, "c-7");
        assert.deepEqual(cloud.calls, ["find c-7"]);
    });

    it("fails when the connection to adopt does not exist, naming adoptConnectionId", async () => {
        // GIVEN an empty cloud
        const cloud = fakeCloud();
        // WHEN a connection is adopted
        // THEN the input is refused
        await assert.rejects(writeLifecycle(cloud).create({ ...INPUTS, adoptConnectionId: "c-404" }, INPUTS), (error) => {
            assert.ok(error instanceof InputValidationError);
            assert.equal(error.failures[0].property, "adoptConnectionId");
            return true;
        });
    });

    it("fails when the connection to adopt belongs to another gateway, writing nothing", async () => {
        // GIVEN a connection on gw-2
        const cloud = fakeCloud();
        cloud.connections.set("c-7", { props: { ...INPUTS, vpnGatewayId: "gw-2" }, states: ["ready"] });
        // WHEN it is adopted for gw-1
        const adopting = writeLifecycle(cloud).create({ ...INPUTS, adoptConnectionId: "c-7" }, INPUTS);
        // THEN adoption is refused by property, before any write
        await assert.rejects(adopting, (error) => error instanceof InputValidationError && /vpnGatewayId gw-2/.test(error.failures[0].reason));
        assert.deepEqual(cloud.calls, ["find c-7"]);
    });
});

describe("writeLifecycle settle, modify and remove", () => {
    it("can finish an incomplete create once the connection is ready", async () => {
        // GIVEN a connection still creating
        const cloud = fakeCloud();
        cloud.connections.set("c-1", { props: { ...INPUTS }, states: ["creating", "ready"] });
        // WHEN the update settles it
        const settled = await writeLifecycle(cloud).settle("c-1", INPUTS, INPUTS);
        // THEN its ready outputs come back
        assert.equal(settled?.state, "ready");
    });

    it("can answer undefined when the incomplete create's connection is gone", async () => {
        // GIVEN an empty cloud
        const cloud = fakeCloud();
        // WHEN the update settles a connection
        // THEN it answers undefined without waiting
        assert.equal(await writeLifecycle(cloud).settle("c-1", INPUTS, INPUTS), undefined);
        assert.deepEqual(cloud.calls, ["find c-1"]);
    });

    it("can modify, then wait until the change is applied", async () => {
        // GIVEN a ready connection
        const cloud = fakeCloud();
        cloud.connections.set("c-1", { props: { ...INPUTS }, states: ["ready"] });
        // WHEN its name changes
        const outs = await writeLifecycle(cloud).modify("c-1", INPUTS, { ...INPUTS, name: "new" }, ["name"]);
        // THEN the outputs are the applied change
        assert.equal(outs.name, "new");
        assert.equal(outs.state, "ready");
        assert.deepEqual(cloud.calls, ["modify c-1 name", "gateway gw-1"]);
    });

    it("can delete, then wait until the connection is gone", async () => {
        // GIVEN a ready connection
        const cloud = fakeCloud();
        cloud.connections.set("c-1", { props: { ...INPUTS }, states: ["ready"] });
        // WHEN it is removed
        await writeLifecycle(cloud).remove("c-1", INPUTS);
        // THEN the cloud no longer has it and the gateway was waited for
        assert.equal(cloud.connections.has("c-1"), false);
        assert.deepEqual(cloud.calls, ["delete c-1", "gateway gw-1"]);
    });

    it("can delete a connection that is gone already, without waiting", async () => {
        // GIVEN an empty cloud
        const cloud = fakeCloud();
        // WHEN a connection is removed
        await writeLifecycle(cloud).remove("c-1", INPUTS);
        // THEN only the delete was sent
        assert.deepEqual(cloud.calls, ["delete c-1"]);
    });
});
