/**
 * Cross-field rules of the Tencent connection, run by `check` on the normalized inputs (after the
 * field table's type, range and enum checks). Each failure names the property path to fix and
 * what is allowed. Values still unknown during a preview are never judged.
 */
import { parseCidr, cidrContains } from "../core/cidr";
import { CheckFailure } from "../core/errors";
import { Field, IntegerField, isPlainObject, ObjectField, Props, Schema, UNKNOWN } from "../core/schema";
import { api2RegionCode, API2_REGION_CODES } from "./regions";
import { API_2, BGP_ROUTE_TYPE, ROUTED_TYPES, SecurityPolicy, VPN_CONNECTION_SCHEMA } from "./schema";

const isSet = (value: unknown): boolean => value !== undefined && value !== null;
const isUnknown = (value: unknown): boolean => value === UNKNOWN;
const fail = (property: string, reason: string): CheckFailure => ({ property, reason });

/**
 * IKE identities, for the local AND the remote side (the Terraform provider checked LocalIdentity
 * for the remote side, tencentcloudstack/terraform-provider-tencentcloud
 * `tencentcloud/services/vpn/resource_tc_vpn_connection.go`): FQDN needs the FQDN name (AddVpnConnEx, "当…选为fqdn时…必填");
 * remote ADDRESS needs remoteAddress; local ADDRESS may leave localAddress unset — it "defaults to
 * the VPN gateway's public IP" (AddVpnConnEx IKESet.localAddress, https://cloud.tencent.com/document/product/215/5110). An address or name of the other
 * identity type is refused (Terraform's ConflictsWith) instead of being silently ignored.
 */
export function identityRules(inputs: Props): CheckFailure[] {
    const ike = inputs.ikeOptions;
    if (!isPlainObject(ike)) return [];
    const failures: CheckFailure[] = [];
    for (const side of ["local", "remote"] as const) {
        const identity = ike[`${side}Identity`];
        const address = ike[`${side}Address`];
        const fqdn = ike[`${side}FqdnName`];
        if ([identity, address, fqdn].some(isUnknown)) continue;
        const at = (key: string) => `ikeOptions.${side}${key}`;
        if (identity === "FQDN") {
            if (!isSet(fqdn)) failures.push(fail(at("FqdnName"), `is required when ikeOptions.${side}Identity is FQDN`));
            if (isSet(address)) failures.push(fail(at("Address"), `is only allowed when ikeOptions.${side}Identity is ADDRESS (it is FQDN)`));
        } else {
            if (side === "remote" && !isSet(address)) failures.push(fail(at("Address"), "is required when ikeOptions.remoteIdentity is ADDRESS (the default)"));
            if (isSet(fqdn)) failures.push(fail(at("FqdnName"), `is only allowed when ikeOptions.${side}Identity is FQDN (it is ADDRESS)`));
        }
    }
    return failures;
}

/**
 * Which traffic the tunnel carries: `securityPolicyDatabases` or `userGwCidrBlocks` — one of them
 * is required (AddVpnConnEx: "userGwCidrBlock和spdAcl必须填一项") unless the tunnel routes by
 * destination or BGP, and both at once are refused (2.0 would silently prefer spdAcl). Each local
 * CIDR appears once (2.0 keys spdAcl by it) and must not overlap its remote CIDRs: CreateVpnConnection
 * lists `InvalidParameterValue.VpnConnSpdCidrConflict` (https://www.tencentcloud.com/document/api/215/17522)
 * and the console guide says the gateway's and the customer's IP ranges cannot overlap
 * (https://intl.cloud.tencent.com/document/product/1037/39635). Alibaba Cloud documents no such rule.
 */
export function trafficRules(inputs: Props): CheckFailure[] {
    const policies = inputs.securityPolicyDatabases;
    const cidrs = inputs.userGwCidrBlocks;
    if ([policies, cidrs, inputs.routeType].some(isUnknown)) return [];
    const failures: CheckFailure[] = [];
    if (isSet(policies) && isSet(cidrs)) {
        failures.push(fail("userGwCidrBlocks", "cannot be combined with securityPolicyDatabases; give one of them"));
    }
    if (!isSet(policies) && !isSet(cidrs) && !ROUTED_TYPES.includes(String(inputs.routeType))) {
        failures.push(fail("securityPolicyDatabases", `or userGwCidrBlocks is required when routeType is ${inputs.routeType} (only ${ROUTED_TYPES.join(" and ")} tunnels route without policies)`));
    }
    if (Array.isArray(policies)) {
        const seen = new Set<string>();
        (policies as SecurityPolicy[]).forEach((policy, i) => {
            // The field table has already judged each policy's shape; a rule never assumes it.
            if (!isPlainObject(policy) || typeof policy.localCidrBlock !== "string" || !Array.isArray(policy.remoteCidrBlocks)) return;
            if ([policy.localCidrBlock, policy.remoteCidrBlocks].some(isUnknown)) return;
            if (seen.has(policy.localCidrBlock)) failures.push(fail(`securityPolicyDatabases[${i}].localCidrBlock`, `${policy.localCidrBlock} appears in more than one policy; merge their remoteCidrBlocks`));
            seen.add(policy.localCidrBlock);
            const local = parseCidr(policy.localCidrBlock);
            policy.remoteCidrBlocks.forEach((remote, j) => {
                if (typeof remote !== "string") return;
                const parsed = parseCidr(remote);
                if (local.ok && parsed.ok && (cidrContains(local.cidr, parsed.cidr) || cidrContains(parsed.cidr, local.cidr))) {
                    failures.push(fail(`securityPolicyDatabases[${i}].remoteCidrBlocks[${j}]`, `${remote} overlaps the policy's localCidrBlock ${policy.localCidrBlock}`));
                }
            });
        });
    }
    return failures;
}

/** DpdTimeout and DpdAction apply "only with DpdEnable=1" (CreateVpnConnection, https://www.tencentcloud.com/document/api/215/17522). */
export function dpdRules(inputs: Props): CheckFailure[] {
    if (inputs.dpdEnable !== false) return [];
    return ["dpdTimeout", "dpdAction"]
        .filter((key) => isSet(inputs[key]) && !isUnknown(inputs[key]))
        .map((key) => fail(key, "is only allowed when dpdEnable is true"));
}

/**
 * Health checks: not on policy-based tunnels (`UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck`,
 * among ModifyVpnConnectionAttribute's codes in TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go`),
 * and the two probe addresses must differ (`…VpnConnHealthCheckIpConflict`).
 */
export function healthCheckRules(inputs: Props): CheckFailure[] {
    const failures: CheckFailure[] = [];
    if (inputs.enableHealthCheck === true && (isSet(inputs.securityPolicyDatabases) || isSet(inputs.userGwCidrBlocks))) {
        failures.push(fail("enableHealthCheck", "must be false on tunnels with securityPolicyDatabases or userGwCidrBlocks (the API cannot health-check policy-based tunnels)"));
    }
    const local = inputs.healthCheckLocalIp;
    if (isSet(local) && !isUnknown(local) && local === inputs.healthCheckRemoteIp) {
        failures.push(fail("healthCheckRemoteIp", `must differ from healthCheckLocalIp (both are ${local})`));
    }
    return failures;
}

/**
 * What the field table's API 2.0 bindings refuse in `values`: fields without one (unless at their
 * default), and values outside a binding's narrower `enum` or `range`.
 */
export function api2FieldFailures(schema: Schema, values: Props, prefix = ""): CheckFailure[] {
    const failures: CheckFailure[] = [];
    for (const [key, field] of Object.entries(schema) as [string, Field][]) {
        const path = prefix + key;
        const value = values[key];
        if (field.local) continue;
        if (!isSet(value) || isUnknown(value) || !field.api) {
            if (field.kind === "object" && isPlainObject(value)) failures.push(...api2FieldFailures(field.fields, value, path + "."));
            continue;
        }
        const legacy = field.api[API_2];
        if (!legacy) {
            if (value !== field.default) {
                const allowed = field.default === undefined ? "leave it unset" : `leave it unset or ${JSON.stringify(field.default)}`;
                failures.push(fail(path, `is not supported by API 2.0 (AddVpnConnEx/ModifyVpnConnEx have no such parameter); ${allowed}, or use apiVersion "3.0"`));
            }
            continue;
        }
        if (legacy.enum && !legacy.enum.includes(String(value))) {
            failures.push(fail(path, `must be one of ${legacy.enum.join(", ")} with apiVersion "2.0" (got ${value}); use apiVersion "3.0" for the others`));
        }
        const range = legacy.range;
        if (range && value !== field.default && ((value as number) < range[0] || (value as number) > range[1])) {
            failures.push(fail(path, `must be between ${range[0]} and ${range[1]} with apiVersion "2.0", or the API default ${field.default} (got ${value})`));
        }
    }
    return failures;
}

/** What API 2.0 can express (AddVpnConnEx, ModifyVpnConnEx): its parameters, its enums, its regions; and vpcId is required there. */
export function api2Rules(inputs: Props): CheckFailure[] {
    if (inputs.apiVersion !== "2.0") return [];
    const failures = api2FieldFailures(VPN_CONNECTION_SCHEMA, inputs);
    if (!isSet(inputs.vpcId)) failures.push(fail("vpcId", 'is required with apiVersion "2.0" (AddVpnConnEx vpcId)'));
    const region = inputs.region;
    if (typeof region === "string" && !isUnknown(region) && !api2RegionCode(region)) {
        failures.push(fail("region", `has no API 2.0 region code; with apiVersion "2.0" use one of ${Object.keys(API2_REGION_CODES).join(", ")}`));
    }
    return failures;
}

const TRAFFIC_LIFETIME = (VPN_CONNECTION_SCHEMA.ipsecOptions as ObjectField).fields.ipsecSaLifetimeTraffic as IntegerField;

/**
 * API 2.0 cannot set `ipsecOptions.ipsecSaLifetimeTraffic` back to its default: ModifyVpnConnEx's
 * `IPsecSet.ipsecSaLifetimeTraffic` range is 2560–604800 KB (https://cloud.tencent.com/document/api/215/5112),
 * so the 3.0 default 4096000000 is left out of the request, and a parameter left out keeps the
 * connection's current value — every update would succeed and the diff never close. `olds` are the
 * previous inputs (as check left them), so this judges a change, never a create.
 */
export function api2LifetimeResetRules(inputs: Props, olds: Props): CheckFailure[] {
    if (inputs.apiVersion !== "2.0" || !isPlainObject(olds.ipsecOptions)) return [];
    const before = olds.ipsecOptions.ipsecSaLifetimeTraffic;
    const after = isPlainObject(inputs.ipsecOptions) ? inputs.ipsecOptions.ipsecSaLifetimeTraffic : undefined;
    if (!isSet(before) || isUnknown(before) || before === TRAFFIC_LIFETIME.default || isUnknown(after)) return [];
    if (isSet(after) && after !== TRAFFIC_LIFETIME.default) return [];
    const [min, max] = TRAFFIC_LIFETIME.api![API_2]!.range!;
    return [
        fail(
            "ipsecOptions.ipsecSaLifetimeTraffic",
            `cannot go back from ${before} to the default ${TRAFFIC_LIFETIME.default} with apiVersion "2.0": ModifyVpnConnEx cannot send ${TRAFFIC_LIFETIME.default} ` +
                `(its range is ${min}–${max}) and leaving it out keeps ${before}; set a value in ${min}–${max}, or use apiVersion "3.0"`,
        ),
    ];
}

/** API 3.0 expresses `userGwCidrBlocks` as a policy from the VPC's CIDR, so it needs the VPC. */
export function userGwRules(inputs: Props): CheckFailure[] {
    if (inputs.apiVersion === "2.0" || !isSet(inputs.userGwCidrBlocks) || isSet(inputs.vpcId)) return [];
    return [fail("vpcId", 'is required with userGwCidrBlocks and apiVersion "3.0": the blocks become a security policy from the VPC\'s CIDR')];
}

/**
 * BGP (CreateVpnConnection, https://www.tencentcloud.com/document/api/215/17522): `bgpConfig` is
 * required with `routeType` `Bgp` and means nothing without it; its `TunnelCidr`, `LocalBgpIp` and
 * `RemoteBgpIp` are all required, the CIDR must be a /30 (`InvalidParameterValue.VpnConnBgpTunnelCidrMask`)
 * and both addresses two distinct addresses inside it (`…VpnConnBgpTunnelCidrNotSupported`: "The
 * cloud-side or user-side BGP address must be within the BGP tunnel subnet", TencentCloud/tencentcloud-sdk-go
 * `tencentcloud/vpc/v20170312/errors.go`). Overlaps with other tunnels of the gateway only the cloud can see.
 */
export function bgpRules(inputs: Props): CheckFailure[] {
    const bgp = inputs.bgpConfig;
    const routeType = inputs.routeType;
    if ([bgp, routeType].some(isUnknown)) return [];
    if (!isSet(bgp)) return routeType === BGP_ROUTE_TYPE ? [fail("bgpConfig", "is required when routeType is Bgp (give tunnelCidr, localBgpIp and remoteBgpIp)")] : [];
    if (routeType !== BGP_ROUTE_TYPE) return [fail("bgpConfig", `is only allowed when routeType is Bgp (it is ${routeType})`)];
    if (!isPlainObject(bgp)) return [];
    const failures: CheckFailure[] = [];
    for (const key of ["tunnelCidr", "localBgpIp", "remoteBgpIp"]) {
        if (!isSet(bgp[key])) failures.push(fail(`bgpConfig.${key}`, "is required in bgpConfig"));
    }
    if ([bgp.tunnelCidr, bgp.localBgpIp, bgp.remoteBgpIp].some(isUnknown) || typeof bgp.tunnelCidr !== "string") return failures;
    const tunnel = parseCidr(bgp.tunnelCidr);
    if (!tunnel.ok) return failures;
    if (tunnel.cidr.prefix !== 30) {
        failures.push(fail("bgpConfig.tunnelCidr", `must be a /30 block (got /${tunnel.cidr.prefix})`));
        return failures;
    }
    for (const key of ["localBgpIp", "remoteBgpIp"]) {
        const address = bgp[key];
        if (typeof address !== "string") continue;
        const host = parseCidr(`${address}/32`);
        if (host.ok && !cidrContains(tunnel.cidr, host.cidr)) failures.push(fail(`bgpConfig.${key}`, `must be inside bgpConfig.tunnelCidr ${bgp.tunnelCidr} (got ${address})`));
    }
    if (isSet(bgp.localBgpIp) && bgp.localBgpIp === bgp.remoteBgpIp) failures.push(fail("bgpConfig.remoteBgpIp", `must differ from bgpConfig.localBgpIp (both are ${bgp.localBgpIp})`));
    return failures;
}

/** Every cross-field rule, in the order their failures are reported; `olds` are the previous inputs (`{}` for a new resource). */
export function connectionRules(inputs: Props, olds: Props = {}): CheckFailure[] {
    return [identityRules, trafficRules, dpdRules, healthCheckRules, bgpRules, api2Rules, userGwRules]
        .flatMap((rule) => rule(inputs))
        .concat(api2LifetimeResetRules(inputs, olds));
}
