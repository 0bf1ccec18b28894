import assert from "node:assert/strict";
import { ControlClient, ControlClientError } from "../../../emulator/core/controlClient";
import { startEmulator } from "../../../emulator/core/server";
import type { RunningEmulator } from "../../../emulator/core/server";
import { stubFrontEndFactory } from "./stubFrontEnd";

describe("ControlClient", () => {
    let emulator: RunningEmulator;
    let control: ControlClient;

    before(async () => {
        emulator = await startEmulator({ frontEnds: [stubFrontEndFactory()] });
        control = new ControlClient(`${emulator.info.control}/`);
    });
    after(() => emulator.stop());

    it("can arm, list and clear faults", async () => {
        // WHEN
        const armed = await control.armFault({ cloud: "alicloud", action: "X", fault: { kind: "reset-after" } });
        // THEN
        assert.deepEqual(armed, [{ cloud: "alicloud", action: "X", count: 1, fault: { kind: "reset-after" } }]);
        await control.clearFaults();
        assert.deepEqual(await control.faults(), []);
    });

    it("can change settings and report the ones in force", async () => {
        // WHEN
        const settings = await control.settings({ connectionQuotaPerGateway: 3 });
        // THEN
        assert.equal(settings.connectionQuotaPerGateway, 3);
        await control.reset();
    });

    it("fails with a ControlClientError carrying status and code on a non-2xx answer", async () => {
        // WHEN
        const error = await control.call("GET", "/missing").catch((e: unknown) => e);
        // THEN
        assert.ok(error instanceof ControlClientError);
        assert.equal(error.status, 404);
        assert.equal(error.code, "NotFound");
    });

    it("fails when the emulator is gone", async () => {
        // GIVEN
        const stopped = await startEmulator();
        await stopped.stop();
        // WHEN / THEN
        await assert.rejects(new ControlClient(stopped.info.control).state(), { code: "ECONNREFUSED" });
    });
});
