/**
 * The two describe answers (API 3.0 `VpnConnection`, API 2.0 DescribeVpnConn item) as the field
 * table reads them, plus the computed outputs — in API 3.0 vocabulary for both, so a connection
 * reads the same whichever generation made or reads it.
 */
import { withoutEmptyValue } from "../core/responseShape";
import { Props } from "../core/schema";

/** Outputs beyond the inputs: what the cloud reports about the connection. */
export interface ComputedOutputs {
    vpnConnectionId: string;
    /** `PENDING`, `AVAILABLE` or `DELETING` (`vpc_models.d.ts` VpnConnection; https://www.tencentcloud.com/document/api/215/17515). */
    state: string | null;
    /** Tunnel status, `AVAILABLE`/`UNAVAILABLE`. */
    netStatus: string | null;
    /** `YYYY-MM-DD hh:mm:ss`, as the cloud prints it. */
    createdTime: string | null;
    vpnProto: string | null;
    encryptProto: string | null;
    /** `AVAILABLE`/`UNAVAILABLE` while health checks are on, else null. */
    healthCheckStatus: string | null;
    /** The gateway's BGP ASN on a BGP tunnel (`BgpConfigAndAsn.LocalBgpAsn`), else null. */
    bgpLocalAsn: string | null;
    /** The customer gateway's BGP ASN on a BGP tunnel (`BgpConfigAndAsn.RemoteBgpAsn`), else null. */
    bgpRemoteAsn: string | null;
}

/** `BgpConfigAndAsn`'s ASNs (`vpc_models.d.ts` VpnConnection.BgpConfig), which "may return null"; numbers are read as text. */
function bgpAsn(connection: Props, key: "LocalBgpAsn" | "RemoteBgpAsn"): string | null {
    const bgp = connection.BgpConfig as Props | null | undefined;
    const value = bgp?.[key];
    return typeof value === "number" ? String(value) : text(value);
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * API 3.0: the deprecated `IntegrityAlgorith` "may return null" (`vpc_models.d.ts`
 * IPSECOptionsSpecification), so the read falls back to the new `IntegrityAlgorithm`.
 */
export function view3(described: Props): Props {
    // An empty PreShareKey says nothing about the key: neither drift nor sent back.
    const connection = withoutEmptyValue(described, "PreShareKey");
    const ipsec = connection.IPSECOptionsSpecification as Props | undefined;
    if (!ipsec || (ipsec.IntegrityAlgorith !== undefined && ipsec.IntegrityAlgorith !== null)) return connection;
    return { ...connection, IPSECOptionsSpecification: { ...ipsec, IntegrityAlgorith: ipsec.IntegrityAlgorithm } };
}

export function computed3(connection: Props): ComputedOutputs {
    return {
        vpnConnectionId: String(connection.VpnConnectionId),
        state: text(connection.State),
        netStatus: text(connection.NetStatus),
        createdTime: text(connection.CreatedTime),
        vpnProto: text(connection.VpnProto),
        encryptProto: text(connection.EncryptProto),
        healthCheckStatus: text(connection.HealthCheckStatus),
        bgpLocalAsn: bgpAsn(connection, "LocalBgpAsn"),
        bgpRemoteAsn: bgpAsn(connection, "RemoteBgpAsn"),
    };
}

/**
 * API 2.0 `vpcConnStatus` in API 3.0 states. Documented (https://cloud.tencent.com/document/api/215/5113): 0 creating, 1 create
 * error, 2 modifying, 3 modify error, 4 deleting. Higher codes are unconfirmed, so any other value
 * counts as settled (`AVAILABLE`) rather than leaving a wait polling until its deadline.
 */
const API2_STATES: Readonly<Record<number, string>> = {
    0: "PENDING",
    1: "CREATE_FAILED",
    2: "PENDING",
    3: "MODIFY_FAILED",
    4: "DELETING",
};

export function api2State(status: unknown): string | null {
    return status === undefined || status === null ? null : (API2_STATES[Number(status)] ?? "AVAILABLE");
}

/**
 * API 2.0: DescribeVpnConn reports the policies only as `sourceCidr` (local CIDRs) and
 * `destinationCidr` (all remote CIDRs). With one local CIDR the policy is exact and exposed as
 * `spd`; with several the pairing is lost, `spd` stays absent and the desired value is kept.
 */
export function view2(described: Props): Props {
    const item = withoutEmptyValue(described, "preSharedKey");
    const sources = Array.isArray(item.sourceCidr) ? (item.sourceCidr as string[]) : [];
    const destinations = Array.isArray(item.destinationCidr) ? (item.destinationCidr as string[]) : [];
    const spd = sources.length === 1 ? [{ LocalCidrBlock: sources[0], RemoteCidrBlock: destinations }] : sources.length === 0 ? [] : undefined;
    return spd === undefined ? item : { ...item, spd };
}

export function computed2(item: Props): ComputedOutputs {
    const upper = (value: unknown) => (text(value) === null ? null : String(value).toUpperCase());
    return {
        vpnConnectionId: String(item.unVpnConnId ?? item.vpnConnId),
        state: api2State(item.vpcConnStatus),
        netStatus: upper(item.netStatus),
        createdTime: text(item.createTime),
        vpnProto: text(item.vpnProto),
        encryptProto: text(item.encryptProto),
        healthCheckStatus: null,
        // API 2.0 has no BGP (AddVpnConnEx, DescribeVpnConn).
        bgpLocalAsn: null,
        bgpRemoteAsn: null,
    };
}
