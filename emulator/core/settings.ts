/**
 * Emulator-wide timing and quota knobs: defaults and the validation of control-API patches.
 */
import { ControlRequestError } from "./http";
import { isJsonObject } from "./json";
import type { EmulatorSettings } from "./types";

/** Values used when neither `startEmulator` nor the control API sets a knob. */
export const DEFAULT_SETTINGS: Readonly<Required<EmulatorSettings>> = Object.freeze({
    transitionMs: 50,
    connectionQuotaPerGateway: 200,
    latencyMs: 0,
    stsCredentialLifetimeSeconds: 0,
});

/** Each knob's lower bound; all knobs are integers. */
const MINIMUMS: Readonly<Record<keyof EmulatorSettings, number>> = {
    transitionMs: 0,
    connectionQuotaPerGateway: 0,
    latencyMs: 0,
    stsCredentialLifetimeSeconds: 0,
};

/** Start values: the defaults overridden by the caller's partial settings (validated). */
export function resolveSettings(overrides: Partial<EmulatorSettings> = {}): EmulatorSettings {
    return { ...DEFAULT_SETTINGS, ...parseSettingsPatch(overrides) };
}

/**
 * Validates a `POST /__emu/settings` body: only known keys, each a non-negative integer.
 * @throws ControlRequestError (400) naming the offending key.
 */
export function parseSettingsPatch(body: unknown): Partial<EmulatorSettings> {
    if (!isJsonObject(body)) {
        throw new ControlRequestError(400, "InvalidSettings", "settings must be a JSON object");
    }
    const patch: Partial<EmulatorSettings> = {};
    for (const [key, value] of Object.entries(body)) {
        if (!(key in MINIMUMS)) {
            throw new ControlRequestError(400, "InvalidSettings", `unknown setting \`${key}\``);
        }
        const name = key as keyof EmulatorSettings;
        if (typeof value !== "number" || !Number.isInteger(value) || value < MINIMUMS[name]) {
            throw new ControlRequestError(400, "InvalidSettings", `setting \`${key}\` must be an integer >= ${MINIMUMS[name]}`);
        }
        patch[name] = value;
    }
    return patch;
}
