import assert from "node:assert/strict";
import { clientTokenFor } from "../../../provider/alicloud/vpnConnection";
import { alicloud } from "../../../sdk";
import { TestCloud } from "../../support/cloudEnv";
import { EngineSimulator } from "../../support/engine";
import { CheckFailedError } from "../../support/engineTypes";
import { PluginConnection } from "../../support/pluginConnection";
import { PluginHarness, startPluginHarness } from "../../support/pluginHarness";
import { captureProviderString, CapturedProvider } from "../../support/providerString";
import { HOOK_MODULES, providerText } from "../../../provider";

/**
 * The whole stack as the Pulumi CLI runs it: `__provider` as the SDK class stores it, executed by
 * the real `@pulumi/pulumi/cmd/dynamic-provider` process over gRPC, talking to the emulator with the
 * real pop-core client.
 */
describe("alicloud.VpnConnection through the dynamic-provider plugin", function () {
    this.timeout(60_000);
    let harness: PluginHarness;
    let cloud: TestCloud;
    let plugin: PluginConnection;
    let captured: CapturedProvider;

    const args = (cloudInfo: TestCloud["alicloud"], extra: Partial<alicloud.VpnConnectionArgs> = {}): alicloud.VpnConnectionArgs => ({
        vpnGatewayId: cloudInfo.vpnGatewayIds[0],
        customerGatewayId: cloudInfo.customerGatewayIds[0],
        localSubnets: ["10.0.0.0/16"],
        remoteSubnets: ["192.168.10.0/24"],
        name: "office",
        preSharedKey: "Plugin-Test-Psk-1",
        ...extra,
    });

    before(async () => {
        harness = await startPluginHarness();
        ({ cloud, plugin } = harness);
        captured = await captureProviderString(() => new alicloud.VpnConnection("office", args(cloud.alicloud)));
    });
    after(() => harness?.stop());
    beforeEach(() => cloud.control.reset());

    const engineFor = () =>
        new EngineSimulator(plugin, {
            type: captured.type,
            name: "office",
            providerText: captured.providerText,
            providerSecret: captured.providerSecret,
            secretInputKeys: captured.secretInputKeys,
            additionalSecretOutputs: ["preSharedKey"],
        });

    const writes = async () => {
        const counters = await cloud.control.counters();
        return ["CreateVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection"].reduce((sum, action) => sum + (counters[`alicloud:${action}`] ?? 0), 0);
    };

    it("can store a provider text under 1 KB that holds no credential, PSK or client", () => {
        // GIVEN the provider text the SDK class stored
        const text = captured.providerText;
        // THEN it is small, names only the implementation module, and carries no secret
        assert.equal(text, providerText(HOOK_MODULES.alicloudVpnConnection));
        assert.ok(Buffer.byteLength(text) < 1024, `__provider is ${Buffer.byteLength(text)} bytes`);
        assert.match(text, /pulumi-ipsec\/dist\/provider\/alicloud\/vpnConnection/);
        for (const secret of [cloud.alicloud.accessKeyId, cloud.alicloud.accessKeySecret, "Plugin-Test-Psk-1", "127.0.0.1"]) {
            assert.equal(text.includes(secret), false, `__provider contains ${secret}`);
        }
        assert.equal(captured.type, "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection");
        assert.deepEqual(captured.secretInputKeys, ["preSharedKey"]);
        assert.equal(captured.inputs.idempotencyKey, "urn:pulumi:test-stack::test-project::pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office");
    });

    it("can check → create → read → diff → update → read → delete", async () => {
        const engine = engineFor();
        // WHEN the stack is brought up
        const created = await engine.up(captured.inputs);
        // THEN one connection exists in the cloud with the desired config
        assert.equal(created.operation, "create");
        let state = await cloud.control.state<any>();
        assert.equal(state.alicloud.connections.length, 1);
        assert.match(created.state.id, /^vco-/);
        assert.equal(created.state.outputs.state, "active");

        // WHEN up runs again with no change, and a refresh runs
        const before = await writes();
        const same = await engine.up(captured.inputs);
        const refreshed = await engine.refresh();
        // THEN nothing is written and no drift is reported
        assert.equal(same.operation, "same");
        assert.equal(await writes(), before);
        assert.equal(refreshed.drift, false);

        // WHEN the IKE settings change
        const changed = { ...captured.inputs, ikeConfig: { ikeVersion: "IKEv2", ikeEncAlg: "aes256" } };
        const updated = await engine.up(changed);
        // THEN it is updated in place and the cloud has the new values
        assert.equal(updated.operation, "update");
        state = await cloud.control.state<any>();
        assert.equal(state.alicloud.connections.length, 1);
        assert.equal(updated.state.outputs.ikeConfig.ikeVersion, "ikev2");
        assert.equal((await engine.refresh()).drift, false);

        // WHEN destroyed
        await engine.destroy();
        // THEN the cloud is empty
        state = await cloud.control.state<any>();
        assert.equal(state.alicloud.connections.length, 0);
    });

    it("can keep a connection made under the old default idempotency key as it is: no update, same create token", async () => {
        // GIVEN a connection created when the default key was <project>/<stack>/<name>
        const engine = engineFor();
        const legacyKey = "test-project/test-stack/office";
        const created = await engine.up({ ...captured.inputs, idempotencyKey: legacyKey });
        const before = await writes();
        // WHEN the current SDK's inputs, with the URN as the default key, are applied and previewed
        const current = { ...captured.inputs, idempotencyKey: "urn:pulumi:test-stack::test-project::pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office" };
        const preview = await engine.preview(current);
        const same = await engine.up(current);
        // THEN nothing changes or is written, and the state keeps the key (so the token) it was created with
        assert.equal(preview.operation, "same");
        assert.equal(same.operation, "same");
        assert.equal(await writes(), before);
        assert.equal(same.state.inputs.idempotencyKey, legacyKey);
        assert.equal(clientTokenFor(same.state.inputs), clientTokenFor(created.state.inputs));
        await engine.destroy();
    });

    it("fails check in the plugin with the property path, before any API call", async () => {
        const engine = engineFor();
        await assert.rejects(engine.up({ ...captured.inputs, ipsecConfig: { ipsecLifetime: 90000 } }), (error: unknown) => {
            assert.ok(error instanceof CheckFailedError);
            assert.match(error.message, /ipsecConfig\.ipsecLifetime/);
            return true;
        });
        assert.deepEqual(await cloud.control.counters(), {});
    });

    it("can keep the PSK out of plaintext state", async () => {
        // GIVEN a create and a refresh
        const engine = engineFor();
        await engine.up(captured.inputs);
        await engine.refresh();
        // THEN the PSK and credentials appear only under secret paths of what the engine stores
        assert.deepEqual(engine.plaintextLeaks(["Plugin-Test-Psk-1", cloud.alicloud.accessKeySecret]), []);
        await engine.destroy();
    });
});
