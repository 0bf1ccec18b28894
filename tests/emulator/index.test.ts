import assert from "node:assert/strict";
import { createAlicloudFrontEnd, startEmulator } from "../../emulator";
import type { EmulatorInfo, RunningEmulator } from "../../emulator";

describe("startEmulator", () => {
    let emulator: RunningEmulator<EmulatorInfo> | undefined;

    afterEach(async () => {
        await emulator?.stop();
        emulator = undefined;
    });

    it("can serve both clouds' front ends by default, on 127.0.0.1", async () => {
        // WHEN
        emulator = await startEmulator();
        // THEN
        assert.deepEqual([emulator.frontEnd("alicloud")?.cloud, emulator.frontEnd("tencentcloud")?.cloud], ["alicloud", "tencentcloud"]);
        assert.equal(emulator.info.alicloud.endpoint, `${emulator.baseUrl}/alicloud`);
        assert.equal(emulator.info.tencentcloud?.endpoint, `${emulator.baseUrl}/tencentcloud`);
        assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("can serve only the front ends it is given", async () => {
        // WHEN
        emulator = await startEmulator({ frontEnds: [createAlicloudFrontEnd] });
        // THEN
        assert.equal(emulator.frontEnd("tencentcloud"), undefined);
        assert.equal(emulator.info.tencentcloud, undefined);
        assert.ok(emulator.info.alicloud);
    });
});
