import assert from "node:assert/strict";
import { Agent } from "http";
import { ControlClient } from "../../../emulator/core/controlClient";
import { startEmulator } from "../../../emulator/core/server";
import type { RunningEmulator } from "../../../emulator/core/server";
import { rawRequest } from "./httpTestClient";
import { stubFrontEndFactory } from "./stubFrontEnd";
import type { StubFrontEnd } from "./stubFrontEnd";

describe("startEmulator (core server)", () => {
    let emulator: RunningEmulator;
    let stub: StubFrontEnd;
    let control: ControlClient;

    before(async () => {
        emulator = await startEmulator({ settings: { transitionMs: 7 }, frontEnds: [stubFrontEndFactory((s) => (stub = s))] });
        control = new ControlClient(emulator.info.control);
    });
    after(() => emulator.stop());
    beforeEach(() => control.reset());

    it("can bind 127.0.0.1 on a random port and describe its front ends", () => {
        // THEN
        assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.ok(emulator.port > 0);
        assert.deepEqual(emulator.info, { control: `${emulator.baseUrl}/__emu`, alicloud: { endpoint: `${emulator.baseUrl}/stub` } });
        assert.equal(emulator.frontEnd("alicloud"), stub);
        assert.equal(emulator.frontEnd("tencentcloud"), undefined);
    });

    it("can route a request under a front end's prefix to its parse() and answer JSON", async () => {
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/stub/Hello?x=1`);
        // THEN
        assert.equal(response.status, 200);
        assert.equal(response.headers["content-type"], "application/json");
        assert.equal(response.json.ran, "Hello");
        assert.deepEqual(stub.ran, ["Hello"]);
    });

    it("fails when no front end serves the path, with a 404 JSON body", async () => {
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/nowhere`);
        // THEN
        assert.equal(response.status, 404);
        assert.equal(response.headers["content-type"], "application/json");
        assert.equal(response.json.error, "NotFound");
    });

    it("can log and count action calls, and log refused requests without counting them", async () => {
        // GIVEN
        await rawRequest(`${emulator.baseUrl}/stub/A`);
        await rawRequest(`${emulator.baseUrl}/stub/A`);
        await rawRequest(`${emulator.baseUrl}/stub/reject`);
        // WHEN
        const log = await control.requests();
        const counters = await control.counters();
        // THEN
        assert.deepEqual(counters, { "alicloud:A": 2 });
        assert.deepEqual(
            log.map((e) => [e.seq, e.action, e.outcome, e.rejected ?? false]),
            [
                [1, "A", "OK", false],
                [2, "A", "OK", false],
                [3, "", "StubRejected", true],
            ],
        );
        assert.deepEqual(log[0].params, { query: "", secret: "***" });
        assert.ok(!Number.isNaN(Date.parse(log[0].time)));
    });

    it("can inject an error fault: the front end's error envelope, the action not run", async () => {
        // GIVEN
        await control.armFault({ cloud: "alicloud", action: "Create", fault: { kind: "error", code: "Throttling.User", httpStatus: 400 } });
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/stub/Create`);
        // THEN
        assert.equal(response.status, 400);
        assert.deepEqual(response.json, { Code: "Throttling.User", Message: "" });
        assert.deepEqual(stub.ran, []);
        const [entry] = await control.requests();
        assert.equal(entry.outcome, "Throttling.User");
        assert.equal(entry.fault, "error");
    });

    it("can inject reset-before: the socket is destroyed and the action never runs", async () => {
        // GIVEN
        await control.armFault({ cloud: "alicloud", action: "Create", fault: { kind: "reset-before" } });
        // WHEN
        await assert.rejects(rawRequest(`${emulator.baseUrl}/stub/Create`), { code: "ECONNRESET" });
        // THEN
        assert.deepEqual(stub.ran, []);
        assert.deepEqual(await control.counters(), { "alicloud:Create": 1 });
    });

    it("can inject reset-after: the action runs, then the socket is destroyed", async () => {
        // GIVEN
        await control.armFault({ cloud: "alicloud", action: "Create", fault: { kind: "reset-after" } });
        // WHEN
        await assert.rejects(rawRequest(`${emulator.baseUrl}/stub/Create`), { code: "ECONNRESET" });
        // THEN
        assert.deepEqual(stub.ran, ["Create"]);
    });

    it("can inject a raw answer instead of the envelope: before the action runs, or after it committed", async () => {
        // GIVEN a proxy's HTML 502 for the first call, and a truncated 200 body after the second committed
        await control.armFault({ cloud: "alicloud", action: "Create", fault: { kind: "raw", status: 502, body: "<html>Bad Gateway</html>" } });
        await control.armFault({ cloud: "alicloud", action: "Create", fault: { kind: "raw", status: 200, body: '{"Vpn', contentType: "application/json", commit: true } });
        // WHEN both calls are made
        const before = await rawRequest(`${emulator.baseUrl}/stub/Create`);
        const ranBefore = [...stub.ran];
        const after = await rawRequest(`${emulator.baseUrl}/stub/Create`);
        // THEN each got the body verbatim with its status and type; only the second ran the action
        assert.deepEqual([before.status, before.text, before.headers["content-type"]], [502, "<html>Bad Gateway</html>", "text/html"]);
        assert.deepEqual([after.status, after.text, after.headers["content-type"]], [200, '{"Vpn', "application/json"]);
        assert.deepEqual(ranBefore, []);
        assert.deepEqual(stub.ran, ["Create"]);
        assert.deepEqual((await control.requests()).map((e: any) => [e.fault, e.outcome]), [["raw", "HTTP 502"], ["raw", "OK"]]);
    });

    it("can inject a delay: the action runs at once, the answer comes after the delay", async () => {
        // GIVEN
        await control.armFault({ cloud: "alicloud", action: "Slow", fault: { kind: "delay", ms: 150 } });
        const started = Date.now();
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/stub/Slow`);
        // THEN
        assert.equal(response.status, 200);
        assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
    });

    it("can consume faults first-in first-out, each for its count, with \"*\" matching any action", async () => {
        // GIVEN
        await control.armFault({ cloud: "alicloud", action: "*", count: 2, fault: { kind: "error", code: "First" } });
        await control.armFault({ cloud: "alicloud", action: "B", fault: { kind: "error", code: "Second" } });
        await control.armFault({ cloud: "tencentcloud", action: "*", fault: { kind: "error", code: "OtherCloud" } });
        // WHEN
        const codes: string[] = [];
        for (const action of ["B", "A", "B", "B"]) {
            codes.push((await rawRequest(`${emulator.baseUrl}/stub/${action}`)).json.Code ?? "OK");
        }
        // THEN
        assert.deepEqual(codes, ["First", "First", "Second", "OK"]);
        assert.deepEqual(
            (await control.faults()).map((f) => f.cloud),
            ["tencentcloud"],
        );
    });

    it("can answer a front end's InternalError when run() throws", async () => {
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/stub/boom`);
        // THEN
        assert.equal(response.status, 500);
        assert.equal(response.json.Code, "InternalError");
        assert.match(response.json.Message, /stub exploded/);
    });

    it("can reset: front ends reset, faults, log, counters, settings and clock restored", async () => {
        // GIVEN
        await rawRequest(`${emulator.baseUrl}/stub/A`);
        await control.armFault({ cloud: "alicloud", action: "A", fault: { kind: "reset-before" } });
        await control.settings({ transitionMs: 999 });
        await control.advanceClock(60_000);
        const resetsBefore = stub.resets;
        // WHEN
        await control.reset();
        // THEN
        assert.equal(stub.resets, resetsBefore + 1);
        assert.deepEqual(await control.requests(), []);
        assert.deepEqual(await control.counters(), {});
        assert.deepEqual(await control.faults(), []);
        assert.deepEqual(await control.call("GET", "/settings"), { transitionMs: 7, connectionQuotaPerGateway: 200, latencyMs: 0, stsCredentialLifetimeSeconds: 0 });
        assert.equal((await control.call<{ offsetMs: number }>("GET", "/clock")).offsetMs, 0);
    });

    it("can shift the emulator clock that front ends read", async () => {
        // GIVEN
        const before = (await rawRequest(`${emulator.baseUrl}/stub/A`)).json.now;
        // WHEN
        await control.advanceClock(3_600_000);
        // THEN
        const after = (await rawRequest(`${emulator.baseUrl}/stub/A`)).json.now;
        assert.ok(after - before >= 3_600_000);
    });

    it("can report every front end's dump under GET /__emu/state", async () => {
        // GIVEN
        await rawRequest(`${emulator.baseUrl}/stub/A`);
        // WHEN
        const state = await control.state();
        // THEN
        assert.deepEqual(state, { alicloud: { ran: ["A"] } });
    });

    it("can delegate /__emu/<cloud>/... to the front end's control()", async () => {
        // WHEN
        const answer = await control.call("POST", "/alicloud/echo", { a: 1 });
        // THEN
        assert.deepEqual(answer, { method: "POST", body: { a: 1 } });
    });

    it("fails when a control route is unknown, with a 404 JSON body", async () => {
        // WHEN / THEN
        await assert.rejects(control.call("GET", "/alicloud/nothing"), { status: 404, code: "NotFound" });
        await assert.rejects(control.call("GET", "/nothing"), { status: 404, code: "NotFound" });
    });

    it("can delay every cloud API call by the latencyMs setting, and not the control API", async () => {
        // GIVEN
        await control.settings({ latencyMs: 120 });
        try {
            // WHEN
            let started = Date.now();
            const answer = await rawRequest(`${emulator.baseUrl}/stub/A`);
            const callMs = Date.now() - started;
            started = Date.now();
            await control.counters();
            const controlMs = Date.now() - started;
            // THEN
            assert.equal(answer.status, 200);
            assert.ok(callMs >= 115, `the call was answered after ${callMs} ms`);
            assert.ok(controlMs < 115, `the control API took ${controlMs} ms`);
        } finally {
            await control.settings({ latencyMs: 0 });
        }
    });

    it("fails when settings name an unknown key or a negative value", async () => {
        // WHEN / THEN
        await assert.rejects(control.settings({ nope: 1 } as never), { status: 400, code: "InvalidSettings", message: /`nope`/ });
        await assert.rejects(control.settings({ transitionMs: -1 }), { status: 400, code: "InvalidSettings", message: /`transitionMs`/ });
        await assert.rejects(control.settings({ latencyMs: -5 }), { status: 400, code: "InvalidSettings", message: /`latencyMs`/ });
    });

    it("fails when a fault is malformed", async () => {
        // WHEN / THEN
        await assert.rejects(control.armFault({ cloud: "aws" as never, action: "*", fault: { kind: "reset-before" } }), { status: 400, code: "InvalidFault", message: /`cloud`/ });
        await assert.rejects(control.armFault({ cloud: "alicloud", action: "*", fault: { kind: "explode" } as never }), { status: 400, code: "InvalidFault", message: /`fault.kind`/ });
        await assert.rejects(control.armFault({ cloud: "alicloud", action: "*", count: 0, fault: { kind: "reset-before" } }), { status: 400, message: /`count`/ });
        await assert.rejects(control.armFault({ cloud: "alicloud", action: "*", fault: { kind: "raw", status: 9000, body: "" } }), { status: 400, message: /`fault.status`/ });
        await assert.rejects(control.armFault({ cloud: "alicloud", action: "*", fault: { kind: "raw", status: 502 } as never }), { status: 400, message: /`fault.body`/ });
    });

    it("fails when a control body is not JSON", async () => {
        // WHEN
        const response = await rawRequest(`${emulator.info.control}/settings`, { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
        // THEN
        assert.equal(response.status, 400);
        assert.equal(response.json.error, "InvalidJson");
    });
});

describe("RunningEmulator.stop", () => {
    it("can close keep-alive sockets and pending delays so nothing hangs", async () => {
        // GIVEN an idle keep-alive connection and a request held by a long delay
        const emulator = await startEmulator({ frontEnds: [stubFrontEndFactory()] });
        const control = new ControlClient(emulator.info.control);
        const agent = new Agent({ keepAlive: true });
        await rawRequest(`${emulator.baseUrl}/stub/A`, { agent });
        await control.armFault({ cloud: "alicloud", action: "Held", fault: { kind: "delay", ms: 60_000 } });
        const held = rawRequest(`${emulator.baseUrl}/stub/Held`).catch((error: Error) => error);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const started = Date.now();
        // WHEN
        await emulator.stop();
        // THEN
        assert.ok(Date.now() - started < 1000, `stop took ${Date.now() - started} ms`);
        assert.ok((await held) instanceof Error);
        agent.destroy();
    });

    it("can be called twice", async () => {
        // GIVEN
        const emulator = await startEmulator();
        // WHEN
        await Promise.all([emulator.stop(), emulator.stop()]);
        // THEN
        await assert.rejects(rawRequest(`${emulator.baseUrl}/__emu/state`), { code: "ECONNREFUSED" });
    });
});

describe("startEmulator (request bodies)", () => {
    it("fails when a body exceeds the limit, with a 413 JSON answer", async () => {
        // GIVEN
        const emulator = await startEmulator({ frontEnds: [stubFrontEndFactory()] });
        try {
            // WHEN
            const response = await rawRequest(`${emulator.baseUrl}/stub/Big`, { method: "POST", body: "x".repeat(2 * 1024 * 1024) });
            // THEN
            assert.equal(response.status, 413);
            assert.equal(response.json.error, "PayloadTooLarge");
        } finally {
            await emulator.stop();
        }
    });
});
