/**
 * Interrupted and partially failed runs under the real `pulumi`, with one connection of each kind
 * (Alibaba, Tencent API 3.0 and 2.0) per stack:
 * - one SIGINT while the creates are in flight: the CLI cancels, the creates finish and are recorded;
 * - a second SIGINT: the CLI terminates, leaving pending creates and no connection in state; the next
 *   `up` adopts the connections the cloud already has (no duplicate), and `refresh
 *   --clear-pending-creates` drops the stale records;
 * - SIGKILL: the stack stays locked until `pulumi cancel`, then the same recovery;
 * - a create whose wait fails after the cloud committed: the connection stays in state with its init
 *   error, and the next `up` finishes it without creating again;
 * - a connection reset after the cloud committed a create: the same `up` ends with one connection each.
 * The emulator keeps the creates in flight (long transitions) until a test advances its clock.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import { CliResult, CliStack, isAlive, plaintextIn, RunningCommand } from "../support/cli";
import { alicloudSpec, emulatorConnections, requestMark, tencentSpec, useConnectionsStack, writesSince } from "../support/cliConnections";
import { afterPreview, stepLines } from "../support/cliOutput";
import { TestCloud } from "../support/cloudEnv";
import { eventually } from "../support/crashRecovery";

const NAMES = ["ali", "t3", "t2"] as const;
const SPECS = [alicloudSpec("ali"), tencentSpec("t3", "3.0"), tencentSpec("t2", "2.0")];
/** The create action of each connection, as the emulator logs it. */
const CREATE_ACTIONS = ["alicloud:CreateVpnConnection", "tencentcloud:CreateVpnConnection", "tencentcloud:AddVpnConnEx"];
/** Transitions far longer than any test: creates stay in flight until the emulator's clock is advanced. */
const HELD_TRANSITION_MS = 120_000;
/** How long a test waits for `up` to reach the cloud (program start and preview included). */
const REACH_CLOUD_MS = 90_000;

/** Create calls the emulator answered (committed) since `mark`, as `cloud:Action`. */
async function committedCreates(cloud: TestCloud, mark = 0): Promise<string[]> {
    return (await writesSince(cloud.control, mark)).filter((write) => CREATE_ACTIONS.includes(write));
}

/** Starts `pulumi up --yes` with every create held in flight, and resolves once the cloud committed all three. */
async function upWithCreatesInFlight(cloud: TestCloud, stack: CliStack): Promise<RunningCommand> {
    await cloud.control.settings({ transitionMs: HELD_TRANSITION_MS });
    const up = stack.start(["up", "--yes"], { timeoutMs: 240_000 });
    try {
        await eventually("the three creates to be committed", async () => (await committedCreates(cloud)).length === CREATE_ACTIONS.length, REACH_CLOUD_MS);
    } catch (error) {
        up.signal("SIGKILL");
        throw new Error(`${(error as Error).message}; pulumi printed:\n${up.output().slice(-4000)}`);
    }
    return up;
}

/** Lets every held transition finish now, and later ones run fast again. */
async function finishTransitions(cloud: TestCloud): Promise<void> {
    await cloud.control.settings({ transitionMs: 20 });
    // Not much further: signatures carry timestamps, which Tencent refuses more than 5 minutes off.
    await cloud.control.advanceClock(HELD_TRANSITION_MS + 1_000);
}

/** Sends SIGINT to the running `pulumi` and waits until it says it got it. */
async function interrupt(up: RunningCommand, acknowledgement: RegExp): Promise<void> {
    up.signal("SIGINT");
    await eventually(`pulumi to print ${acknowledgement}`, async () => acknowledgement.test(up.output()), 30_000);
}

/** The connection ids in the emulator, sorted. */
async function cloudIds(cloud: TestCloud): Promise<string[]> {
    return (await emulatorConnections(cloud.control)).map((c) => String(c.VpnConnectionId)).sort();
}

/** The stack's connections in state, by logical name: id and init errors. */
async function stateByName(stack: CliStack): Promise<Record<string, { id?: string; initErrors?: string[]; outputs?: Record<string, unknown> }>> {
    const out: Record<string, { id?: string; initErrors?: string[]; outputs?: Record<string, unknown> }> = {};
    for (const r of await stack.resources()) out[r.urn.split("::").pop()!] = { id: r.id, initErrors: r.initErrors, outputs: r.outputs };
    return out;
}

/** The state's pending operations, as `type urn-name`. */
async function pendingOperations(stack: CliStack): Promise<string[]> {
    const ops = ((await stack.exported()).deployment.pending_operations ?? []) as { type: string; resource: { urn: string } }[];
    return ops.map((op) => `${op.type} ${op.resource.urn.split("::").pop()}`).sort();
}

/** An `up` or `preview` that finds nothing to do, and sends no write. */
async function assertNothingToChange(cloud: TestCloud, stack: CliStack): Promise<void> {
    const mark = await requestMark(cloud.control);
    const preview = await stack.run(["preview", "--expect-no-changes"]);
    assert.equal(preview.code, 0, preview.output);
    const up = await stack.up();
    assert.match(up.stdout, /4 unchanged/);
    assert.deepEqual(await writesSince(cloud.control, mark), []);
}

/** A process's command line ("" once it is gone). */
function cmdline(pid: number): string {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
        return "";
    }
}

function assertExit(result: CliResult, code: number): void {
    assert.equal(result.code, code, `exit code ${result.code ?? result.signal}:\n${result.output.slice(-6000)}`);
}

describe("CLI tier: interrupted and partially failed runs", function () {
    describe("one SIGINT while the creates are in flight", function () {
        let cloud: TestCloud;
        let stack: CliStack;
        const fixture = useConnectionsStack(SPECS);
        before(() => ({ cloud, stack } = fixture));

        it("can let the creates in flight finish on one SIGINT, recording each connection in state", async function () {
            this.timeout(240_000);
            // GIVEN `up` running, each create committed by the cloud and still in progress
            const up = await upWithCreatesInFlight(cloud, stack);
            // WHEN the CLI gets one SIGINT (Ctrl-C), then the cloud finishes the connections
            await interrupt(up, /\^C received; cancelling/);
            await finishTransitions(cloud);
            const result = await up.result;
            // THEN the CLI waited for the creates, recorded them, and exited 1 with "update canceled"
            assertExit(result, 1);
            assert.match(result.stdout, /\^C received; cancelling\. If you would like to terminate immediately, press \^C again\./);
            assert.match(result.stdout, /error: update canceled/);
            const created = stepLines(afterPreview(result.stdout)).filter((line) => /^created/.test(line.text)).map((line) => line.name);
            assert.deepEqual(created.sort(), [...NAMES].sort());
            const state = await stateByName(stack);
            assert.deepEqual(Object.values(state).map((r) => r.id).sort(), await cloudIds(cloud));
            assert.equal((await cloudIds(cloud)).length, NAMES.length);
            assert.deepEqual(await pendingOperations(stack), []);
        });

        it("can bring the stack up after the cancel without writing to the cloud", async function () {
            this.timeout(120_000);
            // GIVEN the cancelled stack (its outputs were never recorded)
            const ids = await cloudIds(cloud);
            // WHEN up runs again, and then once more
            // THEN neither writes anything, and the outputs name the same connections
            await assertNothingToChange(cloud, stack);
            assert.deepEqual(Object.values((await stack.outputs()).connectionIds as Record<string, string>).sort(), ids);
        });
    });

    describe("two SIGINTs while the creates are in flight", function () {
        let cloud: TestCloud;
        let stack: CliStack;
        let orphans: string[];
        const fixture = useConnectionsStack(SPECS);
        before(() => ({ cloud, stack } = fixture));

        it("can terminate up on a second SIGINT, leaving pending creates and the connections only in the cloud", async function () {
            this.timeout(240_000);
            // GIVEN `up` running, each create committed by the cloud and still in progress
            const up = await upWithCreatesInFlight(cloud, stack);
            // WHEN the CLI gets SIGINT twice
            await interrupt(up, /\^C received; cancelling/);
            up.signal("SIGINT");
            const result = await up.result;
            // THEN it terminated at once with exit 8 (cancelled), stopping its plugins too
            assertExit(result, 8);
            assert.match(result.stdout, /\^C received; terminating/);
            assert.match(result.stderr, /error: update cancelled/);
            const requests = (await cloud.control.requests()).length;
            await new Promise((resolve) => setTimeout(resolve, 1500));
            assert.equal((await cloud.control.requests()).length, requests, "no plugin polls the cloud after pulumi exited");
            // … the state records three pending creates and none of the connections, which the cloud holds
            assert.deepEqual(await pendingOperations(stack), ["creating ali", "creating t2", "creating t3"]);
            assert.deepEqual(await stack.resources(), []);
            orphans = await cloudIds(cloud);
            assert.equal(orphans.length, NAMES.length);
        });

        it("can recover with the next up, which adopts each interrupted create instead of duplicating it and applies a PSK edited meanwhile", async function () {
            this.timeout(180_000);
            // GIVEN the cloud finished the orphaned connections, and the user changed both PSKs since
            await finishTransitions(cloud);
            await stack.setSecret("pskAlicloud", "Cli-Psk-Alicloud-2");
            await stack.setSecret("pskTencent", "Cli-Psk-Tencent-2");
            const mark = await requestMark(cloud.control);
            // WHEN up runs again
            const up = await stack.up();
            // THEN the CLI warns about the pending creates, and the stack holds the connections the cloud already had
            assert.match(up.output, /warning: Attempting to deploy or update resources with 3 pending operations from previous deployment\./);
            for (const name of NAMES) assert.match(up.output, new RegExp(`::${name}, interrupted while creating`));
            assert.match(up.stdout, /\+ 3 created/);
            assert.deepEqual(await cloudIds(cloud), orphans);
            assert.deepEqual(Object.values(await stateByName(stack)).map((r) => r.id).sort(), orphans);
            // … Alibaba's create was re-sent with its ClientToken (the cloud answered with the same connection), Tencent's were looked up
            assert.deepEqual(await committedCreates(cloud, mark), ["alicloud:CreateVpnConnection"]);
            assert.equal((up.output.match(/adopting connection vpnx-\S+, made by an earlier attempt of this create/g) ?? []).length >= 2, true, up.output);
            // … and each connection was modified to the new PSK before its create was reported
            const modifies = (await writesSince(cloud.control, mark)).filter((write) => /Modify/.test(write)).sort();
            assert.deepEqual(modifies, ["alicloud:ModifyVpnConnectionAttribute", "tencentcloud:ModifyVpnConnEx", "tencentcloud:ModifyVpnConnectionAttribute"]);
            const drift = await stack.run(["refresh", "--preview-only", "--expect-no-changes"]);
            assertExit(drift, 0);
            // … and the stale pending creates are still recorded
            assert.deepEqual(await pendingOperations(stack), ["creating ali", "creating t2", "creating t3"]);
        });

        it("can drop the stale pending creates with refresh --clear-pending-creates, a plain refresh keeping them", async function () {
            this.timeout(180_000);
            // GIVEN the recovered stack with its stale pending creates
            // WHEN refreshed without and then with --clear-pending-creates
            const plain = await stack.run(["refresh", "--yes"]);
            const pendingAfterPlain = await pendingOperations(stack);
            const clear = await stack.run(["refresh", "--yes", "--clear-pending-creates"]);
            // THEN non-interactively only the flag drops them; the connections stay, and nothing is left to change
            assertExit(plain, 0);
            assert.equal(pendingAfterPlain.length, 3);
            assertExit(clear, 0);
            assert.deepEqual(await pendingOperations(stack), []);
            assert.deepEqual(Object.values(await stateByName(stack)).map((r) => r.id).sort(), orphans);
            await assertNothingToChange(cloud, stack);
            assert.deepEqual(await cloudIds(cloud), orphans);
        });
    });

    describe("pulumi killed (SIGKILL) while the creates are in flight", function () {
        let cloud: TestCloud;
        let stack: CliStack;
        let orphans: string[];
        let leftovers: number[] = [];
        const fixture = useConnectionsStack(SPECS);
        before(() => ({ cloud, stack } = fixture));
        after(() => {
            // The plugins the killed CLI left behind: ended here, by id, if they are still those processes.
            for (const pid of leftovers) if (isAlive(pid) && /pulumi/.test(cmdline(pid))) process.kill(pid, "SIGKILL");
        });

        it("can leave the stack locked when pulumi is killed mid-create, with its plugins still running", async function () {
            this.timeout(240_000);
            // GIVEN `up` running, each create committed by the cloud and still in progress
            const up = await upWithCreatesInFlight(cloud, stack);
            const started = up.descendants();
            // WHEN the CLI is killed (a lost CI runner)
            up.signal("SIGKILL");
            const result = await up.result;
            leftovers = started.filter(isAlive);
            // THEN the plugins it started outlive it, and the next command finds the stack locked (exit 1)
            assert.equal(result.signal, "SIGKILL");
            assert.ok(leftovers.length > 0, `of ${started.length} child processes none outlived pulumi`);
            orphans = await cloudIds(cloud);
            assert.equal(orphans.length, NAMES.length);
            const locked = await stack.run(["up", "--yes"]);
            assertExit(locked, 1);
            assert.match(locked.stderr, /error: the stack is currently locked by 1 lock\(s\)\. Either wait for the other process\(es\) to end or delete the lock file with `pulumi cancel`\./);
            assert.deepEqual(await cloudIds(cloud), orphans);
        });

        it("can unlock with pulumi cancel, clear the pending creates, and adopt the connections with up", async function () {
            this.timeout(240_000);
            // GIVEN the locked stack, the leftover plugins stopped and the cloud done with the connections
            for (const pid of leftovers) if (isAlive(pid) && /pulumi/.test(cmdline(pid))) process.kill(pid, "SIGKILL");
            await finishTransitions(cloud);
            // WHEN the user cancels (the file backend removes the lock), clears the pending creates, then runs up
            const cancel = await stack.run(["cancel", "--yes"]);
            const pendingBefore = await pendingOperations(stack);
            const clear = await stack.run(["refresh", "--yes", "--clear-pending-creates"]);
            const mark = await requestMark(cloud.control);
            const up = await stack.up();
            // THEN each step succeeds, and the stack holds exactly the connections the killed run made
            assertExit(cancel, 0);
            assert.match(cancel.stdout, new RegExp(`The currently running update for '${stack.name}' has been canceled!`));
            assert.deepEqual(pendingBefore, ["creating ali", "creating t2", "creating t3"]);
            assertExit(clear, 0);
            assert.match(up.stdout, /\+ 3 created/);
            assert.deepEqual(await committedCreates(cloud, mark), ["alicloud:CreateVpnConnection"]);
            assert.deepEqual(await cloudIds(cloud), orphans);
            assert.deepEqual(Object.values(await stateByName(stack)).map((r) => r.id).sort(), orphans);
            assert.deepEqual(await pendingOperations(stack), []);
            await assertNothingToChange(cloud, stack);
        });
    });

    describe("a create whose wait fails after the cloud committed", function () {
        let cloud: TestCloud;
        let stack: CliStack;
        let ids: string[];
        const fixture = useConnectionsStack(SPECS);
        before(() => ({ cloud, stack } = fixture));

        it("fails up when each wait outlives its deadline, keeping each connection in state with its init error", async function () {
            this.timeout(180_000);
            // GIVEN connections that take 10 s to become ready, and an operation deadline of 3 s for this run
            await cloud.control.settings({ transitionMs: 10_000 });
            // WHEN up runs
            const up = await stack.run(["up", "--yes"], { env: { PULUMI_IPSEC_OPERATION_TIMEOUT_MS: "3000" } });
            // THEN it fails (exit 1), each connection naming the wait that timed out
            assertExit(up, 1);
            assert.equal((up.stdout.match(/\* timed out after \d+s waiting for /g) ?? []).length, NAMES.length, up.stdout);
            // … and each connection the cloud made is in state, with its id and that error, nothing pending
            ids = await cloudIds(cloud);
            assert.equal(ids.length, NAMES.length);
            const state = await stateByName(stack);
            assert.deepEqual(Object.values(state).map((r) => r.id).sort(), ids);
            for (const name of NAMES) assert.match(state[name].initErrors?.[0] ?? "", /^timed out after \d+s waiting for /, name);
            assert.deepEqual(await pendingOperations(stack), []);
            assert.deepEqual(plaintextIn(stack.transcript, stack.secretValues), []);
        });

        it("can finish the kept connections with the next up, creating nothing", async function () {
            this.timeout(180_000);
            // GIVEN the cloud finished the connections meanwhile
            await finishTransitions(cloud);
            const mark = await requestMark(cloud.control);
            // WHEN up runs again
            const up = await stack.up();
            // THEN each connection is updated (the engine does so for init errors) with no write: the provider waited for it and read it
            assert.match(up.stdout, /~ 3 updated/);
            assert.deepEqual(await writesSince(cloud.control, mark), []);
            assert.equal((up.output.match(/finishing the create of \S+, which an earlier run left incomplete/g) ?? []).length >= NAMES.length, true, up.output);
            const state = await stateByName(stack);
            assert.deepEqual(Object.values(state).map((r) => r.id).sort(), ids);
            assert.deepEqual(Object.fromEntries(NAMES.map((name) => [name, [state[name].initErrors, state[name].outputs?.state]])), {
                ali: [undefined, "active"],
                t3: [undefined, "AVAILABLE"],
                t2: [undefined, "AVAILABLE"],
            });
            await assertNothingToChange(cloud, stack);
            assert.deepEqual(await cloudIds(cloud), ids);
        });
    });

    describe("a connection reset after the cloud committed a create", function () {
        let cloud: TestCloud;
        let stack: CliStack;
        const fixture = useConnectionsStack(SPECS);
        before(() => ({ cloud, stack } = fixture));

        it("can finish the same up with one connection each, re-sending or looking up the create", async function () {
            this.timeout(180_000);
            // GIVEN each create's answer lost after the cloud committed it
            for (const write of CREATE_ACTIONS) {
                const [name, action] = write.split(":");
                await cloud.control.armFault({ cloud: name as "alicloud" | "tencentcloud", action, fault: { kind: "reset-after" } });
            }
            // WHEN up runs
            const up = await stack.up();
            // THEN it succeeds with exactly the three connections it recorded
            assert.match(up.stdout, /\+ 4 created/);
            const ids = Object.values((await stack.outputs()).connectionIds as Record<string, string>).sort();
            assert.deepEqual(await cloudIds(cloud), ids);
            // … Alibaba re-sent its create with the same ClientToken; Tencent found its connections instead of sending another create
            const counters = await cloud.control.counters();
            assert.deepEqual(CREATE_ACTIONS.map((write) => counters[write]), [2, 1, 1]);
            assert.deepEqual(await cloud.control.faults(), []);
            await assertNothingToChange(cloud, stack);
        });
    });
});
