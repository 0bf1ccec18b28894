/** The `__provider` text the SDK stores for a resource (`serializeProvider` in @pulumi/pulumi dynamic/index.ts). */
import type { Cloud } from "./fleet";

export async function providerText(provider: object): Promise<string> {
    const pulumi = require("@pulumi/pulumi");
    return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}

/** The project's provider of `cloud`, as a program that installed the package serializes it. */
export function projectProvider(cloud: Cloud): object {
    const providers = require("../dist/provider");
    return cloud === "alicloud" ? providers.alicloudVpnConnectionProvider : providers.tencentcloudVpnConnectionProvider;
}

/** The URN the engine gives connection `name` of `cloud` in the bench stack. */
export function benchUrn(cloud: Cloud, name: string): string {
    return `urn:pulumi:bench::bench::pulumi-nodejs:dynamic/pulumi-ipsec/${cloud}:VpnConnection::${name}`;
}
