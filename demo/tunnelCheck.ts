/**
 * The story's tunnel checks for an example on an emulator peering pair: what each end's cloud says
 * about the negotiation, read through the emulator's control API (independently of the stack), and
 * what the stack's `tunnelStatus` output says.
 */
import { combineTunnelStatus, TunnelStatus } from "../sdk/crossCloud/tunnelStatus";
import type { Scenario, TunnelCheck } from "./scenario";
import type { ApplyOutcome, ResourceView, StackDriver } from "./stackDriver";

/** The emulator control calls the checks make (a subset of the story's `ControlApi`). */
export interface TunnelControl {
    call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Both ends as their clouds report them, and the status they add up to. */
export interface TunnelEnds {
    /** Alibaba `Status` (or the lower-case `status` of the 2019 samples). */
    alicloud: string | undefined;
    /** Tencent `NetStatus`. */
    tencentcloud: string | undefined;
    status: TunnelStatus;
}

/** Reads both ends of `tunnel` (connection ids taken from `resources`) through the control API. */
export async function readTunnelEnds(control: TunnelControl, tunnel: TunnelCheck, resources: readonly ResourceView[]): Promise<TunnelEnds> {
    const id = (name: string) => {
        const found = resources.find((r) => r.name === name);
        if (!found) throw new Error(`tunnel end ${name} is not in the stack`);
        return encodeURIComponent(found.id);
    };
    const ali = await control.call<Record<string, unknown>>("GET", `/alicloud/connections/${id(tunnel.alicloud)}`);
    const tc = await control.call<Record<string, unknown>>("GET", `/tencentcloud/connections/${id(tunnel.tencentcloud)}`);
    const alicloud = text(ali.Status ?? ali.status);
    const tencentcloud = text(tc.NetStatus);
    return { alicloud, tencentcloud, status: combineTunnelStatus([alicloud], [tencentcloud]) };
}

/** `Status ipsec_sa_established, NetStatus AVAILABLE` */
export function describeEnds(ends: TunnelEnds): string {
    return `Status ${ends.alicloud ?? "(none)"}, NetStatus ${ends.tencentcloud ?? "(none)"}`;
}

/** Reads both ends and fails unless they add up to `want` (`down`: neither end reports its tunnel up). */
export async function expectTunnel(control: TunnelControl, tunnel: TunnelCheck, resources: readonly ResourceView[], want: TunnelStatus): Promise<TunnelEnds> {
    const ends = await readTunnelEnds(control, tunnel, resources);
    if (ends.status !== want) throw new Error(`the emulator reports the tunnel ${ends.status} (${describeEnds(ends)}), expected ${want}`);
    return ends;
}

/** Fails unless the stack output `tunnel.output` is `want`. */
export function expectStatusOutput(tunnel: TunnelCheck, outputs: Record<string, unknown> | undefined, want: TunnelStatus): void {
    const have = outputs?.[tunnel.output];
    if (have !== want) throw new Error(`the stack output ${tunnel.output} is ${have === undefined ? "missing" : String(have)}, expected ${want}`);
}

/** What {@link expectFreshStatusOutput} found, and the outcome whose outputs it read. */
export interface FreshStatus {
    outcome: ApplyOutcome;
    /** The output before the extra `up --refresh`, when one was needed. */
    staleValue?: unknown;
}

/**
 * Fails unless the stack output says `want`, re-reading both ends once with `up --refresh` when the
 * command that produced `outcome` left it stale. The output is computed from each end's status as
 * read at its own create, update or refresh: two ends created together can each be read before the
 * other is up, and an update re-reads only the end it changed. The extra run must change nothing.
 */
export async function expectFreshStatusOutput(driver: StackDriver, scenario: Scenario, tunnel: TunnelCheck, outcome: ApplyOutcome, want: TunnelStatus): Promise<FreshStatus> {
    const first = outcome.outputs?.[tunnel.output];
    if (first === want) return { outcome };
    const again = await driver.upWithRefresh();
    for (const r of scenario.resources) {
        if (again.operations[r.name] !== "same") throw new Error(`an up --refresh to re-read the tunnel changed ${r.name} (${again.operations[r.name] ?? "nothing"})`);
    }
    expectStatusOutput(tunnel, again.outputs, want);
    return { outcome: again, staleValue: first };
}

/** `tunnelStatus = established` or `tunnelStatus = established after up --refresh (was partial)` */
export function describeStatusOutput(tunnel: TunnelCheck, fresh: FreshStatus): string {
    const value = String(fresh.outcome.outputs?.[tunnel.output]);
    return fresh.staleValue === undefined && fresh.outcome.outputs !== undefined
        ? `${tunnel.output} = ${value}`
        : `${tunnel.output} = ${value} after a further up --refresh (was ${String(fresh.staleValue ?? "missing")})`;
}

function text(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}
