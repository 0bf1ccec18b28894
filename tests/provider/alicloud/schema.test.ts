import assert from "node:assert/strict";
import { toApiRequest } from "../../../provider/core/apiMapping";
import { checkInputs } from "../../../provider/core/check";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";

const VALID = {
    region: "cn-hangzhou",
    vpnGatewayId: "vpn-1",
    customerGatewayId: "cgw-1",
    localSubnets: ["10.0.0.0/16"],
    remoteSubnets: ["192.168.0.0/24"],
};

const failuresFor = (extra: Record<string, unknown>) => checkInputs(VPN_CONNECTION_SCHEMA, { ...VALID, ...extra }).failures;

describe("alicloud VPN_CONNECTION_SCHEMA", () => {
    it("can fill every API default (md5, not Terraform's old sha1)", () => {
        // GIVEN only the required inputs
        // WHEN checked
        const { inputs, failures } = checkInputs(VPN_CONNECTION_SCHEMA, VALID);
        // THEN the documented API defaults are in place
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs.ikeConfig, { ikeVersion: "ikev1", ikeMode: "main", ikeEncAlg: "aes", ikeAuthAlg: "md5", ikePfs: "group2", ikeLifetime: 86400 });
        assert.deepEqual(inputs.ipsecConfig, { ipsecEncAlg: "aes", ipsecAuthAlg: "md5", ipsecPfs: "group2", ipsecLifetime: 86400 });
        assert.deepEqual(inputs.healthCheckConfig, { enable: false, interval: 3, retry: 3 });
        assert.equal(inputs.effectImmediately, false);
        assert.equal(inputs.enableDpd, true);
        assert.equal(inputs.preSharedKey, undefined);
    });

    const cases: [string, Record<string, unknown>, string, RegExp][] = [
        ["IKE lifetime above 86400", { ikeConfig: { ikeLifetime: 86401 } }, "ikeConfig.ikeLifetime", /between 0 and 86400/],
        ["IPsec PFS unknown", { ipsecConfig: { ipsecPfs: "group24" } }, "ipsecConfig.ipsecPfs", /disabled, group1, group2, group5, group14/],
        ["auth algorithm misspelt as in Terraform (sha386)", { ikeConfig: { ikeAuthAlg: "sha386" } }, "ikeConfig.ikeAuthAlg", /sha384/],
        ["PSK holds a space", { preSharedKey: "a b" }, "preSharedKey", /whitespace/],
        ["PSK is longer than 100", { preSharedKey: "x".repeat(101) }, "preSharedKey", /at most 100/],
        ["PSK has a character outside the charset", { preSharedKey: "abc€" }, "preSharedKey", /may contain only/],
        ["name starts with http://", { name: "http://x" }, "name", /must not start with http/],
        ["name is longer than 100", { name: "n".repeat(101) }, "name", /at most 100/],
        ["local id holds a space", { ikeConfig: { localId: "a b" } }, "ikeConfig.localId", /whitespace/],
        ["subnet is not canonical", { localSubnets: ["10.0.0.1/16"] }, "localSubnets[0]", /10\.0\.0\.0\/16/],
        ["more than 10 subnets", { remoteSubnets: Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/16`) }, "remoteSubnets", /at most 10/],
        ["no subnets", { remoteSubnets: [] }, "remoteSubnets", /at least 1/],
        ["health check on without addresses", { healthCheckConfig: { enable: true } }, "healthCheckConfig", /dip.*sip/],
        ["health check address is not an IP", { healthCheckConfig: { dip: "host" } }, "healthCheckConfig.dip", /IPv4 address/],
        ["boolean given as a string", { enableDpd: "true" }, "enableDpd", /true or false/],
        ["gateway id missing", { vpnGatewayId: undefined }, "vpnGatewayId", /required/],
    ];
    for (const [what, extra, property, reason] of cases) {
        it(`fails when ${what}`, () => {
            // GIVEN an otherwise valid connection
            // WHEN the bad input is checked
            const failures = failuresFor(extra);
            // THEN exactly that property is named with what is allowed
            assert.deepEqual(failures.map((f) => f.property), [property]);
            assert.match(failures[0].reason, reason);
        });
    }

    it("can accept local and remote subnets that overlap: CreateVpnConnection documents no rule between them (Tencent Cloud's SPD does)", () => {
        // GIVEN a remote subnet inside the local one
        // WHEN checked
        const failures = failuresFor({ localSubnets: ["10.0.0.0/16"], remoteSubnets: ["10.0.1.0/24"] });
        // THEN nothing is refused
        assert.deepEqual(failures, []);
    });

    it("can map inputs to CreateVpnConnection parameters", () => {
        // GIVEN checked inputs with a PSK and unordered subnets
        const { inputs } = checkInputs(VPN_CONNECTION_SCHEMA, { ...VALID, preSharedKey: "s3cret!", localSubnets: ["10.1.0.0/16", "10.0.0.0/16"], name: "office" });
        // WHEN mapped to the API
        const request = toApiRequest(VPN_CONNECTION_SCHEMA, inputs);
        // THEN the JSON blocks and comma lists are as the API documents them
        assert.equal(request.LocalSubnet, "10.0.0.0/16,10.1.0.0/16");
        assert.equal(request.RegionId, "cn-hangzhou");
        assert.deepEqual(request.IkeConfig, { Psk: "s3cret!", IkeVersion: "ikev1", IkeMode: "main", IkeEncAlg: "aes", IkeAuthAlg: "md5", IkePfs: "group2", IkeLifetime: 86400 });
        assert.deepEqual(request.HealthCheckConfig, { enable: "false", interval: "3", retry: "3" });
        assert.equal(request.idempotencyKey, undefined);
    });
});
