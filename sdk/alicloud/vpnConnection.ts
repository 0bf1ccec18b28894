import * as pulumi from "@pulumi/pulumi";
import { connectionOptions, connectionProps, dynamicType } from "../connectionProps";
import { alicloudVpnConnectionProvider } from "../../provider";
import { warnIfCustomTimeouts } from "../timeouts";
import type { VpnConnectionArgs, VpnConnectionOutputs } from "./args.generated";
import { COMPUTED_OUTPUTS, SECRET_INPUTS } from "./fields.generated";

/** Module and type of the registered resource: `pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection`. */
const MODULE = "pulumi-ipsec/alicloud";
const TYPE = "VpnConnection";

/** The class's outputs: the generated {@link VpnConnectionOutputs}, merged into its instance type. */
export interface VpnConnection extends VpnConnectionOutputs {}

/**
 * An Alibaba Cloud IPsec-VPN connection (single-tunnel), managed through the VPC API.
 *
 * ```ts
 * const conn = new alicloud.VpnConnection("office", {
 *     vpnGatewayId: "vpn-bp1…", customerGatewayId: "cgw-bp1…",
 *     localSubnets: ["10.0.0.0/16"], remoteSubnets: ["192.168.0.0/24"],
 *     preSharedKey: config.requireSecret("psk"),
 * });
 * ```
 */
export class VpnConnection extends pulumi.dynamic.Resource {
    /**
     * @param opts resource options; `deleteBeforeReplace` defaults to `true` here (replacements, `pulumi up
     *  --replace` included, delete the old connection first; see the README's "Replacements").
     */
    constructor(name: string, args: VpnConnectionArgs, opts?: pulumi.CustomResourceOptions) {
        const props = connectionProps(dynamicType(MODULE, TYPE), name, args, opts, { computedOutputs: COMPUTED_OUTPUTS, secretInputs: SECRET_INPUTS });
        super(alicloudVpnConnectionProvider, name, props, connectionOptions(opts, SECRET_INPUTS), MODULE, TYPE);
        warnIfCustomTimeouts(this, opts);
    }
}
