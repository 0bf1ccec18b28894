/**
 * The soak every resource kit runs with in-process hooks: 100 concurrent creates on ONE VPN gateway,
 * then 100 concurrent updates, each phase under injected throttling, 5xx and a busy gateway.
 * 100/100 must succeed with no duplicate — the gateway's quota is set to exactly 100, so one
 * duplicate would also fail a create — and each phase must finish well inside its budget.
 */
import assert from "node:assert/strict";
import { setStackConfig } from "../../provider/core/config";
import { startTestCloud, TestCloud } from "./cloudEnv";
import { capturingStderr, ErrorFault, HookModule } from "./faultMatrix";

type Props = Record<string, any>;

export interface SoakKit {
    cloud: "alicloud" | "tencentcloud";
    title: string;
    hooks: HookModule;
    /** Raw inputs of connection `i`, all on the gateway `gatewayId`. */
    inputsFor(cloud: TestCloud, i: number): Props;
    /** The in-place change of connection `i` in the update phase. */
    changeFor(i: number): Props;
    gatewayId(cloud: TestCloud): string;
    throttling: ErrorFault;
    /** A server error injected on one action (besides the throttling of every action). */
    server: ErrorFault & { action: string };
    busy(cloud: TestCloud, gatewayId: string, ms: number): Promise<void>;
    /** The code the busy gateway answers to creates and updates with (the log must show it was met). */
    busyCode: { create: [action: string, code: string]; update: [action: string, code: string] };
    connections(state: any): Props[];
    idOf(connection: Props): string;
    nameOf(connection: Props): string;
    /** True when a connection record carries the update phase's change. */
    isChanged(connection: Props): boolean;
}

/** Connections of the soak, all on one gateway. */
export const SOAK_N = 100;
/** Budget of each phase; emulator transitions are 5 ms and backoff starts at 5 ms. */
const PHASE_BUDGET_MS = 20_000;
/** Throttled calls per phase, and a busy spell far outlasting them (each backoff is at most 40 ms). */
const THROTTLED_CALLS = 12;
const BUSY_MS = 1_500;

export function describeSoak(kit: SoakKit): void {
    describe(`${kit.title} soak: ${SOAK_N} concurrent writes on one gateway (in-process hooks)`, function () {
        this.timeout(60_000);
        let cloud: TestCloud;
        let created: { id: string; outs: Props }[] = [];

        before(async () => {
            cloud = await startTestCloud({ applyToProcess: true, transitionMs: 5 });
            setStackConfig(undefined);
            await cloud.control.reset();
            await cloud.control.settings({ connectionQuotaPerGateway: SOAK_N });
        });
        after(async () => cloud?.stop());

        const checked = async (news: Props): Promise<Props> => {
            const result = await kit.hooks.check({}, news);
            assert.deepEqual(result.failures ?? [], []);
            return result.inputs as Props;
        };
        const connections = async () => kit.connections(await cloud.control.state<any>());
        const lastSeq = async () => Math.max(0, ...(await cloud.control.requests()).map((e) => e.seq));

        const injectLoad = async () => {
            await cloud.control.armFault({ cloud: kit.cloud, action: "*", count: THROTTLED_CALLS, fault: { kind: "error", ...kit.throttling } });
            const { action, ...server } = kit.server;
            await cloud.control.armFault({ cloud: kit.cloud, action, count: 10, fault: { kind: "error", ...server } });
            await kit.busy(cloud, kit.gatewayId(cloud), BUSY_MS);
        };

        /** Runs one phase's writes at once; asserts all succeeded in budget, the load was met and absorbed. */
        async function phase<T>(name: "create" | "update", writes: () => Promise<T>[]): Promise<T[]> {
            await injectLoad();
            const since = await lastSeq();
            const started = Date.now();
            const run = await capturingStderr(() => Promise.allSettled(writes()));
            const elapsed = Date.now() - started;
            const failed = run.result!.filter((r): r is PromiseRejectedResult => r.status === "rejected");
            assert.deepEqual(failed.map((r) => String(r.reason)), []);
            assert.ok(elapsed < PHASE_BUDGET_MS, `${name}s took ${elapsed} ms`);
            const log = (await cloud.control.requests()).filter((e) => e.seq > since);
            const [busyAction, busyCode] = kit.busyCode[name];
            assert.ok(log.some((e) => e.outcome === kit.throttling.code), "throttling was met");
            assert.ok(log.some((e) => e.action === busyAction && e.outcome === busyCode), "the busy gateway was met");
            assert.deepEqual(await cloud.control.faults(), [], "every injected fault was consumed");
            console.log(`      ${name}s: ${SOAK_N}/${SOAK_N} in ${elapsed} ms, ${log.length} API calls`);
            return run.result!.map((r) => (r as PromiseFulfilledResult<T>).value);
        }

        it(`can create ${SOAK_N} connections concurrently on one gateway: ${SOAK_N}/${SOAK_N}, no duplicate`, async () => {
            // GIVEN the inputs of 100 connections on one gateway, throttling and a busy gateway
            const inputs = await Promise.all(Array.from({ length: SOAK_N }, (_, i) => checked(kit.inputsFor(cloud, i))));
            // WHEN all are created at once
            created = (await phase("create", () => inputs.map((i) => kit.hooks.create(i)))) as { id: string; outs: Props }[];
            // THEN the cloud holds exactly those 100, each once, and each create reported its own
            const all = await connections();
            assert.equal(all.length, SOAK_N);
            assert.equal(new Set(all.map(kit.idOf)).size, SOAK_N);
            assert.deepEqual([...new Set(created.map((c) => c.id))].sort(), all.map(kit.idOf).sort());
            assert.deepEqual(all.map(kit.nameOf).sort(), inputs.map((i) => i.name).sort());
        });

        it(`can update the ${SOAK_N} connections concurrently: ${SOAK_N}/${SOAK_N}, still no duplicate`, async () => {
            // GIVEN the 100 connections and the same load again
            assert.equal(created.length, SOAK_N, "needs the connections of the previous test");
            const inputs = await Promise.all(Array.from({ length: SOAK_N }, (_, i) => checked({ ...kit.inputsFor(cloud, i), ...kit.changeFor(i) })));
            // WHEN all are updated at once
            await phase("update", () => created.map((c, i) => kit.hooks.update(c.id, c.outs, inputs[i])));
            // THEN the cloud holds exactly the 100 updated connections
            const all = await connections();
            assert.equal(all.length, SOAK_N);
            assert.deepEqual(all.map(kit.nameOf).sort(), inputs.map((i) => i.name).sort());
            assert.ok(all.every(kit.isChanged), "every connection carries its change");
        });
    });
}
