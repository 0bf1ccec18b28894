import * as pulumi from "@pulumi/pulumi";
import { LOOKUP_KEY } from "../provider/core/check";
import { dynamicType } from "./dynamicResource";

/** What both connection classes share in their arguments. */
interface SharedArgs {
    idempotencyKey?: pulumi.Input<string>;
}

/** What a class's field table says it passes specially (its generated `fields.generated.ts`). */
export interface ClassFields {
    /** Outputs the cloud computes. */
    computedOutputs: readonly string[];
    /** Top-level inputs that hold a secret. */
    secretInputs: readonly string[];
    /** Inputs the provider reports back as outputs: each is an output property even when the program leaves it unset. */
    inputOutputs: readonly string[];
    /** The inputs that, with the ID, locate an existing connection (what `VpnConnection.get` sends). */
    lookupKeys: readonly string[];
}

/** What a connection class registers (through sdk/dynamicResource.ts) besides its type and name. */
export interface Registration {
    props: Record<string, unknown>;
    options: pulumi.CustomResourceOptions;
}

/**
 * The props and options of a connection class's registration: a managed connection's
 * ({@link connectionProps}, {@link connectionOptions}), or with `opts.id` a lookup's
 * ({@link lookupProps}, {@link lookupOptions}), which reads only the locating inputs of `args`.
 */
export function registration(module: string, type: string, name: string, args: SharedArgs, opts: pulumi.CustomResourceOptions | undefined, fields: ClassFields): Registration {
    if (opts?.id !== undefined) {
        return { props: lookupProps(args, fields.lookupKeys, [...fields.inputOutputs, ...fields.computedOutputs]), options: lookupOptions(opts, fields.secretInputs) };
    }
    return { props: connectionProps(dynamicType(module, type), name, args, opts, fields), options: connectionOptions(opts, fields.secretInputs) };
}

/** The type of the stack resource, which the URN leaves out of the parent type chain. */
const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * The URN the engine gives the resource, computed now: `urn:pulumi:<stack>::<project>::<parent
 * types joined by $ and the own type>::<name>`, as `createUrn` in @pulumi/pulumi's resource.ts
 * builds it. The parent's own URN is an Output, and depending on it would make the connection wait
 * for every resource of a parent component (the engine's dependency on a component is on all its
 * children), so the chain is read from the parent resources themselves.
 */
export function resourceUrn(type: string, name: string, parent: pulumi.Resource | undefined): string {
    const types = [type];
    for (let resource = parent; resource !== undefined && pulumi.resourceType(resource) !== STACK_TYPE; resource = parentOf(resource)) {
        types.unshift(pulumi.resourceType(resource));
    }
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${types.join("$")}::${name}`;
}

/** The parent the SDK recorded when `resource` was constructed (the stack resource at the top). */
function parentOf(resource: pulumi.Resource): pulumi.Resource | undefined {
    return (resource as unknown as { __parentResource?: pulumi.Resource }).__parentResource;
}

/**
 * The props a connection class registers: each secret input (the PSK)
 * always as a secret, the idempotency key defaulted to the resource's URN — unique wherever URNs
 * are, so same-named children of different components never share a create token — and each
 * computed output present (as undefined), which is what makes it an output property at all.
 */
export function connectionProps(type: string, name: string, args: SharedArgs, opts: pulumi.CustomResourceOptions | undefined, fields: ClassFields): Record<string, unknown> {
    const values = args as Record<string, unknown>;
    return {
        // An undefined prop is not an input, but it makes the key an output property of the resource.
        ...Object.fromEntries(fields.inputOutputs.map((key) => [key, undefined])),
        ...args,
        ...Object.fromEntries(fields.secretInputs.map((key) => [key, values[key] === undefined ? undefined : pulumi.secret(values[key])])),
        idempotencyKey: args.idempotencyKey ?? resourceUrn(type, name, opts?.parent),
        ...Object.fromEntries(fields.computedOutputs.map((key) => [key, undefined])),
    };
}

/**
 * Resource options every connection adds: the secret inputs are secret outputs too (a PSK the
 * cloud generated is one), and replacements delete the old connection first unless the caller
 * says otherwise. A forced replacement (`pulumi up --replace`, a tainted resource) never asks the
 * provider's diff — the engine replaces creating first unless this option says not to
 * (pulumi/pulumi pkg/resource/deploy/step_generator.go `isTargetedReplace`) — and creating first
 * with unchanged inputs hands the create the old connection back by its idempotency token, which
 * the engine then deletes.
 */
export function connectionOptions(opts: pulumi.CustomResourceOptions | undefined, secretInputs: readonly string[]): pulumi.CustomResourceOptions {
    const merged = pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretInputs] });
    return { ...merged, deleteBeforeReplace: opts?.deleteBeforeReplace ?? true };
}

/**
 * The props of a connection looked up by ID (`VpnConnection.get`): the lookup mark the read hook
 * recognizes, the locating inputs given (nothing else of `state` is sent), and every output key
 * present (as undefined), which is what makes each an output property of the looked-up resource.
 */
export function lookupProps(state: object | undefined, locatingKeys: readonly string[], outputKeys: readonly string[]): Record<string, unknown> {
    const given = (state ?? {}) as Record<string, unknown>;
    return {
        ...Object.fromEntries(outputKeys.map((key) => [key, undefined])),
        ...Object.fromEntries(locatingKeys.filter((key) => given[key] !== undefined).map((key) => [key, given[key]])),
        [LOOKUP_KEY]: true,
    };
}

/** Resource options of a lookup (`opts.id` set): the secret inputs the cloud reports (the PSK) are secret outputs too. */
export function lookupOptions(opts: pulumi.CustomResourceOptions, secretInputs: readonly string[]): pulumi.CustomResourceOptions {
    return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secretInputs] });
}
