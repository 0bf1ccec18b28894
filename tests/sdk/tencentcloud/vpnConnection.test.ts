import assert from "node:assert/strict";
import { tencentcloud } from "../../../sdk";
import { TestCloud } from "../../support/cloudEnv";
import { EngineSimulator } from "../../support/engine";
import { CheckFailedError } from "../../support/engineTypes";
import { PluginConnection } from "../../support/pluginConnection";
import { PluginHarness, startPluginHarness } from "../../support/pluginHarness";
import { captureProviderString } from "../../support/providerString";
import { HOOK_MODULES, providerText } from "../../../provider";

/** `tencentcloud.VpnConnection` as the Pulumi CLI runs it: the provider text the SDK class stores, real plugin process, emulator. */
describe("tencentcloud.VpnConnection through the dynamic-provider plugin", function () {
    this.timeout(60_000);
    let harness: PluginHarness;
    let cloud: TestCloud;
    let plugin: PluginConnection;

    before(async () => {
        harness = await startPluginHarness();
        ({ cloud, plugin } = harness);
    });
    after(() => harness?.stop());
    beforeEach(() => cloud.control.reset());

    const args = (extra: Partial<tencentcloud.VpnConnectionArgs> = {}): tencentcloud.VpnConnectionArgs => ({
        vpcId: cloud.tencentcloud!.vpcIds[0],
        vpnGatewayId: cloud.tencentcloud!.vpnGatewayIds[0],
        customerGatewayId: cloud.tencentcloud!.customerGatewayIds[0],
        name: "branch",
        preSharedKey: "Tencent-Plugin-Psk-1",
        securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.20.0/24"] }],
        ikeOptions: { remoteAddress: "198.51.100.31" },
        ...extra,
    });
    const capture = (extra: Partial<tencentcloud.VpnConnectionArgs> = {}) => captureProviderString(() => new tencentcloud.VpnConnection("branch", args(extra)));
    const counters = () => cloud.control.counters();

    it("can store a provider text under 1 KB that holds no credential, PSK or client", async () => {
        const captured = await capture();
        assert.equal(captured.providerText, providerText(HOOK_MODULES.tencentcloudVpnConnection));
        assert.ok(Buffer.byteLength(captured.providerText) < 1024);
        assert.match(captured.providerText, /pulumi-ipsec\/dist\/provider\/tencentcloud\/vpnConnection/);
        for (const secret of [cloud.tencentcloud!.secretId, cloud.tencentcloud!.secretKey, "Tencent-Plugin-Psk-1", "127.0.0.1"]) {
            assert.equal(captured.providerText.includes(secret), false, `__provider contains ${secret}`);
        }
        assert.equal(captured.type, "pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection");
    });

    it("fails check in the plugin naming the property when a policy's remote CIDR is null, before any API call", async () => {
        // GIVEN a policy list with a null remote CIDR, as a program's unresolved lookup can produce
        const captured = await capture();
        const engine = new EngineSimulator(plugin, { type: captured.type, name: "branch", providerText: captured.providerText, secretInputKeys: captured.secretInputKeys });
        const policies = [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.20.0/24", null] }];
        // WHEN it is brought up, THEN Check answers with the property (not an RPC error) and nothing is called
        await assert.rejects(engine.up({ ...captured.inputs, securityPolicyDatabases: policies }), (error: unknown) => {
            assert.ok(error instanceof CheckFailedError, String(error));
            assert.match(error.message, /securityPolicyDatabases\[0\]\.remoteCidrBlocks\[1\]/);
            return true;
        });
        assert.deepEqual(await counters(), {});
    });

    it("can create through API 2.0, then read, update and delete the same connection through API 3.0", async () => {
        // GIVEN a connection created with the legacy calls
        const api2 = await capture({ apiVersion: "2.0" });
        const engine = new EngineSimulator(plugin, {
            type: api2.type,
            name: "branch",
            providerText: api2.providerText,
            secretInputKeys: api2.secretInputKeys,
            additionalSecretOutputs: ["preSharedKey"],
        });
        const created = await engine.up(api2.inputs);
        assert.equal(created.operation, "create");
        assert.equal((await counters())["tencentcloud:AddVpnConnEx"], 1);

        // WHEN the program switches to API 3.0 and refreshes
        const current = await capture({ apiVersion: "3.0" });
        await engine.up(current.inputs);
        const refreshed = await engine.refresh({ previewOnly: true });
        // THEN 3.0 reads the same connection with no drift
        assert.equal(refreshed.drift, false);
        assert.equal(engine.state!.id, created.state.id);

        // WHEN a field changes
        const changed = await capture({ apiVersion: "3.0", ipsecOptions: { encryptAlgorithm: "AES-CBC-256" } });
        const updated = await engine.up(changed.inputs);
        // THEN the 3.0 modify call updated it in place, and a 3.0 read agrees
        assert.equal(updated.operation, "update");
        assert.equal((await counters())["tencentcloud:ModifyVpnConnectionAttribute"], 1);
        assert.equal((await counters())["tencentcloud:ModifyVpnConnEx"] ?? 0, 0);
        assert.equal(updated.state.outputs.ipsecOptions.encryptAlgorithm, "AES-CBC-256");
        assert.equal((await engine.refresh({ previewOnly: true })).drift, false);

        // WHEN destroyed
        await engine.destroy();
        // THEN the 3.0 delete removed it
        assert.equal((await counters())["tencentcloud:DeleteVpnConnection"], 1);
        assert.equal((await cloud.control.state<any>()).tencentcloud.connections.length, 0);
        assert.deepEqual(engine.plaintextLeaks(["Tencent-Plugin-Psk-1", cloud.tencentcloud!.secretKey]), []);
    });
});
