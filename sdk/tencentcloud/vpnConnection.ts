import * as pulumi from "@pulumi/pulumi";
import { connectionOptions, connectionProps, dynamicType } from "../connectionProps";
import { tencentcloudVpnConnectionProvider } from "../../provider";
import { warnIfCustomTimeouts } from "../timeouts";
import type { VpnConnectionArgs, VpnConnectionOutputs } from "./args.generated";
import { COMPUTED_OUTPUTS, SECRET_INPUTS } from "./fields.generated";

/** Module and type of the registered resource: `pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection`. */
const MODULE = "pulumi-ipsec/tencentcloud";
const TYPE = "VpnConnection";

/** The class's outputs: the generated {@link VpnConnectionOutputs}, merged into its instance type. */
export interface VpnConnection extends VpnConnectionOutputs {}

/**
 * A Tencent Cloud IPsec VPN connection (tunnel), managed through the VPC API 3.0 or the legacy 2.0.
 *
 * ```ts
 * const conn = new tencentcloud.VpnConnection("office", {
 *     vpcId: "vpc-…", vpnGatewayId: "vpngw-…", customerGatewayId: "cgw-…",
 *     name: "office", preSharedKey: config.requireSecret("psk"),
 *     securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["192.168.0.0/24"] }],
 *     ikeOptions: { remoteAddress: "198.51.100.7" },
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
        super(tencentcloudVpnConnectionProvider, name, props, connectionOptions(opts, SECRET_INPUTS), MODULE, TYPE);
        warnIfCustomTimeouts(this, opts);
    }
}
