import assert from "node:assert/strict";
import { HOOK_MODULES, providerText } from "../../../provider";
import { PSK_ALPHABET, generatePresharedKey } from "../../../provider/crossCloud/presharedKey";
import { PluginConnection } from "../../support/pluginConnection";
import { startPlugin } from "../../support/pluginProcess";
import { PROVIDER_KEY } from "../../support/propertyMap";
import { captureProviderString } from "../../support/providerString";
import { GeneratedPresharedKey } from "../../../sdk/crossCloud/presharedKey";
import { makeUrn } from "../../support/urn";

/** The generated key through the real `cmd/dynamic-provider` plugin, as the engine drives it. */
describe("GeneratedPresharedKey through the dynamic-provider plugin", function () {
    this.timeout(60_000);
    let plugin: PluginConnection;
    let text: string;
    const urn = makeUrn("dev", "p", "pulumi-nodejs:dynamic/pulumi-ipsec/crossCloud:PresharedKey", "t-psk");

    before(async () => {
        plugin = await startPlugin();
        text = (await captureProviderString(() => new GeneratedPresharedKey("t-psk"))).providerText;
    });
    after(() => plugin?.close());

    it("can store a provider text that names only its implementation module", () => {
        // GIVEN / WHEN the provider text the SDK class stored / THEN it loads the implementation when called, and holds no key
        assert.equal(text, providerText(HOOK_MODULES.presharedKey));
        assert.match(text, /pulumi-ipsec\/dist\/provider\/crossCloud\/presharedKey/);
        assert.ok(Buffer.byteLength(text) < 1024);
    });

    it("can create a key once and keep it through diff and refresh", async () => {
        // GIVEN a key created through the plugin
        const checked = await plugin.check(urn, {}, { [PROVIDER_KEY]: text });
        assert.deepEqual(checked.failures, []);
        const created = await plugin.create(urn, checked.inputs);
        const key = created.properties.value as string;
        // WHEN the next `pulumi up` diffs the same inputs, and a refresh reads it
        const diff = await plugin.diff(created.id, urn, created.properties, checked.inputs);
        const read = await plugin.read(created.id, urn, created.properties);
        // THEN the key is unchanged, 32 letters and digits
        assert.equal(diff.changes, "none");
        assert.equal(read.properties.value, key);
        assert.match(key, /^[A-Za-z0-9]{32}$/);
    });

    it("fails when the length lies outside 16–100, naming `length`", async () => {
        // GIVEN / WHEN a check of a 101-character key
        const checked = await plugin.check(urn, {}, { [PROVIDER_KEY]: text, length: 101 });
        // THEN it is refused by property name
        assert.deepEqual(checked.failures.map((f) => f.property), ["length"]);
    });

    it("can draw every character of the alphabet and nothing else", () => {
        // GIVEN / WHEN many keys
        const seen = new Set(Array.from({ length: 200 }, () => generatePresharedKey()).join(""));
        // THEN they use exactly the alphabet
        assert.deepEqual([...seen].sort().join(""), [...PSK_ALPHABET].sort().join(""));
    });
});
