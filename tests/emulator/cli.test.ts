import assert from "node:assert/strict";
import { spawn } from "child_process";
import type { ChildProcess } from "child_process";
import { parseCliArgs } from "../../emulator/cli";
import { ControlClient } from "../../emulator/core/controlClient";

describe("parseCliArgs", () => {
    it("can default to a random port and the human summary", () => {
        // WHEN / THEN
        assert.deepEqual(parseCliArgs([]), { port: 0, json: false });
    });

    it("can read --latency-ms", () => {
        // WHEN / THEN
        assert.deepEqual(parseCliArgs(["--latency-ms", "50"]), { port: 0, latencyMs: 50, json: false });
        assert.throws(() => parseCliArgs(["--latency-ms", "-1"]), /--latency-ms/);
    });

    it("can read --port, --transition-ms and --json", () => {
        // WHEN / THEN
        assert.deepEqual(parseCliArgs(["--port", "4567", "--transition-ms", "20", "--json"]), { port: 4567, transitionMs: 20, json: true });
    });

    it("fails when a flag is unknown or a number is invalid", () => {
        // WHEN / THEN
        assert.throws(() => parseCliArgs(["--verbose"]), /unknown argument --verbose/);
        assert.throws(() => parseCliArgs(["--port", "70000"]), /--port/);
        assert.throws(() => parseCliArgs(["--transition-ms"]), /--transition-ms/);
    });
});

describe("emulator CLI (npm run -s emulator)", function () {
    // ts-node start-up dominates; the emulator itself starts in milliseconds.
    this.timeout(30_000);
    let child: ChildProcess | undefined;

    // npm does not forward signals through its shell to the emulator, so signal the whole process
    // group, as a terminal's Ctrl-C does; the group is the one this test spawned (detached).
    const signalGroup = (signal: NodeJS.Signals) => {
        try {
            process.kill(-child!.pid!, signal);
        } catch {
            // already gone
        }
    };

    afterEach(() => {
        if (child?.pid !== undefined) {
            signalGroup("SIGKILL");
        }
    });

    it("can print exactly one JSON line, serve, and stop on SIGTERM", async () => {
        // GIVEN
        child = spawn("npm", ["run", "-s", "emulator", "--", "--port", "0", "--json", "--transition-ms", "5"], { cwd: `${__dirname}/../..`, stdio: ["ignore", "pipe", "pipe"], detached: true });
        let stdout = "";
        child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.on("exit", (code, signal) => resolve({ code, signal })));
        const firstLine = await new Promise<string>((resolve, reject) => {
            child!.stdout!.on("data", () => stdout.includes("\n") && resolve(stdout.slice(0, stdout.indexOf("\n"))));
            void exited.then(({ code }) => reject(new Error(`exited with ${code} before printing`)));
        });
        const info = JSON.parse(firstLine);
        const control = new ControlClient(info.control);
        const settings = await control.call<{ transitionMs: number }>("GET", "/settings");
        // WHEN
        signalGroup("SIGTERM");
        const { code, signal } = await exited;
        await waitUntilRefused(control);
        // THEN (npm re-raises the signal on itself after its child exits, so either ending is clean)
        assert.ok(code === 0 || signal === "SIGTERM", `code ${code}, signal ${signal}`);
        assert.equal(stdout.trimEnd().split("\n").length, 1);
        assert.match(info.control, /^http:\/\/127\.0\.0\.1:\d+\/__emu$/);
        assert.match(info.alicloud.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/alicloud$/);
        assert.deepEqual(info.peering[0].tencentcloud, { vpcId: "vpc-emu00002", vpnGatewayId: "vpngw-emu0021", customerGatewayId: "cgw-emu0021" });
        assert.equal(settings.transitionMs, 5);
        await assert.rejects(control.state(), { code: "ECONNREFUSED" });
    });
});

/** The emulator may close its port a moment after npm exits: poll briefly (bounded). */
async function waitUntilRefused(control: ControlClient): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
        const refused = await control.state().then(
            () => false,
            (error: NodeJS.ErrnoException) => error.code === "ECONNREFUSED",
        );
        if (refused) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
