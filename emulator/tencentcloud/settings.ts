/**
 * Knobs of the Tencent front end, switched through `POST /__emu/tencentcloud/settings` and
 * restored by `reset()`. They let clients be tested against each documented variant.
 */

export interface TencentFrontEndSettings {
    /**
     * CreateVpnConnection (and AddVpnConnEx) reveal the new connection's id. The official example
     * returns none (TencentCloud/tencentcloud-cli `tccli/examples/vpc/v20170312/CreateVpnConnection.md`), so clients must be able to find it by filtering.
     * @default false
     */
    createReturnsId: boolean;
    /**
     * Render SA lifetimes as strings, as the doc/CLI examples do (`tccli/examples/vpc/v20170312/DescribeVpnConnections.md`; the live type is unconfirmed).
     * @default false
     */
    numbersAsStrings: boolean;
    /**
     * One running task per VPN gateway: writes on a gateway whose other connection is still
     * PENDING/DELETING fail with the retryable codes DeleteVpnConnection lists in TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go` (INFERRED from
     * `UnsupportedOperation.MutexOperationTaskRunning`).
     * @default true
     */
    gatewayMutex: boolean;
    /**
     * Describes list a connection's tags late: `TagSet` is empty while the connection is PENDING.
     * Tags live in the separate Tag service (the Terraform provider sets them with ModifyTags,
     * tencentcloudstack/terraform-provider-tencentcloud `resource_tc_vpn_connection.go`); the
     * documents do not say when DescribeVpnConnections shows the ones a create set (UNCONFIRMED).
     * @default false
     */
    tagSetLate: boolean;
    /**
     * Describes never list a connection's tags: `TagSet` is always empty.
     * @default false
     */
    tagSetEmpty: boolean;
}

/** Start values, restored by `reset()`. */
export const DEFAULT_TENCENT_SETTINGS: Readonly<TencentFrontEndSettings> = Object.freeze({
    createReturnsId: false,
    numbersAsStrings: false,
    gatewayMutex: true,
    tagSetLate: false,
    tagSetEmpty: false,
});

/** Validates a settings patch: known keys, boolean values. Returns the patch or an error text. */
export function parseTencentSettingsPatch(body: unknown): Partial<TencentFrontEndSettings> | string {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return "settings must be a JSON object";
    const patch: Partial<TencentFrontEndSettings> = {};
    for (const [key, value] of Object.entries(body)) {
        if (!(key in DEFAULT_TENCENT_SETTINGS)) return `unknown setting \`${key}\``;
        if (typeof value !== "boolean") return `setting \`${key}\` must be a boolean`;
        patch[key as keyof TencentFrontEndSettings] = value;
    }
    return patch;
}
