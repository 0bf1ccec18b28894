import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as presharedKeyHooks from "../../../provider/crossCloud/presharedKey";
import { VPN_CONNECTION_SCHEMA as ALICLOUD_SCHEMA } from "../../../provider/alicloud/schema";
import { VPN_CONNECTION_SCHEMA as TENCENTCLOUD_SCHEMA } from "../../../provider/tencentcloud/schema";
import { checkInputs } from "../../../provider/core/check";
import { CrossCloudHaTunnel, CrossCloudTunnel, CrossCloudTunnelArgs, ProposalError, translateProposal } from "../../../sdk";
import { checkIpsecCompatibility } from "../../../sdk/crossCloud/compatibility";
import { combineTunnelStatus } from "../../../sdk/crossCloud/tunnelStatus";
import { SECRET_SIG, SIG_KEY } from "../../support/propertyMap";

type Registration = pulumi.runtime.MockResourceArgs;

const ALI_TYPE = "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection";
const TC_TYPE = "pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection";
const PSK_TYPE = "pulumi-nodejs:dynamic/pulumi-ipsec/crossCloud:PresharedKey";

const ARGS: CrossCloudTunnelArgs = {
    alicloudVpnGatewayId: "vpn-1",
    alicloudCustomerGatewayId: "cgw-ali-1",
    alicloudVpnGatewayIp: "203.0.113.21",
    tencentcloudVpcId: "vpc-1",
    tencentcloudVpnGatewayId: "vpngw-1",
    tencentcloudCustomerGatewayId: "cgw-tc-1",
    alicloudCidrs: ["172.16.0.0/16", "172.17.0.0/16"],
    tencentcloudCidrs: ["10.0.0.0/16"],
};

/** A secret as setMocks delivers it: `{[SIG_KEY]: SECRET_SIG, value}`. */
const isSecretInput = (value: any): boolean => typeof value === "object" && value !== null && value[SIG_KEY] === SECRET_SIG;
/** Plain inputs: secrets unwrapped (secretness is hoisted to top-level keys under mocks). */
const plain = (inputs: Record<string, any>): Record<string, any> => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, isSecretInput(v) ? v.value : v]));
const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => (output as any).promise();

/**
 * Runs `build` under mocks until `count` dynamic resources are registered. The generated key's
 * hooks run as the engine would run them (check, then create); `states` gives other resources'
 * cloud-reported outputs by name.
 */
async function construct<T>(count: number, build: () => T, states: Record<string, Record<string, unknown>> = {}): Promise<{ built: T; seen: Registration[] }> {
    const seen: Registration[] = [];
    await pulumi.runtime.setMocks(
        {
            async newResource(args) {
                if (args.type.startsWith("pulumi-nodejs:dynamic")) seen.push(args);
                if (args.type === PSK_TYPE) {
                    const checked = await presharedKeyHooks.check({}, plain(args.inputs));
                    const created = await presharedKeyHooks.create(checked.inputs);
                    return { id: created.id, state: created.outs };
                }
                return { id: `${args.name}-id`, state: { ...args.inputs, ...states[args.name] } };
            },
            call: (args) => args.inputs,
        },
        "proj",
        "dev",
        false,
    );
    const built = build();
    const deadline = Date.now() + 20_000;
    while (seen.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(seen.length, count, `${count} registrations within 20 s`);
    return { built, seen };
}

const byType = (seen: Registration[], type: string) => seen.filter((r) => r.type === type);

describe("CrossCloudTunnel", function () {
    this.timeout(30_000);

    it("can mirror the subnets: each side's local CIDRs are the other's remote ones", async () => {
        // GIVEN / WHEN a tunnel between two Alibaba CIDRs and one Tencent CIDR
        const { seen } = await construct(2, () => new CrossCloudTunnel("t", { ...ARGS, preSharedKey: "Given-Key-1" }));
        // THEN Alibaba protects its CIDRs towards Tencent's, and Tencent's policy is the mirror image
        const [ali] = byType(seen, ALI_TYPE).map((r) => plain(r.inputs));
        const [tc] = byType(seen, TC_TYPE).map((r) => plain(r.inputs));
        assert.deepEqual(ali.localSubnets, ["172.16.0.0/16", "172.17.0.0/16"]);
        assert.deepEqual(ali.remoteSubnets, ["10.0.0.0/16"]);
        assert.deepEqual(tc.securityPolicyDatabases, [{ localCidrBlock: "10.0.0.0/16", remoteCidrBlocks: ["172.16.0.0/16", "172.17.0.0/16"] }]);
    });

    it("can translate the default proposal for both sides into ends checkIpsecCompatibility accepts", async () => {
        // GIVEN / WHEN a tunnel with the default proposal
        const { seen } = await construct(2, () => new CrossCloudTunnel("t", { ...ARGS, preSharedKey: "Given-Key-1" }));
        const [ali] = byType(seen, ALI_TYPE).map((r) => plain(r.inputs));
        const [tc] = byType(seen, TC_TYPE).map((r) => plain(r.inputs));
        // THEN each side has the modern IKEv2 suite in its own spelling
        assert.deepEqual(ali.ikeConfig, { ikeVersion: "ikev2", ikeMode: "main", ikeEncAlg: "aes256", ikeAuthAlg: "sha256", ikePfs: "group14", ikeLifetime: 86400, localId: "203.0.113.21" });
        assert.deepEqual(ali.ipsecConfig, { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecPfs: "group14", ipsecLifetime: 3600 });
        assert.deepEqual(tc.ikeOptions, {
            ikeVersion: "IKEV2", exchangeMode: "MAIN", propoEncryAlgorithm: "AES-CBC-256", propoAuthenAlgorithm: "SHA-256", dhGroupName: "GROUP14",
            ikeSaLifetimeSeconds: 86400, remoteIdentity: "ADDRESS", remoteAddress: "203.0.113.21",
        });
        assert.deepEqual(tc.ipsecOptions, { encryptAlgorithm: "AES-CBC-256", integrityAlgorithm: "SHA-256", pfsDhGroup: "DH-GROUP14", ipsecSaLifetimeSeconds: 3600 });
        // AND the two ends are compatible by the package's own check, identities and DPD included
        assert.deepEqual(checkIpsecCompatibility(ali, tc), { compatible: true, mismatches: [] });
    });

    it("can translate a non-default proposal, in neutral names, for both sides", () => {
        // GIVEN a proposal of AES-128, SHA-1, group 5 and no PFS
        const proposal = { ikeVersion: "ikev1", ike: { encryption: "aes128", integrity: "sha1", dhGroup: "group5" }, ipsec: { pfs: "none", lifetimeSeconds: 7200 } };
        // WHEN it is translated
        const t = translateProposal(proposal);
        // THEN each cloud's spelling is used
        assert.equal(t.alicloud.ikeConfig.ikeEncAlg, "aes");
        assert.equal(t.tencentcloud.ikeOptions.propoEncryAlgorithm, "AES-CBC-128");
        assert.equal(t.tencentcloud.ikeOptions.propoAuthenAlgorithm, "SHA");
        assert.equal(t.tencentcloud.ikeOptions.ikeVersion, "IKEV1");
        assert.equal(t.alicloud.ipsecConfig.ipsecPfs, "disabled");
        assert.equal(t.tencentcloud.ipsecOptions.pfsDhGroup, "NULL");
        assert.equal(t.tencentcloud.ipsecOptions.ipsecSaLifetimeSeconds, 7200);
    });

    it("can generate a secret key valid under both clouds' rules, used by both ends", async () => {
        // GIVEN / WHEN a tunnel without a key
        let tunnel: CrossCloudTunnel | undefined;
        const { seen } = await construct(3, () => (tunnel = new CrossCloudTunnel("t", ARGS)));
        // THEN a key resource is a child, and both connections get its value as a secret input
        assert.equal(byType(seen, PSK_TYPE).length, 1);
        const [ali] = byType(seen, ALI_TYPE);
        const [tc] = byType(seen, TC_TYPE);
        assert.ok(isSecretInput(ali.inputs.preSharedKey) && isSecretInput(tc.inputs.preSharedKey));
        const key = ali.inputs.preSharedKey.value;
        assert.equal(tc.inputs.preSharedKey.value, key);
        assert.equal(await pulumi.isSecret(tunnel!.preSharedKey), true);
        // AND it passes both providers' own checks of the key
        const aliFailures = checkInputs(ALICLOUD_SCHEMA, plain(ali.inputs)).failures.filter((f) => f.property === "preSharedKey");
        const tcFailures = checkInputs(TENCENTCLOUD_SCHEMA, plain(tc.inputs)).failures.filter((f) => f.property === "preSharedKey");
        assert.deepEqual([aliFailures, tcFailures], [[], []]);
        assert.match(key, /^[A-Za-z0-9]{32}$/);
    });

    it("can keep a generated key: diff reports no change and refresh returns the stored key", async () => {
        // GIVEN a key as create stored it
        const created = await presharedKeyHooks.create({});
        // WHEN the next update diffs, and a refresh reads, it
        const diff = await presharedKeyHooks.diff(created.id, created.outs!, { length: 32 });
        const read = await presharedKeyHooks.read(created.id, created.outs!);
        // THEN nothing changes
        assert.equal(diff.changes, false);
        assert.equal(read.props!.value, created.outs!.value);
    });

    it("can use a given key on both ends, as a secret", async () => {
        // GIVEN / WHEN a tunnel with a key of the program's
        const { seen } = await construct(2, () => new CrossCloudTunnel("t", { ...ARGS, preSharedKey: "Given-Key-1" }));
        // THEN no key is generated and both ends get that one, secret
        assert.equal(byType(seen, PSK_TYPE).length, 0);
        for (const r of seen) assert.deepEqual(r.inputs.preSharedKey, { [SIG_KEY]: SECRET_SIG, value: "Given-Key-1" });
    });

    it("fails when a plain proposal value cannot be expressed by one cloud, naming the field and the allowed values", () => {
        // GIVEN sha384, which Tencent's IKE phase cannot express
        const args = { ...ARGS, proposal: { ike: { integrity: "sha384" } } };
        // WHEN / THEN the constructor refuses it synchronously
        assert.throws(
            () => new CrossCloudTunnel("bad", args),
            (e: any) => e instanceof ProposalError && e.field === "proposal.ike.integrity" && /Tencent Cloud/.test(e.message) && (e.allowed as string[]).includes("sha256"),
        );
    });

    it("fails when a lifetime lies outside what both clouds accept, naming the field and the range", () => {
        // GIVEN / WHEN / THEN an IPsec lifetime under Tencent's minimum
        assert.throws(
            () => translateProposal({ ipsec: { lifetimeSeconds: 100 } }),
            (e: any) => e.field === "proposal.ipsec.lifetimeSeconds" && e.allowed.min === 180 && e.allowed.max === 86400,
        );
    });

    it("fails when a deferred proposal value cannot be expressed, inside the Output", async () => {
        // GIVEN an Output naming an encryption Alibaba cannot express (Tencent's SM4)
        await construct(0, () => undefined);
        const translated = translateProposal({ ipsec: { encryption: pulumi.output("sm4") } });
        // WHEN / THEN the Output fails with the field named
        await assert.rejects(valueOf(pulumi.output(translated.alicloud.ipsecConfig.ipsecEncAlg!)), (e: any) => e.field === "proposal.ipsec.encryption" && /Alibaba Cloud/.test(e.message));
    });

    it("can combine both ends' statuses into tunnelStatus", async () => {
        // GIVEN the clouds report Alibaba's IPsec SA up and Tencent's tunnel up
        const states = { "t-alicloud": { status: "ipsec_sa_established" }, "t-tencentcloud": { netStatus: "AVAILABLE" } };
        let tunnel: CrossCloudTunnel | undefined;
        await construct(2, () => (tunnel = new CrossCloudTunnel("t", { ...ARGS, preSharedKey: "Given-Key-1" })), states);
        // THEN the tunnel is established
        assert.equal(await valueOf(tunnel!.tunnelStatus), "established");
        // AND the combination covers one end, none and missing values
        assert.equal(combineTunnelStatus(["ipsec_sa_established"], ["UNAVAILABLE"]), "partial");
        assert.equal(combineTunnelStatus(["ike_sa_established"], ["AVAILABLE"]), "partial");
        assert.equal(combineTunnelStatus(["ipsec_sa_not_established"], [null]), "down");
    });
});

describe("CrossCloudHaTunnel", function () {
    this.timeout(30_000);

    const HA_ARGS = {
        alicloudVpnGatewayId: "vpn-ha",
        alicloudCustomerGatewayId: "cgw-ali-1",
        alicloudTunnelIps: ["203.0.113.21", "203.0.113.22"] as [string, string],
        tencentcloudVpcId: "vpc-1",
        tencentcloudVpnGatewayId: "vpngw-1",
        tencentcloudCustomerGatewayIds: ["cgw-tc-master", "cgw-tc-slave"] as [string, string],
        alicloudCidrs: ["172.16.0.0/16"],
        tencentcloudCidrs: ["10.0.0.0/16"],
    };

    it("can create one dual-tunnel Alibaba connection facing two Tencent connections, one per tunnel address", async () => {
        // GIVEN / WHEN an HA tunnel with a generated key
        const { seen } = await construct(4, () => new CrossCloudHaTunnel("ha", HA_ARGS));
        // THEN the children are the key, one Alibaba connection with two tunnels and two Tencent connections
        assert.deepEqual(seen.map((r) => r.type).sort(), [ALI_TYPE, PSK_TYPE, TC_TYPE, TC_TYPE].sort());
        const ali = plain(byType(seen, ALI_TYPE)[0].inputs);
        assert.deepEqual(ali.tunnels.map((t: any) => [t.role, t.ikeConfig.localId]), [["master", "203.0.113.21"], ["slave", "203.0.113.22"]]);
        const tcs = byType(seen, TC_TYPE).map((r) => plain(r.inputs));
        assert.deepEqual(tcs.map((t) => [t.customerGatewayId, t.ikeOptions.remoteAddress]), [["cgw-tc-master", "203.0.113.21"], ["cgw-tc-slave", "203.0.113.22"]]);
        assert.ok(tcs.every((t) => t.preSharedKey === ali.tunnels[0].preSharedKey && t.preSharedKey === ali.tunnels[1].preSharedKey));
    });

    it("can run BGP on both tunnels, each Tencent end the other address of its /30", async () => {
        // GIVEN / WHEN an HA tunnel with BGP
        const bgp = { alicloudAsn: 65010, tencentcloudAsn: 65020, tunnelCidrs: ["169.254.10.0/30", "169.254.11.0/30"] as [string, string] };
        const { seen } = await construct(3, () => new CrossCloudHaTunnel("ha", { ...HA_ARGS, preSharedKey: "Given-Key-1", bgp }));
        // THEN Alibaba runs BGP on both tunnels, destination-routed, and Tencent peers with it
        const ali = plain(byType(seen, ALI_TYPE)[0].inputs);
        assert.equal(ali.enableTunnelsBgp, true);
        assert.deepEqual([ali.localSubnets, ali.remoteSubnets], [["0.0.0.0/0"], ["0.0.0.0/0"]]);
        assert.deepEqual(ali.tunnels[1].bgpConfig, { localAsn: 65010, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" });
        const tcs = byType(seen, TC_TYPE).map((r) => plain(r.inputs));
        assert.deepEqual(tcs.map((t) => [t.routeType, t.bgpConfig]), [
            ["Bgp", { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.2", remoteBgpIp: "169.254.10.1" }],
            ["Bgp", { tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.2", remoteBgpIp: "169.254.11.1" }],
        ]);
        assert.equal(tcs[0].securityPolicyDatabases, undefined);
    });

    it("fails when the two BGP ASNs are equal, naming the field", () => {
        // GIVEN / WHEN / THEN
        const bgp = { alicloudAsn: 65010, tencentcloudAsn: 65010, tunnelCidrs: ["169.254.10.0/30", "169.254.11.0/30"] as [string, string] };
        assert.throws(() => new CrossCloudHaTunnel("ha", { ...HA_ARGS, bgp }), (e: any) => e.field === "bgp.tencentcloudAsn");
    });

    it("can combine the four ends' statuses: one pair up is partial", async () => {
        // GIVEN the master pair up and the slave pair down
        const states = {
            "ha-alicloud": { tunnels: [{ role: "master", status: "ipsec_sa_established" }, { role: "slave", status: "ipsec_sa_not_established" }] },
            "ha-tencentcloud-master": { netStatus: "AVAILABLE" },
            "ha-tencentcloud-slave": { netStatus: "UNAVAILABLE" },
        };
        let tunnel: CrossCloudHaTunnel | undefined;
        await construct(3, () => (tunnel = new CrossCloudHaTunnel("ha", { ...HA_ARGS, preSharedKey: "Given-Key-1" })), states);
        // THEN the whole is partial, the pairs established and down
        assert.equal(await valueOf(tunnel!.tunnelStatus), "partial");
        assert.deepEqual(await valueOf(tunnel!.tunnelStatuses), ["established", "down"]);
    });
});
