import * as pulumi from "@pulumi/pulumi";
import { ClassFields, registration } from "../connectionProps";
import { HOOK_MODULES } from "../../provider";
import { DynamicResource } from "../dynamicResource";
import { warnIfCustomTimeouts } from "../timeouts";
import type { VpnConnectionArgs, VpnConnectionLookupArgs } from "./args.generated";
import type { VpnConnectionOutputs } from "./outputs.generated";
import { COMPUTED_OUTPUTS, INPUT_OUTPUTS, LOOKUP_KEYS, SECRET_INPUTS } from "./fields.generated";

/** What the field table says the class passes specially. */
const FIELDS: ClassFields = { computedOutputs: COMPUTED_OUTPUTS, secretInputs: SECRET_INPUTS, inputOutputs: INPUT_OUTPUTS, lookupKeys: LOOKUP_KEYS };

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
export class VpnConnection extends DynamicResource {
    /**
     * Looks up an existing connection by its ID (`vpnx-…`) without managing it: every `pulumi up` and
     * `preview` reads it again, and Pulumi never updates or deletes it — `destroy`, or dropping the
     * call from the program, only removes it from the stack (observed with pulumi v3.248.0). The
     * outputs are the connection's attributes as the cloud reports them, the PSK a secret. Fails,
     * naming the ID, when the region holds no such connection. Connections made through either API
     * generation are read through `apiVersion`'s.
     *
     * ```ts
     * const office = tencentcloud.VpnConnection.get("office", "vpnx-…");
     * export const policies = office.securityPolicyDatabases;
     * ```
     *
     * @param name the resource's name in the stack
     * @param id the connection's ID
     * @param state where to look it up, besides its ID
     * @param opts resource options (e.g. `parent`); `id` is this call's
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: VpnConnectionLookupArgs, opts?: pulumi.CustomResourceOptions): VpnConnection {
        // With `opts.id` the constructor reads only the locating inputs of its args.
        return new VpnConnection(name, { ...state } as VpnConnectionArgs, { ...opts, id });
    }

    /**
     * @param args the desired connection; with `opts.id` set, a lookup as {@link VpnConnection.get}
     *  makes, which reads only its {@link VpnConnectionLookupArgs}
     * @param opts resource options; `deleteBeforeReplace` defaults to `true` here (replacements, `pulumi up
     *  --replace` included, delete the old connection first; see the README's "Replacements").
     */
    constructor(name: string, args: VpnConnectionArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(MODULE, TYPE, name, args, opts, FIELDS);
        super(HOOK_MODULES.tencentcloudVpnConnection, MODULE, TYPE, name, props, options);
        warnIfCustomTimeouts(this, opts);
    }
}
