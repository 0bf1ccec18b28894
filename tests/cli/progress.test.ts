/**
 * Long waits under the real `pulumi`: VPN gateways kept busy through the emulator's control API make
 * each create wait, and the CLI's output shows the provider's progress lines while they wait (what
 * for, how long so far) — and none once the wait is over. `customTimeouts` on a connection is
 * recorded by the engine but never enforced on, nor passed to, the dynamic provider: the create
 * outlives it and succeeds, and the program warns, naming the `timeouts` input.
 */
import { strict as assert } from "assert";
import { CliResult, CliStack } from "../support/cli";
import { alicloudSpec, emulatorConnections, tencentSpec, useConnectionsStack } from "../support/cliConnections";
import { stepLines } from "../support/cliOutput";
import { TestCloud } from "../support/cloudEnv";

const ALI_GATEWAY = "vpn-emu00000000000001";
const TENCENT_GATEWAY = "vpngw-emu0001";
/** Longer than any program start: the waits end when the test moves the emulator's clock past it. */
const BUSY_MS = 120_000;

/** What each resource's progress lines say while its gateway refuses the create. */
const EXPECTED: Record<string, RegExp> = {
    ali: new RegExp(`^pulumi-ipsec: ali create waiting for VPN gateway ${ALI_GATEWAY} to accept CreateVpnConnection \\(busy: VpnGateway\\.Configuring\\), (\\d+)s so far, deadline in \\S+$`),
    t3: new RegExp(`^pulumi-ipsec: t3 create waiting for VPN gateway ${TENCENT_GATEWAY} to accept CreateVpnConnection \\(busy: UnsupportedOperation\\.InvalidState\\), (\\d+)s so far, deadline in \\S+$`),
};

/** The progress lines of `name` in `text`, one per line, with their "so far" seconds. */
function progressLines(text: string, name: string): { line: string; seconds: number }[] {
    return text
        .split("\n")
        .map((line) => line.replace(/^.*?(pulumi-ipsec: )/, "$1").trim())
        .filter((line) => line.startsWith(`pulumi-ipsec: ${name} `))
        .map((line) => ({ line, seconds: Number(/ (\d+)s so far/.exec(line)?.[1] ?? NaN) }));
}

/** The `Diagnostics:` section of an `up`'s update (each message once). */
function diagnostics(stdout: string): string {
    const update = stdout.slice(stdout.search(/^Updating \(/m));
    const start = update.indexOf("\nDiagnostics:");
    if (start < 0) return "";
    const end = update.indexOf("\nOutputs:", start);
    return update.slice(start, end < 0 ? undefined : end);
}

describe("CLI tier: progress lines while busy VPN gateways make creates wait, and customTimeouts", function () {
    let cloud: TestCloud;
    let stack: CliStack;
    let up: CliResult;
    /** Per resource, the largest "so far" its lines had shown when the gateways were released. */
    const shownAtRelease: Record<string, number> = {};

    const fixture = useConnectionsStack([{ ...alicloudSpec("ali"), options: { customTimeouts: { create: "1s" } } }, tencentSpec("t3", "3.0")]);

    before(async function () {
        this.timeout(240_000);
        ({ cloud, stack } = fixture);
        // GIVEN both gateways busy for far longer than the program takes to start
        await cloud.control.call("POST", `/alicloud/gateways/${ALI_GATEWAY}/busy`, { ms: BUSY_MS });
        await cloud.control.call("POST", `/tencentcloud/gateways/${TENCENT_GATEWAY}/busy`, { ms: BUSY_MS });
        // WHEN up runs with a one-second progress interval, and the gateways are released (the
        // emulator's clock moved past the busy time) once each create has waited at least 2 s
        let seen = "";
        let release: Promise<unknown> | undefined;
        up = await stack.run(["up", "--yes", "--skip-preview"], {
            env: { PULUMI_IPSEC_PROGRESS_INTERVAL_MS: "1000", PULUMI_IPSEC_OPERATION_TIMEOUT_MS: String(BUSY_MS + 60_000) },
            timeoutMs: 220_000,
            onStdout: (chunk) => {
                seen += chunk;
                const waited = Object.keys(EXPECTED).map((name) => Math.max(-1, ...progressLines(seen, name).map((l) => l.seconds)));
                if (!release && waited.every((seconds) => seconds >= 2)) {
                    Object.keys(EXPECTED).forEach((name, i) => (shownAtRelease[name] = waited[i]));
                    release = cloud.control.call("POST", "/clock", { advanceMs: BUSY_MS + 1_000 });
                }
            },
        });
        await release;
    });

    it("can show each waiting create's progress lines while it waits, naming the gateway, the call and the busy code", async function () {
        // THEN up succeeded, and each resource's lines came before its "created" step
        assert.equal(up.code, 0, up.output.slice(-4000));
        assert.ok(Object.keys(shownAtRelease).length === 2, `the gateways were released after 2 s of lines:\n${up.stdout.slice(-4000)}`);
        const live = up.stdout.slice(0, up.stdout.indexOf("\nDiagnostics:"));
        for (const [name, expected] of Object.entries(EXPECTED)) {
            const lines = progressLines(live, name);
            assert.ok(lines.length >= 2, `${name}: ${lines.length} lines`);
            for (const { line } of lines) assert.match(line, expected);
            const firstLine = live.indexOf(`pulumi-ipsec: ${name} create waiting`);
            const createdAt = live.search(new RegExp(`pulumi-nodejs:dynamic/\\S+ ${name} created`));
            assert.ok(firstLine >= 0 && createdAt > firstLine, `${name}: a progress line precedes "created"`);
        }
        const created = new Set(stepLines(up.stdout).filter((l) => l.text.startsWith("created")).map((l) => l.name));
        assert.deepEqual([...created].sort(), ["ali", "t3"]);
        // and the emulator holds exactly one connection per resource
        assert.equal((await emulatorConnections(cloud.control)).length, 2);
    });

    it("can stop the lines once the wait is over", function () {
        // THEN the Diagnostics list each line once, counting up, and at most a few in flight at the release
        const section = diagnostics(up.stdout);
        for (const name of Object.keys(EXPECTED)) {
            const seconds = progressLines(section, name).map((l) => l.seconds);
            assert.ok(seconds.length >= 2, `${name} in Diagnostics:\n${section}`);
            assert.deepEqual(seconds, [...seconds].sort((a, b) => a - b), `${name} lines count up`);
            assert.ok(Math.max(...seconds) <= shownAtRelease[name] + 3, `${name}: ${seconds.join(",")} after release at ${shownAtRelease[name]}s`);
        }
    });

    it("can warn a connection given customTimeouts, naming the `timeouts` input, while the engine neither enforces nor passes it on", async function () {
        // THEN the warning is shown on ali (and only there), ali's create outlived its 1 s
        // customTimeouts and succeeded, and the engine recorded the option in state
        assert.match(
            up.stdout,
            /pulumi-nodejs:dynamic\/pulumi-ipsec\/alicloud:VpnConnection \(ali\):\n\s+warning: customTimeouts has no effect on pulumi-ipsec connections \(a dynamic provider never receives it\); set the `timeouts` input instead, in seconds: timeouts: \{ create: 1 \}/,
        );
        assert.doesNotMatch(up.stdout, /\(t3\):\n\s+warning: customTimeouts/);
        assert.ok(shownAtRelease.ali >= 2, "ali's create was still waiting 2 s in");
        const resources = await stack.resources();
        const ali = resources.find((r) => r.urn.endsWith("::ali"));
        assert.deepEqual(ali?.customTimeouts, { create: 1 });
        assert.ok(ali?.id?.startsWith("vco-"));
    });
});
