/**
 * The read of a connection looked up by its ID (`VpnConnection.get`, or a class constructed with
 * `opts.id`). The engine runs it as a read step on every `up` and `preview` with the props the
 * SDK sent — the lookup mark, `__provider` and the locating inputs only — and records the
 * resource as external: it never updates or deletes it (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go `GenerateReadSteps`). Unlike a refresh, a read step
 * takes an answer without an ID as success (pkg/resource/deploy/step.go `ReadStep.Apply`: the
 * Node.js dynamic-provider server always returns `__provider`), so a connection that is not
 * there must fail here, naming the ID.
 */
import type * as pulumi from "@pulumi/pulumi";
import { LOOKUP_KEY } from "./check";
import { ConnectionNotFoundError, InputValidationError } from "./errors";
import { INPUTS_KEY, recordInputs } from "./refreshInputs";
import { checkResource, withoutReserved } from "./resource";
import { lookupKeys, Props, Schema } from "./schema";

/** What a lookup needs of a cloud's resource (part of its `CloudResource`). */
export interface LookupTarget {
    /** Its field table: the `lookup` rows locate an existing connection with the ID (what `VpnConnection.get` takes), e.g. the region. */
    schema: Schema;
    /** Defaults taken from the provider's configuration (e.g. the configured region). */
    configDefaults(): Props;
    /** The connection's outputs as the cloud reports them now, or undefined when it is gone. */
    observe(id: string, olds: Props): Promise<Props | undefined>;
}

/** The locating inputs `props` give (nothing else they hold is read). */
function givenLocatingInputs(target: LookupTarget, props: Props): Props {
    const given = withoutReserved(props);
    return Object.fromEntries(lookupKeys(target.schema).filter((key) => given[key] !== undefined && given[key] !== null).map((key) => [key, given[key]]));
}

/**
 * The locating inputs of a lookup, checked like inputs and defaulted as `check` defaults them (the
 * configured region). Throws {@link InputValidationError} naming the property, before any API call.
 */
export function locatingInputs(target: LookupTarget, props: Props): Props {
    const fields: Schema = Object.fromEntries(lookupKeys(target.schema).map((key) => [key, target.schema[key]]));
    const checked = checkResource(fields, givenLocatingInputs(target, props), { defaults: target.configDefaults() });
    if (checked.failures && checked.failures.length > 0) throw new InputValidationError(checked.failures);
    return checked.inputs as Props;
}

/**
 * Reads the connection `id` where the locating inputs say: its full outputs (the PSK among them,
 * which the SDK classes list in `additionalSecretOutputs`). Sends no write. The inputs it hands
 * back, and records for a later refresh (whose `read` sees only these outputs), are the props the
 * program sent, so neither a refresh nor the next read shows a difference the program never made.
 */
export async function lookUp(target: LookupTarget, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const located = locatingInputs(target, props);
    const outs = await target.observe(id, located);
    if (!outs) throw new ConnectionNotFoundError(id, String(located.region));
    const inputs = { ...givenLocatingInputs(target, props), [LOOKUP_KEY]: true };
    return { id, props: { ...outs, [INPUTS_KEY]: recordInputs(target.schema, inputs) }, inputs };
}
