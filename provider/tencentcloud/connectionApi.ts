/**
 * What the hooks need from one API generation, so `vpnConnection.ts` reads the same for both:
 * {@link Api3} (VPC 2017-03-12) and {@link Api2} (API 2.0, `/v2/index.php`) implement it.
 */
import { CloudApiError } from "../core/errors";
import { Props } from "../core/schema";
import { Timing } from "../core/timing";
import { pollOptions, waitUntil } from "../core/wait";
import { ComputedOutputs } from "./views";
import type { Publish } from "../core/readBatch";

/** A connection as one describe call saw it. */
export interface Observed {
    /** Input-shaped properties read through the field table. */
    props: Props;
    computed: ComputedOutputs;
}

/** What a sent create told: the id when reported, and the async task to follow. */
export interface CreateStarted {
    id?: string;
    taskId?: string;
}

export interface ConnectionApi {
    /** The connection, or undefined when the cloud no longer knows it. */
    describe(id: string, deadline: number): Promise<Observed | undefined>;
    /**
     * Every connection of a VPN gateway, by id, from paged listing calls, handed to `publish` page by
     * page, for read views (core/readBatch). Unset: reads go one by one.
     */
    listGateway?(vpnGatewayId: string, deadline: number, publish: Publish<Observed>): Promise<void>;
    /**
     * The connection an earlier create of this resource made (same name, gateways and VPC — and
     * with API 3.0 the same create token), if any: adopted instead of creating a second one.
     */
    findOwn(inputs: Props, deadline: number): Promise<string | undefined>;
    /** Sends the create; the answer may or may not name the new connection (CreateVpnConnection, https://www.tencentcloud.com/document/api/215/17522). */
    create(inputs: Props, deadline: number): Promise<CreateStarted>;
    /** Waits for the create's task to finish; a FAILED task throws. */
    waitCreateTask(started: CreateStarted, deadline: number): Promise<void>;
    /** Sends the changed properties and waits for the cloud's task, if any. */
    update(id: string, inputs: Props, changedPaths: readonly string[], deadline: number): Promise<void>;
    /** Starts deleting; false when it was already gone. */
    remove(id: string, olds: Props, deadline: number): Promise<boolean>;
}

/**
 * A cloud task (create/modify/delete) ended FAILED. `detail` is the cloud's task output, which may
 * echo the request: scrubbed of `secrets` (the PSKs and credentials the operation's client scrubs).
 */
export function taskFailed(action: string, taskId: string, detail: string, secrets: ReadonlyArray<string | undefined>, requestId?: string): CloudApiError {
    return new CloudApiError(
        { cloud: "tencentcloud", action, code: "TaskFailed", requestId, hint: "the cloud rolled the change back; see the task output" },
        `task ${taskId} failed: ${detail}`,
        secrets,
    );
}

/**
 * True when the connection reports `AVAILABLE` (DescribeVpnConnections, https://www.tencentcloud.com/document/api/215/17515; settled API 2.0 states read the
 * same). A failed API 2.0 create or modify (status 1 or 3) throws, so the wait ends at once with an error.
 */
export function isAvailable(observed: Observed, id: string): boolean {
    const state = String(observed.computed.state);
    if (state.endsWith("_FAILED")) {
        throw new CloudApiError({ cloud: "tencentcloud", action: "DescribeVpnConn", code: state, hint: "the cloud reports the change failed; fix the inputs and run up again" }, `connection ${id} is ${state}`, []);
    }
    return state === "AVAILABLE";
}

/**
 * Waits for a sent create's task, then returns the connection's id: the reported one, or the one
 * {@link ConnectionApi.findOwn} lists (the documented answer carries none, https://www.tencentcloud.com/document/api/215/17522,
 * Terraform PR #3417; API 2.0's says `vpnConnId: 0`, https://cloud.tencent.com/document/product/215/5110).
 */
export async function settleCreate(api: ConnectionApi, started: CreateStarted, inputs: Props, timing: Timing, deadline: number): Promise<string> {
    await api.waitCreateTask(started, deadline);
    if (started.id) return started.id;
    return waitUntil(async () => {
        const found = await api.findOwn(inputs, deadline);
        return found ? { done: true, value: found } : { done: false, state: "id not reported yet" };
    }, pollOptions(timing, deadline, `the new connection "${inputs.name}" to be listed`));
}
