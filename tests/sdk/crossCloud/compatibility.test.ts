import { strict as assert } from "assert";
import { checkIpsecCompatibility } from "../../../sdk/crossCloud/compatibility";
import { fromNeutral, toNeutral } from "../../../sdk/crossCloud/vocabulary";

const ALI = {
    localSubnets: ["172.16.0.0/16"], remoteSubnets: ["10.0.0.0/16"], preSharedKey: "Psk-1", enableDpd: false,
    ikeConfig: { ikeVersion: "ikev2", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14", ikeLifetime: 86400, localId: "203.0.113.21" },
    ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14", ipsecLifetime: 3600 },
};
const TC = {
    preSharedKey: "Psk-1",
    securityPolicyDatabases: [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["172.16.0.0/16"] }],
    ikeOptions: { ikeVersion: "IKEV2", propoEncryAlgorithm: "AES-CBC-256", propoAuthenAlgorithm: "SHA-256", dhGroupName: "GROUP14", ikeSaLifetimeSeconds: 86400, remoteAddress: "203.0.113.21" },
    ipsecOptions: { encryptAlgorithm: "AES-CBC-256", integrityAlgorithm: "SHA-256", pfsDhGroup: "DH-GROUP14", ipsecSaLifetimeSeconds: 3600 },
};
const fields = (a: object, t: object) => checkIpsecCompatibility(a, t).mismatches.map((m) => m.field);

describe("sdk/crossCloud: the translation table and checkIpsecCompatibility", () => {
    it("can translate both ways, naming what a cloud cannot express", () => {
        assert.equal(toNeutral("ikeEncryption", "alicloud", "aes"), "aes128");
        assert.equal(fromNeutral("ikeEncryption", "tencentcloud", "aes128"), "AES-CBC-128");
        assert.equal(toNeutral("ikeIntegrity", "tencentcloud", "SHA"), "sha1");
        assert.equal(fromNeutral("ikeIntegrity", "alicloud", "sha1"), "sha1");
        assert.equal(toNeutral("pfs", "tencentcloud", "NULL"), "none");
        assert.equal(fromNeutral("pfs", "alicloud", "none"), "disabled");
        assert.equal(fromNeutral("ikeEncryption", "alicloud", toNeutral("ikeEncryption", "tencentcloud", "SM4")!), undefined);
        assert.equal(fromNeutral("ikeIntegrity", "tencentcloud", "sha384"), undefined);
    });

    it("can find mirrored sides compatible", () => {
        assert.deepEqual(checkIpsecCompatibility(ALI, TC), { compatible: true, mismatches: [] });
    });

    it("fails when the proposals differ, with a fix in the other cloud's spelling", () => {
        const report = checkIpsecCompatibility({ ...ALI, ikeConfig: { ...ALI.ikeConfig, ikeEncAlg: "aes" } }, TC);
        assert.equal(report.compatible, false);
        assert.deepEqual(report.mismatches.map((m) => m.field), ["ike.encryption"]);
        assert.match(report.mismatches[0].fix, /AES-CBC-128/);
    });

    it("fails when a value cannot be expressed by the other cloud", () => {
        const m = checkIpsecCompatibility(ALI, { ...TC, ipsecOptions: { ...TC.ipsecOptions, encryptAlgorithm: "SM4" } }).mismatches;
        assert.deepEqual(m.map((x) => x.field), ["ipsec.encryption"]);
        assert.match(m[0].fix, /cannot express/);
    });

    it("fails on the defaults, which differ between the clouds", () => {
        assert.ok(fields({ localSubnets: ALI.localSubnets, remoteSubnets: ALI.remoteSubnets }, { securityPolicyDatabases: TC.securityPolicyDatabases }).includes("ike.integrity"));
    });

    it("fails when lifetimes differ under IKEv1 only, or lie outside the other cloud's range", () => {
        const v1 = (a: any, t: any) => [{ ...ALI, ikeConfig: { ...ALI.ikeConfig, ikeVersion: "ikev1" } }, { ...TC, ikeOptions: { ...TC.ikeOptions, ikeVersion: "IKEV1" } }].map((s, i) => ({ ...s, ...(i ? t : a) }));
        const [a1, t1] = v1({}, { ipsecOptions: { ...TC.ipsecOptions, ipsecSaLifetimeSeconds: 7200 } });
        assert.deepEqual(fields(a1, t1), ["ipsec.lifetime"]);
        assert.deepEqual(fields(ALI, { ...TC, ipsecOptions: { ...TC.ipsecOptions, ipsecSaLifetimeSeconds: 7200 } }), []);
        assert.deepEqual(fields(ALI, { ...TC, ipsecOptions: { ...TC.ipsecOptions, ipsecSaLifetimeSeconds: 172800 } }), ["ipsec.lifetime"]);
    });

    it("fails when the PSKs differ, never quoting them", () => {
        const m = checkIpsecCompatibility(ALI, { ...TC, preSharedKey: "Other" }).mismatches;
        assert.deepEqual(m, [{ field: "preSharedKey", alicloud: "[secret]", tencentcloud: "[secret]", fix: "give both connections the same preSharedKey" }]);
    });

    it("fails when identities do not face each other", () => {
        assert.deepEqual(fields(ALI, { ...TC, ikeOptions: { ...TC.ikeOptions, remoteAddress: "203.0.113.99" } }), ["identity.alicloudLocal"]);
    });

    it("fails when subnets are not mirror images or overlap", () => {
        assert.deepEqual(fields({ ...ALI, remoteSubnets: ["10.1.0.0/16"] }, TC), ["subnets"]);
        assert.ok(fields({ ...ALI, localSubnets: ["10.0.0.0/8"] }, TC).includes("subnets"));
        assert.deepEqual(fields(ALI, { ...TC, securityPolicyDatabases: undefined, routeType: "StaticRoute" }), ["subnets"]);
    });

    it("fails when DPD is on at one side only", () => {
        assert.deepEqual(fields({ ...ALI, enableDpd: true }, TC), ["dpd"]);
    });

    it("fails on BGP on one side, other tunnel addresses or equal ASNs", () => {
        const aliBgp = { ...ALI, localSubnets: ["0.0.0.0/0"], remoteSubnets: ["0.0.0.0/0"], bgpConfig: { enableBgp: true, localAsn: 45104, tunnelCidr: "169.254.20.0/30", localBgpIp: "169.254.20.1" } };
        const tcBgp = { ...TC, securityPolicyDatabases: undefined, routeType: "Bgp", bgpConfig: { tunnelCidr: "169.254.20.0/30", localBgpIp: "169.254.20.2", remoteBgpIp: "169.254.20.1" } };
        assert.deepEqual(fields(aliBgp, tcBgp), []);
        assert.deepEqual(fields(aliBgp, { ...tcBgp, routeType: "StaticRoute" }), ["bgp"]);
        assert.deepEqual(fields(aliBgp, { ...tcBgp, bgpConfig: { ...tcBgp.bgpConfig, localBgpIp: "169.254.20.1", remoteBgpIp: "169.254.20.2" } }), ["bgp.alicloudAddress", "bgp.tencentcloudAddress"]);
        assert.deepEqual(fields(aliBgp, { ...tcBgp, bgpLocalAsn: "45104", bgpRemoteAsn: "45104" }), ["bgp.asn"]);
        assert.deepEqual(fields(aliBgp, { ...tcBgp, bgpRemoteAsn: "65001" }), ["bgp.alicloudAsn"]);
    });
});
