/** The `__provider` texts the bench stores: the project's, as its SDK classes write it, and closures serialized as `pulumi.dynamic.Resource` serializes them. */
import type { Cloud } from "./fleet";

/** A provider object's text as `pulumi.dynamic.Resource` stores it (`serializeProvider` in @pulumi/pulumi dynamic/index.ts). */
export async function providerText(provider: object): Promise<string> {
    const pulumi = require("@pulumi/pulumi");
    return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/** The `__provider` text the SDK's `VpnConnection` of `cloud` stores (provider/index.ts `providerText`), loaded from `dist/` as a program that installed the package loads it. */
export function projectProviderText(cloud: Cloud): string {
    const providers = require("../dist/provider");
    return providers.providerText(cloud === "alicloud" ? providers.HOOK_MODULES.alicloudVpnConnection : providers.HOOK_MODULES.tencentcloudVpnConnection);
}

/** The URN the engine gives connection `name` of `cloud` in the bench stack. */
export function benchUrn(cloud: Cloud, name: string): string {
    return `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/pulumi-ipsec/${cloud}:VpnConnection::${name}`;
}
