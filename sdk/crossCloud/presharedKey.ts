/**
 * `GeneratedPresharedKey`: a random pre-shared key valid on both clouds, drawn once at create and
 * kept in the stack's state as a secret, so it is the same on every later `pulumi up` (a key drawn
 * in the program itself would change, and renegotiate both tunnels, on every run). Its hooks are in
 * provider/crossCloud/presharedKey.ts; `@pulumi/random` is not a dependency of this package.
 */
import * as pulumi from "@pulumi/pulumi";
import { HOOK_MODULES } from "../../provider";
import { DynamicResource } from "../dynamicResource";

/** The arguments of {@link GeneratedPresharedKey}. */
export interface GeneratedPresharedKeyArgs {
    /**
     * Characters of the key, 16–100 (letters and digits). Changing it draws a new key (a replacement).
     * @default 32
     */
    length?: pulumi.Input<number>;
}

/** Module and type of the registered resource: `pulumi-nodejs:dynamic/pulumi-ipsec/crossCloud:PresharedKey`. */
const MODULE = "pulumi-ipsec/crossCloud";
const TYPE = "PresharedKey";

/** A pre-shared key of letters and digits, generated once and kept (secret) in the state; see the module comment. */
export class GeneratedPresharedKey extends DynamicResource {
    /** The key: letters and digits, `length` characters. Always a secret. */
    declare readonly value: pulumi.Output<string>;
    /** Its length. */
    declare readonly length: pulumi.Output<number>;

    constructor(name: string, args: GeneratedPresharedKeyArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const options = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["value"] });
        super(HOOK_MODULES.presharedKey, MODULE, TYPE, name, { length: args.length, value: undefined }, options);
    }
}
