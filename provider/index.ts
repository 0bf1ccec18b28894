/**
 * What a resource's state names as its provider. Each resource's `__provider` holds nothing but the
 * name of an implementation module, which the plugin process `require()`s from the program's
 * node_modules when the resource's first hook runs. No client, credential or setting is in it; fixes
 * to the implementation reach existing resources without a state change.
 *
 * The SDK's classes store {@link providerText}. The provider objects below do the same job for
 * programs that pass them to `pulumi.dynamic.Resource` themselves, which serializes them as a closure.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceHooks } from "./core/hooks";

/** The implementation module of each resource, as the plugin process requires it. */
export const HOOK_MODULES = {
    alicloudVpnConnection: "pulumi-ipsec/dist/provider/alicloud/vpnConnection",
    tencentcloudVpnConnection: "pulumi-ipsec/dist/provider/tencentcloud/vpnConnection",
    presharedKey: "pulumi-ipsec/dist/provider/crossCloud/presharedKey",
} as const;

/**
 * Loads a hook module in the plugin process. A missing package fails with the directory it looked in
 * and how to install it. The function uses nothing outside itself, because its source is also part
 * of every {@link providerText}.
 */
function loadHooks(moduleId: string): ResourceHooks {
    try {
        return require(moduleId);
    } catch (error: any) {
        if (error?.code === "MODULE_NOT_FOUND" && String(error.message).includes(moduleId)) {
            throw new Error(`${moduleId} cannot be loaded from ${process.cwd()}: install pulumi-ipsec in the Pulumi program's own package.json (npm install <path to a pulumi-ipsec clone>; see its README)`);
        }
        throw error;
    }
}

/**
 * The `__provider` text the SDK's classes store: a CommonJS module whose `handler()` loads the hooks
 * of `moduleId` and returns them as a dynamic provider. This is the form `pulumi.dynamic.Resource`
 * writes and the Node.js dynamic-provider server loads: `require-from-string`, then `handler()`, once
 * per distinct text and process (pulumi/pulumi `sdk/nodejs/cmd/dynamic-provider/index.ts`,
 * `getProvider`).
 *
 * The text is written here, not serialized from a closure. Pulumi's closure serializer wraps each
 * method in about 200 bytes, so seven hooks came to 2.7 KB. Every Read decodes that text twice
 * (properties, inputs) and encodes it twice with the plugin's JavaScript protobuf library, and the
 * state holds it twice per resource.
 *
 * The handler maps the hooks every release has exported, so state written by this release still
 * loads an older installed package.
 */
export function providerText(moduleId: string): string {
    return [
        "exports.handler = function () {",
        `    var hooks = (${loadHooks.toString()})(${JSON.stringify(moduleId)});`,
        "    return { configure: hooks.configure, check: hooks.check, diff: hooks.diff, create: hooks.create, read: hooks.read, update: hooks.update, delete: hooks.remove };",
        "};",
        "",
    ].join("\n");
}

/** A provider object that loads `moduleId`'s hooks at each call (serialized by `pulumi.dynamic.Resource`). */
function providerFor(moduleId: string): pulumi.dynamic.ResourceProvider {
    const load = (): ResourceHooks => loadHooks(moduleId);
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

/** Dynamic provider of `alicloud.VpnConnection`, for `pulumi.dynamic.Resource`. */
export const alicloudVpnConnectionProvider: pulumi.dynamic.ResourceProvider = providerFor(HOOK_MODULES.alicloudVpnConnection);

/** Dynamic provider of `tencentcloud.VpnConnection`, for `pulumi.dynamic.Resource`. */
export const tencentcloudVpnConnectionProvider: pulumi.dynamic.ResourceProvider = providerFor(HOOK_MODULES.tencentcloudVpnConnection);

/** Dynamic provider of the generated pre-shared key of `CrossCloudTunnel` (no cloud API: stored in the state), for `pulumi.dynamic.Resource`. */
export const presharedKeyProvider: pulumi.dynamic.ResourceProvider = providerFor(HOOK_MODULES.presharedKey);
