/**
 * The CLI tier's test program: the connections that the stack config `connections` describes, so
 * one program serves every flow (changes, replacements, sweeps, both clouds and API generations).
 * A PSK comes from the secret config key the entry names, never from the plain JSON.
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
}

const config = new pulumi.Config();
const specs = JSON.parse(config.require("connections")) as ConnectionSpec[];

const ids: Record<string, pulumi.Output<string>> = {};
const psks: Record<string, pulumi.Output<string>> = {};
for (const spec of specs) {
    const args = { ...spec.args, ...(spec.psk ? { preSharedKey: config.requireSecret(spec.psk) } : {}) };
    const connection =
        spec.cloud === "alicloud"
            ? new alicloud.VpnConnection(spec.name, args as unknown as alicloud.VpnConnectionArgs, spec.options)
            : new tencentcloud.VpnConnection(spec.name, args as unknown as tencentcloud.VpnConnectionArgs, spec.options);
    ids[spec.name] = connection.vpnConnectionId;
    psks[spec.name] = connection.preSharedKey;
}

export const connectionIds = ids;
export const preSharedKeys = psks;
