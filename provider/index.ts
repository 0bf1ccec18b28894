/**
 * The dynamic providers. Pulumi serializes these objects into every resource's state (`__provider`),
 * so they hold nothing but a module name: each hook `require()`s the implementation when it runs,
 * in the plugin process, from the program's node_modules. No client, credential or setting is
 * captured; fixes to the implementation reach existing resources without a state change.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceHooks } from "./core/hooks";

function providerFor(moduleId: string): pulumi.dynamic.ResourceProvider {
    const load = (): ResourceHooks => {
        try {
            return require(moduleId);
        } catch (error: any) {
            if (error?.code === "MODULE_NOT_FOUND" && String(error.message).includes(moduleId)) {
                throw new Error(`${moduleId} cannot be loaded from ${process.cwd()}: install pulumi-ipsec in the Pulumi program's own package.json (npm install <path to a pulumi-ipsec clone>; see its README)`);
            }
            throw error;
        }
    };
    return {
        configure: (request) => load().configure(request),
        check: (olds, news) => load().check(olds, news),
        diff: (id, olds, news) => load().diff(id, olds, news),
        create: (inputs) => load().create(inputs),
        read: (id, props) => load().read(id, props),
        update: (id, olds, news) => load().update(id, olds, news),
        delete: (id, props) => load().remove(id, props),
    };
}

/** Dynamic provider of `alicloud.VpnConnection`. */
export const alicloudVpnConnectionProvider: pulumi.dynamic.ResourceProvider = providerFor("pulumi-ipsec/dist/provider/alicloud/vpnConnection");

/** Dynamic provider of `tencentcloud.VpnConnection`. */
export const tencentcloudVpnConnectionProvider: pulumi.dynamic.ResourceProvider = providerFor("pulumi-ipsec/dist/provider/tencentcloud/vpnConnection");

/** Dynamic provider of the generated pre-shared key of `CrossCloudTunnel` (no cloud API: stored in the state). */
export const presharedKeyProvider: pulumi.dynamic.ResourceProvider = providerFor("pulumi-ipsec/dist/provider/crossCloud/presharedKey");
