/**
 * Lifecycle of an Alibaba Cloud IPsec-VPN connection: the dynamic provider's hooks `require()` this
 * module at call time, so nothing here is serialized into state.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { fromApiResponse, modifyRequestKeys, toApiRequest } from "../core/apiMapping";
import { deleteFirstOnSameGateway, log, resourceHooks } from "../core/hooks";
import { CloudApiError, InputValidationError } from "../core/errors";
import { runExclusive } from "../core/lock";
import { adoptionFailures, createToken, diffResource, overlayActual, partialCreateError, withUnmanagedFromActual } from "../core/resource";
import { Props } from "../core/schema";
import { operationDeadline, resolveTiming, TimedOperation, Timing } from "../core/timing";
import { backoffDelay, sleep } from "../core/retry";
import { waitUntil } from "../core/wait";
import { AlicloudVpcClient } from "./client";
import { configuredRegion, resolveSettings } from "./settings";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";

const NOT_FOUND = "InvalidVpnConnectionInstanceId.NotFound";
/** The connection state that means "gone" (reference §1.2 State). */
const GONE_STATE = "deleted";

/** Outputs beyond the inputs: what the cloud reports about the connection. */
export interface ComputedOutputs {
    vpnConnectionId: string;
    /** Lifecycle state (`active`, `updating`, …). */
    state: string | null;
    /** IPsec negotiation status (`ipsec_sa_established`, …). */
    status: string | null;
    /** Creation time, ms since epoch. */
    createTime: number | null;
    healthCheckStatus: string | null;
}

interface Context {
    client: AlicloudVpcClient;
    timing: Timing;
    region: string;
}

function contextFor(props: Props): Context {
    const region = String(props.region);
    const timing = resolveTiming();
    const client = new AlicloudVpcClient(resolveSettings(region), timing, [props.preSharedKey as string | undefined]);
    return { client, timing, region };
}

/**
 * The ClientToken of one logical create (core `createToken`: idempotency key and replace-on-change
 * fields, never a secret): the same for every retry and for a re-run after a crash — so the cloud
 * returns the connection it already made — and different for a replacement.
 */
export function clientTokenFor(inputs: Props): string {
    return "pulumi-ipsec-" + createToken(SCHEMA, inputs);
}

async function describe(ctx: Context, id: string, deadline: number): Promise<Props | undefined> {
    const response = await ctx.client.call<{ VpnConnections?: { VpnConnection?: Props[] } }>({
        action: "DescribeVpnConnections",
        params: { RegionId: ctx.region, VpnConnectionId: id },
        deadline,
    });
    const found = response.VpnConnections?.VpnConnection?.find((c) => c.VpnConnectionId === id);
    return found && found.State !== GONE_STATE ? found : undefined;
}

async function gatewayStatus(ctx: Context, gatewayId: string, deadline: number): Promise<string> {
    const response = await ctx.client.call<{ Status?: string }>({
        action: "DescribeVpnGateway",
        params: { RegionId: ctx.region, VpnGatewayId: gatewayId },
        deadline,
    });
    return String(response.Status ?? "unknown");
}

/**
 * Waits until the connection is `active` and its gateway has finished reconfiguring. The 2019
 * DescribeVpnConnections (seed 000) has no `State`: without one, the gateway's state decides.
 */
async function waitActive(ctx: Context, id: string, gatewayId: string, deadline: number): Promise<Props> {
    const connection = await waitUntil<Props>(async () => {
        const found = await describe(ctx, id, deadline);
        if (!found) return { done: false, state: "not visible yet" };
        return found.State === undefined || found.State === "active" ? { done: true, value: found } : { done: false, state: String(found.State) };
    }, backoffUntil(ctx, deadline, `connection ${id} to become active`));
    await waitGatewayActive(ctx, gatewayId, deadline);
    return connection;
}

/** Waits until the VPN gateway has finished reconfiguring; the next change on it would otherwise meet VpnGateway.Configuring. */
async function waitGatewayActive(ctx: Context, gatewayId: string, deadline: number): Promise<void> {
    await waitUntil(async () => {
        const status = await gatewayStatus(ctx, gatewayId, deadline);
        return status === "active" ? { done: true, value: status } : { done: false, state: status };
    }, backoffUntil(ctx, deadline, `VPN gateway ${gatewayId} to become active`));
}

function backoffUntil(ctx: Context, deadline: number, what: string) {
    return { minDelayMs: ctx.timing.minDelayMs, maxDelayMs: ctx.timing.maxDelayMs, deadline, what };
}

/** Outputs = desired inputs overlaid with what the cloud reports, plus computed fields. */
export function outputsFrom(inputs: Props, connection: Props): Props & ComputedOutputs {
    const outputs = overlayActual(SCHEMA, inputs, fromApiResponse(SCHEMA, connection));
    const health = connection.VcoHealthCheck as Props | undefined;
    return {
        ...outputs,
        vpnConnectionId: String(connection.VpnConnectionId),
        state: (connection.State as string) ?? null,
        // The 2019 Chinese samples spell it `status` (seed 000); later documents `Status`.
        status: ((connection.Status ?? connection.status) as string) ?? null,
        createTime: typeof connection.CreateTime === "number" ? connection.CreateTime : null,
        healthCheckStatus: (health?.Status as string) ?? null,
    };
}

async function createConnection(inputs: Props, news: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = contextFor(inputs);
    const gatewayId = String(inputs.vpnGatewayId);
    if (inputs.adoptConnectionId) {
        return adopt(ctx, String(inputs.adoptConnectionId), inputs);
    }
    return runExclusive(`alicloud:${gatewayId}`, async () => {
        // Every write's deadline starts once it holds the gateway: queueing behind this process's
        // other writes on it is not its own time (a hundred siblings would otherwise exhaust it).
        const deadline = operationDeadline(ctx.timing, inputs, "create");
        const id = await sendCreate(ctx, inputs, deadline);
        try {
            const connection = await waitActive(ctx, id, gatewayId, deadline);
            return { id, outs: outputsFrom(inputs, connection) };
        } catch (error) {
            throw partialCreateError(error, id, { ...news, vpnConnectionId: id });
        }
    });
}

/**
 * CreateVpnConnection with this create's ClientToken. The documents do not say how long a token
 * stays bound to its connection: should the cloud answer with a connection deleted earlier (after a
 * `destroy`, or an out-of-band deletion), the create is sent once more with a token salted by that
 * connection's id — still deterministic, so a re-run after a crash finds the same new connection.
 */
async function sendCreate(ctx: Context, inputs: Props, deadline: number): Promise<string> {
    const token = clientTokenFor(inputs);
    const startedAt = Date.now();
    const call = (clientToken: string) =>
        ctx.client.call<{ VpnConnectionId: string; CreateTime?: number }>({
            action: "CreateVpnConnection",
            params: { ...toApiRequest(SCHEMA, inputs), ClientToken: clientToken },
            deadline,
        });
    const created = await call(token);
    if (!(await isRetired(ctx, created, startedAt, deadline))) return created.VpnConnectionId;
    log(`the ClientToken of this create still names ${created.VpnConnectionId}, which no longer exists; creating a new connection`);
    const salted = "pulumi-ipsec-" + createHash("sha256").update(`${token}/${created.VpnConnectionId}`).digest("hex").slice(0, 48);
    return (await call(salted)).VpnConnectionId;
}

/** Polls before calling a connection retired: a brand-new one may take a moment to be listed. */
const RETIRED_CHECK_POLLS = 3;

/**
 * True when a create answered with a connection that existed before this create started and that
 * the cloud no longer lists: a token replay of a deleted connection. A connection replayed after a
 * crash is still listed; a brand-new one carries a creation time after `startedAt`.
 */
async function isRetired(ctx: Context, created: { VpnConnectionId: string; CreateTime?: number }, startedAt: number, deadline: number): Promise<boolean> {
    if (typeof created.CreateTime !== "number" || created.CreateTime >= startedAt) return false;
    for (let poll = 0; poll < RETIRED_CHECK_POLLS; poll++) {
        if (await describe(ctx, created.VpnConnectionId, deadline)) return false;
        await sleep(backoffDelay(poll, ctx.timing));
    }
    return true;
}

/**
 * Brings an existing connection under management instead of creating one (the engine's `import`
 * does not work for dynamic resources): verify it is the described connection, then converge it.
 */
async function adopt(ctx: Context, id: string, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const connection = await describe(ctx, id, operationDeadline(ctx.timing, inputs, "create"));
    if (!connection) {
        throw new InputValidationError([{ property: "adoptConnectionId", reason: `connection ${id} does not exist in region ${ctx.region}` }]);
    }
    const failures = adoptionFailures(SCHEMA, "adoptConnectionId", id, fromApiResponse(SCHEMA, connection), inputs);
    if (failures.length > 0) throw new InputValidationError(failures);
    const actual = outputsFrom(inputs, connection);
    const { changedPaths } = diffResource(SCHEMA, actual, inputs);
    if (changedPaths.length === 0) return { id, outs: actual };
    log(`adopting ${id}: converging ${changedPaths.join(", ")}`);
    return { id, outs: await modify(ctx, id, actual, inputs, changedPaths, "create") };
}

/** The connection's outputs now, or undefined when the cloud no longer has it. */
async function observe(id: string, olds: Props): Promise<Props | undefined> {
    const ctx = contextFor(olds);
    try {
        const connection = await describe(ctx, id, Date.now() + ctx.timing.readTimeoutMs);
        return connection && outputsFrom(olds, connection);
    } catch (error) {
        if (error instanceof CloudApiError && error.code === NOT_FOUND) return undefined;
        throw error;
    }
}

/** ModifyVpnConnectionAttribute with what changed, then waits until the change is applied. */
async function modify(ctx: Context, id: string, actual: Props, inputs: Props, changedPaths: readonly string[], operation: TimedOperation): Promise<Props> {
    // A changed JSON block is re-sent whole, so the API never merges half a block — including the
    // values the cloud filled in (a generated PSK, identities), or it could regenerate them. Both
    // subnet lists always go (the table marks them `sendOnModify`).
    const request = toApiRequest(SCHEMA, withUnmanagedFromActual(SCHEMA, inputs, actual));
    const params: Props = { RegionId: ctx.region, VpnConnectionId: id };
    for (const key of modifyRequestKeys(SCHEMA, changedPaths)) {
        if (request[key] !== undefined) params[key] = request[key];
    }
    const gatewayId = String(inputs.vpnGatewayId);
    return runExclusive(`alicloud:${gatewayId}`, async () => {
        const deadline = operationDeadline(ctx.timing, inputs, operation);
        await ctx.client.call({ action: "ModifyVpnConnectionAttribute", params, deadline });
        return outputsFrom(inputs, await waitActive(ctx, id, gatewayId, deadline));
    });
}

async function removeConnection(id: string, olds: Props): Promise<void> {
    const ctx = contextFor(olds);
    const gatewayId = String(olds.vpnGatewayId);
    await runExclusive(`alicloud:${gatewayId}`, async () => {
        const deadline = operationDeadline(ctx.timing, olds, "delete");
        try {
            await ctx.client.call({ action: "DeleteVpnConnection", params: { RegionId: ctx.region, VpnConnectionId: id }, deadline });
        } catch (error) {
            // Not found: gone already, or an unanswered earlier attempt of this delete took effect
            // and the connection is still being removed, so the waits below still run.
            if (!(error instanceof CloudApiError && error.code === NOT_FOUND)) throw error;
        }
        await waitUntil(async () => {
            const found = await describe(ctx, id, deadline);
            return found ? { done: false, state: String(found.State) } : { done: true, value: undefined };
        }, backoffUntil(ctx, deadline, `connection ${id} to be deleted`));
        await waitGatewayActive(ctx, gatewayId, deadline);
    });
}

export const { configure, check, diff, create, read, update, remove } = resourceHooks({
    schema: SCHEMA,
    configDefaults: () => {
        const region = configuredRegion();
        return region ? { region } : {};
    },
    adjustDiff: deleteFirstOnSameGateway,
    create: createConnection,
    observe,
    modify: (id, actual, inputs, changedPaths) => modify(contextFor(inputs), id, actual, inputs, changedPaths, "update"),
    remove: removeConnection,
});
