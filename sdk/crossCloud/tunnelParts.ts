/**
 * What {@link CrossCloudTunnel} and {@link CrossCloudHaTunnel} share: the one pre-shared key and the
 * mirrored traffic selectors.
 */
import * as pulumi from "@pulumi/pulumi";
import type { SecurityPolicyDatabaseArgs } from "../tencentcloud/args.generated";
import { GeneratedPresharedKey } from "./presharedKey";

/** The key both ends use, always a secret, and the resource that generated it when none was given. */
export interface TunnelKey {
    preSharedKey: pulumi.Output<string>;
    generated?: GeneratedPresharedKey;
}

/**
 * `given` as a secret, or a {@link GeneratedPresharedKey} child named `<name>-psk`: drawn once and
 * kept in the state, so the key survives every later `pulumi up`.
 */
export function tunnelKey(name: string, given: pulumi.Input<string> | undefined, parent: pulumi.Resource): TunnelKey {
    if (given !== undefined) return { preSharedKey: pulumi.secret(given) };
    const generated = new GeneratedPresharedKey(`${name}-psk`, {}, { parent });
    return { preSharedKey: pulumi.secret(generated.value), generated };
}

/** Each side's traffic selectors: its local subnets are the other side's remote ones. */
export interface MirroredSubnets {
    alicloud: { localSubnets: pulumi.Input<pulumi.Input<string>[]>; remoteSubnets: pulumi.Input<pulumi.Input<string>[]> };
    tencentcloud: { securityPolicyDatabases: pulumi.Input<pulumi.Input<SecurityPolicyDatabaseArgs>[]> };
}

/**
 * Alibaba protects every local × remote pair (CreateVpnConnection LocalSubnet/RemoteSubnet); Tencent
 * one security policy per local CIDR, towards all of Alibaba's (SecurityPolicyDatabases), the same pairs seen from
 * the other end.
 */
export function mirroredSubnets(alicloudCidrs: pulumi.Input<pulumi.Input<string>[]>, tencentcloudCidrs: pulumi.Input<pulumi.Input<string>[]>): MirroredSubnets {
    const policies = pulumi
        .all([pulumi.output(alicloudCidrs), pulumi.output(tencentcloudCidrs)])
        .apply(([ali, tc]) => tc.map((local) => ({ localCidrBlock: local, remoteCidrBlocks: [...ali] })));
    return {
        alicloud: { localSubnets: alicloudCidrs, remoteSubnets: tencentcloudCidrs },
        tencentcloud: { securityPolicyDatabases: policies },
    };
}

/** Fails, naming `field`, when a plain list is empty; a deferred one is left to the providers' checks. */
export function requireCidrs(field: string, cidrs: pulumi.Input<pulumi.Input<string>[]> | undefined): pulumi.Input<pulumi.Input<string>[]> {
    if (cidrs === undefined || (Array.isArray(cidrs) && cidrs.length === 0)) {
        throw Object.assign(new Error(`\`${field}\` needs at least one CIDR block`), { field, code: "MissingCidrs" });
    }
    return cidrs;
}
