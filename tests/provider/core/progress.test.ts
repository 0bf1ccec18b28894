import assert from "node:assert/strict";
import { runExclusive } from "../../../provider/core/lock";
import {
    currentProgress,
    DEFAULT_PROGRESS_INTERVAL_MS,
    formatDuration,
    Progress,
    PROGRESS_INTERVAL_ENV,
    ProgressClock,
    progressInterval,
    retryTarget,
    withProgress,
} from "../../../provider/core/progress";
import { withRetry } from "../../../provider/core/retry";
import { operationDeadline, resolveTiming } from "../../../provider/core/timing";
import { waitUntil } from "../../../provider/core/wait";

/** A clock whose time moves only when told to, firing due timers in order. */
class FakeClock implements ProgressClock {
    time = 1_700_000_000_000;
    private nextId = 1;
    private readonly timers = new Map<number, { at: number; callback: () => void }>();

    now = (): number => this.time;

    setTimeout = (callback: () => void, ms: number): unknown => {
        const id = this.nextId++;
        this.timers.set(id, { at: this.time + ms, callback });
        return id;
    };

    clearTimeout = (handle: unknown): void => {
        this.timers.delete(handle as number);
    };

    get pending(): number {
        return this.timers.size;
    }

    /** Moves time forward by `ms`, running each timer that falls due on the way (at most 1000). */
    advance(ms: number): void {
        const end = this.time + ms;
        for (let fired = 0; fired < 1000; fired++) {
            const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
            if (!due) break;
            this.timers.delete(due[0]);
            this.time = due[1].at;
            due[1].callback();
        }
        this.time = end;
    }
}

function recorder(intervalMs = 15_000, gateway?: string) {
    const clock = new FakeClock();
    const lines: string[] = [];
    return { clock, lines, options: { clock, intervalMs, emit: (line: string) => lines.push(line), gateway } };
}

describe("progress", () => {
    it("can emit one line per interval while a wait lasts, naming what, the state, the time so far and the time left", () => {
        // GIVEN an operation with a 20-minute deadline waiting for a gateway
        const { clock, lines, options } = recorder();
        const progress = new Progress("office (vco-1)", "create", options);
        progress.setDeadline(clock.now() + 20 * 60_000);
        const waiting = progress.begin("VPN gateway vpn-1 to become active");
        waiting.update("updating");
        // WHEN 31 seconds pass
        clock.advance(31_000);
        // THEN two lines came, at 15 s and 30 s
        assert.deepEqual(lines, [
            "pulumi-ipsec: office (vco-1) create waiting for VPN gateway vpn-1 to become active (updating), 15s so far, deadline in 19m45s",
            "pulumi-ipsec: office (vco-1) create waiting for VPN gateway vpn-1 to become active (updating), 30s so far, deadline in 19m30s",
        ]);
    });

    it("can stay silent for a wait shorter than the interval and stop the lines when a wait ends", () => {
        // GIVEN a wait that ends after 10 s and another that ends after 20 s
        const { clock, lines, options } = recorder();
        const progress = new Progress("office", "update", options);
        const short = progress.begin("connection vco-1 to become active");
        clock.advance(10_000);
        short.end();
        const long = progress.begin("connection vco-1 to become active");
        clock.advance(20_000);
        long.end();
        // WHEN much more time passes
        clock.advance(120_000);
        // THEN only the long wait printed, once, and no timer is left
        assert.equal(lines.length, 1);
        assert.match(lines[0], /waiting for connection vco-1 to become active, 25s so far$/);
        assert.equal(clock.pending, 0);
    });

    it("can show the innermost open wait and return to the outer one when it ends", () => {
        // GIVEN a poll whose describe call is retried while throttled
        const { clock, lines, options } = recorder(1_000);
        const progress = new Progress("office", "create", options);
        const outer = progress.begin("connection vco-1 to become active", "updating");
        const inner = progress.begin("the API rate limit to allow DescribeVpnConnections", "throttling: Throttling.User");
        // WHEN the inner wait lasts a second, then ends, and another second passes
        clock.advance(1_000);
        inner.end();
        clock.advance(1_000);
        outer.end();
        // THEN the first line names the throttled call, the second the outer wait
        assert.equal(lines.length, 2);
        assert.match(lines[0], /waiting for the API rate limit to allow DescribeVpnConnections \(throttling: Throttling\.User\)/);
        assert.match(lines[1], /waiting for connection vco-1 to become active \(updating\)/);
    });

    it("can keep a state from the cloud on one bounded line", () => {
        // GIVEN a state with line breaks and 500 characters
        const { clock, lines, options } = recorder(1_000);
        const progress = new Progress("office", "create", options);
        progress.begin("connection vco-1 to become active", `a\nb\r${"x".repeat(500)}`);
        // WHEN the interval passes
        clock.advance(1_000);
        // THEN the line is one line with the state cut short
        assert.equal(lines.length, 1);
        assert.doesNotMatch(lines[0], /[\r\n]/);
        assert.ok(lines[0].length < 250, lines[0]);
        assert.match(lines[0], /\(a b x+…\)/);
    });

    it("can end every line when the operation settles, failed or not", async () => {
        // GIVEN an operation that fails while a wait is still open
        const { clock, lines, options } = recorder(1_000);
        let progress: Progress | undefined;
        // WHEN it settles and time passes
        await assert.rejects(
            withProgress("office", "delete", async () => {
                progress = currentProgress();
                progress!.begin("connection vco-1 to be deleted");
                throw new Error("boom");
            }, options),
            /boom/,
        );
        clock.advance(10_000);
        // THEN it was the operation's progress, and it printed nothing after settling
        assert.ok(progress);
        assert.deepEqual(lines, []);
        assert.equal(clock.pending, 0);
    });

    it("can print nothing when the interval is 0", () => {
        // GIVEN progress turned off
        const { clock, lines, options } = recorder(0);
        const progress = new Progress("office", "create", options);
        // WHEN a wait lasts an hour
        progress.begin("VPN gateway vpn-1 to become active");
        clock.advance(3_600_000);
        // THEN no line and no timer
        assert.deepEqual(lines, []);
        assert.equal(clock.pending, 0);
    });

    it("can name the retried call and the error's code but never its message", async () => {
        // GIVEN a create refused twice as busy, with a message quoting a secret
        const { clock, lines, options } = recorder(1_000, "vpn-1");
        let attempts = 0;
        // WHEN it is retried under an operation's progress, a second passing per attempt
        const result = await withProgress("office", "create", () =>
            withRetry(
                async () => {
                    clock.advance(1_000);
                    if (++attempts < 3) throw Object.assign(new Error("Psk=Very-Secret-1 rejected"), { code: "VpnGateway.Configuring" });
                    return "vco-1";
                },
                { deadline: Date.now() + 5_000, action: "CreateVpnConnection", classify: () => "busy", minDelayMs: 1, maxDelayMs: 1 },
            ),
        options);
        clock.advance(10_000);
        // THEN the lines name the gateway, the call and the code; none holds the message; none after success
        assert.equal(result, "vco-1");
        assert.equal(lines.length, 2);
        for (const line of lines) {
            assert.match(line, /^pulumi-ipsec: office create waiting for VPN gateway vpn-1 to accept CreateVpnConnection \(busy: VpnGateway\.Configuring\), \ds so far$/);
            assert.doesNotMatch(line, /Very-Secret/);
        }
    });

    it("can report a poll's last state and count down to the operation's deadline", async () => {
        // GIVEN an operation whose deadline comes from its `timeouts` and a state settling on the fourth poll
        const { clock, lines, options } = recorder(1_000);
        let polls = 0;
        // WHEN it waits, two seconds passing per poll
        await withProgress("office (vco-1)", "update", async () => {
            operationDeadline(resolveTiming({}, {}), { timeouts: { update: 60 } }, "update", clock.now());
            return waitUntil(async () => {
                clock.advance(2_000);
                return ++polls >= 4 ? { done: true, value: "active" } : { done: false, state: "updating" };
            }, { what: "connection vco-1 to become active", deadline: Date.now() + 5_000, minDelayMs: 1, maxDelayMs: 1 });
        }, options);
        // THEN a line per second of the wait, the state once a poll saw it, counting down from the 60 s
        assert.equal(lines.length, 8, lines.join("\n"));
        assert.match(lines[0], /waiting for connection vco-1 to become active, 1s so far, deadline in 59s$/);
        assert.match(lines[7], /waiting for connection vco-1 to become active \(updating\), 8s so far, deadline in 52s$/);
    });

    it("can say a write is queued behind the same gateway's earlier writes", async () => {
        // GIVEN a write holding the gateway's lock
        const { clock, lines, options } = recorder(1_000);
        let release!: () => void;
        const first = runExclusive("alicloud:vpn-1", () => new Promise<void>((resolve) => (release = resolve)));
        // WHEN a second write queues behind it for two seconds
        const second = withProgress("branch", "create", () => runExclusive("alicloud:vpn-1", async () => "done"), options);
        await new Promise((resolve) => setImmediate(resolve));
        clock.advance(2_000);
        release();
        await first;
        // THEN its lines say it is queued, and they stop once it runs
        assert.equal(await second, "done");
        clock.advance(5_000);
        assert.equal(lines.length, 2);
        assert.match(lines[0], /^pulumi-ipsec: branch create waiting for this process's earlier writes on alicloud:vpn-1 to finish \(queued\), 1s so far$/);
    });

    it("can read the interval from the environment, defaulting and bounded", () => {
        // GIVEN environments without the variable, with it empty, 0 (off) and a valid interval
        // WHEN the interval is read
        // THEN unset and empty give the default, and the others are taken as given
        assert.equal(progressInterval({}), DEFAULT_PROGRESS_INTERVAL_MS);
        assert.equal(progressInterval({ [PROGRESS_INTERVAL_ENV]: "" }), DEFAULT_PROGRESS_INTERVAL_MS);
        assert.equal(progressInterval({ [PROGRESS_INTERVAL_ENV]: "0" }), 0);
        assert.equal(progressInterval({ [PROGRESS_INTERVAL_ENV]: "2000" }), 2000);
    });

    for (const raw of ["50", "3600001", "1.5", "-1", "soon"]) {
        it(`fails when ${PROGRESS_INTERVAL_ENV} is ${JSON.stringify(raw)}, naming the variable and the range`, () => {
            // GIVEN an interval below the minimum, above the maximum, fractional, negative or not a number
            // WHEN read
            // THEN it fails naming the variable and the range
            assert.throws(() => progressInterval({ [PROGRESS_INTERVAL_ENV]: raw }), (error: unknown) => {
                assert.ok(error instanceof RangeError);
                assert.match(error.message, new RegExp(`${PROGRESS_INTERVAL_ENV} must be 0 \\(off\\) or a whole number of milliseconds from 100 to 3600000`));
                return true;
            });
        });
    }

    it("can format durations in seconds, minutes and hours", () => {
        // GIVEN durations from none to over an hour, and a negative one
        // WHEN formatted
        // THEN each reads in its largest units, whole seconds down, never negative
        assert.deepEqual([0, 999, 45_000, 60_000, 125_000, 3_600_000, 4_830_000, -5].map(formatDuration), ["0s", "0s", "45s", "1m", "2m05s", "1h", "1h20m", "0s"]);
    });

    it("can say what a retry waits for by its class", () => {
        // GIVEN retries of each class, with and without a gateway or an action
        // WHEN described
        // THEN each names what it waits for
        assert.equal(retryTarget("busy", "ModifyVpnConnectionAttribute", "vpn-1"), "VPN gateway vpn-1 to accept ModifyVpnConnectionAttribute");
        assert.equal(retryTarget("busy", "DeleteVpnConnection"), "the cloud to accept DeleteVpnConnection");
        assert.equal(retryTarget("throttling", "DescribeVpnConnections"), "the API rate limit to allow DescribeVpnConnections");
        assert.equal(retryTarget("network", undefined), "an answer to the call");
    });
});
