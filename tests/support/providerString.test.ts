import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { PROVIDER_KEY, SECRET_SIG, SIG_KEY } from "./propertyMap";
import { captureProviderString, serializeProvider, serializeProviderText } from "./providerString";
import { counterProviderV1, makeCapturingProvider, ToyCounter, ToyResource } from "./fixtures/toyProvider";

describe("captureProviderString", () => {
    it("can capture the type, inputs and __provider text of a dynamic resource", async () => {
        // WHEN
        const captured = await captureProviderString(() => new ToyCounter("c1", { name: "n1", size: 3 }));

        // THEN
        assert.equal(captured.type, "pulumi-nodejs:dynamic/toy:Counter");
        assert.equal(captured.name, "c1");
        assert.deepEqual(captured.inputs, { name: "n1", size: 3 });
        assert.deepEqual(captured.secretInputKeys, []);
        assert.equal(captured.providerSecret, false);
        assert.match(captured.providerText, /^exports\.handler = __f0;/);
    });

    it("can capture a small closure that requires its modules at call time", async () => {
        // WHEN
        const { providerText } = await captureProviderString(() => new ToyCounter("c1", { name: "n1" }));

        // THEN
        assert.ok(providerText.length < 16 * 1024, `closure is ${providerText.length} bytes`);
        assert.doesNotMatch(providerText, /node_modules|@pulumi\/pulumi/);
        assert.match(providerText, /require\("fs"\)/);
    });

    it("can produce the same text as serializeProviderText for the same provider object", async () => {
        // WHEN
        const captured = await captureProviderString(() => new ToyCounter("c1", { name: "n1" }));
        const direct = await serializeProviderText(counterProviderV1);

        // THEN
        assert.equal(captured.providerText, direct);
    });

    it("can unwrap secret inputs, which setMocks delivers as signature objects hoisted to the top level", async () => {
        // WHEN
        const captured = await captureProviderString(
            () =>
                new ToyResource(makeCapturingProvider("t"), "r1", {
                    psk: pulumi.secret("s3cret"),
                    nested: { plain: "p", key: pulumi.secret("k") },
                    list: [pulumi.secret("x"), "y"],
                    open: "o",
                }),
        );

        // THEN
        assert.deepEqual(captured.inputs, { psk: "s3cret", nested: { plain: "p", key: "k" }, list: ["x", "y"], open: "o" });
        assert.deepEqual([...captured.secretInputKeys].sort(), ["list", "nested", "psk"]);
        assert.deepEqual(captured.rawInputs.psk, { [SIG_KEY]: SECRET_SIG, value: "s3cret" });
        assert.deepEqual(captured.rawInputs.nested, { [SIG_KEY]: SECRET_SIG, value: { plain: "p", key: "k" } });
        assert.equal(typeof captured.rawInputs[PROVIDER_KEY], "string");
    });

    it("can report __provider as secret when the closure captured a secret Output", async () => {
        // GIVEN
        const token = pulumi.secret("tok-123");
        const provider: pulumi.dynamic.ResourceProvider = {
            async create() {
                return { id: token.get(), outs: {} };
            },
        };

        // WHEN
        const captured = await captureProviderString(() => new ToyResource(provider, "r1", {}));

        // THEN
        assert.equal(captured.providerSecret, true);
        assert.match(captured.providerText, /tok-123/);
        assert.deepEqual(await serializeProvider(provider), { text: captured.providerText, containsSecrets: true });
    });

    it("can show a captured plain string verbatim in the closure, unmarked", async () => {
        // WHEN
        const captured = await captureProviderString(() => new ToyResource(makeCapturingProvider("plain-token-42"), "r1", {}));

        // THEN
        assert.equal(captured.providerSecret, false);
        assert.match(captured.providerText, /plain-token-42/);
    });

    it("fails when the provider captures something that cannot be serialized", async () => {
        // GIVEN
        const native = Math.max.bind(null);
        const provider: pulumi.dynamic.ResourceProvider = {
            async create() {
                return { id: String(native(1, 2)), outs: {} };
            },
        };

        // WHEN / THEN
        await assert.rejects(
            captureProviderString(() => new ToyResource(provider, "r1", {})),
            /Error serializing/,
        );
    });

    it("fails when no dynamic resource registers in time", async () => {
        // WHEN / THEN
        await assert.rejects(captureProviderString(() => undefined, { timeoutMs: 200 }), /no dynamic resource registered within 200 ms/);
    });
});
