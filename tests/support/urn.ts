/** Resource URNs as the engine builds and the plugin reads them. */

/**
 * Splits `urn:pulumi:<stack>::<project>::<qualified type>::<name>`; the type is the last `$` segment of the
 * qualified type, and the name may itself contain `::`.
 */
export function parseUrn(urn: string): { stack: string; project: string; type: string; name: string } | undefined {
    const m = /^urn:pulumi:([^:]*)::([^:]*)::([^:]+(?::[^:]+)*)::(.*)$/.exec(urn);
    if (!m) {
        return undefined;
    }
    const qualified = m[3].split("$");
    return { stack: m[1], project: m[2], type: qualified[qualified.length - 1], name: m[4] };
}

/** Builds a URN the way the engine does for a top-level resource. */
export function makeUrn(stack: string, project: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}
