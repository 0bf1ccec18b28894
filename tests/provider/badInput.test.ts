import assert from "node:assert/strict";
import * as alicloudHooks from "../../provider/alicloud/vpnConnection";
import { setStackConfig } from "../../provider/core/config";
import * as tencentHooks from "../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { VALID as ALICLOUD_FIXTURE } from "./alicloud/fixtures";
import { VALID as TENCENT_FIXTURE } from "./tencentcloud/fixtures";

type Props = Record<string, any>;

/** One invalid input: what is wrong, the inputs' change, the property paths check must name and why. */
type Row = [what: string, change: Props, properties: string[], reason: RegExp];

const ALI_PSK = "Bad-Input-Psk-1";
const TENCENT_PSK = "bad-input-psk-2";

/** Valid inputs the rows start from, each with a PSK of its own so no reason may echo it. */
const ALICLOUD_VALID: Props = { ...ALICLOUD_FIXTURE, preSharedKey: ALI_PSK };
const TENCENT_VALID: Props = { ...TENCENT_FIXTURE, preSharedKey: TENCENT_PSK };
const ike = (extra: Props) => ({ ikeOptions: { ...TENCENT_VALID.ikeOptions, ...extra } });
const policy = (extra: Props) => ({ securityPolicyDatabases: [{ ...TENCENT_VALID.securityPolicyDatabases[0], ...extra }] });
const tooLong = (n: number) => "x".repeat(n);
/** Two valid tunnels, and the change that leaves the single-tunnel arguments out. */
const TUNNELS: Props[] = [
    { role: "master", customerGatewayId: "cgw-emu00000000000001" },
    { role: "slave", customerGatewayId: "cgw-emu00000000000002" },
];
const DUAL: Props = { vpnGatewayId: "vpn-emu00000000000011", customerGatewayId: undefined, preSharedKey: undefined, tunnels: TUNNELS };

// Every constraint of the field tables and cross-field rules (Alibaba CreateVpnConnection; Tencent
// CreateVpnConnection, its models in `vpc_models.d.ts`, AddVpnConnEx and ModifyVpnConnEx), wrong types, unknown properties, empty and
// blank strings, surrounding whitespace, non-canonical CIDRs and oversized lists.
const aliBgp = (extra: Props): Props => ({ bgpConfig: { enableBgp: true, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1", ...extra } });

const ALICLOUD_ROWS: Row[] = [
    ["the BGP tunnel CIDR is a /29", aliBgp({ tunnelCidr: "169.254.11.0/29" }), ["bgpConfig.tunnelCidr"], /must be a \/30 block inside 169\.254\.0\.0\/16 \(got 169\.254\.11\.0\/29\)/],
    ["the BGP tunnel CIDR is outside 169.254.0.0/16", aliBgp({ tunnelCidr: "10.0.0.0/30", localBgpIp: "10.0.0.1" }), ["bgpConfig.tunnelCidr"], /inside 169\.254\.0\.0\/16/],
    ["the BGP tunnel CIDR is reserved", aliBgp({ tunnelCidr: "169.254.169.252/30", localBgpIp: "169.254.169.253" }), ["bgpConfig.tunnelCidr"], /must not be a reserved block \(169\.254\.0\.0\/30, .*169\.254\.169\.252\/30\)/],
    ["the BGP tunnel CIDR has host bits set", aliBgp({ tunnelCidr: "169.254.11.1/30" }), ["bgpConfig.tunnelCidr"], /host bits set/],
    ["the local BGP address is outside the tunnel CIDR", aliBgp({ localBgpIp: "169.254.12.1" }), ["bgpConfig.localBgpIp"], /must be inside bgpConfig\.tunnelCidr 169\.254\.11\.0\/30 \(got 169\.254\.12\.1\)/],
    ["the local ASN is 0", aliBgp({ localAsn: 0 }), ["bgpConfig.localAsn"], /between 1 and 4294967295/],
    ["the local ASN is 2^32", aliBgp({ localAsn: 4294967296 }), ["bgpConfig.localAsn"], /between 1 and 4294967295/],
    ["the local ASN is in the two-segment a.b form", aliBgp({ localAsn: "123.456" }), ["bgpConfig.localAsn"], /must be an integer between 1 and 4294967295/],
    ["BGP is switched on with a string", aliBgp({ enableBgp: "true" }), ["bgpConfig.enableBgp"], /must be true or false/],
    ["bgpConfig holds an unknown key", aliBgp({ peerAsn: 65001 }), ["bgpConfig.peerAsn"], /is not a known property; allowed: enableBgp, localAsn, tunnelCidr, localBgpIp/],
    ["the VPN gateway is missing", { vpnGatewayId: undefined }, ["vpnGatewayId"], /is required/],
    ["the customer gateway is missing", { customerGatewayId: undefined }, ["customerGatewayId"], /is required/],
    ["the local subnets are missing", { localSubnets: undefined }, ["localSubnets"], /is required/],
    ["the remote subnets are missing", { remoteSubnets: undefined }, ["remoteSubnets"], /is required/],
    ["the region is an empty string", { region: "" }, ["region"], /must not be empty or blank/],
    ["the VPN gateway is blank", { vpnGatewayId: "   " }, ["vpnGatewayId"], /must not be empty or blank/],
    ["the VPN gateway is a number", { vpnGatewayId: 42 }, ["vpnGatewayId"], /must be a string, not number 42/],
    ["the customer gateway holds a space", { customerGatewayId: "cgw 1" }, ["customerGatewayId"], /must not contain whitespace/],
    ["the name starts with whitespace", { name: " office" }, ["name"], /must not start or end with whitespace/],
    ["the name is empty", { name: "" }, ["name"], /must not be empty or blank/],
    ["the name has 101 characters", { name: tooLong(101) }, ["name"], /at most 100 characters \(got 101\)/],
    ["the name starts with https://", { name: "https://office" }, ["name"], /must not start with http/],
    ["the name is a list", { name: ["office"] }, ["name"], /must be a string, not a list/],
    ["a local subnet has host bits set", { localSubnets: ["10.0.0.1/16"] }, ["localSubnets[0]"], /host bits set; the network is 10\.0\.0\.0\/16/],
    ["a local subnet has no prefix", { localSubnets: ["10.0.0.0"] }, ["localSubnets[0]"], /not an IPv4 CIDR block/],
    ["a local subnet's prefix exceeds 32", { localSubnets: ["10.0.0.0/33"] }, ["localSubnets[0]"], /not an IPv4 CIDR block/],
    ["a local subnet has a leading zero", { localSubnets: ["010.0.0.0/8"] }, ["localSubnets[0]"], /not an IPv4 CIDR block/],
    ["a remote subnet is an IPv6 block", { remoteSubnets: ["2001:db8::/32"] }, ["remoteSubnets[0]"], /not an IPv4 CIDR block/],
    ["a remote subnet has surrounding whitespace", { remoteSubnets: [" 192.168.10.0/24"] }, ["remoteSubnets[0]"], /must not start or end with whitespace/],
    ["the remote subnets are empty", { remoteSubnets: [] }, ["remoteSubnets"], /at least 1 item/],
    ["there are 11 remote subnets", { remoteSubnets: Array.from({ length: 11 }, (_, i) => `192.168.${i}.0/24`) }, ["remoteSubnets"], /at most 10 items \(got 11\)/],
    ["a remote subnet is listed twice", { remoteSubnets: ["192.168.10.0/24", "192.168.10.0/24"] }, ["remoteSubnets[1]"], /duplicates remoteSubnets\[0\]/],
    ["the local subnets are one string", { localSubnets: "10.0.0.0/16" }, ["localSubnets"], /must be a list/],
    ["the PSK holds a space", { preSharedKey: "Bad Psk" }, ["preSharedKey"], /must not contain whitespace/],
    ["the PSK has 101 characters", { preSharedKey: tooLong(101) }, ["preSharedKey"], /at most 100 characters/],
    ["the PSK has a character outside the API's set", { preSharedKey: "Psk-€-1" }, ["preSharedKey"], /may contain only letters, digits/],
    ["the PSK is empty", { preSharedKey: "" }, ["preSharedKey"], /must not be empty or blank/],
    ["the PSK is a number", { preSharedKey: 1234 }, ["preSharedKey"], /must be a string/],
    ["effectImmediately is a string", { effectImmediately: "yes" }, ["effectImmediately"], /must be true or false, not string "yes"/],
    ["enableDpd is 1", { enableDpd: 1 }, ["enableDpd"], /must be true or false, not number 1/],
    ["the IKE version is ikev3", { ikeConfig: { ikeVersion: "ikev3" } }, ["ikeConfig.ikeVersion"], /must be one of ikev1, ikev2/],
    ["the IKE mode is quick", { ikeConfig: { ikeMode: "quick" } }, ["ikeConfig.ikeMode"], /must be one of main, aggressive/],
    ["the IKE encryption is aes512", { ikeConfig: { ikeEncAlg: "aes512" } }, ["ikeConfig.ikeEncAlg"], /must be one of aes, aes192, aes256, des, 3des/],
    ["the IKE hash is Terraform's sha386", { ikeConfig: { ikeAuthAlg: "sha386" } }, ["ikeConfig.ikeAuthAlg"], /sha384/],
    ["the IKE DH group is group21", { ikeConfig: { ikePfs: "group21" } }, ["ikeConfig.ikePfs"], /must be one of group1, group2, group5, group14/],
    ["the IKE lifetime is above 86400", { ikeConfig: { ikeLifetime: 86401 } }, ["ikeConfig.ikeLifetime"], /between 0 and 86400 \(got 86401\)/],
    ["the IKE lifetime is negative", { ikeConfig: { ikeLifetime: -1 } }, ["ikeConfig.ikeLifetime"], /between 0 and 86400/],
    ["the IKE lifetime is fractional", { ikeConfig: { ikeLifetime: 1.5 } }, ["ikeConfig.ikeLifetime"], /must be an integer/],
    ["the IKE lifetime is a string", { ikeConfig: { ikeLifetime: "3600" } }, ["ikeConfig.ikeLifetime"], /must be an integer .* not string "3600"/],
    ["the local id holds a space", { ikeConfig: { localId: "vpn example" } }, ["ikeConfig.localId"], /must not contain whitespace/],
    ["the remote id has 101 characters", { ikeConfig: { remoteId: tooLong(101) } }, ["ikeConfig.remoteId"], /at most 100 characters/],
    ["the IKE block holds an unknown key", { ikeConfig: { psk: "x" } }, ["ikeConfig.psk"], /is not a known property; allowed: ikeVersion/],
    ["the IKE block is a string", { ikeConfig: "ikev2" }, ["ikeConfig"], /must be an object with keys ikeVersion/],
    ["the IPsec PFS is group24", { ipsecConfig: { ipsecPfs: "group24" } }, ["ipsecConfig.ipsecPfs"], /disabled, group1/],
    ["the IPsec lifetime is 90000", { ipsecConfig: { ipsecLifetime: 90000 } }, ["ipsecConfig.ipsecLifetime"], /between 0 and 86400/],
    ["the IPsec encryption is empty", { ipsecConfig: { ipsecEncAlg: "" } }, ["ipsecConfig.ipsecEncAlg"], /must be one of .* \(got an empty string\)/],
    ["the health check is on without addresses", { healthCheckConfig: { enable: true } }, ["healthCheckConfig"], /needs `dip` and `sip`/],
    ["the health check destination is a host name", { healthCheckConfig: { dip: "probe.example.com" } }, ["healthCheckConfig.dip"], /IPv4 address/],
    ["the health check source has an octet above 255", { healthCheckConfig: { sip: "10.0.0.256" } }, ["healthCheckConfig.sip"], /IPv4 address/],
    ["the health check interval is 0", { healthCheckConfig: { interval: 0 } }, ["healthCheckConfig.interval"], /between 1 and/],
    ["the health check retry is a string", { healthCheckConfig: { retry: "3" } }, ["healthCheckConfig.retry"], /must be an integer/],
    ["a property is unknown (Terraform's psk)", { psk: "x" }, ["psk"], /is not a known property/],
    ["a property is unknown (labels)", { labels: { env: "prod" } }, ["labels"], /is not a known property/],
    ["a tag key starts with aliyun", { tags: { aliyunEnv: "x" } }, ['tags["aliyunEnv"]'], /its key must not start with aliyun \(reserved prefixes: aliyun, acs:\)/],
    ["a tag key starts with ACS:", { tags: { "ACS:env": "x" } }, ['tags["ACS:env"]'], /its key must not start with acs:/],
    ["a tag value starts with aliyun", { tags: { env: "aliyun-x" } }, ['tags["env"]'], /^must not start with aliyun/],
    ["a tag key contains http://", { tags: { "see-http://x": "x" } }, ['tags["see-http://x"]'], /its key must not contain http:\/\//],
    ["a tag key has 65 characters", { tags: { [tooLong(65)]: "x" } }, [`tags["${tooLong(65)}"]`], /its key must be at most 64 characters/],
    ["a tag value has 129 characters", { tags: { env: tooLong(129) } }, ['tags["env"]'], /must be at most 128 characters/],
    ["a tag key is empty", { tags: { "": "x" } }, ['tags[""]'], /its key must not be empty/],
    ["a tag value is a number", { tags: { env: 1 } }, ['tags["env"]'], /must be a string, not number 1/],
    ["there are 21 tags", { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) }, ["tags"], /at most 20 entries \(got 21\)/],
    ["the tags are a list", { tags: [{ Key: "env", Value: "prod" }] }, ["tags"], /must be an object of string values, not a list/],
    ["the idempotency key has 1025 characters", { idempotencyKey: tooLong(1025) }, ["idempotencyKey"], /at most 1024 characters/],
    ["a local subnet is null", { localSubnets: [null, "10.1.0.0/16"] }, ["localSubnets[0]"], /must be an IPv4 CIDR block, not null/],
    ["the region would extend the endpoint host", { region: "attacker.example/" }, ["region"], /must be a region ID: lower-case letters, digits and hyphens/],
    ["the region is upper-case", { region: "CN-HANGZHOU" }, ["region"], /like cn-hangzhou/],
    ["a property is named like Object.prototype's constructor", { constructor: "x" }, ["constructor"], /is not a known property/],
    ["a property is named __proto__", JSON.parse('{"__proto__": {"polluted": true}}'), ["__proto__"], /is not a known property/],
    ["the IKE block holds toString", { ikeConfig: { toString: "x" } }, ["ikeConfig.toString"], /is not a known property; allowed: ikeVersion/],
    ["the IPsec block holds __proto__", { ipsecConfig: JSON.parse('{"__proto__": "x"}') }, ["ipsecConfig.__proto__"], /is not a known property/],
    ["the connection to adopt holds a space", { adoptConnectionId: "vco 1" }, ["adoptConnectionId"], /must not contain whitespace/],
    ["the create timeout is 0 seconds", { timeouts: { create: 0 } }, ["timeouts.create"], /between 1 and 86400/],
    ["the delete timeout is a duration string", { timeouts: { delete: "10m" } }, ["timeouts.delete"], /must be an integer/],
    ["the timeouts are one number", { timeouts: 60 }, ["timeouts"], /must be an object with keys create, update, delete/],
    // NetworkType, ResourceGroupId and HealthCheckConfig.Policy are CreateVpnAttachment parameters, not CreateVpnConnection's: outputs here.
    ["the network type is given (an output)", { networkType: "private" }, ["networkType"], /is not a known property/],
    ["the resource group is given (an output)", { resourceGroupId: "rg-1" }, ["resourceGroupId"], /is not a known property/],
    ["the health check has a route policy (an output)", { healthCheckConfig: { policy: "reserve_route" } }, ["healthCheckConfig.policy"], /is not a known property; allowed: enable, dip, sip, interval, retry/],
    // Dual-tunnel connections: `tunnels` instead of the single-tunnel arguments (CreateVpnConnection's tunnel modes).
    ["tunnels are given beside the single-tunnel customer gateway and PSK", { tunnels: TUNNELS }, ["customerGatewayId", "preSharedKey"], /must not be set together with `tunnels`/],
    ["the health check is given beside tunnels", { ...DUAL, healthCheckConfig: { enable: false } }, ["healthCheckConfig"], /must not be set together with `tunnels`/],
    ["tunnels has one tunnel", { ...DUAL, tunnels: [TUNNELS[0]] }, ["tunnels"], /at least 2 item/],
    ["tunnels has three tunnels", { ...DUAL, tunnels: [...TUNNELS, TUNNELS[1]] }, ["tunnels"], /at most 2 items/],
    ["both tunnels are masters", { ...DUAL, tunnels: [TUNNELS[0], { ...TUNNELS[1], role: "master" }] }, ["tunnels[1].role"], /duplicates tunnels\[0\]\.role/],
    ["a tunnel's role is primary", { ...DUAL, tunnels: [{ ...TUNNELS[0], role: "primary" }, TUNNELS[1]] }, ["tunnels[0].role"], /one of master, slave/],
    ["a tunnel lacks its customer gateway", { ...DUAL, tunnels: [TUNNELS[0], { role: "slave" }] }, ["tunnels[1].customerGatewayId"], /is required/],
    ["a tunnel's IKE version is ikev3", { ...DUAL, tunnels: [{ ...TUNNELS[0], ikeConfig: { ikeVersion: "ikev3" } }, TUNNELS[1]] }, ["tunnels[0].ikeConfig.ikeVersion"], /one of ikev1, ikev2/],
    ["a tunnel's PSK holds a space", { ...DUAL, tunnels: [{ ...TUNNELS[0], preSharedKey: "Bad Psk" }, TUNNELS[1]] }, ["tunnels[0].preSharedKey"], /must not contain whitespace/],
    ["a tunnel's DPD switch is a string", { ...DUAL, tunnels: [TUNNELS[0], { ...TUNNELS[1], enableDpd: "true" }] }, ["tunnels[1].enableDpd"], /must be true or false/],
    ["a tunnel sets its cloud-assigned ID", { ...DUAL, tunnels: [{ ...TUNNELS[0], tunnelId: "tun-1" }, TUNNELS[1]] }, ["tunnels[0].tunnelId"], /reported by the cloud/],
    ["tunnels is an object", { ...DUAL, tunnels: { role: "master" } }, ["tunnels"], /must be a list/],
    // BGP per tunnel (TunnelBgpConfig) and EnableTunnelsBgp, which only a dual-tunnel connection takes.
    ["enableTunnelsBgp is set without tunnels", { enableTunnelsBgp: true }, ["enableTunnelsBgp"], /only valid with `tunnels`/],
    ["enableTunnelsBgp is a string", { ...DUAL, enableTunnelsBgp: "true" }, ["enableTunnelsBgp"], /must be true or false/],
    ["a tunnel's local ASN is 0", { ...DUAL, tunnels: [{ ...TUNNELS[0], bgpConfig: { localAsn: 0 } }, TUNNELS[1]] }, ["tunnels[0].bgpConfig.localAsn"], /between 1 and 4294967295/],
    ["a tunnel's CIDR is a /29", { ...DUAL, tunnels: [TUNNELS[0], { ...TUNNELS[1], bgpConfig: { tunnelCidr: "169.254.10.0/29" } }] }, ["tunnels[1].bgpConfig.tunnelCidr"], /a \/30 block inside 169\.254\.0\.0\/16/],
    ["a tunnel's CIDR is reserved", { ...DUAL, tunnels: [{ ...TUNNELS[0], bgpConfig: { tunnelCidr: "169.254.169.252/30" } }, TUNNELS[1]] }, ["tunnels[0].bgpConfig.tunnelCidr"], /reserved/],
    [
        "a tunnel's BGP address lies outside its CIDR",
        { ...DUAL, tunnels: [{ ...TUNNELS[0], bgpConfig: { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.11.1" } }, TUNNELS[1]] },
        ["tunnels[0].bgpConfig.localBgpIp"],
        /must be inside tunnels\[0\]\.bgpConfig\.tunnelCidr/,
    ],
];

const TENCENT_BGP = { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1", remoteBgpIp: "169.254.10.2" };
const tencentBgp = (extra: Props): Props => ({ routeType: "Bgp", securityPolicyDatabases: undefined, bgpConfig: { ...TENCENT_BGP, ...extra } });

const TENCENT_ROWS: Row[] = [
    ["tags are set with API 2.0", { apiVersion: "2.0", tags: { env: "prod" } }, ["tags"], /is not supported by API 2\.0/],
    ["a tag key starts with tencent", { tags: { tencentX: "y" } }, ['tags["tencentX"]'], /its key must not start with tencent/],
    ["a tag key is the provider's create token key", { tags: { "pulumi-ipsec:create-token": "x" } }, ['tags["pulumi-ipsec:create-token"]'], /its key pulumi-ipsec:create-token is the provider's own tag/],
    ["a tag key holds #", { tags: { "a#b": "y" } }, ['tags["a#b"]'], /its key must hold only Chinese and English letters, digits, spaces and/],
    ["a tag value has 256 characters", { tags: { env: tooLong(256) } }, ['tags["env"]'], /must be at most 255 characters/],
    ["there are 51 tags", { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }, ["tags"], /at most 50 entries/],
    ["the name is missing", { name: undefined }, ["name"], /is required/],
    ["the PSK is missing", { preSharedKey: undefined }, ["preSharedKey"], /is required/],
    ["the VPN gateway is missing", { vpnGatewayId: undefined }, ["vpnGatewayId"], /is required/],
    ["the customer gateway is missing", { customerGatewayId: undefined }, ["customerGatewayId"], /is required/],
    ["the name has 61 characters", { name: tooLong(61) }, ["name"], /at most 60 characters/],
    ["the name is blank", { name: "  " }, ["name"], /must not be empty or blank/],
    ["the name ends with whitespace", { name: "office " }, ["name"], /must not start or end with whitespace/],
    ["the PSK is empty", { preSharedKey: "" }, ["preSharedKey"], /must not be empty or blank/],
    ["the VPC holds a space", { vpcId: "vpc emu" }, ["vpcId"], /must not contain whitespace/],
    ["the VPN gateway is an object", { vpnGatewayId: { id: "vpngw-emu0001" } }, ["vpnGatewayId"], /must be a string, not an object/],
    ["the security policies are empty", { securityPolicyDatabases: [] }, ["securityPolicyDatabases"], /at least 1 item/],
    ["a policy's local CIDR has host bits set", policy({ localCidrBlock: "10.0.0.1/24" }), ["securityPolicyDatabases[0].localCidrBlock"], /host bits set/],
    ["a policy has no remote CIDRs", policy({ remoteCidrBlocks: [] }), ["securityPolicyDatabases[0].remoteCidrBlocks"], /at least 1 item/],
    ["a policy's remote CIDR overlaps its local one", policy({ remoteCidrBlocks: ["10.0.0.0/16"] }), ["securityPolicyDatabases[0].remoteCidrBlocks[0]"], /overlaps the policy's localCidrBlock/],
    ["a policy has no local CIDR", policy({ localCidrBlock: undefined }), ["securityPolicyDatabases[0].localCidrBlock"], /is required/],
    ["a policy holds an unknown key", policy({ action: "allow" }), ["securityPolicyDatabases[0].action"], /is not a known property/],
    [
        "two policies share a local CIDR",
        { securityPolicyDatabases: [TENCENT_VALID.securityPolicyDatabases[0], { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.1.0/24"] }] },
        ["securityPolicyDatabases[1].localCidrBlock"],
        /appears in more than one policy/,
    ],
    ["policies and user gateway CIDRs are both given", { userGwCidrBlocks: ["192.168.0.0/24"] }, ["userGwCidrBlocks"], /cannot be combined with securityPolicyDatabases/],
    ["neither policies nor user gateway CIDRs are given", { securityPolicyDatabases: undefined }, ["securityPolicyDatabases"], /or userGwCidrBlocks is required when routeType is STATIC/],
    ["user gateway CIDRs come without a VPC", { securityPolicyDatabases: undefined, vpcId: undefined, userGwCidrBlocks: ["192.168.0.0/24"] }, ["vpcId"], /is required with userGwCidrBlocks/],
    ["a user gateway CIDR is not canonical", { securityPolicyDatabases: undefined, userGwCidrBlocks: ["192.168.0.1/24"] }, ["userGwCidrBlocks[0]"], /host bits set/],
    ["the IKE encryption is AES-CBC-512", ike({ propoEncryAlgorithm: "AES-CBC-512" }), ["ikeOptions.propoEncryAlgorithm"], /must be one of 3DES-CBC, AES-CBC-128/],
    ["the IKE DH group is GROUP3", ike({ dhGroupName: "GROUP3" }), ["ikeOptions.dhGroupName"], /must be one of GROUP1, GROUP2/],
    ["the IKE SA lifetime is 59 s", ike({ ikeSaLifetimeSeconds: 59 }), ["ikeOptions.ikeSaLifetimeSeconds"], /between 60 and 604800/],
    ["the remote identity is FQDN without a name", ike({ remoteIdentity: "FQDN", remoteAddress: undefined }), ["ikeOptions.remoteFqdnName"], /is required when ikeOptions.remoteIdentity is FQDN/],
    ["the remote address is incomplete", ike({ remoteAddress: "198.51.100" }), ["ikeOptions.remoteAddress"], /IPv4 address/],
    ["a local FQDN comes with an ADDRESS identity", ike({ localFqdnName: "vpn.example.com" }), ["ikeOptions.localFqdnName"], /only allowed when ikeOptions.localIdentity is FQDN/],
    ["the IPsec SA lifetime is 179 s", { ipsecOptions: { ipsecSaLifetimeSeconds: 179 } }, ["ipsecOptions.ipsecSaLifetimeSeconds"], /between 180 and 604800/],
    ["the IPsec SA traffic exceeds 32 bits", { ipsecOptions: { ipsecSaLifetimeTraffic: 4294967296 } }, ["ipsecOptions.ipsecSaLifetimeTraffic"], /between 2560 and 4294967295/],
    ["the PFS group lacks its DH- prefix", { ipsecOptions: { pfsDhGroup: "GROUP2" } }, ["ipsecOptions.pfsDhGroup"], /must be one of NULL, DH-GROUP1/],
    ["the route type is Dynamic", { routeType: "Dynamic" }, ["routeType"], /must be one of STATIC, StaticRoute, Policy, Bgp \(got "Dynamic"\)/],
    ["the route type is Bgp without bgpConfig", { routeType: "bgp", securityPolicyDatabases: undefined }, ["bgpConfig"], /is required when routeType is Bgp/],
    ["bgpConfig comes with a static route type", { bgpConfig: TENCENT_BGP }, ["bgpConfig"], /is only allowed when routeType is Bgp \(it is STATIC\)/],
    ["the BGP tunnel CIDR is a /29", tencentBgp({ tunnelCidr: "169.254.10.0/29" }), ["bgpConfig.tunnelCidr"], /must be a \/30 block \(got \/29\)/],
    ["the BGP tunnel CIDR has host bits set", tencentBgp({ tunnelCidr: "169.254.10.1/30" }), ["bgpConfig.tunnelCidr"], /host bits set/],
    ["the remote BGP address is outside the tunnel CIDR", tencentBgp({ remoteBgpIp: "169.254.11.2" }), ["bgpConfig.remoteBgpIp"], /must be inside bgpConfig.tunnelCidr 169.254.10.0\/30/],
    ["both BGP addresses are the same", tencentBgp({ remoteBgpIp: "169.254.10.1" }), ["bgpConfig.remoteBgpIp"], /must differ from bgpConfig.localBgpIp/],
    ["the local BGP address is missing", tencentBgp({ localBgpIp: undefined }), ["bgpConfig.localBgpIp"], /is required in bgpConfig/],
    ["a user gateway CIDR is null", { securityPolicyDatabases: undefined, userGwCidrBlocks: [null, "192.168.0.0/24"] }, ["userGwCidrBlocks[0]"], /must be an IPv4 CIDR block, not null/],
    ["a policy's remote CIDR is null", policy({ remoteCidrBlocks: ["192.168.0.0/24", null] }), ["securityPolicyDatabases[0].remoteCidrBlocks[1]"], /not null/],
    ["a policy is null", { securityPolicyDatabases: [null] }, ["securityPolicyDatabases[0]"], /must be an object with keys localCidrBlock, remoteCidrBlocks, not null/],
    ["the region has a port", { region: "ap-guangzhou:443" }, ["region"], /must be a region ID/],
    ["a property is named hasOwnProperty", { hasOwnProperty: 1 }, ["hasOwnProperty"], /is not a known property/],
    ["a policy holds valueOf", policy({ valueOf: "x" }), ["securityPolicyDatabases[0].valueOf"], /is not a known property/],
    ["the negotiation type is lazy", { negotiationType: "lazy" }, ["negotiationType"], /must be one of active, passive, flowTrigger/],
    ["DPD is switched on with a string", { dpdEnable: "1" }, ["dpdEnable"], /must be true or false/],
    ["the DPD timeout is 61 s", { dpdEnable: true, dpdTimeout: 61 }, ["dpdTimeout"], /between 30 and 60/],
    ["a DPD timeout comes with DPD off", { dpdTimeout: 30 }, ["dpdTimeout"], /only allowed when dpdEnable is true/],
    ["the DPD action is reset", { dpdEnable: true, dpdAction: "reset" }, ["dpdAction"], /must be one of clear, restart/],
    ["a health check is asked of a policy-based tunnel", { enableHealthCheck: true }, ["enableHealthCheck"], /cannot health-check policy-based tunnels/],
    ["both health check addresses are equal", { healthCheckLocalIp: "169.254.128.1", healthCheckRemoteIp: "169.254.128.1" }, ["healthCheckRemoteIp"], /must differ from healthCheckLocalIp/],
    ["the probe interval is 999 ms", { healthCheckConfig: { probeInterval: 999 } }, ["healthCheckConfig.probeInterval"], /between 1000 and 5000/],
    ["the probe interval is 5001 ms", { healthCheckConfig: { probeInterval: 5001 } }, ["healthCheckConfig.probeInterval"], /between 1000 and 5000/],
    ["the probe threshold is 2", { healthCheckConfig: { probeThreshold: 2 } }, ["healthCheckConfig.probeThreshold"], /between 3 and 8/],
    ["the probe threshold is 9", { healthCheckConfig: { probeThreshold: 9 } }, ["healthCheckConfig.probeThreshold"], /between 3 and 8/],
    ["the probe timeout is 9 ms", { healthCheckConfig: { probeTimeout: 9 } }, ["healthCheckConfig.probeTimeout"], /between 10 and 5000/],
    ["the probe timeout is 5001 ms", { healthCheckConfig: { probeTimeout: 5001 } }, ["healthCheckConfig.probeTimeout"], /between 10 and 5000/],
    ["the probe type is BFD", { healthCheckConfig: { probeType: "BFD" } }, ["healthCheckConfig.probeType"], /must be one of NQA/],
    ["the probe interval is a string", { healthCheckConfig: { probeInterval: "2000" } }, ["healthCheckConfig.probeInterval"], /must be an integer/],
    ["the probe block holds an unknown key", { healthCheckConfig: { probeCount: 3 } }, ["healthCheckConfig.probeCount"], /is not a known property; allowed: probeType, probeInterval, probeThreshold, probeTimeout/],
    ["API 2.0 is asked for probe settings", { apiVersion: "2.0", healthCheckConfig: { probeInterval: 2000, probeTimeout: 500 } }, ["healthCheckConfig.probeInterval", "healthCheckConfig.probeTimeout"], /not supported by API 2\.0/],
    ["the API version is 4.0", { apiVersion: "4.0" }, ["apiVersion"], /must be one of 3\.0, 2\.0/],
    ["API 2.0 is asked for IKEv2", { apiVersion: "2.0", ...ike({ ikeVersion: "IKEV2" }) }, ["ikeOptions.ikeVersion"], /not supported by API 2\.0/],
    ["API 2.0 is asked without a VPC", { apiVersion: "2.0", vpcId: undefined }, ["vpcId"], /is required with apiVersion "2\.0"/],
    ["API 2.0 is asked for SHA-256", { apiVersion: "2.0", ...ike({ propoAuthenAlgorithm: "SHA-256" }) }, ["ikeOptions.propoAuthenAlgorithm"], /must be one of MD5, SHA with apiVersion "2\.0"/],
    ["a property is unknown (Terraform's pre_share_key)", { pre_share_key: "x" }, ["pre_share_key"], /is not a known property/],
    ["the update timeout is above a day", { timeouts: { update: 86401 } }, ["timeouts.update"], /between 1 and 86400/],
];

describe("bad input: every invalid input is rejected at check, naming the property, before any request", function () {
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        setStackConfig(undefined);
        await cloud.control.reset();
    });
    after(async () => {
        // Not one of the rows reached the emulator.
        const counters = await cloud?.control.counters();
        await cloud?.stop();
        assert.deepEqual(counters, {});
    });

    const suites: [string, typeof alicloudHooks.check, Props, string, Row[]][] = [
        ["alicloud.VpnConnection", alicloudHooks.check, ALICLOUD_VALID, ALI_PSK, ALICLOUD_ROWS],
        ["tencentcloud.VpnConnection", tencentHooks.check, TENCENT_VALID, TENCENT_PSK, TENCENT_ROWS],
    ];

    it("can pass the valid baselines the rows start from", async () => {
        // GIVEN each resource's valid inputs
        for (const [, check, valid] of suites) {
            // WHEN checked
            // THEN nothing fails, so each row's failure is its own change's
            assert.deepEqual((await check({}, valid)).failures ?? [], []);
        }
    });

    it("can cover at least 60 bad inputs across both resources", () => {
        // GIVEN the rows of both resources
        // WHEN counted
        // THEN there are at least 60
        assert.ok(ALICLOUD_ROWS.length + TENCENT_ROWS.length >= 60);
    });

    for (const [resource, check, valid, psk, rows] of suites) {
        describe(resource, () => {
            for (const [what, change, properties, reason] of rows) {
                it(`fails when ${what}`, async () => {
                    // GIVEN valid inputs with one thing wrong
                    const news = { ...valid, ...change };
                    // WHEN checked
                    const { failures = [] } = await check({}, news);
                    // THEN exactly the named properties fail, for the expected reason, and no reason echoes the PSK
                    assert.deepEqual(failures.map((f) => f.property), properties, JSON.stringify(failures));
                    for (const failure of failures) {
                        assert.match(failure.reason, reason);
                        assert.equal(failure.reason.includes(psk), false, "the reason echoes the PSK");
                    }
                    assert.deepEqual(await cloud.control.counters(), {});
                });
            }
        });
    }
});
