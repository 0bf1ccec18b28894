import assert from "node:assert/strict";
import { cidrContains, networkOf, parseIpv4, parseIpv4Cidr } from "../../../emulator/core/ipv4";
import {
    randomHealthCheckIps,
    resolveDpd,
    resolveHealthCheck,
    resolveIke,
    resolveIpsec,
    validateBgp,
    validateHealthCheckConfig,
    validateName,
    validateSpd,
    validateTags,
} from "../../../emulator/tencentcloud/blocks";
import { VPN_GATEWAYS } from "../../../emulator/tencentcloud/fixtures";
import { IKE_DEFAULTS, IPSEC_DEFAULTS, type IkeOptions } from "../../../emulator/tencentcloud/model";
import { thrownTencentError as thrown } from "./support";

const GATEWAY_2_0 = VPN_GATEWAYS.find((g) => g.version === "2.0")!;
const GATEWAY_4_0 = VPN_GATEWAYS.find((g) => g.version === "4.0")!;
const IKE_BASE: IkeOptions = { ...IKE_DEFAULTS, LocalAddress: "203.0.113.11", RemoteAddress: "198.51.100.11" };

describe("blocks", () => {
    describe("randomHealthCheckIps", () => {
        it("can pick two distinct hosts inside 169.254.128.0/17", () => {
            // GIVEN
            const block = parseIpv4Cidr("169.254.128.0/17")!;
            const edges = new Set([networkOf(block), networkOf(block) + 32767]);
            // WHEN
            const picks = Array.from({ length: 200 }, () => randomHealthCheckIps());
            // THEN
            for (const { local, remote } of picks) {
                assert.notEqual(local, remote);
                for (const address of [parseIpv4(local)!, parseIpv4(remote)!]) {
                    assert.ok(cidrContains(block, address) && !edges.has(address), `${local} ${remote}`);
                }
            }
        });
    });

    describe("validateSpd", () => {
        it("can keep well-formed entries as given", () => {
            // WHEN
            const spd = validateSpd([{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.1.0/24", "192.168.2.0/24"] }]);
            // THEN
            assert.deepEqual(spd, [{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.1.0/24", "192.168.2.0/24"] }]);
        });

        it("fails when an entry names an unknown field, with its index in the path", () => {
            // WHEN
            const e = thrown(() => validateSpd([{ LocalCidrBlock: "10.0.0.0/16", RemoteCidrBlock: ["192.168.1.0/24"] }, { Local: "x" }]));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["UnknownParameter", "SecurityPolicyDatabases.1.Local"]);
        });

        it("fails when a remote CIDR overlaps the local one, with VpnConnSpdCidrConflict naming it", () => {
            // WHEN
            const e = thrown(() => validateSpd([{ LocalCidrBlock: "10.0.0.9/24", RemoteCidrBlock: ["192.168.1.0/24", "10.0.0.128/25"] }]));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.VpnConnSpdCidrConflict");
            assert.match(e.message, /10\.0\.0\.128\/25/);
        });
    });

    describe("resolveIke", () => {
        it("can replace the given fields and keep the rest of the base", () => {
            // WHEN
            const ike = resolveIke({ DhGroupName: "GROUP14", IKEVersion: "IKEV2" }, IKE_BASE, GATEWAY_2_0);
            // THEN
            assert.deepEqual(ike, { ...IKE_BASE, DhGroupName: "GROUP14", IKEVersion: "IKEV2" });
        });

        it("can default an ADDRESS local identity to the gateway's public IP", () => {
            // WHEN
            const ike = resolveIke({ RemoteAddress: "198.51.100.99" }, { ...IKE_BASE, LocalAddress: "" }, GATEWAY_2_0);
            // THEN
            assert.equal(ike.LocalAddress, GATEWAY_2_0.publicIpAddress);
        });

        it("fails when a GCM algorithm is asked of a pre-4.0 gateway, and can accept it on a 4.0 one", () => {
            // WHEN
            const e = thrown(() => resolveIke({ PropoEncryAlgorithm: "AES128GCM128" }, IKE_BASE, GATEWAY_2_0));
            const on4 = resolveIke({ PropoEncryAlgorithm: "AES128GCM128" }, IKE_BASE, GATEWAY_4_0);
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["UnsupportedOperation", "IKEOptionsSpecification.PropoEncryAlgorithm"]);
            assert.equal(on4.PropoEncryAlgorithm, "AES128GCM128");
        });
    });

    describe("resolveIpsec", () => {
        it("can read the misspelt IntegrityAlgorith as IntegrityAlgorithm", () => {
            // WHEN
            const ipsec = resolveIpsec({ IntegrityAlgorith: "MD5" }, { ...IPSEC_DEFAULTS }, GATEWAY_2_0);
            // THEN
            assert.equal(ipsec.IntegrityAlgorithm, "MD5");
        });

        it("fails when both spellings disagree", () => {
            // WHEN
            const e = thrown(() => resolveIpsec({ IntegrityAlgorith: "MD5", IntegrityAlgorithm: "SHA1" }, { ...IPSEC_DEFAULTS }, GATEWAY_2_0));
            // THEN
            assert.equal(e.code, "InvalidParameterValue");
        });
    });

    describe("resolveDpd", () => {
        it("can keep the base timeout when DPD stays on and none is given", () => {
            // WHEN
            const dpd = resolveDpd({ DpdAction: "clear" }, { DpdEnable: 1, DpdTimeout: "45", DpdAction: "restart" });
            // THEN
            assert.deepEqual(dpd, { DpdEnable: 1, DpdTimeout: "45", DpdAction: "clear" });
        });

        it("fails when DpdTimeout is not a number of seconds", () => {
            // WHEN
            const e = thrown(() => resolveDpd({ DpdEnable: 1, DpdTimeout: "40s" }, { DpdEnable: 0, DpdTimeout: "", DpdAction: "restart" }));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["InvalidParameterValue.Malformed", "DpdTimeout"]);
        });
    });

    describe("validateBgp", () => {
        it("can accept a /30 holding both BGP addresses", () => {
            // WHEN
            const bgp = validateBgp({ TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" });
            // THEN
            assert.deepEqual(bgp, { TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.2" });
        });

        it("fails when both BGP addresses are the same", () => {
            // WHEN
            const e = thrown(() => validateBgp({ TunnelCidr: "169.254.10.0/30", LocalBgpIp: "169.254.10.1", RemoteBgpIp: "169.254.10.1" }));
            // THEN
            assert.equal(e.code, "InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported");
        });

        it("fails when a BGP address is not an IPv4 address", () => {
            // WHEN
            const e = thrown(() => validateBgp({ TunnelCidr: "169.254.10.0/30", LocalBgpIp: "peer", RemoteBgpIp: "169.254.10.2" }));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["InvalidParameterValue.Malformed", "BgpConfig.LocalBgpIp"]);
        });
    });

    describe("validateHealthCheckConfig", () => {
        it("can merge given probe settings over the base", () => {
            // WHEN
            const config = validateHealthCheckConfig({ ProbeThreshold: 5 }, { ProbeType: "NQA", ProbeInterval: 2000 });
            // THEN
            assert.deepEqual(config, { ProbeType: "NQA", ProbeInterval: 2000, ProbeThreshold: 5 });
        });

        it("fails when the probe timeout is out of 10–5000 ms", () => {
            // WHEN
            const e = thrown(() => validateHealthCheckConfig({ ProbeTimeout: 5001 }, null));
            // THEN
            assert.deepEqual([e.code, e.detail.field], ["InvalidParameterValue.LimitExceeded", "HealthCheckConfig.ProbeTimeout"]);
        });
    });

    describe("resolveHealthCheck", () => {
        it("can turn health checks on for a tunnel without SPD", () => {
            // WHEN
            const health = resolveHealthCheck({ EnableHealthCheck: true }, { EnableHealthCheck: false, HealthCheckLocalIp: "169.254.128.1", HealthCheckRemoteIp: "169.254.128.2", HealthCheckConfig: null }, []);
            // THEN
            assert.deepEqual(health, { EnableHealthCheck: true, HealthCheckLocalIp: "169.254.128.1", HealthCheckRemoteIp: "169.254.128.2", HealthCheckConfig: null });
        });
    });

    describe("validateTags and validateName", () => {
        it("can default a tag's Value to the empty string", () => {
            // WHEN / THEN
            assert.deepEqual(validateTags([{ Key: "team" }]), [{ Key: "team", Value: "" }]);
        });

        it("can count the name's length in characters, not UTF-16 units", () => {
            // WHEN / THEN
            assert.equal(validateName("连".repeat(60)), "连".repeat(60));
            assert.equal(validateName("😀".repeat(60)), "😀".repeat(60));
            assert.equal(thrown(() => validateName("😀".repeat(61))).code, "InvalidParameterValue.TooLong");
        });
    });
});
