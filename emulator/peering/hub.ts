/**
 * Where the two clouds' front ends of one emulator meet: each registers the tunnel ends of its connections on
 * peering pairs, and asks for the other cloud's. One hub per emulator context (the front ends of one emulator
 * share their context), so several emulators in one process never see each other's connections.
 */
import type { CloudName, EmulatorContext } from "../core/types";
import type { TunnelEnd } from "./proposal";

/** What a front end lends the hub: its tunnel ends on peering pairs, computed when asked. */
export type TunnelEndSource = () => TunnelEnd[];

export class PeeringHub {
    private readonly sources = new Map<CloudName, TunnelEndSource>();

    register(cloud: CloudName, source: TunnelEndSource): void {
        this.sources.set(cloud, source);
    }

    /** The tunnel ends of every cloud but `cloud` (none when the other front end is not served). */
    endsFacing(cloud: CloudName): TunnelEnd[] {
        return [...this.sources.entries()].filter(([name]) => name !== cloud).flatMap(([, source]) => source());
    }
}

const hubs = new WeakMap<EmulatorContext, PeeringHub>();

/** The hub of the emulator `ctx` belongs to. */
export function peeringHub(ctx: EmulatorContext): PeeringHub {
    let hub = hubs.get(ctx);
    if (!hub) {
        hub = new PeeringHub();
        hubs.set(ctx, hub);
    }
    return hub;
}
