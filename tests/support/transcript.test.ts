import * as assert from "node:assert/strict";
import { useToyEngine } from "./fixtures/toyEngine";
import { makeCapturingProvider } from "./fixtures/toyProvider";
import { PROVIDER_KEY } from "./propertyMap";
import { serializeProviderText } from "./providerString";

/** The secrets audit the simulator keeps of every property map that crosses the plugin boundary. */
describe("Transcript (through EngineSimulator)", () => {
    const bed = useToyEngine();
    const engine = bed.engine;

    it("can copy secretness from inputs to same-key outputs", async () => {
        // GIVEN
        const sim = engine({ secretInputKeys: ["psk"] });

        // WHEN
        await sim.up({ name: "n1", psk: "s3cret" });

        // THEN
        assert.deepEqual(sim.stateSecretPaths(), { inputs: ["psk"], outputs: ["psk"] });
        const received = sim.transcript.filter((e) => e.direction === "received").map((e) => [e.method, e.field, e.secretPaths]);
        assert.deepEqual(received, [
            ["check", "inputs", ["psk"]],
            ["create", "properties", ["psk"]],
        ]);
    });

    it("can find a secret copied into a derived output, until it is an additional secret output", async () => {
        // GIVEN
        const leaky = engine({ secretInputKeys: ["psk"] });
        const declared = engine({ secretInputKeys: ["psk"], additionalSecretOutputs: ["derived"] });

        // WHEN
        await leaky.up({ name: "n1", psk: "s3cret" });
        await leaky.refresh();
        await declared.up({ name: "n1", psk: "s3cret" });
        await declared.refresh();

        // THEN
        assert.deepEqual(
            leaky.plaintextLeaks(["s3cret"]).map((l) => `${l.method}.${l.field}:${l.path}`),
            ["create.properties:derived", "read.properties:derived"],
        );
        assert.deepEqual(declared.plaintextLeaks(["s3cret"]), []);
    });

    it("can find a secret that is not marked secret in the program", async () => {
        // GIVEN
        const sim = engine();

        // WHEN
        await sim.up({ name: "n1", psk: "s3cret" });

        // THEN
        assert.deepEqual(
            sim.plaintextLeaks(["s3cret"]).map((l) => `${l.method}.${l.field}:${l.path}`),
            ["check.inputs:psk", "create.properties:derived", "create.properties:psk"],
        );
    });

    it("can find a plain string captured in the __provider text", async () => {
        // GIVEN
        const sim = engine({ providerText: await serializeProviderText(makeCapturingProvider("tok-abc-123")) });

        // WHEN
        await sim.up({ a: 1 });

        // THEN
        assert.deepEqual(
            sim.plaintextLeaks(["tok-abc-123"]).map((l) => `${l.method}.${l.field}:${l.path}`),
            ["check.inputs:__provider", "create.properties:__provider"],
        );
    });

    it("can keep a secret __provider out of the leak report", async () => {
        // GIVEN
        const sim = engine({
            providerText: await serializeProviderText(makeCapturingProvider("tok-abc-123")),
            providerSecret: true,
        });

        // WHEN
        await sim.up({ a: 1 });

        // THEN
        assert.deepEqual(sim.plaintextLeaks(["tok-abc-123"]), []);
        assert.deepEqual(sim.stateSecretPaths(), { inputs: [PROVIDER_KEY], outputs: [PROVIDER_KEY] });
    });

    it("can find secrets in plugin log lines", async () => {
        // GIVEN
        const sim = engine();
        const since = bed.plugin.logs.length;

        // WHEN
        await sim.up({ name: "secret-name-77" });
        await bed.plugin.waitForLog("toy create toy-1", { since });

        // THEN
        assert.ok(sim.logLeaks(["toy create toy-1"]).length > 0);
        assert.deepEqual(sim.logLeaks(["secret-name-77"]), []);
    });
});
