/**
 * The write sequences every cloud shares, in one place: each write takes the VPN gateway's lock,
 * then starts its deadline, calls the cloud and waits until the connection is ready (or gone).
 * Create-then-wait (a create whose wait fails is a partial create, kept in state), adopt-verify-
 * converge, finish-an-incomplete-create, modify-then-wait and delete-then-wait are written here; a
 * cloud module supplies only its calls ({@link CloudCalls}) and the mapping of their answers.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InputValidationError } from "./errors";
import { CloudResource, log } from "./hooks";
import { runExclusive } from "./lock";
import { gatewayKey, writingTo } from "./readBatch";
import { currentProgress } from "./progress";
import { adoptionFailures } from "./actual";
import { diffResource, isPartialCreate, partialCreateError } from "./resource";
import { Props, Schema } from "./schema";
import { operationDeadline, TimedOperation, Timing } from "./timing";
import { pollOptions, waitUntil } from "./wait";

/** What one operation needs of its cloud: at least the timing it runs under (plus clients, region…). */
export interface CallContext {
    timing: Timing;
}

/**
 * One cloud's calls on one connection, and the mapping of their answers. `C` is the operation's
 * context (clients, timing), `O` one describe answer.
 */
export interface CloudCalls<C extends CallContext, O> {
    /** Prefix of the gateway lock's key (`<cloud>:<vpnGatewayId>`). */
    cloud: string;
    schema: Schema;
    /** The state a ready connection reports, for progress lines (`active`, `AVAILABLE`). */
    readyState: string;
    /**
     * The context of one operation on `props`. Every PSK it may send or receive is scrubbed from its
     * errors: `props`' and, via `others`, the cloud's current one (the old PSK while it changes, or
     * the one read at adoption).
     */
    context(props: Props, ...others: Props[]): C;
    /** The connection as one describe call sees it, or undefined when the cloud no longer lists it. */
    describe(ctx: C, id: string, deadline: number): Promise<O | undefined>;
    /**
     * The connection as something to manage (adopt, or finish creating): undefined also when it is
     * on its way out, or when the cloud calls the id one that cannot exist.
     */
    find(ctx: C, id: string, deadline: number): Promise<O | undefined>;
    /** True when the answer says the connection is ready; may throw when it says the change failed. */
    isReady(observed: O, id: string): boolean;
    /** The state the answer reports, for progress lines and timeouts. */
    stateOf(observed: O): string;
    /** Input-shaped properties of the answer, read through the field table (for adoption checks). */
    propsOf(observed: O): Props;
    /** Outputs: `inputs` overlaid with what the cloud reports, plus the computed outputs. */
    outputs(inputs: Props, observed: O): Props;
    /**
     * Sends the create and returns the connection once the cloud has its id; `identify` is told an
     * id as soon as one is known, so a later failure can keep it as a partial create.
     */
    sendCreate(ctx: C, inputs: Props, deadline: number, identify: (id: string) => void): Promise<CreatedConnection>;
    /**
     * After a failed create whose id never arrived: the connection it made, if the cloud lists one
     * now (`startedAt`: when the create began, by this machine's clock; `failure`: what the create
     * threw). Unset: a create that reported no id made nothing.
     */
    findCreated?(ctx: C, inputs: Props, startedAt: number, failure: unknown): Promise<string | undefined>;
    /**
     * After a failed create: false only when the cloud positively reports the connection gone (its
     * failed task removed it), so it is not kept as a partial create. Unset: it exists.
     */
    stillExists?(ctx: C, id: string): Promise<boolean>;
    /** Sends the changed properties (`changedPaths`) of `inputs`; `actual` holds the cloud's current values. */
    sendModify(ctx: C, id: string, actual: Props, inputs: Props, changedPaths: readonly string[], deadline: number): Promise<void>;
    /** Starts deleting; false when the cloud says it was gone already (nothing to wait for). */
    sendDelete(ctx: C, id: string, olds: Props, deadline: number): Promise<boolean>;
    /** Waits for whatever else a write on `props` keeps busy (e.g. the VPN gateway reconfiguring). */
    afterWait?(ctx: C, props: Props, deadline: number): Promise<void>;
}

/** What a create answered with. */
export interface CreatedConnection {
    id: string;
    /**
     * Not known to be made by this attempt: an earlier attempt or run made it (a ClientToken replay,
     * a lookup after a crash), maybe from inputs that were edited since.
     */
    madeEarlier: boolean;
}

/** The write hooks of a {@link CloudResource}, built from a cloud's calls. */
export type WriteLifecycle = Pick<CloudResource, "create" | "settle" | "modify" | "remove">;

export function writeLifecycle<C extends CallContext, O>(calls: CloudCalls<C, O>): WriteLifecycle {
    /**
     * Runs a write holding `props`' gateway, under a deadline that starts once it holds it; the
     * gateway's read views are dropped around it (core/readBatch), so no read sees it as it was.
     */
    function locked<T>(ctx: C, props: Props, deadlineProps: Props, operation: TimedOperation, write: (deadline: number) => Promise<T>): Promise<T> {
        const gateway = gatewayKey(calls.cloud, props.vpnGatewayId);
        return runExclusive(gateway, () =>
            // Queueing behind this process's other writes on the gateway is not the write's own
            // time (a hundred siblings would otherwise exhaust it).
            writingTo(gateway, () => write(operationDeadline(ctx.timing, deadlineProps, operation))),
        );
    }

    /** Waits until the connection is ready, then for what else the write keeps busy. */
    async function waitReady(ctx: C, id: string, props: Props, deadline: number): Promise<O> {
        const observed = await waitUntil<O>(async () => {
            const found = await calls.describe(ctx, id, deadline);
            if (!found) return { done: false, state: "not visible yet" };
            return calls.isReady(found, id) ? { done: true, value: found } : { done: false, state: calls.stateOf(found) };
        }, pollOptions(ctx.timing, deadline, `connection ${id} to become ${calls.readyState}`));
        await calls.afterWait?.(ctx, props, deadline);
        return observed;
    }

    async function waitGone(ctx: C, id: string, props: Props, deadline: number): Promise<void> {
        await waitUntil<void>(async () => {
            const found = await calls.describe(ctx, id, deadline);
            return found ? { done: false, state: calls.stateOf(found) } : { done: true, value: undefined };
        }, pollOptions(ctx.timing, deadline, `connection ${id} to be deleted`));
        await calls.afterWait?.(ctx, props, deadline);
    }

    /** Modify-then-wait; `operation` names the deadline (an adoption's convergence is part of its create). */
    function modify(id: string, actual: Props, inputs: Props, changedPaths: readonly string[], operation: TimedOperation): Promise<Props> {
        const ctx = calls.context(inputs, actual);
        return locked(ctx, inputs, inputs, operation, (deadline) => modifyHeld(ctx, id, actual, inputs, changedPaths, deadline));
    }

    /** Modify-then-wait, holding the gateway already. */
    async function modifyHeld(ctx: C, id: string, actual: Props, inputs: Props, changedPaths: readonly string[], deadline: number): Promise<Props> {
        await calls.sendModify(ctx, id, actual, inputs, changedPaths, deadline);
        return calls.outputs(inputs, await waitReady(ctx, id, inputs, deadline));
    }

    /**
     * The outputs of a connection an earlier attempt or run of this create made, brought to
     * `inputs`, which may have been edited since (a re-run after a crash with a new PSK): what
     * differs is modified, as an adoption converges. One that differs in a replace-on-change
     * property is kept in state as a partial create, so the next `up` replaces it.
     */
    async function convergeEarlier(ctx: C, id: string, observed: O, inputs: Props, deadline: number): Promise<Props> {
        const actual = calls.outputs(inputs, observed);
        const mismatches = adoptionFailures(calls.schema, "inputs", id, calls.propsOf(observed), inputs);
        if (mismatches.length > 0) {
            const reasons = mismatches.map((failure) => failure.reason.replace(/ \(replace the inputs or adopt another connection\)$/, "")).join("; ");
            throw partialCreateError(new Error(`an earlier attempt of this create made ${id}, but ${reasons}; it is kept in state, and the next \`pulumi up\` replaces it`), id, actual);
        }
        const { changedPaths } = diffResource(calls.schema, actual, inputs);
        if (changedPaths.length === 0) return actual;
        log(`${id} was made by an earlier attempt of this create: converging ${changedPaths.join(", ")}`);
        // The PSK the connection has now is scrubbed from the modify's errors too.
        return modifyHeld(calls.context(inputs, actual), id, actual, inputs, changedPaths, deadline);
    }

    /**
     * Brings an existing connection under management instead of creating one (the engine's `import`
     * does not work for dynamic resources): verify it is the described connection, then converge it.
     */
    async function adopt(id: string, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
        const ctx = calls.context(inputs);
        const observed = await calls.find(ctx, id, operationDeadline(ctx.timing, inputs, "create"));
        if (!observed) {
            throw new InputValidationError([{ property: "adoptConnectionId", reason: `connection ${id} does not exist in region ${inputs.region}` }]);
        }
        const failures = adoptionFailures(calls.schema, "adoptConnectionId", id, calls.propsOf(observed), inputs);
        if (failures.length > 0) throw new InputValidationError(failures);
        const actual = calls.outputs(inputs, observed);
        const { changedPaths } = diffResource(calls.schema, actual, inputs);
        if (changedPaths.length === 0) return { id, outs: actual };
        log(`adopting ${id}: converging ${changedPaths.join(", ")}`);
        return { id, outs: await modify(id, actual, inputs, changedPaths, "create") };
    }

    /** Create-then-wait; a connection that exists when a later step fails is kept as a partial create. */
    async function create(inputs: Props, news: Props): Promise<pulumi.dynamic.CreateResult> {
        if (inputs.adoptConnectionId) return adopt(String(inputs.adoptConnectionId), inputs);
        const ctx = calls.context(inputs);
        return locked(ctx, inputs, inputs, "create", async (deadline) => {
            const startedAt = Date.now();
            let id: string | undefined;
            const identify = (known: string) => {
                id = known;
                currentProgress()?.identify(known);
            };
            try {
                const created = await calls.sendCreate(ctx, inputs, deadline, identify);
                identify(created.id);
                const observed = await waitReady(ctx, created.id, inputs, deadline);
                return { id: created.id, outs: created.madeEarlier ? await convergeEarlier(ctx, created.id, observed, inputs, deadline) : calls.outputs(inputs, observed) };
            } catch (error) {
                if (isPartialCreate(error)) throw error;
                // The deadline may pass before an unreported id is listed: one last lookup, so a
                // connection that exists always reaches the engine's state instead of being orphaned.
                id ??= await calls.findCreated?.(ctx, inputs, startedAt, error);
                if (!id || (calls.stillExists && !(await calls.stillExists(ctx, id)))) throw error;
                throw partialCreateError(error, id, { ...news, vpnConnectionId: id });
            }
        });
    }

    /**
     * Finishes a create an earlier run left incomplete: waits until the connection is ready, or
     * answers undefined when the cloud no longer has it. Outputs overlay `olds` (what that create
     * sent), so the update then sends only what differs from the desired inputs.
     */
    function settle(id: string, olds: Props, inputs: Props): Promise<Props | undefined> {
        const ctx = calls.context(olds);
        return locked(ctx, olds, inputs, "update", async (deadline) => {
            if (!(await calls.find(ctx, id, deadline))) return undefined;
            return calls.outputs(olds, await waitReady(ctx, id, olds, deadline));
        });
    }

    /** Delete-then-wait; already gone is success. */
    function remove(id: string, olds: Props): Promise<void> {
        const ctx = calls.context(olds);
        return locked(ctx, olds, olds, "delete", async (deadline) => {
            if (await calls.sendDelete(ctx, id, olds, deadline)) await waitGone(ctx, id, olds, deadline);
        });
    }

    return {
        create,
        settle,
        modify: (id, actual, inputs, changedPaths) => modify(id, actual, inputs, changedPaths, "update"),
        remove,
    };
}
