import assert from "node:assert/strict";
import { connectionParams, createActiveConnection, startAlicloudHarness } from "./harness";
import type { AlicloudHarness } from "./harness";

/** The JSON example of the 2019 Chinese DescribeVpnConnections reference (AlibabaCloudDocs/vpn `cn.zh-CN/API参考/IPsec-VPN/DescribeVpnConnections.md`), verbatim. */
const SEED_EXAMPLE = {
    PageNumber: 1,
    VpnConnections: {
        VpnConnection: [
            {
                CustomerGatewayId: "cgw-bp1pvpl9r9adjxxxxxxxx",
                Name: "vpn连接测试",
                RemoteSubnet: "2.2.2.0/24",
                IpsecConfig: { IpsecLifetime: 86400, IpsecAuthAlg: "sha1", IpsecPfs: "group2", IpsecEncAlg: "aes" },
                VpnGatewayId: "vpn-bp1q8bgx4xnkmxxxxxxxx",
                EffectImmediately: true,
                status: "ipsec_sa_established",
                VpnConnectionId: "vco-bp10lz7aejumdxxxxxxxx",
                CreateTime: 1492753817000,
                LocalSubnet: "1.1.1.0/24,1.1.2.0/24",
                IkeConfig: {
                    IkeEncAlg: "aes",
                    IkePfs: "group2",
                    RemoteId: "139.xx.xx.167",
                    IkeAuthAlg: "sha1",
                    Psk: "pgw6dyxxxxxxxx",
                    IkeMode: "main",
                    IkeLifetime: 86400,
                    IkeVersion: "ikev1",
                    LocalId: "116.xx.xx.64",
                },
            },
        ],
    },
    TotalCount: 1,
    PageSize: 10,
    RequestId: "54A4B3D0-DF4D-4C54-B8DC-5DC8DD49C939",
};

/** Every key path of a JSON value with its type ("object"/"array" recursed), e.g. "IkeConfig.IkeLifetime: number". */
function typePaths(value: unknown, prefix = ""): string[] {
    if (Array.isArray(value)) {
        return [`${prefix}: array`, ...typePaths(value[0], `${prefix}[]`)];
    }
    if (typeof value === "object" && value !== null) {
        return Object.entries(value).flatMap(([k, v]) => typePaths(v, prefix === "" ? k : `${prefix}.${k}`));
    }
    return [`${prefix}: ${typeof value}`];
}

describe("Alibaba presenter: connections and pages as the API shows them (real pop-core against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    it("can shape each connection like the 2019 reference's JSON example, with the same types", async () => {
        // GIVEN the example's lower-case status key
        await h.control.call("POST", "/alicloud/settings", { statusKey: "status" });
        await createActiveConnection(h);
        // WHEN
        const response = await h.call("DescribeVpnConnections");
        // THEN every key of the example is there with the example's type
        const ours = new Set(typePaths(response));
        const missing = typePaths(SEED_EXAMPLE).filter((path) => !ours.has(path));
        assert.deepEqual(missing, []);
        // AND the only additions are the current fields of DescribeVpnConnectionResponseBody (aliyun/alibabacloud-typescript-sdk)
        const seedKeys = new Set(typePaths(SEED_EXAMPLE));
        const added = [...ours].filter((path) => !seedKeys.has(path)).sort();
        assert.deepEqual(added, [
            "VpnConnections.VpnConnection[].EnableDpd: boolean",
            "VpnConnections.VpnConnection[].EnableNatTraversal: boolean",
            "VpnConnections.VpnConnection[].NetworkType: string",
            "VpnConnections.VpnConnection[].ResourceGroupId: string",
            "VpnConnections.VpnConnection[].State: string",
            // Tags, under `Tag.Tag` in DescribeVpnConnections (DescribeVpnConnectionsResponseBodyVpnConnectionsVpnConnectionTag): none here.
            "VpnConnections.VpnConnection[].Tag.Tag: array",
            "VpnConnections.VpnConnection[].Tag.Tag[]: undefined",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Dip: string",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Enable: string",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Interval: number",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Policy: string",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Retry: number",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Sip: string",
            "VpnConnections.VpnConnection[].VcoHealthCheck.Status: string",
        ]);
        const [connection] = response.VpnConnections.VpnConnection;
        assert.equal(connection.status, "ipsec_sa_established");
        assert.equal(connection.Status, undefined);
        assert.equal(connection.State, "active");
    });

    it("can page with PageNumber and PageSize, defaulting to 1 and 10", async () => {
        // GIVEN 12 connections
        await h.control.settings({ transitionMs: 0 });
        for (let i = 0; i < 12; i++) {
            await h.call("CreateVpnConnection", connectionParams(h.info, { Name: `c${i}` }));
        }
        // WHEN
        const first = await h.call("DescribeVpnConnections");
        const second = await h.call("DescribeVpnConnections", { PageNumber: 2 });
        const big = await h.call("DescribeVpnConnections", { PageSize: 50 });
        const beyond = await h.call("DescribeVpnConnections", { PageNumber: 9, PageSize: 5 });
        // THEN
        assert.deepEqual([first.PageNumber, first.PageSize, first.TotalCount, first.VpnConnections.VpnConnection.length], [1, 10, 12, 10]);
        assert.deepEqual(second.VpnConnections.VpnConnection.map((c: { Name: string }) => c.Name), ["c10", "c11"]);
        assert.equal(big.VpnConnections.VpnConnection.length, 12);
        assert.deepEqual([beyond.TotalCount, beyond.VpnConnections.VpnConnection.length], [12, 0]);
    });

    it("can show a new connection as init with a not-yet-established negotiation", async () => {
        // GIVEN
        await h.call("CreateVpnConnection", connectionParams(h.info));
        // WHEN
        const [connection] = (await h.call("DescribeVpnConnections")).VpnConnections.VpnConnection;
        // THEN
        assert.equal(connection.State, "init");
        assert.equal(connection.Status, "ike_sa_not_established");
    });
});
