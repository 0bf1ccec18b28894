import assert from "node:assert/strict";
import { AliApiError } from "../../../emulator/alicloud/errors";
import {
    checkRegion,
    parseBooleanParam,
    parseClientToken,
    parseCreateConnectionRequest,
    parseModifyConnectionRequest,
    parseName,
    parsePaging,
    parseSubnetList,
} from "../../../emulator/alicloud/validation";

/** A valid CreateVpnConnection parameter set. */
const CREATE = {
    RegionId: "cn-hangzhou",
    VpnGatewayId: "vpn-emu00000000000001",
    CustomerGatewayId: "cgw-emu00000000000001",
    LocalSubnet: "10.0.0.0/24",
    RemoteSubnet: "192.168.0.0/24",
};

/** Asserts `fn` throws an AliApiError with `code`, HTTP `status`, and a message matching `message`. */
function throwsAli(fn: () => unknown, code: string, message?: RegExp, status = 400): AliApiError {
    let caught: unknown;
    assert.throws(fn, (error) => {
        caught = error;
        return error instanceof AliApiError;
    });
    const error = caught as AliApiError;
    assert.equal(error.code, code, error.message);
    assert.equal(error.httpStatus, status);
    if (message) {
        assert.match(error.message, message);
    }
    return error;
}

describe("checkRegion", () => {
    it("fails when RegionId is missing", () => {
        // WHEN / THEN
        throwsAli(() => checkRegion({}), "MissingRegionId", /RegionId/);
    });

    it("fails when RegionId is not the emulator's region", () => {
        // WHEN / THEN
        throwsAli(() => checkRegion({ RegionId: "cn-beijing" }), "InvalidRegionId.NotFound", /cn-beijing/);
    });

    it("can accept the fixture region", () => {
        // WHEN / THEN
        assert.doesNotThrow(() => checkRegion({ RegionId: "cn-hangzhou" }));
    });
});

describe("parseCreateConnectionRequest", () => {
    it("can parse a minimal request, leaving every optional setting undefined", () => {
        // WHEN
        const request = parseCreateConnectionRequest(CREATE);
        // THEN
        assert.equal(request.vpnGatewayId, CREATE.VpnGatewayId);
        assert.equal(request.localSubnet, "10.0.0.0/24");
        assert.equal(request.ikeConfig, undefined);
        assert.equal(request.effectImmediately, undefined);
        assert.equal(request.dryRun, false);
    });

    for (const name of ["VpnGatewayId", "CustomerGatewayId", "LocalSubnet", "RemoteSubnet"]) {
        it(`fails when ${name} is missing`, () => {
            // GIVEN
            const params: Record<string, string> = { ...CREATE };
            delete params[name];
            // WHEN / THEN
            throwsAli(() => parseCreateConnectionRequest(params), `Missing${name}`, new RegExp(name));
        });
    }

    it("fails when LocalSubnet is malformed, with the documented message", () => {
        // WHEN / THEN
        throwsAli(() => parseCreateConnectionRequest({ ...CREATE, LocalSubnet: "10.0.0.0/24,10.0.1/24" }), "IllegalParam.LocalSubnet", /^The specified "LocalSubnet" \(10\.0\.0\.0\/24,10\.0\.1\/24\) is invalid$/);
    });

    it("can accept a RemoteSubnet that overlaps LocalSubnet: the API reference documents no rule between them", () => {
        // WHEN
        const request = parseCreateConnectionRequest({ ...CREATE, LocalSubnet: "10.0.0.0/16", RemoteSubnet: "10.0.1.0/24" });
        // THEN
        assert.equal(request.remoteSubnet, "10.0.1.0/24");
    });

    it("fails when RemoteSubnet is malformed", () => {
        // WHEN / THEN
        throwsAli(() => parseCreateConnectionRequest({ ...CREATE, RemoteSubnet: "192.168.0.0/24," }), "IllegalParam.RemoteSubnet", /"RemoteSubnet"/);
    });

    it("can parse every IkeConfig key at its documented values", () => {
        // GIVEN
        const ike = { Psk: "Ab1~!`@#$%^&*()_-+={}[]\\|;:\",.<>/?", IkeVersion: "ikev2", IkeMode: "aggressive", IkeEncAlg: "aes256", IkeAuthAlg: "sha384", IkePfs: "group14", IkeLifetime: 0, LocalId: "vpn.example.com", RemoteId: "198.51.100.1" };
        // WHEN
        const request = parseCreateConnectionRequest({ ...CREATE, IkeConfig: JSON.stringify(ike) });
        // THEN
        assert.deepEqual(request.ikeConfig, ike);
    });

    it("can accept IkeLifetime as a string of digits and return it as a number", () => {
        // WHEN
        const request = parseCreateConnectionRequest({ ...CREATE, IkeConfig: '{"IkeLifetime":"86400"}' });
        // THEN
        assert.equal(request.ikeConfig?.IkeLifetime, 86400);
    });

    const invalidBlocks: Array<[param: string, json: string, key: string]> = [
        ["IkeConfig", "[object Object]", "IkeConfig"],
        ["IkeConfig", "[1]", "IkeConfig"],
        ["IkeConfig", '{"ike_enc_alg":"aes"}', "IkeConfig.ike_enc_alg"],
        ["IkeConfig", '{"IkeVersion":"ikev3"}', "IkeConfig.IkeVersion"],
        ["IkeConfig", '{"IkeMode":"Main"}', "IkeConfig.IkeMode"],
        ["IkeConfig", '{"IkeEncAlg":"sm4"}', "IkeConfig.IkeEncAlg"],
        ["IkeConfig", '{"IkeAuthAlg":"sha386"}', "IkeConfig.IkeAuthAlg"],
        ["IkeConfig", '{"IkePfs":"group15"}', "IkeConfig.IkePfs"],
        ["IkeConfig", '{"IkeLifetime":86401}', "IkeConfig.IkeLifetime"],
        ["IkeConfig", '{"IkeLifetime":-1}', "IkeConfig.IkeLifetime"],
        ["IkeConfig", '{"IkeLifetime":1.5}', "IkeConfig.IkeLifetime"],
        ["IkeConfig", '{"LocalId":"has space"}', "IkeConfig.LocalId"],
        ["IkeConfig", `{"RemoteId":"${"x".repeat(101)}"}`, "IkeConfig.RemoteId"],
        ["IkeConfig", '{"Psk":null}', "IkeConfig.Psk"],
        ["IpsecConfig", '{"IpsecPfs":"group24"}', "IpsecConfig.IpsecPfs"],
        ["IpsecConfig", '{"IpsecEncAlg":"AES"}', "IpsecConfig.IpsecEncAlg"],
        ["IpsecConfig", '{"IpsecAuthAlg":"sha3"}', "IpsecConfig.IpsecAuthAlg"],
        ["IpsecConfig", '{"IpsecLifetime":90000}', "IpsecConfig.IpsecLifetime"],
        ["IpsecConfig", '{"IkeEncAlg":"aes"}', "IpsecConfig.IkeEncAlg"],
        ["HealthCheckConfig", '{"Enable":"true"}', "HealthCheckConfig.Enable"],
        ["HealthCheckConfig", '{"enable":"yes"}', "HealthCheckConfig.enable"],
        ["HealthCheckConfig", '{"dip":"10.0.0.300"}', "HealthCheckConfig.dip"],
        ["HealthCheckConfig", '{"interval":"0"}', "HealthCheckConfig.interval"],
        ["BgpConfig", '{"LocalAsn":"0"}', "BgpConfig.LocalAsn"],
        ["BgpConfig", '{"TunnelCidr":"169.254.1.0/30"}', "BgpConfig.TunnelCidr"],
        ["BgpConfig", '{"TunnelCidr":"10.0.0.0/30"}', "BgpConfig.TunnelCidr"],
        ["BgpConfig", '{"TunnelCidr":"169.254.11.0/29"}', "BgpConfig.TunnelCidr"],
        ["BgpConfig", '{"TunnelCidr":"169.254.11.0/30","LocalBgpIp":"169.254.12.1"}', "BgpConfig.LocalBgpIp"],
    ];
    for (const [param, json, key] of invalidBlocks) {
        it(`fails when ${param} is ${json.length > 40 ? json.slice(0, 40) + "…" : json}, naming ${key}`, () => {
            // WHEN / THEN
            throwsAli(() => parseCreateConnectionRequest({ ...CREATE, [param]: json }), "InvalidParameter", new RegExp(`"${key.replace(/\./g, "\\.")}"`));
        });
    }

    it("fails when the Psk contains a space, without echoing the Psk", () => {
        // WHEN
        const error = throwsAli(() => parseCreateConnectionRequest({ ...CREATE, IkeConfig: '{"Psk":"Top Secret"}' }), "InvalidParameter", /"IkeConfig\.Psk"/);
        // THEN
        assert.doesNotMatch(error.message, /Top Secret/);
    });

    it("fails when the Psk is empty or longer than 100 characters", () => {
        // WHEN / THEN
        throwsAli(() => parseCreateConnectionRequest({ ...CREATE, IkeConfig: '{"Psk":""}' }), "InvalidParameter", /IkeConfig\.Psk/);
        throwsAli(() => parseCreateConnectionRequest({ ...CREATE, IkeConfig: `{"Psk":"${"a".repeat(101)}"}` }), "InvalidParameter", /IkeConfig\.Psk/);
    });

    it("can parse the documented HealthCheckConfig example with string values", () => {
        // WHEN
        const request = parseCreateConnectionRequest({ ...CREATE, HealthCheckConfig: '{"enable":"true","dip":"192.168.10.1","sip":"10.10.1.1","interval":"3","retry":"3"}' });
        // THEN
        assert.deepEqual(request.healthCheck, { enable: true, dip: "192.168.10.1", sip: "10.10.1.1", interval: 3, retry: 3 });
    });

    it("can parse the documented BgpConfig example, including an a.b LocalAsn", () => {
        // WHEN
        const request = parseCreateConnectionRequest({ ...CREATE, BgpConfig: '{"EnableBgp":"true","LocalAsn":"123.456","TunnelCidr":"169.254.11.0/30","LocalBgpIp":"169.254.11.1"}' });
        // THEN
        assert.deepEqual(request.bgpConfig, { EnableBgp: true, LocalAsn: 8061384, TunnelCidr: "169.254.11.0/30", LocalBgpIp: "169.254.11.1" });
    });

    it("fails when a Boolean parameter is not exactly true or false", () => {
        // WHEN / THEN
        for (const name of ["EffectImmediately", "EnableDpd", "EnableNatTraversal", "AutoConfigRoute", "DryRun"]) {
            throwsAli(() => parseCreateConnectionRequest({ ...CREATE, [name]: "undefined" }), "InvalidParameter", new RegExp(`"${name}"`));
        }
    });

    it("fails when Name is invalid", () => {
        // WHEN / THEN
        throwsAli(() => parseCreateConnectionRequest({ ...CREATE, Name: "https://x" }), "InvalidName");
    });
});

describe("parseModifyConnectionRequest", () => {
    const MODIFY = { RegionId: "cn-hangzhou", VpnConnectionId: "vco-1", LocalSubnet: "10.0.0.0/24", RemoteSubnet: "192.168.0.0/24" };

    it("can leave LocalSubnet and RemoteSubnet out: both are optional on Modify", () => {
        // GIVEN
        const { LocalSubnet: _local, RemoteSubnet: _remote, ...withoutSubnets } = MODIFY;
        // WHEN
        const request = parseModifyConnectionRequest(withoutSubnets);
        // THEN
        assert.equal(request.localSubnet, undefined);
        assert.equal(request.remoteSubnet, undefined);
    });

    it("fails when a given LocalSubnet or RemoteSubnet is empty", () => {
        // WHEN / THEN
        throwsAli(() => parseModifyConnectionRequest({ ...MODIFY, LocalSubnet: "" }), "IllegalParam.LocalSubnet", /LocalSubnet/);
        throwsAli(() => parseModifyConnectionRequest({ ...MODIFY, RemoteSubnet: "" }), "IllegalParam.RemoteSubnet", /RemoteSubnet/);
    });

    it("fails when VpnConnectionId is missing", () => {
        // GIVEN
        const { VpnConnectionId: _omitted, ...params } = MODIFY;
        // WHEN / THEN
        throwsAli(() => parseModifyConnectionRequest(params), "MissingVpnConnectionId");
    });

    it("can parse a partial IkeConfig", () => {
        // WHEN
        const request = parseModifyConnectionRequest({ ...MODIFY, IkeConfig: '{"IkeEncAlg":"3des"}' });
        // THEN
        assert.deepEqual(request.ikeConfig, { IkeEncAlg: "3des" });
    });
});

describe("parseName", () => {
    it("can accept 1 to 100 characters, including Chinese", () => {
        // WHEN / THEN
        assert.equal(parseName("v"), "v");
        assert.equal(parseName("vpn连接测试"), "vpn连接测试");
        assert.equal(parseName("n".repeat(100)).length, 100);
    });

    it("fails when empty, longer than 100, or starting with http:// or https://", () => {
        // WHEN / THEN
        for (const bad of ["", "n".repeat(101), "http://x", "https://x"]) {
            throwsAli(() => parseName(bad), "InvalidName", /The name is not valid/);
        }
    });
});

describe("parseSubnetList", () => {
    it("can accept one or more comma-separated IPv4 CIDRs, kept as given", () => {
        // WHEN / THEN
        assert.equal(parseSubnetList("LocalSubnet", "0.0.0.0/0"), "0.0.0.0/0");
        assert.equal(parseSubnetList("RemoteSubnet", "1.1.1.0/24,1.1.2.0/24"), "1.1.1.0/24,1.1.2.0/24");
    });

    it("fails when an item has a space, is an address without prefix, or is IPv6", () => {
        // WHEN / THEN
        for (const bad of ["1.1.1.0/24, 1.1.2.0/24", "1.1.1.1", "fd00::/8", ""]) {
            throwsAli(() => parseSubnetList("LocalSubnet", bad), "IllegalParam.LocalSubnet");
        }
    });
});

describe("parseClientToken", () => {
    it("can accept up to 64 printable ASCII characters, empty meaning none", () => {
        // WHEN / THEN
        assert.equal(parseClientToken({ ClientToken: "t".repeat(64) }), "t".repeat(64));
        assert.equal(parseClientToken({ ClientToken: "" }), undefined);
        assert.equal(parseClientToken({}), undefined);
    });

    it("fails when longer than 64 or not ASCII", () => {
        // WHEN / THEN
        throwsAli(() => parseClientToken({ ClientToken: "t".repeat(65) }), "InvalidParameter", /"ClientToken"/);
        throwsAli(() => parseClientToken({ ClientToken: "令牌" }), "InvalidParameter", /"ClientToken"/);
    });
});

describe("parsePaging", () => {
    it("can default PageNumber to 1 and PageSize to 10", () => {
        // WHEN / THEN
        assert.deepEqual(parsePaging({}), { pageNumber: 1, pageSize: 10 });
        assert.deepEqual(parsePaging({ PageNumber: "3", PageSize: "50" }), { pageNumber: 3, pageSize: 50 });
    });

    it("fails when PageSize is outside 1–50 or PageNumber below 1", () => {
        // WHEN / THEN
        throwsAli(() => parsePaging({ PageSize: "51" }), "InvalidParameter", /"PageSize"/);
        throwsAli(() => parsePaging({ PageSize: "0" }), "InvalidParameter", /"PageSize"/);
        throwsAli(() => parsePaging({ PageNumber: "0" }), "InvalidParameter", /"PageNumber"/);
        throwsAli(() => parsePaging({ PageNumber: "x" }), "InvalidParameter", /"PageNumber"/);
    });
});

describe("parseBooleanParam", () => {
    it("can read true, false and absent", () => {
        // WHEN / THEN
        assert.equal(parseBooleanParam({ A: "true" }, "A"), true);
        assert.equal(parseBooleanParam({ A: "false" }, "A"), false);
        assert.equal(parseBooleanParam({}, "A"), undefined);
    });
});
