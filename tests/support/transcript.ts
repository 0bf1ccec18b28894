/**
 * The secrets audit of a simulated engine: every property map that crossed the plugin boundary,
 * with the paths the engine keeps secret in it, and the places where a sensitive string would be
 * written to the checkpoint unencrypted.
 */
import { clone, PropertyMap } from "./propertyMap";
import { maskPaths, renderPath, SecretMaskMap, walkStrings } from "./secretMask";

/** One property map that crossed the plugin boundary, with what the engine knows to be secret in it. */
export interface TranscriptEntry {
    method: "check" | "diff" | "create" | "read" | "update" | "delete";
    direction: "sent" | "received";
    /** The request/response field, e.g. "news", "inputs", "properties", "initFailure.properties". */
    field: string;
    properties: PropertyMap;
    /** Paths the engine would keep secret, e.g. `psk`, `tunnels[0].key`; "" would mean the whole map. */
    secretPaths: string[];
    /** True when the engine writes this map to the checkpoint (encrypting only `secretPaths`). */
    stored: boolean;
}

/** A place where a sensitive string would be written to the checkpoint unencrypted. */
export interface PlaintextLeak {
    method: TranscriptEntry["method"];
    direction: TranscriptEntry["direction"];
    field: string;
    /** Path of the value (or of the key, for a map key containing the string). */
    path: string;
}

/** The property maps of one simulated resource, in the order they crossed the plugin boundary. */
export class Transcript {
    /** Every property map sent to / received from the plugin, in order. */
    readonly entries: TranscriptEntry[] = [];
    private readonly masks = new WeakMap<TranscriptEntry, SecretMaskMap>();

    /** Adds one map; `stored` when the engine writes it to the checkpoint. */
    record(
        method: TranscriptEntry["method"],
        direction: TranscriptEntry["direction"],
        field: string,
        properties: PropertyMap,
        mask: SecretMaskMap,
        stored: boolean,
    ): void {
        const entry: TranscriptEntry = { method, direction, field, properties: clone(properties), secretPaths: maskPaths(mask), stored };
        this.masks.set(entry, mask);
        this.entries.push(entry);
    }


    /**
     * Every place where one of `values` appears (as a substring) in a map the engine would store, outside the
     * secret paths, including the `__provider` text. `includeSent` also scans maps only sent to the plugin.
     */
    plaintextLeaks(values: string[], options: { includeSent?: boolean } = {}): PlaintextLeak[] {
        const needles = values.filter((v) => v.length > 0);
        const leaks: PlaintextLeak[] = [];
        for (const entry of this.entries) {
            if (!entry.stored && !(options.includeSent && entry.direction === "sent")) {
                continue;
            }
            const mask = this.masks.get(entry) ?? {};
            walkStrings(entry.properties, mask, [], (segments, text) => {
                if (needles.some((n) => text.includes(n))) {
                    leaks.push({ method: entry.method, direction: entry.direction, field: entry.field, path: renderPath(segments) });
                }
            });
        }
        return leaks;
    }

}
