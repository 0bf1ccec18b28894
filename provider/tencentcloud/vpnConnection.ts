/**
 * Lifecycle of a Tencent Cloud IPsec VPN connection: the dynamic provider's hooks `require()` this
 * module at call time, so nothing here is serialized into state. `apiVersion` picks the API
 * generation per call; both read and write the same cloud object, so a connection made through
 * API 2.0 is read and updated through API 3.0 after switching `apiVersion`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { deleteFirstOnSameGateway, log, resourceHooks } from "../core/hooks";
import { CloudApiError, ConfigurationError, InputValidationError } from "../core/errors";
import { runExclusive } from "../core/lock";
import { adoptionFailures, diffResource, overlayActual, partialCreateError, withUnmanagedFromActual } from "../core/resource";
import { currentProgress } from "../core/progress";
import { withRetry } from "../core/retry";
import { lookupKeys, Props, secretValues } from "../core/schema";
import { operationDeadline, resolveTiming, Timing } from "../core/timing";
import { Api2 } from "./api2";
import { Api3 } from "./api3";
import { TencentVpcClient } from "./client";
import { ConnectionApi, CreateStarted, Observed, settleCreate, waitAvailable, waitGone } from "./connectionApi";
import { TencentLegacyVpcClient } from "./legacyClient";
import { legacyRegionCode } from "./regions";
import { isAmbiguousFailure } from "./retryPolicy";
import { connectionRules } from "./rules";
import { API_2, dialectOf, VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";
import { configuredRegion, resolveSettings } from "./settings";
import { ComputedOutputs } from "./views";

export type { ComputedOutputs } from "./views";

interface Context {
    api: ConnectionApi;
    timing: Timing;
}

/**
 * The API generation `props` select, with credentials and timing resolved now. The value of every
 * `secret` row (the PSK) the operation may send or receive is scrubbed from its errors: the
 * desired one and, via `others`, the cloud's current one (the old PSK while it changes, or the one
 * read at adoption).
 */
function contextFor(props: Props, ...others: Props[]): Context {
    const settings = resolveSettings();
    const timing = resolveTiming();
    const region = String(props.region);
    const secrets = [props, ...others].flatMap((p) => secretValues(SCHEMA, p));
    if (dialectOf(props) === API_2) {
        const code = legacyRegionCode(region);
        if (!code) throw new ConfigurationError(`region ${region} has no API 2.0 region code; use apiVersion "3.0"`);
        return { api: new Api2(new TencentLegacyVpcClient(settings, code, timing, secrets), timing), timing };
    }
    return { api: new Api3(new TencentVpcClient(settings, region, timing, secrets), timing), timing };
}

/** Writes on one VPN gateway queue here: the cloud runs one task per gateway (`UnsupportedOperation.MutexOperationTaskRunning`, DeleteVpnConnection's codes). */
const gatewayLock = (props: Props) => `tencentcloud:${props.vpnGatewayId}`;

/**
 * Outputs = desired inputs overlaid with what the cloud reports, plus the computed outputs. The
 * cloud reports the tunnel's traffic both as policies and as their remote CIDRs; only the form the
 * resource declares is kept, so the outputs never hold both (which `check` refuses as inputs).
 */
export function outputsFrom(inputs: Props, observed: Observed): Props & ComputedOutputs {
    const { securityPolicyDatabases, userGwCidrBlocks, ...actual } = observed.props;
    const [key, value] = inputs.userGwCidrBlocks !== undefined ? ["userGwCidrBlocks", userGwCidrBlocks] : ["securityPolicyDatabases", securityPolicyDatabases];
    if (value !== undefined) actual[key] = value;
    return { ...overlayActual(SCHEMA, inputs, actual), ...observed.computed };
}

/**
 * Sends the create unless an earlier attempt already did: the lookup runs before creating and
 * again after every ambiguous failure (network error, timeout, 5xx), when the create may have
 * taken effect without an answer; only then is the create sent again.
 */
async function createOrAdopt(ctx: Context, inputs: Props, deadline: number): Promise<CreateStarted & { adopted?: boolean }> {
    return withRetry(
        async () => {
            const existing = await ctx.api.findOwn(inputs, deadline);
            if (existing) {
                log(`adopting connection ${existing}, made by an earlier attempt of this create`);
                return { id: existing, adopted: true };
            }
            return ctx.api.create(inputs, deadline);
        },
        {
            deadline,
            action: "the create",
            classify: (error) => (isAmbiguousFailure(error) ? "network" : "fatal"),
            minDelayMs: ctx.timing.minDelayMs,
            maxDelayMs: ctx.timing.maxDelayMs,
            onRetry: (error) => log(`create of "${inputs.name}" may or may not have happened (${(error as Error).message}); looking it up before trying again`),
        },
    );
}

/** True unless the cloud positively reports the connection gone (an unanswered lookup counts as existing). */
async function stillExists(ctx: Context, id: string): Promise<boolean> {
    try {
        return (await ctx.api.describe(id, Date.now() + ctx.timing.readTimeoutMs)) !== undefined;
    } catch {
        return true;
    }
}

async function createConnection(inputs: Props, news: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = contextFor(inputs);
    if (inputs.adoptConnectionId) {
        return adopt(ctx, String(inputs.adoptConnectionId), inputs, operationDeadline(ctx.timing, inputs, "create"));
    }
    return runExclusive(gatewayLock(inputs), async () => {
        // Every write's deadline starts once it holds the gateway: queueing behind this process's
        // other writes on it is not its own time (a hundred siblings would otherwise exhaust it).
        const deadline = operationDeadline(ctx.timing, inputs, "create");
        let id: string | undefined;
        try {
            const started = await createOrAdopt(ctx, inputs, deadline);
            id = started.id;
            if (id) currentProgress()?.identify(id);
            if (!started.adopted) id = await settleCreate(ctx.api, started, inputs, ctx.timing, deadline);
            currentProgress()?.identify(id!);
            const observed = await waitAvailable(ctx.api, id!, ctx.timing, deadline);
            return { id: id!, outs: outputsFrom(inputs, observed) };
        } catch (error) {
            // The deadline may pass before an unreported id is listed, or while the create's
            // answers stay ambiguous: one last lookup, so a connection that exists always reaches
            // the engine's state instead of being orphaned.
            id ??= await findOwnQuietly(ctx, inputs);
            // One whose failed task already removed it (DescribeVpcTaskResult FAILED, https://intl.cloud.tencent.com/document/product/215/41567) is simply not created.
            if (!id || !(await stillExists(ctx, id))) throw error;
            throw partialCreateError(error, id, { ...news, vpnConnectionId: id });
        }
    });
}

/** The connection this create made, if it can be listed now; a failing lookup answers undefined (a re-run adopts it). */
async function findOwnQuietly(ctx: Context, inputs: Props): Promise<string | undefined> {
    try {
        return await ctx.api.findOwn(inputs, Date.now() + ctx.timing.readTimeoutMs);
    } catch {
        return undefined;
    }
}

/**
 * Brings an existing connection under management instead of creating one (the engine's `import`
 * does not work for dynamic resources): verify it is the described connection, then converge it.
 */
async function adopt(ctx: Context, id: string, inputs: Props, deadline: number): Promise<pulumi.dynamic.CreateResult> {
    const observed = await describeForAdoption(ctx, id, deadline);
    if (!observed || observed.computed.state === "DELETING") {
        throw new InputValidationError([{ property: "adoptConnectionId", reason: `connection ${id} does not exist in region ${inputs.region}` }]);
    }
    const failures = adoptionFailures(SCHEMA, "adoptConnectionId", id, observed.props, inputs);
    if (failures.length > 0) throw new InputValidationError(failures);
    const actual = outputsFrom(inputs, observed);
    const { changedPaths } = diffResource(SCHEMA, actual, inputs);
    if (changedPaths.length === 0) return { id, outs: actual };
    log(`adopting ${id}: converging ${changedPaths.join(", ")}`);
    const converge = contextFor(inputs, observed.props);
    return runExclusive(gatewayLock(inputs), async () => {
        const converging = operationDeadline(converge.timing, inputs, "create");
        await converge.api.update(id, inputs, changedPaths, converging);
        return { id, outs: outputsFrom(inputs, await waitAvailable(converge.api, id, converge.timing, converging)) };
    });
}

/** Describes a connection to adopt; an id the cloud calls malformed cannot exist either. */
async function describeForAdoption(ctx: Context, id: string, deadline: number): Promise<Observed | undefined> {
    try {
        return await ctx.api.describe(id, deadline);
    } catch (error) {
        if (error instanceof CloudApiError && error.code === "InvalidParameterValue.Malformed") return undefined;
        throw error;
    }
}

/** The connection's outputs now, or undefined when the cloud no longer has it (or is deleting it). */
async function observe(id: string, olds: Props): Promise<Props | undefined> {
    const ctx = contextFor(olds);
    const observed = await ctx.api.describe(id, Date.now() + ctx.timing.readTimeoutMs);
    return observed && observed.computed.state !== "DELETING" ? outputsFrom(olds, observed) : undefined;
}

/**
 * Finishes a create an earlier run left incomplete: waits until the connection is AVAILABLE, or
 * answers undefined when the cloud no longer has it (its create task failed, or it was deleted).
 * Outputs overlay `olds` (what that create sent), so the update then sends only what differs.
 */
async function settle(id: string, olds: Props, inputs: Props): Promise<Props | undefined> {
    const ctx = contextFor(olds);
    return runExclusive(gatewayLock(olds), async () => {
        const deadline = operationDeadline(ctx.timing, inputs, "update");
        const observed = await ctx.api.describe(id, deadline);
        if (!observed || observed.computed.state === "DELETING") return undefined;
        return outputsFrom(olds, await waitAvailable(ctx.api, id, ctx.timing, deadline));
    });
}

/** Sends the changed fields and waits until the connection is AVAILABLE again. */
async function modify(id: string, actual: Props, inputs: Props, changedPaths: string[]): Promise<Props> {
    const ctx = contextFor(inputs, actual);
    // A changed block is re-sent whole: complete it with the values the cloud filled in.
    const request = withUnmanagedFromActual(SCHEMA, inputs, actual);
    return runExclusive(gatewayLock(inputs), async () => {
        const deadline = operationDeadline(ctx.timing, inputs, "update");
        await ctx.api.update(id, request, changedPaths, deadline);
        return outputsFrom(inputs, await waitAvailable(ctx.api, id, ctx.timing, deadline));
    });
}

async function removeConnection(id: string, olds: Props): Promise<void> {
    const ctx = contextFor(olds);
    await runExclusive(gatewayLock(olds), async () => {
        const deadline = operationDeadline(ctx.timing, olds, "delete");
        if (await ctx.api.remove(id, olds, deadline)) await waitGone(ctx.api, id, ctx.timing, deadline);
    });
}

export const { configure, check, diff, create, read, update, remove } = resourceHooks({
    schema: SCHEMA,
    lookupKeys: lookupKeys(SCHEMA),
    configDefaults: () => {
        const region = configuredRegion();
        return region ? { region } : {};
    },
    extraRules: connectionRules,
    adjustDiff: deleteFirstOnSameGateway,
    create: createConnection,
    observe,
    settle,
    modify,
    remove: removeConnection,
});
