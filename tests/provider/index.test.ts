import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { alicloudVpnConnectionProvider, tencentcloudVpnConnectionProvider } from "../../provider";
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

        it("fails with the directory it looked in and how to install the package", async () => {
            // GIVEN the plugin started in that program directory
            plugin = await startPlugin({ cwd: programDir });
            const text = await serializeProviderText(alicloudVpnConnectionProvider);
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
    });
});
