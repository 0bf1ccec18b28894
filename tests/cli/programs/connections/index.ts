/**
 * The CLI tier's test program: the connections that the stack config `connections` describes, so
 * one program serves every flow (changes, replacements, sweeps, both clouds and API generations,
 * connections inside components). A PSK comes from the secret config key the entry names, never
 * from the plain JSON.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud } from "pulumi-ipsec";

interface ConnectionSpec {
    name: string;
    cloud: "alicloud" | "tencentcloud";
    args: Record<string, unknown>;
    /** Secret config key holding this connection's PSK; unset leaves `preSharedKey` unset. */
    psk?: string;
    /** Resource options, handed to the constructor as they are. */
    options?: { deleteBeforeReplace?: boolean; customTimeouts?: { create?: string; update?: string; delete?: string } };
    /** The component the connection is a child of; its outputs are keyed `<component name>/<name>`. */
    component?: { type: string; name: string };
}

/** A component of the program's own around connections, as users group them by site. */
class Site extends pulumi.ComponentResource {
    constructor(type: string, name: string) {
        super(type, name, {}, {});
        this.registerOutputs({});
    }
}

/** One component per type and name, however many connections it holds. */
const sites = new Map<string, Site>();
function siteFor({ type, name }: { type: string; name: string }): Site {
    const key = `${type}::${name}`;
    if (!sites.has(key)) sites.set(key, new Site(type, name));
    return sites.get(key)!;
}

const config = new pulumi.Config();
const specs = JSON.parse(config.require("connections")) as ConnectionSpec[];

const ids: Record<string, pulumi.Output<string>> = {};
const psks: Record<string, pulumi.Output<string | undefined>> = {};
for (const spec of specs) {
    const args = { ...spec.args, ...(spec.psk ? { preSharedKey: config.requireSecret(spec.psk) } : {}) };
    const options = { ...spec.options, ...(spec.component ? { parent: siteFor(spec.component) } : {}) };
    const connection =
        spec.cloud === "alicloud"
            ? new alicloud.VpnConnection(spec.name, args as unknown as alicloud.VpnConnectionArgs, options)
            : new tencentcloud.VpnConnection(spec.name, args as unknown as tencentcloud.VpnConnectionArgs, options);
    const key = spec.component ? `${spec.component.name}/${spec.name}` : spec.name;
    ids[key] = connection.vpnConnectionId;
    psks[key] = connection.preSharedKey;
}

export const connectionIds = ids;
export const preSharedKeys = psks;
