/**
 * The one in-memory store behind both API generations: fixtures, connections, async tasks.
 *
 * A connection made through API 2.0 is the same record API 3.0 reads and changes, and vice versa.
 * Lifecycle is lazy: each write records a transition ending at `now + transitionMs`; states and
 * task statuses are functions of `ctx.now()` (no timers), and finished transitions are applied
 * (`settle`) at the start of every store operation. State rules (`vpc_models.d.ts` VpnConnection State; Modify's and Delete's codes in `client.go` of tencentcloud-sdk-go):
 * create → PENDING → AVAILABLE; modify → PENDING → AVAILABLE (INFERRED: the doc has no UPDATING
 * state); delete → DELETING → gone. A task armed to fail ends FAILED: a failed create disappears,
 * a failed modify restores the previous attributes, a failed delete leaves the connection AVAILABLE.
 */
import { randomInt } from "crypto";
import { RecordIndex } from "../core/recordIndex";
import type { EmulatorContext } from "../core/types";
import { TencentError } from "./errors";
import {
    ALL_CUSTOMER_GATEWAYS,
    ALL_VPN_GATEWAYS,
    VPCS,
    type CustomerGatewayFixture,
    type VpcFixture,
    type VpnGatewayFixture,
} from "./fixtures";
import { cloneAttributes, formatCloudTime, type ConnectionAttributes, type ConnectionState, type ConnectionView } from "./model";
import type { Lookups } from "./validation";

/** The async operations that record a task. */
export type TaskKind = "create" | "modify" | "delete";

/** Status of an async task (DescribeVpcTaskResult, https://intl.cloud.tencent.com/document/product/215/41567). */
export type TaskStatus = "RUNNING" | "SUCCESS" | "FAILED";

/** An async task; API 3.0 finds it by the RequestId of the call, API 2.0 by its numeric id. */
export interface TaskRecord {
    requestId: string;
    api2Id: number;
    kind: TaskKind;
    connectionId: string;
    startedAt: number;
    endsAt: number;
    outcome: "SUCCESS" | "FAILED";
}

interface Transition {
    kind: TaskKind;
    task: TaskRecord;
    /** Attributes before a modify, restored when its task fails. */
    previous?: ConnectionAttributes;
}

/** Out-of-band values set through the control API, shown instead of the computed ones. */
export interface ConnectionOverrides {
    State?: string;
    NetStatus?: string;
    HealthCheckStatus?: string;
}

/** A stored connection. */
export interface ConnectionRecord {
    readonly id: string;
    /** API 2.0 numeric `vpnConnId`. */
    readonly api2Id: number;
    readonly region: string;
    readonly createdAt: number;
    attrs: ConnectionAttributes;
    transition?: Transition;
    overrides: ConnectionOverrides;
}

/** Whether a connection's tunnel is up, negotiated with its peer; undefined when it has none (see ./peering). */
export type TunnelNegotiator = (record: ConnectionRecord) => boolean | undefined;

const FIRST_API2_CONNECTION_ID = 4001;
const FIRST_API2_TASK_ID = 10001;

/** See the module comment. */
export class TencentStore {
    /** By `vpnx-` id, by region and by region + gateway, oldest first. */
    private connections = new RecordIndex<ConnectionRecord>((c) => c.id, (c) => [c.region, gatewayKey(c.region, c.attrs.VpnGatewayId)]);
    /** API 2.0 numeric ids of the stored connections. */
    private byApi2Id = new Map<string, ConnectionRecord>();
    private tasks: TaskRecord[] = [];
    /** Tasks by RequestId and by API 2.0 id (as a string), which both generations query by. */
    private tasksById = new Map<string, TaskRecord>();
    private nextApi2ConnectionId = FIRST_API2_CONNECTION_ID;
    private nextApi2TaskId = FIRST_API2_TASK_ID;
    private failNextTasks = 0;
    /** Emulator-clock ms until which a gateway is held busy through the control API (`gateways/<id>/busy`). */
    private busyUntil = new Map<string, number>();
    private negotiator?: TunnelNegotiator;

    constructor(private readonly ctx: EmulatorContext) {}

    /** Forgets connections and tasks; fixtures are constant. */
    reset(): void {
        this.connections.clear();
        this.byApi2Id.clear();
        this.tasks = [];
        this.tasksById.clear();
        this.nextApi2ConnectionId = FIRST_API2_CONNECTION_ID;
        this.nextApi2TaskId = FIRST_API2_TASK_ID;
        this.failNextTasks = 0;
        this.busyUntil.clear();
    }

    /** Connections one gateway may hold (emulator setting). */
    quotaPerGateway(): number {
        return this.ctx.settings.connectionQuotaPerGateway;
    }

    // ----------------------------------------------------------------------------------- fixtures

    /** Fixture VPCs of a region. */
    vpcs(region: string): VpcFixture[] {
        return VPCS.filter((v) => v.region === region);
    }

    /** Fixture VPN gateways of a region. */
    gateways(region: string): VpnGatewayFixture[] {
        return ALL_VPN_GATEWAYS.filter((g) => g.region === region);
    }

    /** Fixture customer gateways of a region. */
    customerGateways(region: string): CustomerGatewayFixture[] {
        return ALL_CUSTOMER_GATEWAYS.filter((c) => c.region === region);
    }

    /** Fixture lookups for one region; API 2.0 ids (`gz_vpc_1001`, 2001, 3001) resolve too when `legacy`. */
    lookups(region: string, api2 = false): Lookups {
        return {
            vpc: (id) => this.vpcs(region).find((v) => v.vpcId === id || (api2 && v.api2Id === id)),
            gateway: (id) => this.gateways(region).find((g) => g.vpnGatewayId === id || (api2 && String(g.api2Id) === id)),
            customerGateway: (id) => this.customerGateways(region).find((c) => c.customerGatewayId === id || (api2 && String(c.api2Id) === id)),
        };
    }

    // -------------------------------------------------------------------------------- connections

    /** Connections of a region, oldest first. */
    list(region: string): ConnectionRecord[] {
        this.settle();
        return this.connections.group(region);
    }

    /** Connections of one gateway in a region, oldest first. */
    listOnGateway(region: string, gatewayId: string): ConnectionRecord[] {
        this.settle();
        return this.connections.group(gatewayKey(region, gatewayId));
    }

    /** Creation rank, to list connections picked by id in the order a full listing has. */
    rank(record: ConnectionRecord): number {
        return this.connections.rank(record);
    }

    /** A connection by `vpnx-` id (or, with `legacy`, by numeric `vpnConnId`). */
    find(region: string, id: string, api2 = false): ConnectionRecord | undefined {
        this.settle();
        const record = this.connections.get(id) ?? (api2 ? this.byApi2Id.get(id) : undefined);
        return record?.region === region ? record : undefined;
    }

    /** The API 3.0 state of a connection now. */
    state(record: ConnectionRecord): ConnectionState | string {
        if (record.overrides.State !== undefined) return record.overrides.State;
        if (record.transition && this.ctx.now() < record.transition.task.endsAt) {
            return record.transition.kind === "delete" ? "DELETING" : "PENDING";
        }
        return "AVAILABLE";
    }

    /** Negotiates connections that have a peer (peering pairs) when they are rendered. */
    setNegotiator(negotiator: TunnelNegotiator): void {
        this.negotiator = negotiator;
    }

    /** What rendering needs beyond the attributes. */
    view(record: ConnectionRecord): ConnectionView {
        const state = this.state(record);
        const gateway = ALL_VPN_GATEWAYS.find((g) => g.vpnGatewayId === record.attrs.VpnGatewayId);
        const customerGateway = ALL_CUSTOMER_GATEWAYS.find((c) => c.customerGatewayId === record.attrs.CustomerGatewayId);
        // INFERRED: a connection without a peer reports its tunnel up once it is AVAILABLE; one on a peering pair
        // only when it negotiated with its counterpart (./peering).
        const negotiated = state === "AVAILABLE" ? (this.negotiator?.(record) ?? true) : false;
        const up = negotiated ? "AVAILABLE" : "UNAVAILABLE";
        return {
            id: record.id,
            createdTime: formatCloudTime(record.createdAt),
            state,
            netStatus: record.overrides.NetStatus ?? up,
            // Empty while health checks are off (DescribeVpnConnections' example).
            healthCheckStatus: record.overrides.HealthCheckStatus ?? (record.attrs.EnableHealthCheck ? up : ""),
            localBgpAsn: gateway?.bgpAsn ?? 0,
            remoteBgpAsn: customerGateway?.bgpAsn ?? 0,
        };
    }

    /**
     * Stores a new connection (attributes already validated) and starts its create task.
     * @throws LimitExceeded past the per-gateway quota; UnsupportedOperation.InvalidState while the gateway is busy.
     */
    create(region: string, attrs: ConnectionAttributes, requestId: string, gatewayMutex: boolean): { record: ConnectionRecord; task: TaskRecord } {
        const onGateway = this.listOnGateway(region, attrs.VpnGatewayId);
        if (onGateway.length >= this.ctx.settings.connectionQuotaPerGateway) {
            throw new TencentError(
                "LimitExceeded",
                `The VPN gateway \`${attrs.VpnGatewayId}\` already has ${onGateway.length} connections (quota ${this.ctx.settings.connectionQuotaPerGateway}).`,
                { resource: "vpnGateway" },
            );
        }
        this.assertNotHeldBusy(attrs.VpnGatewayId, "UnsupportedOperation.InvalidState");
        if (gatewayMutex) this.assertGatewayIdle(onGateway, undefined, "UnsupportedOperation.InvalidState");
        const record: ConnectionRecord = {
            id: this.newConnectionId(),
            api2Id: this.nextApi2ConnectionId++,
            region,
            createdAt: this.ctx.now(),
            attrs: cloneAttributes(attrs),
            overrides: {},
        };
        const task = this.startTask("create", record, requestId);
        this.connections.add(record);
        this.byApi2Id.set(String(record.api2Id), record);
        return { record, task };
    }

    /**
     * Replaces the attributes of an AVAILABLE connection and makes it PENDING again.
     * @throws UnsupportedOperation.VpnConnInvalidState unless AVAILABLE; UnsupportedOperation.InvalidState while the gateway is busy.
     */
    modify(record: ConnectionRecord, attrs: ConnectionAttributes, requestId: string, gatewayMutex: boolean): TaskRecord {
        this.assertLive(record);
        if (this.state(record) !== "AVAILABLE") {
            throw new TencentError(
                "UnsupportedOperation.VpnConnInvalidState",
                `The VPN connection \`${record.id}\` is ${this.state(record)}, not AVAILABLE.`,
                { resource: "vpnConnection" },
            );
        }
        this.assertNotHeldBusy(record.attrs.VpnGatewayId, "UnsupportedOperation.InvalidState");
        if (gatewayMutex) this.assertGatewayIdle(this.listOnGateway(record.region, record.attrs.VpnGatewayId), record, "UnsupportedOperation.InvalidState");
        const previous = cloneAttributes(record.attrs);
        record.attrs = cloneAttributes(attrs);
        const task = this.startTask("modify", record, requestId);
        record.transition!.previous = previous;
        return task;
    }

    /**
     * Starts deleting an AVAILABLE connection (DELETING, then gone).
     * @throws UnsupportedOperation.DeleteVpnConnInvalidState unless AVAILABLE;
     * UnsupportedOperation.MutexOperationTaskRunning while another task runs on the gateway (DeleteVpnConnection's codes).
     */
    delete(record: ConnectionRecord, requestId: string, gatewayMutex: boolean): TaskRecord {
        this.assertLive(record);
        if (this.state(record) !== "AVAILABLE") {
            throw new TencentError(
                "UnsupportedOperation.DeleteVpnConnInvalidState",
                `The VPN connection \`${record.id}\` is ${this.state(record)}; only an AVAILABLE connection can be deleted.`,
                { resource: "vpnConnection" },
            );
        }
        this.assertNotHeldBusy(record.attrs.VpnGatewayId, "UnsupportedOperation.MutexOperationTaskRunning");
        if (gatewayMutex) this.assertGatewayIdle(this.listOnGateway(record.region, record.attrs.VpnGatewayId), record, "UnsupportedOperation.MutexOperationTaskRunning");
        return this.startTask("delete", record, requestId);
    }

    // ---------------------------------------------------------------------------------------- tasks

    /** A task by the RequestId of its call (API 3.0) or its numeric id (API 2.0; 3.0 accepts it as a string too). */
    task(id: string | number): TaskRecord | undefined {
        return this.tasksById.get(String(id));
    }

    /** RUNNING until the task's transition ends, then its outcome. */
    taskStatus(task: TaskRecord): TaskStatus {
        return this.ctx.now() < task.endsAt ? "RUNNING" : task.outcome;
    }

    /** The next `count` tasks end FAILED (control `tasks/fail-next`). */
    failNext(count: number): number {
        this.failNextTasks += count;
        return this.failNextTasks;
    }

    // -------------------------------------------------------------------------------- out of band

    /**
     * Holds a gateway busy for at least `ms` from now, as another task on it would (control API):
     * creates, modifies and deletes on it fail with the retryable busy codes, whatever `gatewayMutex` says.
     */
    keepGatewayBusy(gatewayId: string, ms: number): void {
        this.busyUntil.set(gatewayId, Math.max(this.busyUntil.get(gatewayId) ?? 0, this.ctx.now() + ms));
    }

    /** True while a gateway is held busy through the control API. */
    isGatewayHeldBusy(gatewayId: string): boolean {
        return (this.busyUntil.get(gatewayId) ?? 0) > this.ctx.now();
    }

    /** Removes a connection at once, as a console delete would (control API). */
    remove(id: string): boolean {
        this.settle();
        const record = this.connections.get(id);
        return record !== undefined && this.forget(record);
    }

    /** A connection in any region by id (control API). */
    findAnywhere(id: string): ConnectionRecord | undefined {
        this.settle();
        return this.connections.get(id);
    }

    /** JSON snapshot for `GET /__emu/state` (PSKs redacted: the state may be printed). */
    dump(render: (record: ConnectionRecord) => unknown): unknown {
        this.settle();
        return {
            connections: this.connections.all().map(render),
            tasks: this.tasks.map((t) => ({ ...t, status: this.taskStatus(t) })),
            failNextTasks: this.failNextTasks,
        };
    }

    // ------------------------------------------------------------------------------------- private

    private newConnectionId(): string {
        const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (;;) {
            let id = "vpnx-";
            for (let i = 0; i < 8; i++) id += alphabet[randomInt(alphabet.length)];
            if (!this.connections.has(id)) return id;
        }
    }

    /** Settles, then insists the record is still stored (its deletion may have finished meanwhile). */
    private assertLive(record: ConnectionRecord): void {
        this.settle();
        if (this.connections.get(record.id) !== record) {
            throw new TencentError("ResourceNotFound", `The resource \`${record.id}\` is not found.`, { resource: "vpnConnection" });
        }
    }

    private assertNotHeldBusy(gatewayId: string, code: string): void {
        if (this.isGatewayHeldBusy(gatewayId)) {
            throw new TencentError(code, `The VPN gateway \`${gatewayId}\` is busy with another task.`, { resource: "vpnGateway" });
        }
    }

    private assertGatewayIdle(onGateway: ConnectionRecord[], except: ConnectionRecord | undefined, code: string): void {
        // INFERRED: one running task per gateway, as `MutexOperationTaskRunning` ("资源互斥操作任务正在执行") implies.
        const busy = onGateway.find((c) => c !== except && this.state(c) !== "AVAILABLE");
        if (busy) {
            throw new TencentError(code, `The VPN gateway \`${busy.attrs.VpnGatewayId}\` is busy with \`${busy.id}\` (${this.state(busy)}).`, { resource: "vpnGateway" });
        }
    }

    private startTask(kind: TaskKind, record: ConnectionRecord, requestId: string): TaskRecord {
        const now = this.ctx.now();
        const failed = this.failNextTasks > 0;
        if (failed) this.failNextTasks -= 1;
        const task: TaskRecord = {
            requestId,
            api2Id: this.nextApi2TaskId++,
            kind,
            connectionId: record.id,
            startedAt: now,
            endsAt: now + this.ctx.settings.transitionMs,
            outcome: failed ? "FAILED" : "SUCCESS",
        };
        this.tasks.push(task);
        // The first task of an id wins, as a lookup in task order would find it.
        for (const key of [task.requestId, String(task.api2Id)]) if (!this.tasksById.has(key)) this.tasksById.set(key, task);
        record.transition = { kind, task };
        this.connections.due(record, task.endsAt);
        return task;
    }

    /** Applies every transition whose time is up. */
    private settle(): void {
        for (const record of this.connections.takeDue(this.ctx.now())) {
            const t = record.transition;
            if (!t) continue;
            record.transition = undefined;
            const failed = t.task.outcome === "FAILED";
            if ((t.kind === "create" && failed) || (t.kind === "delete" && !failed)) this.forget(record);
            if (t.kind === "modify" && failed && t.previous) record.attrs = t.previous;
        }
    }

    private forget(record: ConnectionRecord): boolean {
        this.byApi2Id.delete(String(record.api2Id));
        return this.connections.delete(record);
    }
}

const gatewayKey = (region: string, gatewayId: string): string => `${region}\u0000${gatewayId}`;
