/**
 * The one line the provider prints that tools read back: `pulumi-ipsec: <id> differs in <paths>`,
 * written by the diff hook whenever a connection's desired inputs differ from what it has (so a
 * `pulumi refresh --preview-only` names the drifted fields). The engine shows a dynamic provider's
 * stderr lines as diagnostics; the demo and the tests find drift by parsing them with
 * {@link parseDriftLines}.
 */

/** What every line the provider prints for its user starts with. */
export const LOG_PREFIX = "pulumi-ipsec: ";

/** One connection whose desired inputs differ from its state, as the diff hook reports it. */
export interface DriftFinding {
    /** The connection's id. */
    id: string;
    /** The differing property paths, e.g. `ikeConfig.ikeEncAlg`. */
    paths: string[];
}

const SEPARATOR = " differs in ";
const PATH_SEPARATOR = ", ";
/** A drift line anywhere in a line of text (CLI diagnostics indent it), up to trailing whitespace. */
const DRIFT_LINE = new RegExp(`${LOG_PREFIX}(\\S+)${SEPARATOR}(.+?)\\s*$`);

/** `vco-1 differs in ikeConfig.ikeEncAlg, name`: the finding in words, without the prefix. */
export function describeDrift(finding: DriftFinding): string {
    return `${finding.id}${SEPARATOR}${finding.paths.join(PATH_SEPARATOR)}`;
}

/** The line the diff hook prints for `finding`: {@link LOG_PREFIX} then {@link describeDrift}. */
export function formatDriftLine(finding: DriftFinding): string {
    return `${LOG_PREFIX}${describeDrift(finding)}`;
}

/** What a line starts with once the provider reports drift of connection `id` (to wait for that line). */
export function driftLineStart(id: string): string {
    return `${LOG_PREFIX}${id}${SEPARATOR}`;
}

/** The finding a drift line reports, or undefined when `line` is not one. */
export function parseDriftLine(line: string): DriftFinding | undefined {
    const match = DRIFT_LINE.exec(line);
    if (!match) return undefined;
    const paths = match[2].split(PATH_SEPARATOR.trim()).map((p) => p.trim()).filter((p) => p !== "");
    return { id: match[1], paths };
}

/**
 * Every drift line in `text` (plugin stderr lines, CLI diagnostics or a whole output; each may hold
 * several lines), merged per id with distinct paths, in first-seen order. Other lines are ignored.
 */
export function parseDriftLines(text: string | readonly string[]): DriftFinding[] {
    const byId = new Map<string, Set<string>>();
    for (const chunk of typeof text === "string" ? [text] : text) {
        for (const line of chunk.split(/\r?\n/)) {
            const finding = parseDriftLine(line);
            if (!finding) continue;
            const paths = byId.get(finding.id) ?? new Set<string>();
            for (const p of finding.paths) paths.add(p);
            byId.set(finding.id, paths);
        }
    }
    return [...byId].map(([id, paths]) => ({ id, paths: [...paths] }));
}
