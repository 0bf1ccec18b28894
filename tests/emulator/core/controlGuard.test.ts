import assert from "node:assert/strict";
import { connect } from "net";
import { ControlClient } from "../../../emulator/core/controlClient";
import { startEmulator } from "../../../emulator/core/server";
import type { RunningEmulator } from "../../../emulator/core/server";
import { rawRequest } from "./httpTestClient";
import { stubFrontEndFactory } from "./stubFrontEnd";

describe("control API guard (through the emulator)", () => {
    let emulator: RunningEmulator;
    let control: ControlClient;
    const fault = JSON.stringify({ cloud: "alicloud", action: "*", fault: { kind: "reset-before" } });
    const json = { "content-type": "application/json" };

    before(async () => {
        emulator = await startEmulator({ frontEnds: [stubFrontEndFactory()] });
        control = new ControlClient(emulator.info.control);
    });
    after(() => emulator.stop());
    beforeEach(() => control.reset());

    it("fails when Host is not the emulator's loopback name and port, arming nothing", async () => {
        // GIVEN Hosts a rebound page, another port or no port would send
        const hosts = ["attacker.example", `attacker.example:${emulator.port}`, "127.0.0.1", `127.0.0.1:${emulator.port + 1}`, `localhost.attacker.example:${emulator.port}`];
        // WHEN
        const responses = [];
        for (const host of hosts) {
            responses.push(await rawRequest(`${emulator.info.control}/faults`, { method: "POST", body: fault, headers: { ...json, host } }));
        }
        // THEN
        assert.deepEqual(
            responses.map((r) => [r.status, r.json.error]),
            hosts.map(() => [403, "ForbiddenHost"]),
        );
        assert.deepEqual(await control.faults(), []);
    });

    it("fails when an HTTP/1.0 request has no Host header", async () => {
        // GIVEN HTTP/1.1 requests without Host are refused by Node itself; HTTP/1.0 ones reach the guard
        const socket = connect(emulator.port, "127.0.0.1");
        const answer = new Promise<string>((resolve, reject) => {
            let text = "";
            socket.setEncoding("utf8");
            socket.on("data", (chunk: string) => (text += chunk));
            socket.on("end", () => resolve(text));
            socket.on("error", reject);
        });
        // WHEN
        socket.end("GET /__emu/state HTTP/1.0\r\n\r\n");
        // THEN
        const text = await answer;
        assert.match(text, /^HTTP\/1\.1 403 /);
        assert.match(text, /"ForbiddenHost"/);
    });

    it("fails when a rebound page reads the request log with a GET under its own host name", async () => {
        // WHEN browsers send no Origin on a same-origin GET, so only Host tells the page apart
        const response = await rawRequest(`${emulator.info.control}/requests`, { headers: { host: `rebound.example:${emulator.port}` } });
        // THEN
        assert.equal(response.status, 403);
        assert.equal(response.json.error, "ForbiddenHost");
    });

    it("can answer Host 127.0.0.1:<port> and localhost:<port>", async () => {
        // WHEN
        const numeric = await rawRequest(`${emulator.info.control}/faults`, { headers: { host: `127.0.0.1:${emulator.port}` } });
        const named = await rawRequest(`${emulator.info.control}/faults`, { headers: { host: `LocalHost:${emulator.port}` } });
        // THEN
        assert.equal(numeric.status, 200);
        assert.equal(named.status, 200);
    });

    it("fails when the request carries an Origin header, even a loopback one", async () => {
        // GIVEN
        const origins = ["https://attacker.example", `http://127.0.0.1:${emulator.port}`, "null"];
        // WHEN
        const responses = [];
        for (const origin of origins) {
            responses.push(await rawRequest(`${emulator.info.control}/faults`, { method: "POST", body: fault, headers: { ...json, origin } }));
        }
        responses.push(await rawRequest(`${emulator.info.control}/reset`, { method: "POST", headers: { origin: "https://attacker.example" } }));
        // THEN
        assert.deepEqual(
            responses.map((r) => [r.status, r.json.error]),
            [...origins, "reset"].map(() => [403, "ForbiddenOrigin"]),
        );
        assert.deepEqual(await control.faults(), []);
    });

    it("fails when a body is not declared application/json, even if it parses as JSON", async () => {
        // GIVEN the content types a page may post without a CORS preflight, and none at all
        const contentTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined];
        // WHEN
        const responses = [];
        for (const contentType of contentTypes) {
            const headers: Record<string, string> = contentType === undefined ? {} : { "content-type": contentType };
            responses.push(await rawRequest(`${emulator.info.control}/faults`, { method: "POST", body: fault, headers }));
        }
        // THEN
        assert.deepEqual(
            responses.map((r) => [r.status, r.json.error]),
            contentTypes.map(() => [415, "UnsupportedMediaType"]),
        );
        assert.deepEqual(await control.faults(), []);
    });

    it("can accept application/json with parameters and a bodiless POST without content-type", async () => {
        // WHEN
        const armed = await rawRequest(`${emulator.info.control}/faults`, { method: "POST", body: fault, headers: { "content-type": "Application/JSON; charset=utf-8" } });
        const reset = await rawRequest(`${emulator.info.control}/reset`, { method: "POST" });
        // THEN
        assert.equal(armed.status, 200);
        assert.equal(armed.json.length, 1);
        assert.equal(reset.status, 200);
        assert.deepEqual(await control.faults(), []);
    });

    it("can leave the cloud API paths to the front ends: any Host, any Origin", async () => {
        // WHEN
        const response = await rawRequest(`${emulator.baseUrl}/stub/A`, { headers: { host: "vpc.aliyuncs.com", origin: "https://console.example" } });
        // THEN
        assert.equal(response.status, 200);
        assert.equal(response.json.ran, "A");
    });
});
