/**
 * Tencent Cloud's calls on an IPsec VPN connection, which the shared write sequences
 * (core/lifecycle) drive: the dynamic provider's hooks `require()` this module at call time, so
 * nothing here is serialized into state. `apiVersion` picks the API
 * generation per call; both read and write the same cloud object, so a connection made through
 * API 2.0 is read and updated through API 3.0 after switching `apiVersion`.
 */
import { credentialChoiceOf } from "../core/credentials";
import { deleteFirstOnSameGateway, log, resourceHooks } from "../core/hooks";
import { CloudApiError, ConfigurationError } from "../core/errors";
import { CreatedConnection, writeLifecycle } from "../core/lifecycle";
import { gatewayKey, readThroughView } from "../core/readBatch";
import { overlayActual, withUnmanagedFromActual } from "../core/actual";
import { withRetry } from "../core/retry";
import { Props, secretValues } from "../core/schema";
import { resolveTiming, Timing } from "../core/timing";
import { Api2 } from "./api2";
import { Api3 } from "./api3";
import { Api3Client } from "./api3Client";
import { ConnectionApi, CreateStarted, isAvailable, Observed, settleCreate } from "./connectionApi";
import { Api2Client } from "./api2Client";
import { api2RegionCode } from "./regions";
import { isAmbiguousFailure } from "./retryPolicy";
import { connectionRules } from "./rules";
import { API_2, dialectOf, VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";
import { configuredRegion, resolveSettings } from "./settings";
import { ComputedOutputs } from "./views";

export type { ComputedOutputs } from "./views";

interface Context {
    api: ConnectionApi;
    timing: Timing;
    /** What selects the account and API, for read views (core/readBatch): endpoint, region, SecretId. */
    scope: string;
}

/**
 * The API generation `props` select, with credentials and timing resolved now. The value of every
 * `secret` row (the PSK) the operation may send or receive is scrubbed from its errors: the
 * desired one and, via `others`, the cloud's current one (the old PSK while it changes, or the one
 * read at adoption).
 */
function contextFor(props: Props, ...others: Props[]): Context {
    const settings = resolveSettings(credentialChoiceOf(props));
    const timing = resolveTiming();
    const region = String(props.region);
    const secrets = [props, ...others].flatMap((p) => secretValues(SCHEMA, p));
    if (dialectOf(props) === API_2) {
        const code = api2RegionCode(region);
        if (!code) throw new ConfigurationError(`region ${region} has no API 2.0 region code; use apiVersion "3.0"`);
        return { api: new Api2(new Api2Client(settings, code, timing, secrets), timing), timing, scope: `${settings.api2Endpoint}|${code}|${settings.credentials.source}` };
    }
    const api = new Api3(new Api3Client(settings, region, timing, secrets), timing, new Api3Client(settings, region, timing, secrets, "tag"), region);
    return { api, timing, scope: `${settings.endpoint}|${region}|${settings.credentials.source}` };
}

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

/**
 * Sends the create (or adopts what an earlier attempt made), waits for its task and returns the
 * new connection's id: the reported one, or the one listed once the task is done.
 */
async function sendCreate(ctx: Context, inputs: Props, deadline: number, identify: (id: string) => void): Promise<CreatedConnection> {
    const started = await createOrAdopt(ctx, inputs, deadline);
    if (started.id) identify(started.id);
    if (started.adopted) return { id: started.id!, madeEarlier: true };
    return { id: await settleCreate(ctx.api, started, inputs, ctx.timing, deadline), madeEarlier: false };
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
 * The connection as something to manage (adopt, or finish creating): undefined also while the
 * cloud deletes it, and for an id the cloud calls malformed (which cannot exist either).
 */
async function find(ctx: Context, id: string, deadline: number): Promise<Observed | undefined> {
    let observed: Observed | undefined;
    try {
        observed = await ctx.api.describe(id, deadline);
    } catch (error) {
        if (error instanceof CloudApiError && error.code === "InvalidParameterValue.Malformed") return undefined;
        throw error;
    }
    return observed && observed.computed.state !== "DELETING" ? observed : undefined;
}

/** The connection's outputs now, or undefined when the cloud no longer has it (or is deleting it). */
async function observe(id: string, olds: Props): Promise<Props | undefined> {
    const ctx = contextFor(olds);
    const deadline = Date.now() + ctx.timing.readTimeoutMs;
    const gatewayId = typeof olds.vpnGatewayId === "string" ? olds.vpnGatewayId : undefined;
    const { api } = ctx;
    const observed = await readThroughView({
        id,
        // API 2.0 reads stay one by one (its listing's paging differs); API 3.0 lists the gateway.
        gateway: gatewayId && api.listGateway ? gatewayKey("tencentcloud", gatewayId) : undefined,
        scope: ctx.scope,
        deadline,
        list: (publish) => api.listGateway!(gatewayId!, deadline, publish),
        single: () => api.describe(id, deadline),
        onListingFailed: (error) => log(`listing the connections of ${gatewayId} failed (${(error as Error).message}); reading ${id} alone`),
    });
    return observed && observed.computed.state !== "DELETING" ? outputsFrom(olds, observed) : undefined;
}

export const { configure, check, diff, create, read, update, remove } = resourceHooks({
    schema: SCHEMA,
    configDefaults: () => {
        const region = configuredRegion();
        return region ? { region } : {};
    },
    extraRules: connectionRules,
    adjustDiff: deleteFirstOnSameGateway,
    observe,
    ...writeLifecycle<Context, Observed>({
        // Writes on one VPN gateway queue: the cloud runs one task per gateway (`UnsupportedOperation.MutexOperationTaskRunning`, DeleteVpnConnection's codes).
        cloud: "tencentcloud",
        schema: SCHEMA,
        readyState: "AVAILABLE",
        context: contextFor,
        describe: (ctx, id, deadline) => ctx.api.describe(id, deadline),
        find,
        isReady: isAvailable,
        stateOf: (observed) => String(observed.computed.state),
        propsOf: (observed) => observed.props,
        outputs: outputsFrom,
        sendCreate,
        findCreated: findOwnQuietly,
        stillExists,
        // A changed block is re-sent whole: complete it with the values the cloud filled in.
        sendModify: (ctx, id, actual, inputs, changedPaths, deadline) => ctx.api.update(id, withUnmanagedFromActual(SCHEMA, inputs, actual), changedPaths, deadline),
        sendDelete: (ctx, id, olds, deadline) => ctx.api.remove(id, olds, deadline),
    }),
});
