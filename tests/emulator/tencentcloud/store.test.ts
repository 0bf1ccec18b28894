import assert from "node:assert/strict";
import { isTencentError } from "../../../emulator/tencentcloud/errors";
import { REGION } from "../../../emulator/tencentcloud/fixtures";
import { TencentStore } from "../../../emulator/tencentcloud/store";
import { validateCreate } from "../../../emulator/tencentcloud/validation";
import { createRequest, fakeContext } from "./support";

function setup(settings = {}) {
    const ctx = fakeContext(settings);
    const store = new TencentStore(ctx);
    const attrs = (overrides: Record<string, unknown> = {}) => validateCreate(createRequest(overrides), store.lookups(REGION));
    return { ctx, store, attrs };
}

function code(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        if (isTencentError(e)) return e.code;
        throw e;
    }
    throw new Error("expected a TencentError");
}

describe("store", () => {
    it("can move a new connection from PENDING to AVAILABLE after transitionMs", () => {
        // GIVEN
        const { ctx, store, attrs } = setup({ transitionMs: 50 });
        // WHEN
        const { record, task } = store.create(REGION, attrs(), "req-1", true);
        // THEN
        assert.match(record.id, /^vpnx-[0-9a-z]{8}$/);
        assert.equal(store.state(record), "PENDING");
        assert.equal(store.taskStatus(task), "RUNNING");
        ctx.advance(49);
        assert.equal(store.state(record), "PENDING");
        ctx.advance(1);
        assert.equal(store.state(record), "AVAILABLE");
        assert.equal(store.taskStatus(task), "SUCCESS");
    });

    it("can hold a gateway busy for ms, refusing every write on it with the busy codes, even without gatewayMutex", () => {
        // GIVEN an AVAILABLE connection and its gateway held busy for 100 ms
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", false);
        ctx.advance(10);
        store.keepGatewayBusy(record.attrs.VpnGatewayId, 100);
        // WHEN / THEN creates, modifies and deletes on it fail with the codes clients retry
        assert.equal(code(() => store.create(REGION, attrs({ VpnConnectionName: "second" }), "req-2", false)), "UnsupportedOperation.InvalidState");
        assert.equal(code(() => store.modify(record, record.attrs, "req-3", false)), "UnsupportedOperation.InvalidState");
        assert.equal(code(() => store.delete(record, "req-4", false)), "UnsupportedOperation.MutexOperationTaskRunning");
        // … until the time is up
        ctx.advance(100);
        assert.equal(store.isGatewayHeldBusy(record.attrs.VpnGatewayId), false);
        store.delete(record, "req-5", false);
    });

    it("can forget a held gateway on reset", () => {
        const { store, attrs } = setup();
        const gatewayId = String(attrs().VpnGatewayId);
        store.keepGatewayBusy(gatewayId, 60_000);
        store.reset();
        assert.equal(store.isGatewayHeldBusy(gatewayId), false);
    });

    it("can find a task by the RequestId of its call or by its numeric API 2.0 id", () => {
        // GIVEN
        const { store, attrs } = setup();
        const { task } = store.create(REGION, attrs(), "req-1", true);
        // THEN
        assert.equal(store.task("req-1"), task);
        assert.equal(store.task(task.api2Id), task);
        assert.equal(store.task(String(task.api2Id)), task);
        assert.equal(store.task("req-unknown"), undefined);
    });

    it("can delete a connection through DELETING until it is gone", () => {
        // GIVEN an AVAILABLE connection
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        // WHEN
        store.delete(record, "req-2", true);
        // THEN
        assert.equal(store.state(record), "DELETING");
        assert.equal(store.list(REGION).length, 1);
        ctx.advance(10);
        assert.equal(store.list(REGION).length, 0);
    });

    it("can make a modified connection PENDING again", () => {
        // GIVEN
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        // WHEN
        store.modify(record, attrs({ VpnConnectionName: "renamed" }), "req-2", true);
        // THEN
        assert.equal(store.state(record), "PENDING");
        assert.equal(record.attrs.VpnConnectionName, "renamed");
        ctx.advance(10);
        assert.equal(store.state(record), "AVAILABLE");
    });

    it("fails when a PENDING connection is modified", () => {
        // GIVEN
        const { store, attrs } = setup();
        // WHEN
        const { record } = store.create(REGION, attrs(), "req-1", true);
        // THEN
        assert.equal(code(() => store.modify(record, attrs(), "req-2", true)), "UnsupportedOperation.VpnConnInvalidState");
    });

    it("fails when a connection that is not AVAILABLE is deleted", () => {
        // GIVEN
        const { store, attrs } = setup();
        // WHEN
        const { record } = store.create(REGION, attrs(), "req-1", true);
        // THEN
        assert.equal(code(() => store.delete(record, "req-2", true)), "UnsupportedOperation.DeleteVpnConnInvalidState");
    });

    it("fails when the gateway is busy with another connection's task", () => {
        // GIVEN one AVAILABLE and one PENDING connection on vpngw-emu0001
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record: first } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        store.create(REGION, attrs({ CustomerGatewayId: "cgw-emu0002" }), "req-2", false);
        // THEN every write on that gateway is refused with the documented busy codes
        assert.equal(code(() => store.create(REGION, attrs(), "req-3", true)), "UnsupportedOperation.InvalidState");
        assert.equal(code(() => store.modify(first, attrs(), "req-4", true)), "UnsupportedOperation.InvalidState");
        assert.equal(code(() => store.delete(first, "req-5", true)), "UnsupportedOperation.MutexOperationTaskRunning");
        // AND another gateway is not affected
        assert.doesNotThrow(() => store.create(REGION, attrs({ VpnGatewayId: "vpngw-emu0002" }), "req-6", true));
    });

    it("fails when the gateway's connection quota is reached", () => {
        // GIVEN a quota of 2
        const { store, attrs } = setup({ connectionQuotaPerGateway: 2 });
        store.create(REGION, attrs(), "req-1", false);
        store.create(REGION, attrs(), "req-2", false);
        // WHEN / THEN
        assert.equal(code(() => store.create(REGION, attrs(), "req-3", false)), "LimitExceeded");
    });

    it("can make the next create fail, after which the connection is gone", () => {
        // GIVEN
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        store.failNext(1);
        // WHEN
        const { task } = store.create(REGION, attrs(), "req-1", true);
        // THEN
        assert.equal(store.taskStatus(task), "RUNNING");
        ctx.advance(10);
        assert.equal(store.taskStatus(task), "FAILED");
        assert.equal(store.list(REGION).length, 0);
    });

    it("can make the next modify fail, restoring the previous attributes", () => {
        // GIVEN
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        store.failNext(1);
        const task = store.modify(record, attrs({ VpnConnectionName: "renamed" }), "req-2", true);
        // WHEN
        ctx.advance(10);
        // THEN
        assert.equal(store.taskStatus(task), "FAILED");
        assert.equal(store.find(REGION, record.id)!.attrs.VpnConnectionName, "conn-a");
    });

    it("can make the next delete fail, leaving the connection AVAILABLE", () => {
        // GIVEN
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        store.failNext(1);
        const task = store.delete(record, "req-2", true);
        // WHEN
        ctx.advance(10);
        // THEN
        assert.equal(store.taskStatus(task), "FAILED");
        assert.equal(store.state(store.find(REGION, record.id)!), "AVAILABLE");
    });

    it("can give connections sequential numeric API 2.0 ids and scope them by region", () => {
        // GIVEN
        const { store, attrs } = setup();
        const a = store.create(REGION, attrs(), "req-1", false).record;
        const b = store.create(REGION, attrs(), "req-2", false).record;
        // THEN
        assert.equal(b.api2Id, a.api2Id + 1);
        assert.equal(store.find(REGION, String(a.api2Id), true), a);
        assert.equal(store.find(REGION, String(a.api2Id)), undefined);
        assert.equal(store.list("ap-shanghai").length, 0);
    });

    it("can forget connections and tasks on reset", () => {
        // GIVEN
        const { store, attrs } = setup();
        store.create(REGION, attrs(), "req-1", false);
        store.failNext(3);
        // WHEN
        store.reset();
        // THEN
        assert.equal(store.list(REGION).length, 0);
        assert.equal(store.task("req-1"), undefined);
        assert.equal(store.failNext(0), 0);
    });

    it("fails when a record whose delete finished meanwhile is modified", () => {
        // GIVEN a record reference kept across its deletion
        const { ctx, store, attrs } = setup({ transitionMs: 10 });
        const { record } = store.create(REGION, attrs(), "req-1", true);
        ctx.advance(10);
        store.delete(record, "req-2", true);
        ctx.advance(10);
        // WHEN / THEN
        assert.equal(code(() => store.modify(record, attrs(), "req-3", true)), "ResourceNotFound");
    });
});
