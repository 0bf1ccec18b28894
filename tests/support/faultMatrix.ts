/**
 * The fault matrix every resource kit runs in-process against the emulator: each hook (create,
 * read, update, delete) × each fault the emulator injects (throttling and 5xx N times, a reset
 * before or after the cloud commits, an answer delayed beyond the request timeout, a busy gateway,
 * a failed asynchronous task, a validation or auth error). Each row asserts the hook's result, the
 * final cloud state through the control API (exactly one connection with the expected config, or
 * none, nothing orphaned), and — the secrets audit — that neither the error nor anything the
 * provider logged holds the PSK or a credential, even when the cloud's message echoes them.
 */
import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "../../provider/core/config";
import { CloudApiError } from "../../provider/core/errors";
import { startTestCloud, TestCloud } from "./cloudEnv";

type Props = Record<string, any>;

export type Hook = "create" | "read" | "update" | "delete";
export const HOOKS: readonly Hook[] = ["create", "read", "update", "delete"];

export type FaultKind = "throttling" | "server" | "reset-before" | "reset-after" | "delay" | "busy" | "task-failed" | "validation" | "auth";

/** What a row expects: the hook succeeds after retries/waits, or fails without a retry worth making. */
export type Outcome = "ok" | "fatal";

/** The hooks a provider module exports (what the dynamic provider calls). */
export interface HookModule {
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    remove(id: string, props: Props): Promise<void>;
}

export interface ErrorFault {
    code: string;
    httpStatus?: number;
}

export interface FaultKit {
    cloud: "alicloud" | "tencentcloud";
    title: string;
    hooks: HookModule;
    /** Raw inputs of the connection every row works on (a `preSharedKey` is required: it is audited). */
    desired(cloud: TestCloud): Props;
    /** The in-place change the update rows apply on top of `desired`. */
    change: Props;
    /** The action whose calls each hook's fault is armed on. */
    actions: Record<Hook, string>;
    /** Codes of the error faults. */
    errors: Record<"throttling" | "server" | "validation" | "auth", ErrorFault>;
    /** Keeps a VPN gateway busy for `ms` through the control API. */
    busy(cloud: TestCloud, gatewayId: string, ms: number): Promise<void>;
    /** Makes the next asynchronous task fail; clouds without tasks leave it out (no task-failed rows). */
    failNextTask?(cloud: TestCloud): Promise<void>;
    /** The connection records of the emulator's `/__emu/state` dump. */
    connections(state: any): Props[];
    idOf(connection: Props): string;
    /** The fields compared after each row, from a connection record. */
    config(connection: Props): Props;
    /** `config` of the desired connection and of the changed one. */
    expected: { desired: Props; changed: Props };
    /** Credentials the audit looks for besides the PSK. */
    credentials(cloud: TestCloud): string[];
    /** False for a protocol whose answers carry no request id (Tencent API 2.0). @default true */
    requestIds?: boolean;
}

/** How many times the retried error faults fire in a row (each one retried by the provider). */
export const TRANSIENT_COUNT = 3;
/** Request timeout of the delay rows, and how long the emulator then holds the (committed) answer. */
export const DELAY_REQUEST_TIMEOUT_MS = 200;
export const DELAY_MS = 600;
/** How long the busy rows keep the gateway busy. */
export const BUSY_MS = 300;

/** Runs `run` with the process's stderr captured (the hooks log there, as the plugin does), not printed. */
export async function capturingStderr<T>(run: () => Promise<T>): Promise<{ result?: T; error?: unknown; logs: string }> {
    const chunks: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
        chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        return true;
    }) as typeof process.stderr.write;
    try {
        return { result: await run(), logs: chunks.join("") };
    } catch (error) {
        return { error, logs: chunks.join("") };
    } finally {
        process.stderr.write = write;
    }
}

/** Sets environment variables for the duration of `run` (hooks read timing at call time). */
export async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
    Object.assign(process.env, vars);
    try {
        return await run();
    } finally {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    }
}

/** Asserts that none of `secrets` occurs in `text`, naming where. */
export function assertNoSecrets(text: string, secrets: readonly string[], where: string): void {
    for (const secret of secrets) {
        assert.equal(text.includes(secret), false, `${where} contains a secret (${secret.slice(0, 3)}…)`);
    }
}

/** The kinds a kit runs: all but task-failed for clouds without asynchronous tasks. */
function kindsOf(kit: FaultKit): FaultKind[] {
    const kinds: FaultKind[] = ["throttling", "server", "reset-before", "reset-after", "delay", "busy", "task-failed", "validation", "auth"];
    return kinds.filter((kind) => kind !== "task-failed" || kit.failNextTask);
}

/** Transient faults are ridden out; refusals and failed tasks are reported. */
function outcomeOf(kind: FaultKind): Outcome {
    return kind === "validation" || kind === "auth" || kind === "task-failed" ? "fatal" : "ok";
}

export function describeFaultMatrix(kit: FaultKit): void {
    describe(`${kit.title}: fault matrix (hook × fault → result and final cloud state)`, function () {
        this.timeout(30_000);
        let cloud: TestCloud;
        let secrets: string[];

        before(async () => {
            cloud = await startTestCloud({ applyToProcess: true });
            secrets = [kit.desired(cloud).preSharedKey, ...kit.credentials(cloud)];
            assert.ok(secrets.every((s) => typeof s === "string" && s.length >= 4), "the kit must name a PSK and credentials to audit");
        });
        after(async () => cloud?.stop());
        beforeEach(async () => {
            await cloud.control.reset();
            setStackConfig(undefined);
        });

        const checked = async (news: Props): Promise<Props> => {
            const result = await kit.hooks.check({}, news);
            assert.deepEqual(result.failures ?? [], []);
            return result.inputs as Props;
        };
        const connections = async () => kit.connections(await cloud.control.state<any>());

        /** Arms the row's fault on the hook's action; error faults echo secrets to prove redaction. */
        async function arm(hook: Hook, kind: FaultKind, gatewayId: string): Promise<void> {
            const action = kit.actions[hook];
            const armError = (fault: ErrorFault, count: number, message?: string) =>
                cloud.control.armFault({ cloud: kit.cloud, action, count, fault: { kind: "error", ...fault, ...(message ? { message } : {}) } });
            switch (kind) {
                case "throttling":
                case "server":
                    return void (await armError(kit.errors[kind], TRANSIENT_COUNT));
                case "validation":
                case "auth":
                    // A cloud that echoes what it was sent must not get a secret into the user's error.
                    return void (await armError(kit.errors[kind], 1, `rejected ${secrets.join(" and ")}`));
                case "reset-before":
                case "reset-after":
                    return void (await cloud.control.armFault({ cloud: kit.cloud, action, fault: { kind } }));
                case "delay":
                    return void (await cloud.control.armFault({ cloud: kit.cloud, action, fault: { kind: "delay", ms: DELAY_MS } }));
                case "busy":
                    return kit.busy(cloud, gatewayId, BUSY_MS);
                case "task-failed":
                    return kit.failNextTask!(cloud);
            }
        }

        function assertFatal(error: unknown, hook: Hook, kind: FaultKind): void {
            const expected = { action: kit.actions[hook], code: kind === "task-failed" ? "TaskFailed" : kit.errors[kind as "auth"].code };
            assert.ok(error instanceof CloudApiError, `expected a CloudApiError, got ${String(error)}`);
            assert.equal(error.cloud, kit.cloud);
            assert.equal(error.action, expected.action);
            assert.equal(error.code, expected.code);
            if (kit.requestIds === false) {
                assert.ok(error.message.includes(`${kit.cloud} ${expected.action} failed: ${expected.code}:`), error.message);
            } else {
                assert.ok(error.requestId, "the error names the request id");
                assert.ok(error.message.includes(`${kit.cloud} ${expected.action} failed: ${expected.code} (request ${error.requestId})`), error.message);
            }
            assert.match(error.message, /Hint: \S/);
        }

        for (const hook of HOOKS) {
            for (const kind of kindsOf(kit)) {
                if (hook === "read" && kind === "task-failed") continue; // a read starts no task
                const outcome = outcomeOf(kind);
                const names = kit.requestIds === false ? "cloud, action and code" : "cloud, action, code and request id";
                // A busy gateway refuses writes only: for a read the row shows reads stay available.
                const through = hook === "read" && kind === "busy" ? "while the gateway is busy" : `through ${kind}`;
                const title = outcome === "ok" ? `can ${hook} ${through}` : `fails ${hook} on ${kind}, naming ${names}`;

                it(title, async () => {
                    // GIVEN the desired connection — already created unless the row creates it
                    const desired = await checked(kit.desired(cloud));
                    const changed = await checked({ ...kit.desired(cloud), ...kit.change });
                    const existing = hook === "create" ? undefined : await kit.hooks.create(desired);
                    const gatewayId = String(desired.vpnGatewayId);
                    await arm(hook, kind, gatewayId);
                    // The rows pin the single by-id read: a failed gateway listing falls back to it (core/readBatch).
                    const env: Record<string, string> = {
                        PULUMI_IPSEC_READ_BATCHING: "off",
                        ...(kind === "delay" ? { PULUMI_IPSEC_REQUEST_TIMEOUT_MS: String(DELAY_REQUEST_TIMEOUT_MS) } : {}),
                    };
                    const before = (await cloud.control.counters())[`${kit.cloud}:${kit.actions[hook]}`] ?? 0;

                    // WHEN the hook runs under the fault
                    const started = Date.now();
                    const run = await withEnv(env, () =>
                        capturingStderr<unknown>(async () => {
                            switch (hook) {
                                case "create":
                                    return kit.hooks.create(desired);
                                case "read":
                                    return kit.hooks.read(existing!.id, existing!.outs!);
                                case "update":
                                    return kit.hooks.update(existing!.id, existing!.outs!, changed);
                                case "delete":
                                    return kit.hooks.remove(existing!.id, existing!.outs!);
                            }
                        }),
                    );

                    // THEN the fault really met the hook (an unused fault would make the row vacuous) …
                    const elapsedMs = Date.now() - started;
                    if (kind !== "busy" && kind !== "task-failed") assert.deepEqual(await cloud.control.faults(), [], "the armed fault fired");
                    // … a held answer was given up at the request timeout, not waited out …
                    if (kind === "delay") assert.ok(elapsedMs < DELAY_MS, `the hook took ${elapsedMs} ms: the request timeout did not cut the held answer`);
                    // … the hook's result is as expected …
                    const calls = ((await cloud.control.counters())[`${kit.cloud}:${kit.actions[hook]}`] ?? 0) - before;
                    if (outcome === "ok") {
                        assert.equal(run.error, undefined, `the hook failed: ${(run.error as Error)?.message}`);
                    } else {
                        assertFatal(run.error, hook, kind);
                        assertNoSecrets((run.error as Error).message, secrets, "the error message");
                    }
                    if (kind === "throttling" || kind === "server") assert.equal(calls, TRANSIENT_COUNT + 1, `${kit.actions[hook]} calls`);
                    if (kind === "validation" || kind === "auth") assert.equal(calls, 1, "a refused request is never retried");
                    if (kind === "busy" && hook !== "read") assert.ok(calls >= 2, "the busy gateway was met and waited out");
                    assertNoSecrets(run.logs, secrets, "the provider's log");

                    // … and the cloud holds exactly what it should: one connection as desired (or
                    // changed), or none — never a duplicate or an orphan.
                    const all = await connections();
                    const gone = (hook === "create" && outcome === "fatal") || (hook === "delete" && outcome === "ok");
                    if (gone) {
                        assert.deepEqual(all.map(kit.idOf), [], "nothing is left in the cloud");
                        return;
                    }
                    assert.equal(all.length, 1, `exactly one connection (got ${all.map(kit.idOf).join(", ")})`);
                    const expected = hook === "update" && outcome === "ok" ? kit.expected.changed : kit.expected.desired;
                    assert.deepEqual(kit.config(all[0]), expected);
                    const id = hook === "create" ? (run.result as pulumi.dynamic.CreateResult).id : existing!.id;
                    assert.equal(kit.idOf(all[0]), id);
                    if (hook === "read" && outcome === "ok") assert.equal((run.result as pulumi.dynamic.ReadResult).id, id);
                });
            }
        }

        it("fails a read at its deadline, not the request timeout, when the answer is held beyond both", async () => {
            // GIVEN a connection, a read deadline of 1.2 s, a 30 s request timeout and an answer held 5 s
            const created = await kit.hooks.create(await checked(kit.desired(cloud)));
            await cloud.control.armFault({ cloud: kit.cloud, action: kit.actions.read, fault: { kind: "delay", ms: 5_000 } });
            // WHEN read
            const started = Date.now();
            const run = await withEnv({ PULUMI_IPSEC_READ_TIMEOUT_MS: "1200", PULUMI_IPSEC_REQUEST_TIMEOUT_MS: "30000" }, () =>
                capturingStderr(() => kit.hooks.read(created.id, created.outs!)),
            );
            // THEN the attempt was cut at the deadline and reported as a timeout
            const elapsed = Date.now() - started;
            assert.ok(run.error instanceof CloudApiError, String(run.error));
            assert.match(String(run.error.code), /^(RequestTimeout|ETIMEDOUT)$/);
            assert.ok(elapsed < 3_000, `the read took ${elapsed} ms`);
        });

        it("can queue creates on one gateway without spending their deadline in the queue", async () => {
            // GIVEN transitions of 400 ms and four creates on one gateway, each allowed one second
            await cloud.control.settings({ transitionMs: 400 });
            const inputs = await Promise.all([1, 2, 3, 4].map((n) => checked({ ...kit.desired(cloud), name: `queued-${n}`, timeouts: { create: 1 } })));
            // WHEN they run concurrently (the plugin serializes them: together they take about two seconds)
            const results = await Promise.allSettled(inputs.map((i) => kit.hooks.create(i)));
            // THEN each one's second counted from when it got the gateway, so all succeed
            assert.deepEqual(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status)), ["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
            assert.equal((await connections()).length, 4);
        });

        it("can create and delete through throttling of every action", async () => {
            // GIVEN every call of the cloud throttled a few times, whatever its action
            const desired = await checked(kit.desired(cloud));
            await cloud.control.armFault({ cloud: kit.cloud, action: "*", count: 2 * TRANSIENT_COUNT, fault: { kind: "error", ...kit.errors.throttling } });
            // WHEN a connection is created and deleted
            const created = await kit.hooks.create(desired);
            assert.equal((await connections()).length, 1);
            await kit.hooks.remove(created.id, created.outs!);
            // THEN every fault was absorbed and nothing is left
            assert.deepEqual(await cloud.control.faults(), []);
            assert.deepEqual(await connections(), []);
        });
    });
}
