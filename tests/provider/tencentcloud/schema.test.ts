import assert from "node:assert/strict";
import { fromApiResponse, toApiRequest } from "../../../provider/core/apiMapping";
import { checkResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import { API_2, API_3, VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { VALID } from "./fixtures";

const tableCheck = (raw: Props) => checkResource(SCHEMA, raw);
const failuresOf = (raw: Props) => (tableCheck(raw).failures ?? []).map((f) => f.property);
const reasonFor = (raw: Props, property: string) => tableCheck(raw).failures?.find((f) => f.property === property)?.reason ?? "";

describe("tencentcloud schema", () => {
    describe("check", () => {
        it("can apply the API 3.0 defaults, not Terraform's", () => {
            // GIVEN only the required inputs
            // WHEN checked
            const { inputs, failures } = tableCheck(VALID);
            // THEN the defaults `vpc_models.d.ts` documents are filled in
            assert.equal(failures, undefined);
            assert.deepEqual(inputs!.ikeOptions, {
                propoEncryAlgorithm: "3DES-CBC",
                propoAuthenAlgorithm: "SHA",
                exchangeMode: "MAIN",
                localIdentity: "ADDRESS",
                remoteIdentity: "ADDRESS",
                remoteAddress: "198.51.100.11",
                dhGroupName: "GROUP1",
                ikeSaLifetimeSeconds: 86400,
                ikeVersion: "IKEV1",
            });
            assert.deepEqual(inputs!.ipsecOptions, {
                encryptAlgorithm: "AES-CBC-128",
                integrityAlgorithm: "SHA1",
                ipsecSaLifetimeSeconds: 14400,
                pfsDhGroup: "NULL",
                ipsecSaLifetimeTraffic: 4096000000,
            });
            assert.equal(inputs!.routeType, "STATIC");
            assert.equal(inputs!.negotiationType, "active");
            assert.equal(inputs!.dpdEnable, false);
            assert.equal(inputs!.enableHealthCheck, false);
            assert.equal(inputs!.apiVersion, "3.0");
            // Computed fields stay unset: the cloud fills them.
            for (const key of ["dpdTimeout", "dpdAction", "healthCheckLocalIp", "healthCheckRemoteIp"]) assert.equal(inputs![key], undefined);
        });

        it("can canonicalize enum case, including API 2.0's lower-case spellings", () => {
            // GIVEN enums spelled in lower, upper and API 2.0 case
            // WHEN checked
            const { inputs } = tableCheck({ ...VALID, routeType: "staticroute", ikeOptions: { remoteAddress: "198.51.100.11", propoEncryAlgorithm: "aes-cbc-256", dhGroupName: "group14" }, negotiationType: "FLOWTRIGGER" });
            // THEN each is stored in the canonical spelling
            assert.equal(inputs!.routeType, "StaticRoute");
            assert.equal((inputs!.ikeOptions as Props).propoEncryAlgorithm, "AES-CBC-256");
            assert.equal((inputs!.ikeOptions as Props).dhGroupName, "GROUP14");
            assert.equal(inputs!.negotiationType, "flowTrigger");
        });

        it("can sort security policies and their remote CIDRs as sets", () => {
            // GIVEN two orderings of the same policies (Terraform PR #501: SDK reorders them)
            // WHEN both are checked
            const a = tableCheck({ ...VALID, securityPolicyDatabases: [{ localCidrBlock: "10.0.1.0/24", remoteCidrBlocks: ["192.168.2.0/24", "192.168.1.0/24"] }, { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] }] });
            const b = tableCheck({ ...VALID, securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] }, { localCidrBlock: "10.0.1.0/24", remoteCidrBlocks: ["192.168.1.0/24", "192.168.2.0/24"] }] });
            // THEN both normalize to one canonical form
            assert.deepEqual(a.inputs!.securityPolicyDatabases, b.inputs!.securityPolicyDatabases);
        });

        it("fails when the name is longer than 60 characters (AddVpnConnEx vpnConnName)", () => {
            // GIVEN names of 61 and of 60 characters
            // WHEN checked
            // THEN only the longer one fails, saying the limit
            assert.deepEqual(failuresOf({ ...VALID, name: "x".repeat(61) }), ["name"]);
            assert.match(reasonFor({ ...VALID, name: "x".repeat(61) }, "name"), /at most 60/);
            assert.equal(tableCheck({ ...VALID, name: "x".repeat(60) }).failures, undefined);
        });

        it("fails when required properties are missing", () => {
            // GIVEN inputs without any of the required properties
            const { region, vpnGatewayId, customerGatewayId, name, preSharedKey, ...rest } = VALID;
            // WHEN checked
            // THEN each missing one is named
            assert.deepEqual(failuresOf(rest).sort(), ["customerGatewayId", "name", "preSharedKey", "region", "vpnGatewayId"]);
        });

        it("fails when the IKE SA lifetime is outside 60–604800 (AddVpnConnEx)", () => {
            // GIVEN lifetimes just outside the range, and its lower end
            for (const value of [59, 604801]) {
                const raw = { ...VALID, ikeOptions: { remoteAddress: "198.51.100.11", ikeSaLifetimeSeconds: value } };
                // WHEN checked
                // THEN the lifetime is named with the range
                assert.deepEqual(failuresOf(raw), ["ikeOptions.ikeSaLifetimeSeconds"]);
                assert.match(reasonFor(raw, "ikeOptions.ikeSaLifetimeSeconds"), /between 60 and 604800/);
            }
            // AND the lower end itself passes
            assert.equal(tableCheck({ ...VALID, ikeOptions: { remoteAddress: "198.51.100.11", ikeSaLifetimeSeconds: 60 } }).failures, undefined);
        });

        it("fails when the IPsec SA lifetime is outside 180–604800 (AddVpnConnEx)", () => {
            // GIVEN lifetimes just outside the range
            for (const value of [179, 604801]) {
                const raw = { ...VALID, ipsecOptions: { ipsecSaLifetimeSeconds: value } };
                // WHEN checked
                // THEN the lifetime is named with the range
                assert.deepEqual(failuresOf(raw), ["ipsecOptions.ipsecSaLifetimeSeconds"]);
                assert.match(reasonFor(raw, "ipsecOptions.ipsecSaLifetimeSeconds"), /between 180 and 604800/);
            }
        });

        it("fails when the IPsec SA traffic lifetime is below 2560 KB or above 4294967295", () => {
            // GIVEN traffic lifetimes just outside the range, and its lower end
            for (const value of [2559, 4294967296]) {
                // WHEN checked
                // THEN the traffic lifetime is named
                assert.deepEqual(failuresOf({ ...VALID, ipsecOptions: { ipsecSaLifetimeTraffic: value } }), ["ipsecOptions.ipsecSaLifetimeTraffic"]);
            }
            // AND the lower end itself passes
            assert.equal(tableCheck({ ...VALID, ipsecOptions: { ipsecSaLifetimeTraffic: 2560 } }).failures, undefined);
        });

        it("fails when an algorithm or DH group is not in the API's enum, naming the allowed values", () => {
            // GIVEN one value outside each enum, with the values the API allows
            const cases: [Props, string, RegExp][] = [
                [{ ikeOptions: { remoteAddress: "198.51.100.11", propoEncryAlgorithm: "AES-CBC-512" } }, "ikeOptions.propoEncryAlgorithm", /3DES-CBC, AES-CBC-128.*SM4.*AES256GCM128/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", propoAuthenAlgorithm: "SHA-384" } }, "ikeOptions.propoAuthenAlgorithm", /MD5, SHA, SHA-256, SHA-512/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", dhGroupName: "GROUP3" } }, "ikeOptions.dhGroupName", /GROUP1, GROUP2, GROUP5, GROUP14/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", exchangeMode: "QUICK" } }, "ikeOptions.exchangeMode", /AGGRESSIVE, MAIN/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", ikeVersion: "IKEV3" } }, "ikeOptions.ikeVersion", /IKEV1, IKEV2/],
                [{ ikeOptions: { remoteAddress: "198.51.100.11", localIdentity: "USER" } }, "ikeOptions.localIdentity", /ADDRESS, FQDN/],
                [{ ipsecOptions: { encryptAlgorithm: "AES-CBC-512" } }, "ipsecOptions.encryptAlgorithm", /NULL/],
                [{ ipsecOptions: { integrityAlgorithm: "SHA" } }, "ipsecOptions.integrityAlgorithm", /MD5, SHA1, SHA-256, SHA-512, SHA-384, SM3/],
                [{ ipsecOptions: { pfsDhGroup: "GROUP2" } }, "ipsecOptions.pfsDhGroup", /NULL, DH-GROUP1, DH-GROUP2/],
                [{ routeType: "Dynamic" }, "routeType", /STATIC, StaticRoute, Policy, Bgp \(got/],
                [{ negotiationType: "lazy" }, "negotiationType", /active, passive, flowTrigger/],
                [{ dpdEnable: true, dpdAction: "reboot" }, "dpdAction", /clear, restart/],
                [{ apiVersion: "1.0" }, "apiVersion", /3\.0, 2\.0/],
            ];
            for (const [extra, property, allowed] of cases) {
                // WHEN checked
                const raw = { ...VALID, ...extra };
                // THEN the field is named with the allowed values
                assert.deepEqual(failuresOf(raw), [property], property);
                assert.match(reasonFor(raw, property), allowed);
            }
        });

        it("fails when a CIDR is malformed or has host bits set", () => {
            // GIVEN a local CIDR with host bits, a remote CIDR with prefix 33, and an IDC CIDR with host bits
            const raw = { ...VALID, securityPolicyDatabases: [{ localCidrBlock: "10.0.0.5/24", remoteCidrBlocks: ["192.168.0.0/33"] }] };
            // WHEN checked
            // THEN each is named, the host-bit one with its network
            assert.deepEqual(failuresOf(raw).sort(), ["securityPolicyDatabases[0].localCidrBlock", "securityPolicyDatabases[0].remoteCidrBlocks[0]"]);
            assert.match(reasonFor(raw, "securityPolicyDatabases[0].localCidrBlock"), /10\.0\.0\.0\/24/);
            assert.deepEqual(failuresOf({ ...VALID, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.1/24"] }), ["userGwCidrBlocks[0]"]);
        });

        it("fails when a policy has no remote CIDR or a CIDR repeats", () => {
            // GIVEN a policy with no remote CIDR, and one repeating a remote CIDR
            // WHEN checked
            // THEN the empty list, then the repeat, is named
            assert.deepEqual(failuresOf({ ...VALID, securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: [] }] }), ["securityPolicyDatabases[0].remoteCidrBlocks"]);
            assert.deepEqual(failuresOf({ ...VALID, securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24", "192.168.0.0/24"] }] }), ["securityPolicyDatabases[0].remoteCidrBlocks[1]"]);
        });

        it("fails when an address or DPD timeout is malformed", () => {
            // GIVEN a remote address with an octet over 255, a three-part address, and DPD timeouts outside 30–60
            // WHEN checked
            // THEN each is named
            assert.deepEqual(failuresOf({ ...VALID, ikeOptions: { remoteAddress: "198.51.100.300" } }), ["ikeOptions.remoteAddress"]);
            assert.deepEqual(failuresOf({ ...VALID, healthCheckLocalIp: "169.254.1" }), ["healthCheckLocalIp"]);
            assert.deepEqual(failuresOf({ ...VALID, dpdEnable: true, dpdTimeout: 29 }), ["dpdTimeout"]);
            assert.deepEqual(failuresOf({ ...VALID, dpdEnable: true, dpdTimeout: 61 }), ["dpdTimeout"]);
        });

        it("fails when values have the wrong type", () => {
            // GIVEN a number for a string, a word for a boolean, a string for an integer and an object for a list
            const raw = { ...VALID, name: 7, dpdEnable: "yes", ikeOptions: { remoteAddress: "198.51.100.11", ikeSaLifetimeSeconds: "86400" }, securityPolicyDatabases: { localCidrBlock: "10.0.0.0/24" } };
            // WHEN checked
            // THEN each is named with the type it should have
            assert.deepEqual(failuresOf(raw).sort(), ["dpdEnable", "ikeOptions.ikeSaLifetimeSeconds", "name", "securityPolicyDatabases"]);
            assert.match(reasonFor(raw, "ikeOptions.ikeSaLifetimeSeconds"), /integer between 60 and 604800/);
            assert.match(reasonFor(raw, "dpdEnable"), /true or false/);
        });

        it("fails when a property is unknown, at the top or inside a block", () => {
            // GIVEN misspelt properties at the top and inside ikeOptions
            const raw = { ...VALID, preShareKey: "x", ikeOptions: { remoteAddress: "198.51.100.11", ikeProtoEncryAlgorithm: "AES-CBC-128" } };
            // WHEN checked
            // THEN both are named, with the allowed names
            assert.deepEqual(failuresOf(raw).sort(), ["ikeOptions.ikeProtoEncryAlgorithm", "preShareKey"]);
            assert.match(reasonFor(raw, "preShareKey"), /allowed: .*preSharedKey/);
        });

        it("can accept per-operation timeouts, which never diff", () => {
            // GIVEN create and delete timeouts
            // WHEN checked
            const { inputs, failures } = tableCheck({ ...VALID, timeouts: { create: 60, delete: 600 } });
            // THEN they are kept, and a zero timeout is refused
            assert.equal(failures, undefined);
            assert.deepEqual(inputs!.timeouts, { create: 60, delete: 600 });
            assert.deepEqual(failuresOf({ ...VALID, timeouts: { create: 0 } }), ["timeouts.create"]);
        });

        it("can accept a pre-shared key with inner spaces: PreShareKey documents no charset (Alibaba Cloud's Psk does)", () => {
            // GIVEN / WHEN a key with spaces inside it
            const { inputs, failures } = tableCheck({ ...VALID, preSharedKey: "our shared key 1" });
            // THEN it is accepted as given
            assert.equal(failures, undefined);
            assert.equal(inputs.preSharedKey, "our shared key 1");
        });

        it("fails when the pre-shared key is blank or padded, without echoing it", () => {
            // GIVEN a blank PSK and a PSK padded with spaces
            for (const preSharedKey of ["   ", " psk-123456 "]) {
                // WHEN checked
                const failures = tableCheck({ ...VALID, preSharedKey }).failures!;
                // THEN the PSK is named without its value
                assert.deepEqual(failures.map((f) => f.property), ["preSharedKey"]);
                assert.ok(failures.every((f) => !f.reason.includes("psk-123456")));
            }
        });
    });

    describe("API mapping", () => {
        const inputs = tableCheck({
            ...VALID,
            ikeOptions: { remoteAddress: "198.51.100.11", propoAuthenAlgorithm: "MD5", dhGroupName: "GROUP2" },
            ipsecOptions: { integrityAlgorithm: "SHA1", pfsDhGroup: "DH-GROUP5", ipsecSaLifetimeTraffic: 3000 },
            dpdEnable: true,
            dpdTimeout: 45,
        }).inputs!;

        it("can build an API 3.0 request with the documented names and types", () => {
            // GIVEN checked inputs with non-default IKE, IPsec and DPD settings
            // WHEN mapped to an API 3.0 request
            const request = toApiRequest(SCHEMA, inputs, API_3);
            // THEN every field has its API name and type, and provider-only fields are left out
            assert.equal(request.VpnConnectionName, "office");
            assert.equal(request.PreShareKey, "psk-123456");
            assert.deepEqual(request.SecurityPolicyDatabases, [{ LocalCidrBlock: "10.0.0.0/24", RemoteCidrBlock: ["192.168.0.0/24"] }]);
            assert.equal((request.IKEOptionsSpecification as Props).PropoAuthenAlgorithm, "MD5");
            assert.equal((request.IKEOptionsSpecification as Props).IKESaLifetimeSeconds, 86400);
            assert.equal((request.IPSECOptionsSpecification as Props).IntegrityAlgorith, "SHA1");
            assert.equal(request.DpdEnable, 1);
            assert.equal(request.DpdTimeout, "45"); // a string in the API (`vpc_models.d.ts` CreateVpnConnectionRequest)
            assert.equal(request.RouteType, "STATIC");
            assert.equal(request.apiVersion, undefined);
        });

        it("can build an API 2.0 request with the documented names and lower-case values", () => {
            // GIVEN the same inputs with apiVersion 2.0
            // WHEN mapped to an API 2.0 request
            const request = toApiRequest(SCHEMA, { ...inputs, apiVersion: "2.0" }, API_2);
            // THEN fields have 2.0's names and lower-case values, and 3.0-only fields are left out
            assert.equal(request.vpnConnName, "office");
            assert.equal(request.preSharedKey, "psk-123456");
            assert.equal(request.vpnGwId, "vpngw-emu0001");
            assert.equal(request.userGwId, "cgw-emu0001");
            assert.equal(request.spdAcl, JSON.stringify({ "10.0.0.0/24": ["192.168.0.0/24"] }));
            assert.deepEqual(request.IKESet, {
                propoEncryAlgorithm: "3des-cbc",
                propoAuthenAlgorithm: "md5",
                exchangeMode: "main",
                localIdentity: "address",
                remoteIdentity: "address",
                remoteAddress: "198.51.100.11",
                dhGroupName: "group2",
                ikeSaLifetimeSeconds: 86400,
                encryptAlgorithm: "aes-cbc-128", // filed under IKESet by AddVpnConnEx and ModifyVpnConnEx
            });
            assert.deepEqual(request.IPsecSet, { integrityAlgorith: "sha", ipsecSaLifetimeSeconds: 14400, pfsDhGroup: "dh-group5", ipsecSaLifetimeTraffic: 3000 });
            for (const key of ["RouteType", "DpdEnable", "NegotiationType", "routeType"]) assert.equal(request[key], undefined);
        });

        it("can send userGwCidrBlocks as API 2.0 userGwCidrBlock", () => {
            // GIVEN IDC CIDRs instead of policies
            // WHEN mapped to an API 2.0 request
            const request = toApiRequest(SCHEMA, { ...inputs, securityPolicyDatabases: undefined, userGwCidrBlocks: ["10.56.20.0/24"] }, API_2);
            // THEN they are sent as userGwCidrBlock
            assert.deepEqual(request.userGwCidrBlock, ["10.56.20.0/24"]);
        });

        it("can leave the API 3.0 traffic default out of an API 2.0 request (2.0's range ends at 604800, sic)", () => {
            // GIVEN the 3.0 default traffic lifetime
            // WHEN mapped to an API 2.0 request
            const request = toApiRequest(SCHEMA, { ...inputs, ipsecOptions: { ...(inputs.ipsecOptions as Props), ipsecSaLifetimeTraffic: 4096000000 } }, API_2);
            // THEN it is not sent
            assert.equal((request.IPsecSet as Props).ipsecSaLifetimeTraffic, undefined);
        });

        it("can read an API 3.0 connection, numbers as strings and \"\" as absent", () => {
            // GIVEN a DescribeVpnConnections item with numbers as strings and empty strings
            // WHEN read through the table
            const read = fromApiResponse(
                SCHEMA,
                {
                    VpnConnectionName: "office",
                    VpcId: "vpc-emu00001",
                    PreShareKey: "psk",
                    RouteType: "STATIC",
                    SecurityPolicyDatabaseSet: [{ LocalCidrBlock: "10.0.0.0/24", RemoteCidrBlock: ["192.168.1.0/24", "192.168.0.0/24"] }],
                    IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-128", IKESaLifetimeSeconds: "86400", LocalFqdnName: "", LocalAddress: "203.0.113.11" },
                    IPSECOptionsSpecification: { IntegrityAlgorith: "SHA1", IPSECSaLifetimeTraffic: "4096000000" },
                    DpdEnable: 0,
                    DpdTimeout: "",
                    HealthCheckLocalIp: "169.254.128.1",
                },
                API_3,
            );
            // THEN values have the inputs' names and types, sets are sorted and empty strings are absent
            assert.deepEqual(read.securityPolicyDatabases, [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24", "192.168.1.0/24"] }]);
            assert.deepEqual(read.userGwCidrBlocks, ["192.168.0.0/24", "192.168.1.0/24"]);
            assert.deepEqual(read.ikeOptions, { propoEncryAlgorithm: "AES-CBC-128", ikeSaLifetimeSeconds: 86400, localAddress: "203.0.113.11" });
            assert.deepEqual(read.ipsecOptions, { integrityAlgorithm: "SHA1", ipsecSaLifetimeTraffic: 4096000000 });
            assert.equal(read.dpdEnable, false);
            assert.equal(read.dpdTimeout, undefined);
            assert.equal(read.healthCheckLocalIp, "169.254.128.1");
        });

        it("can read an API 2.0 DescribeVpnConn item into the same values", () => {
            // GIVEN a DescribeVpnConn item with both id generations and lower-case values
            // WHEN read through the table
            const read = fromApiResponse(
                SCHEMA,
                {
                    unVpcId: "vpc-emu00001",
                    vpcId: "gz_vpc_1001",
                    unVpnGwId: "vpngw-emu0001",
                    vpnGwId: 2001,
                    unUserGwId: "cgw-emu0001",
                    vpnConnName: "office",
                    preSharedKey: "psk",
                    destinationCidr: ["192.168.0.0/24"],
                    spd: [{ LocalCidrBlock: "10.0.0.0/24", RemoteCidrBlock: ["192.168.0.0/24"] }],
                    IKESet: { propoEncryAlgorithm: "3des-cbc", propoAuthenAlgorithm: "sha", dhGroupName: "group2", ikeSaLifetimeSeconds: "86400", localFqdnName: null },
                    IPsecSet: { encryptAlgorithm: "aes-cbc-128", integrityAlgorith: "sha", pfsDhGroup: "null" },
                },
                API_2,
            );
            // THEN the "un" ids and canonical spellings are read, as from API 3.0
            assert.equal(read.vpcId, "vpc-emu00001");
            assert.equal(read.vpnGatewayId, "vpngw-emu0001");
            assert.equal(read.customerGatewayId, "cgw-emu0001");
            assert.deepEqual(read.ikeOptions, { propoEncryAlgorithm: "3DES-CBC", propoAuthenAlgorithm: "SHA", dhGroupName: "GROUP2", ikeSaLifetimeSeconds: 86400 });
            assert.deepEqual(read.ipsecOptions, { encryptAlgorithm: "AES-CBC-128", integrityAlgorithm: "SHA1", pfsDhGroup: "NULL" });
            assert.deepEqual(read.securityPolicyDatabases, [{ localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] }]);
        });

        it("can read an API 2.0 value named like an Object.prototype member as a plain value", () => {
            // GIVEN a DescribeVpnConn item whose algorithm is "constructor" (not a rename of the table)
            // WHEN read through the table
            const read = fromApiResponse(SCHEMA, { IPsecSet: { integrityAlgorith: "constructor" } }, API_2);
            // THEN it reads as the upper-cased text, which diff then reports as drift
            assert.equal((read.ipsecOptions as Props).integrityAlgorithm, "CONSTRUCTOR");
        });
    });
});
