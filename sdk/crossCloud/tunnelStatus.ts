/**
 * One status for a cross-cloud tunnel, from each end's negotiation status as its cloud reports it:
 * Alibaba Cloud's `Status` (`ike_sa_not_established`, `ike_sa_established`,
 * `ipsec_sa_not_established`, `ipsec_sa_established`; DescribeVpnConnection, also per tunnel of a
 * dual-tunnel connection) and Tencent Cloud's `NetStatus` (`AVAILABLE`, `UNAVAILABLE`;
 * DescribeVpnConnections). Pure; the components apply it to their children's outputs.
 */

/**
 * - `established`: every end reports its tunnel up — Alibaba `ipsec_sa_established`, Tencent `AVAILABLE`.
 * - `down`: no end reports its tunnel up.
 * - `partial`: some ends do and some do not: one side has its IPsec SA and the other not (usually a
 *   negotiation still under way, or one side's SA outliving the peer's), or, for an HA pair, one
 *   tunnel pair up and the other not (traffic still flows over the pair that is up).
 *
 * A status a cloud does not report (null, empty) or a value not listed above counts as not up.
 */
export type TunnelStatus = "established" | "down" | "partial";

/** Alibaba's status of an established tunnel (the IPsec SA, phase two, is up). */
export const ALICLOUD_UP = "ipsec_sa_established";
/** Tencent's `NetStatus` of a tunnel that is up. */
export const TENCENTCLOUD_UP = "AVAILABLE";

const up = (status: string | null | undefined, upValue: string): boolean => typeof status === "string" && status.toUpperCase() === upValue.toUpperCase();

/** Whether each end is up: the Alibaba ends' `status` values and the Tencent ends' `netStatus` values. */
export function endsUp(alicloud: readonly (string | null | undefined)[], tencentcloud: readonly (string | null | undefined)[]): boolean[] {
    return [...alicloud.map((s) => up(s, ALICLOUD_UP)), ...tencentcloud.map((s) => up(s, TENCENTCLOUD_UP))];
}

/** The combined {@link TunnelStatus} of the given ends; see there. */
export function combineTunnelStatus(alicloud: readonly (string | null | undefined)[], tencentcloud: readonly (string | null | undefined)[]): TunnelStatus {
    const ends = endsUp(alicloud, tencentcloud);
    if (ends.length > 0 && ends.every(Boolean)) return "established";
    return ends.some(Boolean) ? "partial" : "down";
}
