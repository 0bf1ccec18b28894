import * as assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { counterProviderV1, initFailProvider } from "./fixtures/toyProvider";
import { ToyStore } from "./fixtures/toyStore";
import { PluginConnection } from "./pluginConnection";
import { startPlugin } from "./pluginProcess";
import { PluginRpcError } from "./pluginRpc";
import { PROVIDER_KEY } from "./propertyMap";
import { serializeProviderText } from "./providerString";
import { makeUrn } from "./urn";

const URN = makeUrn("test-stack", "test-project", "pulumi-nodejs:dynamic/toy:Counter", "c1");
const SDK_VERSION: string = require("@pulumi/pulumi/package.json").version;

/** The engine's RPCs to a plugin that `startPlugin` started and configured. */
describe("PluginConnection", () => {
    let store: ToyStore;
    let plugin: PluginConnection;
    let counterText: string;

    before(async () => {
        store = new ToyStore();
        [plugin, counterText] = await Promise.all([
            startPlugin({
                config: { "test-project:region": "cn-hangzhou", "test-project:apiKey": "k-12345" },
                secretConfigKeys: ["test-project:apiKey"],
                env: store.env,
            }),
            serializeProviderText(counterProviderV1),
        ]);
    });

    after(async () => {
        await plugin?.close();
        store?.remove();
    });

    beforeEach(() => store.reset());

    it("can report the SDK version of the plugin", async () => {
        // WHEN
        const info = await plugin.getPluginInfo();

        // THEN
        assert.equal(info.version, SDK_VERSION);
    });

    it("can configure the plugin, which answers with every capability off", () => {
        // THEN
        assert.deepEqual(plugin.capabilities, {
            acceptSecrets: false,
            supportsPreview: false,
            acceptResources: false,
            acceptOutputs: false,
        });
    });

    it("can round-trip check, diff, create, read, update and delete", async () => {
        // GIVEN
        const news = { name: "n1", size: 1, [PROVIDER_KEY]: counterText };

        // WHEN
        const checked = await plugin.check(URN, {}, news);
        const created = await plugin.create(URN, checked.inputs);
        const same = await plugin.diff(created.id, URN, created.properties, checked.inputs, checked.inputs);
        const changedNews = { ...checked.inputs, size: 2 };
        const changed = await plugin.diff(created.id, URN, created.properties, changedNews);
        const updated = await plugin.update(created.id, URN, created.properties, changedNews, checked.inputs);
        const read = await plugin.read(created.id, URN, updated.properties, changedNews);
        await plugin.delete(created.id, URN, updated.properties);
        const gone = await plugin.read(created.id, URN, updated.properties, changedNews);

        // THEN
        assert.deepEqual(checked, { inputs: { ...news, zone: "zone-a" }, failures: [] });
        assert.equal(created.id, "toy-1");
        assert.equal(created.properties[PROVIDER_KEY], counterText);
        assert.deepEqual(same, { changes: "none", replaces: [], deleteBeforeReplace: false });
        assert.deepEqual(changed, { changes: "some", replaces: [], deleteBeforeReplace: false });
        assert.equal(updated.properties.size, 2);
        assert.equal(updated.properties.serial, 1);
        assert.equal(read.id, "toy-1");
        assert.deepEqual(read.inputs, { name: "n1", zone: "zone-a", size: 2, [PROVIDER_KEY]: counterText });
        assert.equal(gone.id, "");
        assert.deepEqual(store.read().items, {});
    });

    it("can report replaces and deleteBeforeReplace from diff", async () => {
        // GIVEN
        const olds = { name: "n1", zone: "zone-a", [PROVIDER_KEY]: counterText };

        // WHEN
        const diff = await plugin.diff("toy-1", URN, olds, { ...olds, zone: "zone-b", dbr: true });

        // THEN
        assert.deepEqual(diff, { changes: "some", replaces: ["zone"], deleteBeforeReplace: true });
    });

    it("can hand plaintext config, secret or not, to configure", async () => {
        // WHEN
        const created = await plugin.create(URN, { name: "n1", [PROVIDER_KEY]: counterText });

        // THEN
        assert.equal(created.properties.region, "cn-hangzhou");
        assert.equal(created.properties.apiKeyLength, "k-12345".length);
    });

    it("can capture what hooks print as log lines", async () => {
        // GIVEN
        const since = plugin.logs.length;

        // WHEN
        const created = await plugin.create(URN, { name: "n1", [PROVIDER_KEY]: counterText });

        // THEN
        assert.equal(await plugin.waitForLog(`toy create ${created.id}`, { since }), "toy create toy-1 by v1");
    });

    it("fails when check reports invalid inputs, returning the failures", async () => {
        // WHEN
        const result = await plugin.check(URN, {}, { size: "big", [PROVIDER_KEY]: counterText });

        // THEN
        assert.deepEqual(result.failures, [
            { property: "name", reason: "`name` is required" },
            { property: "size", reason: "`size` must be a number" },
        ]);
    });

    it("fails when create only partially succeeds, decoding the init failure", async () => {
        // GIVEN
        const text = await serializeProviderText(initFailProvider);

        // WHEN
        const error = await plugin.create(URN, { a: 1, [PROVIDER_KEY]: text }).then(
            () => assert.fail("create should fail"),
            (e: unknown) => e,
        );

        // THEN
        assert.ok(PluginRpcError.isInstance(error));
        assert.equal(error.method, "Create");
        assert.equal(error.grpcCode, grpc.status.UNKNOWN);
        assert.equal(error.details, "boom");
        assert.deepEqual(error.initFailure, {
            id: "x",
            properties: { a: 1, partial: true, [PROVIDER_KEY]: text },
            reasons: ["r"],
        });
    });

    it("fails when a hook throws, without an init failure", async () => {
        // WHEN / THEN
        await assert.rejects(plugin.delete("toy-1", URN, { [PROVIDER_KEY]: "not javascript (" }), (e: unknown) => {
            assert.ok(PluginRpcError.isInstance(e));
            assert.equal(e.method, "Delete");
            assert.equal(e.initFailure, undefined);
            return true;
        });
    });

    it("fails when a value cannot cross the plugin boundary, naming its path", async () => {
        // WHEN / THEN
        await assert.rejects(
            plugin.create(URN, { name: "n1", nested: { when: undefined }, [PROVIDER_KEY]: counterText }),
            /Create\.properties\.nested\.when is undefined/,
        );
    });
});
