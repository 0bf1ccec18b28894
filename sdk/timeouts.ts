import * as pulumi from "@pulumi/pulumi";

/** Seconds in a Go duration string as `customTimeouts` takes them ("30m", "1h30m", "90s"), or undefined. */
export function durationSeconds(duration: string | undefined): number | undefined {
    if (!duration || !/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(duration)) return undefined;
    const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
    let seconds = 0;
    for (const [, amount, , suffix] of duration.matchAll(/(\d+(\.\d+)?)(h|ms|m|s)/g)) seconds += Number(amount) * unit[suffix];
    return Math.ceil(seconds);
}

/**
 * The warning a connection given `customTimeouts` logs: the dynamic-provider server of
 * @pulumi/pulumi (`cmd/dynamic-provider/index.ts`) calls `create(props)`, `update(id, olds, news)`
 * and `delete(id, props)` without the request's `timeout`, and the engine sets no deadline of its
 * own (pulumi/pulumi `sdk/go/common/resource/plugin/provider_plugin.go` only copies it into the
 * request), so the option changes nothing. Undefined when the option is not set.
 */
export function customTimeoutsWarning(opts: pulumi.CustomResourceOptions | undefined): string | undefined {
    const custom = opts?.customTimeouts;
    if (!custom || (custom.create === undefined && custom.update === undefined && custom.delete === undefined)) return undefined;
    const entries = (["create", "update", "delete"] as const)
        .map((op) => [op, durationSeconds(custom[op])] as const)
        .filter((entry): entry is readonly ["create" | "update" | "delete", number] => entry[1] !== undefined && entry[1] > 0);
    const example = entries.length > 0 ? entries.map(([op, seconds]) => `${op}: ${seconds}`).join(", ") : "create: 1800";
    return `customTimeouts has no effect on pulumi-ipsec connections (a dynamic provider never receives it); set the \`timeouts\` input instead, in seconds: timeouts: { ${example} }`;
}

/** Logs {@link customTimeoutsWarning} on `resource` when `opts` sets `customTimeouts`. */
export function warnIfCustomTimeouts(resource: pulumi.Resource, opts: pulumi.CustomResourceOptions | undefined): void {
    const warning = customTimeoutsWarning(opts);
    if (warning) void pulumi.log.warn(warning, resource);
}
