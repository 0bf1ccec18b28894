import assert from "node:assert/strict";
import { createAlicloudFrontEnd, startEmulator } from "../../../emulator";
import { withPeeringEmulator } from "./harness";
import type { PeeringHarness } from "./harness";

describe("peering pairs", () => {
    describe("in the emulator info", () => {
        it("can list the facing gateways when both clouds are served", async () => {
            // GIVEN
            const emulator = await startEmulator();
            try {
                // WHEN
                const { peering } = emulator.info;
                // THEN
                assert.deepEqual(peering, [
                    {
                        alicloud: { vpnGatewayId: "vpn-emu00000000000021", customerGatewayId: "cgw-emu00000000000021" },
                        tencentcloud: { vpcId: "vpc-emu00002", vpnGatewayId: "vpngw-emu0021", customerGatewayId: "cgw-emu0021" },
                    },
                    {
                        alicloud: { vpnGatewayId: "vpn-emu00000000000022", customerGatewayId: "cgw-emu00000000000022" },
                        tencentcloud: { vpcId: "vpc-emu00002", vpnGatewayId: "vpngw-emu0022", customerGatewayId: "cgw-emu0022" },
                    },
                    {
                        alicloud: { vpnGatewayId: "vpn-emu00000000000022", customerGatewayId: "cgw-emu00000000000023" },
                        tencentcloud: { vpcId: "vpc-emu00002", vpnGatewayId: "vpngw-emu0023", customerGatewayId: "cgw-emu0023" },
                    },
                ]);
                assert.ok(peering!.every((p) => !emulator.info.alicloud.vpnGatewayIds.includes(p.alicloud.vpnGatewayId)));
            } finally {
                await emulator.stop();
            }
        });

        it("can leave `peering` out when only one cloud is served", async () => {
            // GIVEN
            const emulator = await startEmulator({ frontEnds: [createAlicloudFrontEnd] });
            try {
                // THEN
                assert.equal(emulator.info.peering, undefined);
            } finally {
                await emulator.stop();
            }
        });
    });

    describe("through both clouds' Describe calls", () => {
        let h: PeeringHarness;
        withPeeringEmulator((harness) => (h = harness));

        it("can show each side's customer gateway holding the other side's gateway public IP", async () => {
            // GIVEN
            const ali = await h.ali.call("DescribeVpnGateways", { PageSize: 50 });
            const aliCustomer = await h.ali.call("DescribeCustomerGateways", { PageSize: 50 });
            const tencent = await h.vpc.DescribeVpnGateways({ Limit: 100 });
            const tencentCustomer = await h.vpc.DescribeCustomerGateways({ Limit: 100 });
            const aliGateway = (id: string) => ali.VpnGateways.VpnGateway.find((g: { VpnGatewayId: string }) => g.VpnGatewayId === id);
            const aliCgwIp = (id: string) => aliCustomer.CustomerGateways.CustomerGateway.find((c: { CustomerGatewayId: string }) => c.CustomerGatewayId === id).IpAddress;
            const tencentGateway = (id: string) => tencent.VpnGatewaySet!.find((g) => g.VpnGatewayId === id)!;
            const tencentCgwIp = (id: string) => tencentCustomer.CustomerGatewaySet!.find((c) => c.CustomerGatewayId === id)!.IpAddress;
            // WHEN
            const seen = h.pairs.map((p) => {
                const gateway = aliGateway(p.alicloud.vpnGatewayId);
                return {
                    alicloudFacesTencent: aliCgwIp(p.alicloud.customerGatewayId) === tencentGateway(p.tencentcloud.vpnGatewayId).PublicIpAddress,
                    tencentFacesAlicloud: [gateway.InternetIp, gateway.DisasterRecoveryInternetIp].includes(tencentCgwIp(p.tencentcloud.customerGatewayId)),
                    tencentVpc: tencentGateway(p.tencentcloud.vpnGatewayId).VpcId === p.tencentcloud.vpcId,
                };
            });
            // THEN
            assert.deepEqual(seen, h.pairs.map(() => ({ alicloudFacesTencent: true, tencentFacesAlicloud: true, tencentVpc: true })));
        });
    });
});
