/**
 * The connections the CLI tier's test program (tests/cli/programs/connections) creates, one of each
 * kind — Alibaba, Tencent API 3.0, Tencent API 2.0 — on the emulator's fixtures, and what the tier
 * reads back from the emulator about them.
 */
import type { ControlClient } from "../../emulator/core/controlClient";
import type { RequestLogEntry } from "../../emulator/core/requestLog";
import { CliStack, requireCli } from "./cli";
import { startTestCloud, TestCloud } from "./cloudEnv";

export const PROGRAM = "tests/cli/programs/connections";

/** One entry of the program's `connections` config. */
export interface ConnectionSpec {
    name: string;
    cloud: "alicloud" | "tencentcloud";
    args: Record<string, unknown>;
    /** Secret config key of the PSK; unset lets the cloud generate one (Alibaba). */
    psk?: string;
    /** Resource options handed to the constructor as they are. */
    options?: { deleteBeforeReplace?: boolean; customTimeouts?: { create?: string; update?: string; delete?: string } };
    /** A component (of the program's own class, created once per type and name) to be the connection's parent; outputs are then keyed `<component name>/<name>`. */
    component?: { type: string; name: string };
}

/** The PSKs the specs below name, by secret config key. */
export const PSKS = { pskAlicloud: "Cli-Psk-Alicloud-1", pskTencent: "Cli-Psk-Tencent-1" };

type Args = Record<string, unknown>;

export function alicloudSpec(name: string, args: Args = {}): ConnectionSpec {
    return {
        name,
        cloud: "alicloud",
        psk: "pskAlicloud",
        args: { vpnGatewayId: "vpn-emu00000000000001", customerGatewayId: "cgw-emu00000000000001", name: "office", localSubnets: ["10.0.0.0/16"], remoteSubnets: ["192.168.10.0/24"], ...args },
    };
}

export function tencentSpec(name: string, apiVersion: "3.0" | "2.0", args: Args = {}): ConnectionSpec {
    const api2 = apiVersion === "2.0";
    return {
        name,
        cloud: "tencentcloud",
        psk: "pskTencent",
        args: {
            apiVersion,
            vpcId: "vpc-emu00001",
            vpnGatewayId: api2 ? "vpngw-emu0002" : "vpngw-emu0001",
            customerGatewayId: api2 ? "cgw-emu0002" : "cgw-emu0001",
            name: "office",
            securityPolicyDatabases: [{ localCidrBlock: api2 ? "10.2.0.0/16" : "10.0.0.0/16", remoteCidrBlocks: [api2 ? "192.168.20.0/24" : "192.168.10.0/24"] }],
            ikeOptions: { remoteAddress: api2 ? "198.51.100.12" : "198.51.100.11" },
            ...args,
        },
    };
}

/** The `connections` config value. */
export function connectionsConfig(specs: ConnectionSpec[]): string {
    return JSON.stringify(specs);
}

/** Every connection the emulator holds, both clouds, as its state dump shows them. */
export async function emulatorConnections(control: ControlClient): Promise<Record<string, unknown>[]> {
    const state = await control.state<{ alicloud: { connections: Record<string, unknown>[] }; tencentcloud: { connections: Record<string, unknown>[] } }>();
    return [...state.alicloud.connections, ...state.tencentcloud.connections];
}

/** The emulator's connection with this id (both clouds name it `VpnConnectionId`), if it has one. */
export async function emulatorConnection(control: ControlClient, id: string): Promise<Record<string, any> | undefined> {
    return (await emulatorConnections(control)).find((c) => c.VpnConnectionId === id);
}

/** The last request's sequence number: pass it to {@link writesSince}. */
export async function requestMark(control: ControlClient): Promise<number> {
    return (await control.requests()).reduce((max, entry) => Math.max(max, entry.seq), 0);
}

/** Successful write calls (everything but reads and task polls) after `mark`, as `cloud:Action`, in order. */
export async function writesSince(control: ControlClient, mark: number): Promise<string[]> {
    return (await control.requests())
        .filter((entry: RequestLogEntry) => entry.seq > mark && entry.outcome === "OK" && !/^Describe/.test(entry.action))
        .map((entry) => `${entry.cloud}:${entry.action}`);
}

/** What {@link useConnectionsStack} sets up: the emulator and one stack of the test program. */
export interface ConnectionsStack {
    cloud: TestCloud;
    stack: CliStack;
}

/**
 * Registers the suite's `before` and `after` hooks: the CLI (or a skip), a fresh emulator, and a stack
 * of the test program with these connections and {@link PSKS}; both are removed afterwards.
 */
export function useConnectionsStack(specs: ConnectionSpec[]): ConnectionsStack {
    const fixture = {} as ConnectionsStack;
    before(async function () {
        await requireCli(this);
        fixture.cloud = await startTestCloud();
        fixture.stack = await CliStack.create({ program: PROGRAM, env: fixture.cloud.env, config: { connections: connectionsConfig(specs) }, secrets: PSKS });
    });
    after(async () => {
        await fixture.stack?.dispose();
        await fixture.cloud?.stop();
    });
    return fixture;
}
