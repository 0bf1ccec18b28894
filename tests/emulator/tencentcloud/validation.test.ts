import assert from "node:assert/strict";
import { cidrContains, parseIpv4, parseIpv4Cidr } from "../../../emulator/core/ipv4";
import { REGION } from "../../../emulator/tencentcloud/fixtures";
import { TencentStore } from "../../../emulator/tencentcloud/store";
import { validateCreate, validateModify, type Lookups } from "../../../emulator/tencentcloud/validation";
import { createRequest, fakeContext, thrownTencentError as thrown } from "./support";

const lookups: Lookups = new TencentStore(fakeContext()).lookups(REGION);

const create = (overrides: Record<string, unknown> = {}) => validateCreate(createRequest(overrides), lookups);

describe("validation", () => {
    describe("validateCreate", () => {
        it("can apply the API 3.0 defaults (`vpc_models.d.ts`)", () => {
            // WHEN
            const a = create();
            // THEN
            assert.deepEqual(a.IKEOptionsSpecification, {
                PropoEncryAlgorithm: "3DES-CBC",
                PropoAuthenAlgorithm: "SHA",
                ExchangeMode: "MAIN",
                LocalIdentity: "ADDRESS",
                RemoteIdentity: "ADDRESS",
                LocalAddress: "203.0.113.11",
                RemoteAddress: "198.51.100.11",
                LocalFqdnName: "",
                RemoteFqdnName: "",
                DhGroupName: "GROUP1",
                IKESaLifetimeSeconds: 86400,
                IKEVersion: "IKEV1",
            });
            assert.deepEqual(a.IPSECOptionsSpecification, {
                EncryptAlgorithm: "AES-CBC-128",
                IntegrityAlgorithm: "SHA1",
                IPSECSaLifetimeSeconds: 14400,
                PfsDhGroup: "NULL",
                IPSECSaLifetimeTraffic: 4096000000,
            });
            assert.deepEqual(
                [a.RouteType, a.NegotiationType, a.DpdEnable, a.DpdTimeout, a.DpdAction, a.EnableHealthCheck],
                ["STATIC", "active", 0, "", "restart", false],
            );
            const healthCheckBlock = parseIpv4Cidr("169.254.128.0/17")!;
            assert.ok(cidrContains(healthCheckBlock, parseIpv4(a.HealthCheckLocalIp)!));
            assert.ok(cidrContains(healthCheckBlock, parseIpv4(a.HealthCheckRemoteIp)!));
            assert.notEqual(a.HealthCheckLocalIp, a.HealthCheckRemoteIp);
        });

        it("can default LocalAddress to the gateway's public IP in a given IKE block", () => {
            // WHEN
            const a = create({ IKEOptionsSpecification: { RemoteAddress: "198.51.100.99", DhGroupName: "GROUP14" } });
            // THEN
            assert.equal(a.IKEOptionsSpecification.LocalAddress, "203.0.113.11");
            assert.equal(a.IKEOptionsSpecification.DhGroupName, "GROUP14");
        });

        it("can turn DPD on with the 30 s default timeout", () => {
            // WHEN
            const a = create({ DpdEnable: 1, DpdAction: "clear" });
            // THEN
            assert.deepEqual([a.DpdEnable, a.DpdTimeout, a.DpdAction], [1, "30", "clear"]);
        });

        it("can keep a BGP peering and health-check settings", () => {
            // WHEN
            const a = create({
                RouteType: "Bgp",
                SecurityPolicyDatabases: undefined,
                BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" },
                EnableHealthCheck: true,
                HealthCheckConfig: { ProbeInterval: 2000 },
            });
            // THEN
            assert.deepEqual(a.BgpConfig, { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" });
            assert.deepEqual(a.HealthCheckConfig, { ProbeType: "NQA", ProbeInterval: 2000 });
        });

        const failures: [string, Record<string, unknown>, string, RegExp][] = [
            ["a required parameter is missing", { PreShareKey: undefined }, "MissingParameter", /`PreShareKey`/],
            ["a required string is empty", { VpnConnectionName: "" }, "InvalidParameterValue.Empty", /`VpnConnectionName`/],
            ["the name is longer than 60 characters", { VpnConnectionName: "n".repeat(61) }, "InvalidParameterValue.TooLong", /`VpnConnectionName`/],
            ["a parameter has the wrong type", { EnableHealthCheck: "yes" }, "InvalidParameter", /`EnableHealthCheck`/],
            ["an unknown parameter is given", { RouteTable: "x" }, "UnknownParameter", /`RouteTable`/],
            ["the VPN gateway does not exist", { VpnGatewayId: "vpngw-nothere" }, "ResourceNotFound", /`vpngw-nothere`/],
            ["the customer gateway does not exist", { CustomerGatewayId: "cgw-nothere" }, "ResourceNotFound", /`cgw-nothere`/],
            ["the VPC does not exist", { VpcId: "vpc-nothere" }, "ResourceNotFound", /`vpc-nothere`/],
            ["the VPC is missing for a VPC-type gateway", { VpcId: undefined }, "MissingParameter", /`VpcId`/],
            ["the gateway is in another VPC", { VpcId: "vpc-emu00002" }, "InvalidParameterValue", /`VpcId`|vpc-emu00002/],
            ["an IKE algorithm is not upper-case", { IKEOptionsSpecification: { PropoEncryAlgorithm: "aes-cbc-128", RemoteAddress: "1.2.3.4" } }, "InvalidParameterValue", /PropoEncryAlgorithm/],
            ["the IKE SA lifetime is below 60", { IKEOptionsSpecification: { IKESaLifetimeSeconds: 59, RemoteAddress: "1.2.3.4" } }, "InvalidParameterValue.LimitExceeded", /IKESaLifetimeSeconds/],
            ["the IKE SA lifetime is above 604800", { IKEOptionsSpecification: { IKESaLifetimeSeconds: 604801, RemoteAddress: "1.2.3.4" } }, "InvalidParameterValue.LimitExceeded", /IKESaLifetimeSeconds/],
            ["the IPsec SA lifetime is below 180", { IPSECOptionsSpecification: { IPSECSaLifetimeSeconds: 179 } }, "InvalidParameterValue.LimitExceeded", /IPSECSaLifetimeSeconds/],
            ["the IPsec SA traffic is below 2560", { IPSECOptionsSpecification: { IPSECSaLifetimeTraffic: 2559 } }, "InvalidParameterValue.LimitExceeded", /IPSECSaLifetimeTraffic/],
            ["the IPsec SA traffic is above 4294967295", { IPSECOptionsSpecification: { IPSECSaLifetimeTraffic: 4294967296 } }, "InvalidParameterValue.LimitExceeded", /IPSECSaLifetimeTraffic/],
            ["the PFS group is unknown", { IPSECOptionsSpecification: { PfsDhGroup: "DH-GROUP3" } }, "InvalidParameterValue", /PfsDhGroup/],
            ["both integrity spellings disagree", { IPSECOptionsSpecification: { IntegrityAlgorith: "MD5", IntegrityAlgorithm: "SHA1" } }, "InvalidParameterValue", /IntegrityAlgorith/],
            ["a GCM algorithm is asked of a pre-4.0 gateway", { IPSECOptionsSpecification: { EncryptAlgorithm: "AES128GCM128" } }, "UnsupportedOperation", /4\.0/],
            ["the remote identity is ADDRESS without an address", { IKEOptionsSpecification: { RemoteIdentity: "ADDRESS" } }, "MissingParameter", /RemoteAddress/],
            ["the local identity is FQDN without a name", { IKEOptionsSpecification: { LocalIdentity: "FQDN", RemoteAddress: "1.2.3.4" } }, "MissingParameter", /LocalFqdnName/],
            ["the remote identity is FQDN without a name", { IKEOptionsSpecification: { RemoteIdentity: "FQDN" } }, "MissingParameter", /RemoteFqdnName/],
            ["an IKE address is not an IPv4 address", { IKEOptionsSpecification: { RemoteAddress: "peer.example" } }, "InvalidParameterValue.Malformed", /RemoteAddress/],
            ["an SPD CIDR is malformed", { SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.1.0/40"] }] }, "InvalidParameterValue.Malformed", /RemoteCidrBlock\.0/],
            ["an SPD entry lacks its local CIDR", { SecurityPolicyDatabases: [{ RemoteCidrBlock: ["192.168.1.0/24"] }] }, "MissingParameter", /LocalCidrBlock/],
            ["an SPD entry has no remote CIDR", { SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: [] }] }, "InvalidParameterValue.Empty", /RemoteCidrBlock/],
            ["SPD is not an array", { SecurityPolicyDatabases: { LocalCidrBlock: "10.0.0.0/16" } }, "InvalidParameter", /SecurityPolicyDatabases/],
            ["an SPD local CIDR overlaps its remote CIDR", { SecurityPolicyDatabases: [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["10.0.1.0/24"] }] }, "InvalidParameterValue.VpnConnSpdCidrConflict", /10\.0\.1\.0/],
            ["DpdTimeout is given while DPD is off", { DpdTimeout: "40" }, "InvalidParameterValue", /DpdTimeout/],
            ["DpdTimeout is a number, not a string", { DpdEnable: 1, DpdTimeout: 40 }, "InvalidParameter", /DpdTimeout/],
            ["DpdTimeout is out of 30–60", { DpdEnable: 1, DpdTimeout: "90" }, "InvalidParameterValue.LimitExceeded", /DpdTimeout/],
            ["DpdEnable is not 0 or 1", { DpdEnable: 2 }, "InvalidParameterValue", /DpdEnable/],
            ["the route type is unknown", { RouteType: "OSPF" }, "InvalidParameterValue", /RouteType/],
            ["the negotiation type is unknown", { NegotiationType: "lazy" }, "InvalidParameterValue", /NegotiationType/],
            ["a BGP tunnel has no BgpConfig", { RouteType: "Bgp" }, "MissingParameter", /BgpConfig/],
            ["the BGP tunnel CIDR is not a /30", { BgpConfig: { TunnelCidr: "169.254.10.0/29", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" } }, "InvalidParameterValue.VpnConnBgpTunnelCidrMask", /TunnelCidr/],
            ["a BGP address lies outside the tunnel CIDR", { BgpConfig: { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.11.2" } }, "InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported", /TunnelCidr/],
            ["both health-check addresses are equal", { HealthCheckLocalIp: "169.254.128.1", HealthCheckRemoteIp: "169.254.128.1" }, "InvalidParameterValue.VpnConnHealthCheckIpConflict", /HealthCheck/],
            ["health checks are asked on an SPD tunnel", { EnableHealthCheck: true }, "UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck", /SecurityPolicyDatabases/],
            ["a probe interval is out of range", { SecurityPolicyDatabases: undefined, HealthCheckConfig: { ProbeInterval: 999 } }, "InvalidParameterValue.LimitExceeded", /ProbeInterval/],
            ["a tag has no key", { Tags: [{ Value: "v" }] }, "MissingParameter", /Tags\.0\.Key/],
        ];
        for (const [when, overrides, code, message] of failures) {
            it(`fails when ${when}`, () => {
                // GIVEN / WHEN
                const e = thrown(() => create(overrides));
                // THEN
                assert.equal(e.code, code);
                assert.match(e.message, message);
            });
        }

        it("can accept a PreShareKey with spaces: CreateVpnConnection documents no charset for it", () => {
            // WHEN
            const a = create({ PreShareKey: "our shared key 1" });
            // THEN
            assert.equal(a.PreShareKey, "our shared key 1");
        });

        it("can accept GCM on a 4.0 gateway", () => {
            // WHEN
            const a = create({ VpnGatewayId: "vpngw-emu0003", IPSECOptionsSpecification: { EncryptAlgorithm: "AES256GCM128" } });
            // THEN
            assert.equal(a.IPSECOptionsSpecification.EncryptAlgorithm, "AES256GCM128");
        });
    });

    describe("validateModify", () => {
        const current = create();

        it("can merge given IKE fields into the current ones", () => {
            // WHEN
            const next = validateModify({ VpnConnectionId: "vpnx-abcdefgh", IKEOptionsSpecification: { DhGroupName: "GROUP2" } }, current, lookups);
            // THEN
            assert.equal(next.IKEOptionsSpecification.DhGroupName, "GROUP2");
            assert.equal(next.IKEOptionsSpecification.RemoteAddress, current.IKEOptionsSpecification.RemoteAddress);
        });

        it("can clear DpdTimeout when DPD is turned off", () => {
            // GIVEN DPD on
            const on = validateModify({ DpdEnable: 1, DpdTimeout: "45" }, current, lookups);
            // WHEN
            const off = validateModify({ DpdEnable: 0 }, on, lookups);
            // THEN
            assert.deepEqual([on.DpdTimeout, off.DpdTimeout], ["45", ""]);
        });

        it("fails when a parameter Modify does not have is given (RouteType)", () => {
            // WHEN
            const e = thrown(() => validateModify({ RouteType: "Policy" }, current, lookups));
            // THEN
            assert.equal(e.code, "UnknownParameter");
        });

        it("fails when the customer gateway changes on a pre-4.0 gateway", () => {
            // WHEN
            const e = thrown(() => validateModify({ CustomerGatewayId: "cgw-emu0002" }, current, lookups));
            // THEN
            assert.equal(e.code, "UnsupportedOperation");
        });

        it("can change the customer gateway on a 4.0 gateway", () => {
            // GIVEN
            const on4 = create({ VpnGatewayId: "vpngw-emu0003" });
            // WHEN
            const next = validateModify({ CustomerGatewayId: "cgw-emu0002" }, on4, lookups);
            // THEN
            assert.equal(next.CustomerGatewayId, "cgw-emu0002");
        });

        it("fails when the new name is too long", () => {
            // WHEN
            const e = thrown(() => validateModify({ VpnConnectionName: "x".repeat(61) }, current, lookups));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.TooLong");
        });

        it("fails when the probe type would change", () => {
            // GIVEN
            const withProbe = create({ SecurityPolicyDatabases: undefined, HealthCheckConfig: { ProbeType: "NQA" } });
            // WHEN
            const e = thrown(() => validateModify({ HealthCheckConfig: { ProbeType: "BFD" } }, withProbe, lookups));
            // THEN
            assert.equal(e.code, "UnsupportedOperation");
        });
    });
});
