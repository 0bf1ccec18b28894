import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { alicloudVpnConnectionProvider, HOOK_MODULES, providerText, tencentcloudVpnConnectionProvider } from "../../provider";
import { PluginConnection } from "../support/pluginConnection";
import { REPO_ROOT, startPlugin } from "../support/pluginProcess";
import { PluginRpcError } from "../support/pluginRpc";
import { PROVIDER_KEY } from "../support/propertyMap";
import { serializeProviderText } from "../support/providerString";
import { makeUrn } from "../support/urn";

describe("provider (the serialized dynamic providers)", function () {
    this.timeout(60_000);

    it("can hand each hook to the implementation it loads when called", async () => {
        // GIVEN the two providers, and inputs missing every required field
        const providers = [alicloudVpnConnectionProvider, tencentcloudVpnConnectionProvider];
        // WHEN their check hooks run
        const results = await Promise.all(providers.map((p) => p.check!({}, { region: "cn-hangzhou" })));
        // THEN the implementations answered, each with its own cloud's required fields
        const [alicloud, tencentcloud] = results.map((r) => (r.failures ?? []).map((f) => f.property));
        assert.ok(alicloud.includes("vpnGatewayId") && alicloud.includes("localSubnets") && !alicloud.includes("preSharedKey"), String(alicloud));
        assert.ok(tencentcloud.includes("vpnGatewayId") && tencentcloud.includes("preSharedKey") && !tencentcloud.includes("localSubnets"), String(tencentcloud));
    });

    it("can hand each hook to the implementation from the provider text the SDK stores", async () => {
        // GIVEN the Alibaba text loaded as the dynamic-provider server loads it (require-from-string, then handler())
        const requireFromString = require("require-from-string");
        const provider = requireFromString(providerText(HOOK_MODULES.alicloudVpnConnection), path.join(REPO_ROOT, "__provider.js")).handler();
        // WHEN its check hook runs
        const result = await provider.check({}, { region: "cn-hangzhou" });
        // THEN it is the implementation's, and every hook the server calls is there
        assert.deepEqual(Object.keys(provider).sort(), ["check", "configure", "create", "delete", "diff", "read", "update"]);
        assert.equal(provider.delete, require(HOOK_MODULES.alicloudVpnConnection).remove);
        assert.ok((result.failures ?? []).some((f: { property: string }) => f.property === "vpnGatewayId"));
    });

    it("can keep each provider text under 1 KB, naming only its module", () => {
        // GIVEN the text of each resource
        for (const moduleId of Object.values(HOOK_MODULES)) {
            const text = providerText(moduleId);
            // THEN it is short and names its module and nothing else of this package
            assert.ok(Buffer.byteLength(text) < 1024, `${moduleId}: ${Buffer.byteLength(text)} bytes`);
            assert.deepEqual(text.match(/pulumi-ipsec\/[\w/]+/g), [moduleId]);
        }
    });

    describe("in a program whose node_modules lack pulumi-ipsec", () => {
        let programDir: string;
        let plugin: PluginConnection | undefined;

        before(() => {
            // Only @pulumi is installed: the plugin starts, the implementation cannot be found.
            programDir = fs.mkdtempSync(path.join(os.tmpdir(), "ipsec-no-install-"));
            fs.mkdirSync(path.join(programDir, "node_modules"));
            fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi"), path.join(programDir, "node_modules", "@pulumi"), "dir");
        });
        after(async () => {
            await plugin?.close();
            fs.rmSync(programDir, { recursive: true, force: true });
        });

        for (const [format, textOf] of [
            ["the SDK's provider text", async () => providerText(HOOK_MODULES.alicloudVpnConnection)],
            ["a provider object serialized by pulumi.dynamic.Resource", () => serializeProviderText(alicloudVpnConnectionProvider)],
        ] as const) {
            it(`fails with the directory it looked in and how to install the package (${format})`, async () => {
                // GIVEN the plugin started in that program directory
                plugin ??= await startPlugin({ cwd: programDir });
                const text = await textOf();
                const urn = makeUrn("dev", "p", "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection", "office");
                // WHEN the engine calls check
                const checking = plugin.check(urn, {}, { region: "cn-hangzhou", [PROVIDER_KEY]: text });
                // THEN the error names the module, the directory and the fix
                await assert.rejects(checking, (error: unknown) => {
                    assert.ok(PluginRpcError.isInstance(error));
                    assert.match(error.details, /pulumi-ipsec\/dist\/provider\/alicloud\/vpnConnection cannot be loaded from /);
                    assert.ok(error.details.includes(fs.realpathSync(programDir)) || error.details.includes(programDir), error.details);
                    assert.match(error.details, /install pulumi-ipsec in the Pulumi program's own package\.json/);
                    return true;
                });
            });
        }
    });
});
