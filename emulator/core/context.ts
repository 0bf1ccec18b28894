/**
 * The shared services handed to front ends: a shiftable clock, live settings and request ids.
 */
import { randomUUID } from "crypto";
import type { EmulatorContext, EmulatorSettings } from "./types";

/** The context plus the levers only the core pulls (control API). */
export interface EmulatorContextHandle {
    readonly ctx: EmulatorContext;
    /** Moves the emulator clock forward (lifecycle transitions), never the wall clock. */
    advanceClock(ms: number): void;
    /** Current shift of the emulator clock relative to the wall clock. */
    clockOffsetMs(): number;
    /** Merges knobs into the live settings object that front ends read. */
    updateSettings(patch: Partial<EmulatorSettings>): void;
    /** Settings back to their start values, clock shift back to zero. */
    restore(): void;
}

/** Creates the context; `startSettings` are copied and restored by {@link EmulatorContextHandle.restore}. */
export function createEmulatorContext(startSettings: EmulatorSettings): EmulatorContextHandle {
    const initial: EmulatorSettings = { ...startSettings };
    // One settings object for the emulator's lifetime: front ends keep a reference to it.
    const settings: EmulatorSettings = { ...initial };
    let offsetMs = 0;
    const ctx: EmulatorContext = {
        now: () => Date.now() + offsetMs,
        settings,
        newRequestId: () => randomUUID(),
    };
    return {
        ctx,
        advanceClock(ms: number) {
            offsetMs += ms;
        },
        clockOffsetMs: () => offsetMs,
        updateSettings(patch) {
            Object.assign(settings, patch);
        },
        restore() {
            Object.assign(settings, initial);
            offsetMs = 0;
        },
    };
}
