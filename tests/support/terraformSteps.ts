/**
 * Runs the steps of a Terraform acceptance test through a resource's hooks, as the engine would: the
 * first step checked and created, each next one checked, diffed and (when it changes anything)
 * updated, and after every step a read whose diff against the step's inputs must be empty.
 */
import assert from "node:assert/strict";
import { diffResource } from "../../provider/core/resource";
import { Schema } from "../../provider/core/schema";

// Steps read nested outputs freely (`live.props.tunnels[0]…`).
type Props = Record<string, any>;

/** What the step runner calls of a resource's hooks. */
export interface StepHooks {
    check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: unknown[] }>;
    diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean; replaces?: string[] }>;
    create(inputs: Props): Promise<{ id: string; outs?: Props }>;
    read(id: string, props: Props): Promise<{ props?: Props }>;
    update(id: string, olds: Props, news: Props): Promise<{ outs?: Props }>;
}

/** A connection after a step: its ID, the step's checked inputs and the outputs read back. */
export type Live = { id: string; inputs: Props; props: Props };

/** The serialized provider the engine would pass along (the hooks drop it). */
const PROVIDER = "serialized-provider-text";

export function stepRunner(hooks: StepHooks, schema: Schema) {
    async function checked(olds: Props, raw: Props): Promise<Props> {
        const result = await hooks.check(olds, { ...raw, __provider: PROVIDER });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    }

    /** Reads the connection back and asserts the step left nothing to change. */
    async function settled(id: string, outs: Props | undefined, inputs: Props): Promise<Live> {
        const read = await hooks.read(id, { ...outs, __provider: PROVIDER });
        assert.deepEqual(diffResource(schema, read.props!, inputs).changedPaths, []);
        assert.equal((await hooks.diff(id, read.props!, inputs)).changes, false);
        return { id, inputs, props: read.props! };
    }

    async function created(raw: Props): Promise<Live> {
        const inputs = await checked({}, raw);
        const made = await hooks.create(inputs);
        return settled(made.id, made.outs, inputs);
    }

    /** Applies a next step in place; `changed` is what the diff must report (empty: the step is already true). */
    async function updated(live: Live, raw: Props, changed: string[]): Promise<Live> {
        const inputs = await checked(live.inputs, raw);
        const diff = await hooks.diff(live.id, live.props, inputs);
        assert.deepEqual(diff.replaces ?? [], []);
        assert.deepEqual(diffResource(schema, live.props, inputs).changedPaths.sort(), [...changed].sort());
        assert.equal(diff.changes, changed.length > 0);
        if (!diff.changes) return settled(live.id, live.props, inputs);
        const result = await hooks.update(live.id, live.props, inputs);
        return settled(live.id, result.outs, inputs);
    }

    return { checked, settled, created, updated };
}
