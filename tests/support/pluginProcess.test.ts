import * as assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { PluginConnection } from "./pluginConnection";
import { startPlugin } from "./pluginProcess";
import { PluginRpcError } from "./pluginRpc";
import { PROVIDER_KEY } from "./propertyMap";
import { makeUrn } from "./urn";
import { serializeProviderText } from "./providerString";
import { counterProviderV1 } from "./fixtures/toyProvider";
import { ToyStore } from "./fixtures/toyStore";

const URN = makeUrn("test-stack", "test-project", "pulumi-nodejs:dynamic/toy:Counter", "c1");

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe("plugin process lifetime", () => {
    let store: ToyStore;
    let counterText: string;
    // One process per test (each ends its own), started together to keep the suite fast.
    let forClose: PluginConnection;
    let forKill: PluginConnection;
    let forInFlight: PluginConnection;
    let forDeadline: PluginConnection;

    before(async () => {
        store = new ToyStore();
        [forClose, forKill, forInFlight, forDeadline, counterText] = await Promise.all([
            startPlugin({ env: store.env }),
            startPlugin({ env: store.env }),
            startPlugin({ env: store.env }),
            startPlugin({ env: store.env, callTimeoutMs: 500 }),
            serializeProviderText(counterProviderV1),
        ]);
    });

    after(async () => {
        await Promise.all([forClose, forKill, forInFlight, forDeadline].map((p) => p?.close()));
        store?.remove();
    });

    it("can close the process gracefully, twice", async () => {
        // WHEN
        const first = await forClose.close();
        const second = await forClose.close();

        // THEN
        assert.equal(first.signal, "SIGTERM");
        assert.deepEqual(second, first);
        assert.equal(isAlive(forClose.pid), false);
    });

    it("can kill the process hard, failing later calls fast with UNAVAILABLE", async () => {
        // WHEN
        const exit = await forKill.kill();
        const started = Date.now();
        const error = await forKill.getPluginInfo().then(
            () => assert.fail("call should fail"),
            (e: unknown) => e,
        );

        // THEN
        assert.equal(exit.signal, "SIGKILL");
        assert.equal(isAlive(forKill.pid), false);
        assert.ok(PluginRpcError.isInstance(error));
        assert.equal(error.grpcCode, grpc.status.UNAVAILABLE);
        assert.ok(Date.now() - started < 1000);
    });

    it("fails a call in flight when the process is killed", async () => {
        // GIVEN
        const outcome = forInFlight.create(URN, { name: "n1", hang: true, [PROVIDER_KEY]: counterText }).then(
            () => assert.fail("create should not return"),
            (e: unknown) => e,
        );
        await forInFlight.waitForLog("toy create hanging");

        // WHEN
        await forInFlight.kill();

        // THEN
        const error = await outcome;
        assert.ok(PluginRpcError.isInstance(error));
        assert.equal(error.grpcCode, grpc.status.UNAVAILABLE);
    });

    it("fails a hanging call at the call deadline", async () => {
        // WHEN / THEN
        await assert.rejects(
            forDeadline.create(URN, { name: "n1", hang: true, [PROVIDER_KEY]: counterText }),
            (e: unknown) => PluginRpcError.isInstance(e) && e.grpcCode === grpc.status.DEADLINE_EXCEEDED,
        );
    });

    it("fails when the process dies before announcing a port, showing its stderr", async () => {
        // WHEN / THEN
        await assert.rejects(
            startPlugin({ env: { NODE_OPTIONS: "--require=/nonexistent/preload.js" } }),
            /exited before announcing a port[\s\S]*Cannot find module '\/nonexistent\/preload\.js'/,
        );
    });
});
