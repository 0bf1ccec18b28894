/**
 * The Tencent field table's API-3.0-only blocks: health-check probes and BGP peering. API 2.0
 * (AddVpnConnEx, ModifyVpnConnEx) has neither, so their rows carry no API 2.0 binding and `check`
 * refuses them with `apiVersion: "2.0"`.
 */
import { Field } from "../core/schema";
import { bind } from "./bindings";
import { emptyAsAbsent } from "./codecs";

/**
 * Health-check probes (CreateVpnConnection and ModifyVpnConnectionAttribute `HealthCheckConfig`,
 * https://www.tencentcloud.com/document/api/215/17522, https://www.tencentcloud.com/document/api/215/17508; the
 * HealthCheckConfig data structure, https://www.tencentcloud.com/document/api/215/15824#HealthCheckConfig):
 * `ProbeType` "defaults to NQA, cannot be modified", interval 1000–5000 ms, threshold 3–8, timeout 10–5000 ms.
 * Only ProbeType has a documented default, and the cloud may answer the block as null: every probe is
 * computed (unset, the cloud's value is not managed). API 2.0 has no such parameter (AddVpnConnEx,
 * ModifyVpnConnEx): no `api2` binding, so `check` refuses the block there.
 */
const probe = (key: string, min: number, max: number, doc: string): Field => ({
    kind: "integer",
    min,
    max,
    computed: true,
    optionalOutput: true,
    api: bind(`HealthCheckConfig.${key}`),
    doc,
    defaultDoc: "chosen by the cloud (no default documented)",
});

export const HEALTH_CHECK_CONFIG: Field = {
    kind: "object",
    typeName: "HealthCheckConfig",
    doc: "Health-check probe settings (with `enableHealthCheck`).",
    defaultDoc: "the cloud's probe settings, not managed",
    fields: {
        probeType: {
            kind: "string",
            enum: ["NQA"],
            computed: true,
            optionalOutput: true,
            api: bind("HealthCheckConfig.ProbeType"),
            doc: "Probe mode; the API documents only its default, `NQA`, and forbids changing it.",
            defaultDoc: "`NQA`, set by the cloud",
        },
        probeInterval: probe("ProbeInterval", 1000, 5000, "Milliseconds between two probes."),
        probeThreshold: probe("ProbeThreshold", 3, 8, "Consecutive failed probes before the route is switched."),
        probeTimeout: probe("ProbeTimeout", 10, 5000, "Milliseconds a probe waits for its answer."),
    },
};

/**
 * CreateVpnConnection's `BgpConfig` (https://www.tencentcloud.com/document/api/215/17522): `TunnelCidr`,
 * `LocalBgpIp` and `RemoteBgpIp`, all required; the CIDR is a /30 (`InvalidParameterValue.VpnConnBgpTunnelCidrMask`)
 * holding both addresses (`…VpnConnBgpTunnelCidrNotSupported`) and overlapping no other BGP tunnel of the
 * gateway (`…VpnConnBgpTunnelCidrConflict`). ModifyVpnConnectionAttribute takes `BgpConfig` too
 * (https://www.tencentcloud.com/document/api/215/17508), so a change is made in place. The cross-field
 * rules are `bgpRules` in rules.ts. API 2.0 has no BGP parameters (AddVpnConnEx).
 */
const bgpAddress = (key: "LocalBgpIp" | "RemoteBgpIp", doc: string): Field => ({
    kind: "string",
    format: "ipv4",
    api: bind({ path: `BgpConfig.${key}`, ...emptyAsAbsent }),
    doc: `${doc}; inside \`tunnelCidr\`.`,
    defaultDoc: "none",
});
export const BGP_CONFIG_FIELD: Field = {
    kind: "object",
    typeName: "BgpConfig",
    doc: "BGP peering inside the tunnel: required with `routeType` `Bgp`, and only allowed with it; all three fields are required.",
    defaultDoc: "none",
    fields: {
        tunnelCidr: {
            kind: "string",
            format: "cidr",
            api: bind({ path: "BgpConfig.TunnelCidr", ...emptyAsAbsent }),
            doc: "The tunnel's /30 CIDR block (e.g. `169.254.10.0/30`), not overlapping another BGP tunnel's of the gateway.",
            defaultDoc: "none",
        },
        localBgpIp: bgpAddress("LocalBgpIp", "The cloud side's BGP address"),
        remoteBgpIp: bgpAddress("RemoteBgpIp", "The customer side's BGP address"),
    },
};

