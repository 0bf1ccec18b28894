/**
 * API 3.0 parameter rules of CreateVpnConnection and ModifyVpnConnectionAttribute: the parameters each
 * action takes, the fixtures they must name, and the defaults applied on create; the blocks are read by
 * ./blocks and single parameters by ./params. API 2.0 requests are translated to API 3.0 parameters
 * first and checked here too.
 */
import { ENUMS } from "./allowedValues";
import { randomHealthCheckIps, resolveDpd, resolveHealthCheck, resolveIke, resolveIpsec, validateBgp, validateName, validateSpd, validateTags } from "./blocks";
import type { CustomerGatewayFixture, VpcFixture, VpnGatewayFixture } from "./fixtures";
import { CONNECTION_DEFAULTS, IKE_DEFAULTS, IPSEC_DEFAULTS, type ConnectionAttributes } from "./model";
import { missing, notFound, optArray, optEnum, optObject, optString, paramError, rejectUnknown, reqString, type Params } from "./params";

const CREATE_PARAMS = [
    "VpnGatewayId", "CustomerGatewayId", "VpnConnectionName", "PreShareKey", "VpcId", "SecurityPolicyDatabases",
    "IKEOptionsSpecification", "IPSECOptionsSpecification", "Tags", "EnableHealthCheck", "HealthCheckLocalIp",
    "HealthCheckRemoteIp", "RouteType", "NegotiationType", "DpdEnable", "DpdTimeout", "DpdAction", "Route",
    "BgpConfig", "HealthCheckConfig",
] as const;
/** Modify has no VpnGatewayId, VpcId, RouteType or Tags (https://www.tencentcloud.com/document/api/215/17508). */
const MODIFY_PARAMS = [
    "VpnConnectionId", "VpnConnectionName", "PreShareKey", "SecurityPolicyDatabases", "IKEOptionsSpecification",
    "IPSECOptionsSpecification", "EnableHealthCheck", "HealthCheckLocalIp", "HealthCheckRemoteIp", "NegotiationType",
    "DpdEnable", "DpdTimeout", "DpdAction", "CustomerGatewayId", "HealthCheckConfig", "BgpConfig",
] as const;

/** The fixtures a create or modify must resolve (scoped to the request's region by the caller). */
export interface Lookups {
    vpc(id: string): VpcFixture | undefined;
    gateway(id: string): VpnGatewayFixture | undefined;
    customerGateway(id: string): CustomerGatewayFixture | undefined;
}

/** CreateVpnConnection parameters (https://www.tencentcloud.com/document/api/215/17522) → resolved attributes, API defaults applied. */
export function validateCreate(p: Params, lookups: Lookups): ConnectionAttributes {
    rejectUnknown(p, CREATE_PARAMS);
    const gatewayId = reqString(p, "VpnGatewayId");
    const customerGatewayId = reqString(p, "CustomerGatewayId");
    const name = validateName(reqString(p, "VpnConnectionName"));
    const psk = reqString(p, "PreShareKey");
    const gateway = lookups.gateway(gatewayId);
    if (!gateway) throw notFound("vpnGateway", gatewayId);
    const customerGateway = lookups.customerGateway(customerGatewayId);
    if (!customerGateway) throw notFound("customerGateway", customerGatewayId);
    // VpcId is required for VPC-type gateways, which every fixture is (CreateVpnConnection); INFERRED codes.
    const vpcId = optString(p, "VpcId");
    if (!vpcId) throw missing("VpcId");
    if (!lookups.vpc(vpcId)) throw notFound("vpc", vpcId);
    if (vpcId !== gateway.vpcId) {
        throw paramError("InvalidParameterValue", "VpcId", `The VPN gateway \`${gatewayId}\` does not belong to \`${vpcId}\`.`);
    }

    const routeType = optEnum(p, "RouteType", ENUMS.RouteType) ?? CONNECTION_DEFAULTS.RouteType;
    const spd = p.SecurityPolicyDatabases === undefined ? [] : validateSpd(p.SecurityPolicyDatabases);
    const bgp = p.BgpConfig === undefined ? null : validateBgp(p.BgpConfig);
    if (routeType === "Bgp" && !bgp) throw missing("BgpConfig"); // INFERRED: a BGP tunnel needs its peering.

    const ikeInput = optObject(p, "IKEOptionsSpecification");
    const ike = ikeInput
        ? resolveIke(ikeInput, { ...IKE_DEFAULTS, LocalAddress: "", RemoteAddress: "" }, gateway)
        : // INFERRED: with no IKE block at all, the remote identity is the customer gateway's address.
          { ...IKE_DEFAULTS, LocalAddress: gateway.publicIpAddress, RemoteAddress: customerGateway.ipAddress };
    const ipsecInput = optObject(p, "IPSECOptionsSpecification");
    const ipsec = ipsecInput ? resolveIpsec(ipsecInput, { ...IPSEC_DEFAULTS }, gateway) : { ...IPSEC_DEFAULTS };

    const defaults = randomHealthCheckIps();
    const health = resolveHealthCheck(
        p,
        { EnableHealthCheck: CONNECTION_DEFAULTS.EnableHealthCheck, HealthCheckLocalIp: defaults.local, HealthCheckRemoteIp: defaults.remote, HealthCheckConfig: null },
        spd,
    );
    const tags = optArray(p, "Tags");
    optObject(p, "Route"); // accepted as an object, not modelled
    return {
        VpnConnectionName: name,
        VpcId: vpcId,
        VpnGatewayId: gatewayId,
        CustomerGatewayId: customerGatewayId,
        PreShareKey: psk,
        RouteType: routeType,
        SecurityPolicyDatabaseSet: spd,
        IKEOptionsSpecification: ike,
        IPSECOptionsSpecification: ipsec,
        ...health,
        ...resolveDpd(p, { DpdEnable: CONNECTION_DEFAULTS.DpdEnable, DpdTimeout: "", DpdAction: CONNECTION_DEFAULTS.DpdAction }),
        TagSet: tags ? validateTags(tags) : [],
        NegotiationType: optEnum(p, "NegotiationType", ENUMS.NegotiationType) ?? CONNECTION_DEFAULTS.NegotiationType,
        BgpConfig: bgp,
    };
}

/**
 * ModifyVpnConnectionAttribute parameters (https://www.tencentcloud.com/document/api/215/17508) over the current attributes. Given IKE/IPsec
 * fields replace current ones and the rest stay (INFERRED: the doc does not say partial blocks reset).
 */
export function validateModify(p: Params, current: ConnectionAttributes, lookups: Lookups): ConnectionAttributes {
    rejectUnknown(p, MODIFY_PARAMS);
    const gateway = lookups.gateway(current.VpnGatewayId);
    if (!gateway) throw notFound("vpnGateway", current.VpnGatewayId);
    const name = optString(p, "VpnConnectionName");
    if (name !== undefined && name.trim() === "") throw paramError("InvalidParameterValue.Empty", "VpnConnectionName", "The parameter `VpnConnectionName` must not be empty.");
    const psk = optString(p, "PreShareKey");
    if (psk !== undefined && psk === "") throw paramError("InvalidParameterValue.Empty", "PreShareKey", "The parameter `PreShareKey` must not be empty.");

    const customerGatewayId = optString(p, "CustomerGatewayId");
    if (customerGatewayId !== undefined) {
        if (!lookups.customerGateway(customerGatewayId)) throw notFound("customerGateway", customerGatewayId);
        // "4.0及以上网关下的通道支持更新" (ModifyVpnConnectionAttribute CustomerGatewayId); INFERRED code.
        if (customerGatewayId !== current.CustomerGatewayId && Number(gateway.version) < 4) {
            throw paramError("UnsupportedOperation", "CustomerGatewayId", `\`CustomerGatewayId\` can only change on 4.0 VPN gateways; \`${gateway.vpnGatewayId}\` is ${gateway.version}.`);
        }
    }
    const spd = p.SecurityPolicyDatabases === undefined ? current.SecurityPolicyDatabaseSet : validateSpd(p.SecurityPolicyDatabases);
    const ikeInput = optObject(p, "IKEOptionsSpecification");
    const ipsecInput = optObject(p, "IPSECOptionsSpecification");
    return {
        ...current,
        VpnConnectionName: name === undefined ? current.VpnConnectionName : validateName(name),
        PreShareKey: psk ?? current.PreShareKey,
        CustomerGatewayId: customerGatewayId ?? current.CustomerGatewayId,
        SecurityPolicyDatabaseSet: spd,
        IKEOptionsSpecification: ikeInput ? resolveIke(ikeInput, current.IKEOptionsSpecification, gateway) : current.IKEOptionsSpecification,
        IPSECOptionsSpecification: ipsecInput ? resolveIpsec(ipsecInput, current.IPSECOptionsSpecification, gateway) : current.IPSECOptionsSpecification,
        ...resolveHealthCheck(p, current, spd),
        ...resolveDpd(p, current),
        NegotiationType: optEnum(p, "NegotiationType", ENUMS.NegotiationType) ?? current.NegotiationType,
        BgpConfig: p.BgpConfig === undefined ? current.BgpConfig : validateBgp(p.BgpConfig),
    };
}
