import * as pulumi from "@pulumi/pulumi";

/** What both connection classes share in their arguments. */
interface SharedArgs {
    preSharedKey?: pulumi.Input<string>;
    idempotencyKey?: pulumi.Input<string>;
}

/**
 * The props a connection class hands to `pulumi.dynamic.Resource`: the PSK always as a secret, the
 * idempotency key defaulted from the resource's identity, and each computed output present (as
 * undefined), which is what makes it an output property at all.
 */
export function connectionProps(name: string, args: SharedArgs, computedOutputs: readonly string[]): Record<string, unknown> {
    return {
        ...args,
        preSharedKey: args.preSharedKey === undefined ? undefined : pulumi.secret(args.preSharedKey),
        idempotencyKey: args.idempotencyKey ?? `${pulumi.getProject()}/${pulumi.getStack()}/${name}`,
        ...Object.fromEntries(computedOutputs.map((key) => [key, undefined])),
    };
}

/**
 * Resource options every connection adds: a PSK the cloud generated is a secret too, and
 * replacements delete the old connection first unless the caller says otherwise. A forced
 * replacement (`pulumi up --replace`, a tainted resource) never asks the provider's diff — the
 * engine replaces creating first unless this option says not to (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go `isTargetedReplace`) — and creating first with unchanged
 * inputs hands the create the old connection back by its idempotency token, which the engine then
 * deletes.
 */
export function connectionOptions(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    const merged = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["preSharedKey"] });
    return { ...merged, deleteBeforeReplace: opts?.deleteBeforeReplace ?? true };
}
