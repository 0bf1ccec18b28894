import assert from "node:assert/strict";
import * as $Vpc from "@alicloud/vpc20160428";
import { openApiClient, rejectsWithCode, startAlicloudHarness } from "./harness";
import type { AlicloudHarness, OpenApiError, OpenApiSignature } from "./harness";

/** The same wire, a second official client: the V2 SDK in both of its signing modes. */
describe("Alibaba front end (real @alicloud/vpc20160428 V2 SDK against the emulator)", () => {
    let h: AlicloudHarness;

    before(async () => {
        h = await startAlicloudHarness();
    });
    after(() => h.stop());
    beforeEach(() => h.control.reset());

    /** A CreateVpnConnection request on the first fixture gateways. */
    const createRequest = (fields: Partial<$Vpc.CreateVpnConnectionRequest> = {}) =>
        new $Vpc.CreateVpnConnectionRequest({
            regionId: h.info.regionId,
            vpnGatewayId: h.info.vpnGatewayIds[0],
            customerGatewayId: h.info.customerGatewayIds[0],
            localSubnet: "10.0.0.0/24,10.0.1.0/24",
            remoteSubnet: "192.168.0.0/24",
            ...fields,
        });

    for (const signature of ["ACS3-HMAC-SHA256", "v2"] as const satisfies readonly OpenApiSignature[]) {
        describe(`signed with ${signature}`, () => {
            it("can create, describe, list, modify and delete a connection", async () => {
                // GIVEN
                const vpc = openApiClient(h.info, signature);
                const regionId = h.info.regionId;
                // WHEN
                const created = await vpc.createVpnConnection(
                    createRequest({ name: "official sdk *(1)~ 连接", ikeConfig: JSON.stringify({ Psk: "Sdk-Psk-1!", IkeVersion: "ikev2" }), clientToken: `sdk-${signature}` }),
                );
                const vpnConnectionId = created.body?.vpnConnectionId ?? "";
                await h.settle();
                const described = await vpc.describeVpnConnection(new $Vpc.DescribeVpnConnectionRequest({ regionId, vpnConnectionId }));
                const modified = await vpc.modifyVpnConnectionAttribute(
                    new $Vpc.ModifyVpnConnectionAttributeRequest({
                        regionId,
                        vpnConnectionId,
                        name: "renamed",
                        localSubnet: "10.0.0.0/24",
                        remoteSubnet: "192.168.0.0/24",
                        ipsecConfig: JSON.stringify({ IpsecEncAlg: "aes256" }),
                    }),
                );
                await h.settle();
                const listed = await vpc.describeVpnConnections(new $Vpc.DescribeVpnConnectionsRequest({ regionId, vpnGatewayId: h.info.vpnGatewayIds[0] }));
                await vpc.deleteVpnConnection(new $Vpc.DeleteVpnConnectionRequest({ regionId, vpnConnectionId }));
                await h.settle();
                // THEN
                assert.match(vpnConnectionId, /^vco-/);
                assert.equal(described.body?.name, "official sdk *(1)~ 连接");
                assert.equal(described.body?.ikeConfig?.ikeVersion, "ikev2");
                assert.equal(described.body?.state, "active");
                // The SDK model reads the negotiation status from `Status`.
                assert.equal(described.body?.status, "ipsec_sa_established");
                assert.equal(modified.body?.name, "renamed");
                assert.equal(modified.body?.localSubnet, "10.0.0.0/24");
                assert.equal(modified.body?.ipsecConfig?.ipsecEncAlg, "aes256");
                assert.deepEqual(listed.body?.vpnConnections?.vpnConnection?.map((c) => [c.vpnConnectionId, c.name]), [[vpnConnectionId, "renamed"]]);
                await rejectsWithCode(vpc.describeVpnConnection(new $Vpc.DescribeVpnConnectionRequest({ regionId, vpnConnectionId })), "InvalidVpnConnectionInstanceId.NotFound");
                assert.deepEqual(await h.control.counters(), {
                    "alicloud:CreateVpnConnection": 1,
                    "alicloud:DeleteVpnConnection": 1,
                    "alicloud:DescribeVpnConnection": 2,
                    "alicloud:DescribeVpnConnections": 1,
                    "alicloud:ModifyVpnConnectionAttribute": 1,
                });
            });

            it("fails when the secret is wrong, with 400 SignatureDoesNotMatch and nothing created", async () => {
                // GIVEN
                const vpc = openApiClient(h.info, signature, { accessKeySecret: "not-the-secret" });
                // WHEN
                const error = await rejectsWithCode<OpenApiError>(vpc.createVpnConnection(createRequest()), "SignatureDoesNotMatch");
                // THEN
                assert.equal(error.data?.statusCode, 400);
                assert.deepEqual(await h.control.counters(), {});
                assert.equal((await h.call("DescribeVpnConnections")).TotalCount, 0);
            });

            it("can sign with STS credentials and their security token", async () => {
                // GIVEN
                const vpc = openApiClient(h.info, signature, h.info.stsToken);
                // WHEN
                const response = await vpc.describeVpnGateways(new $Vpc.DescribeVpnGatewaysRequest({ regionId: h.info.regionId }));
                // THEN
                assert.equal(response.body?.totalCount, 6);
            });

            it("fails when an STS key comes with another key's token", async () => {
                // GIVEN
                const vpc = openApiClient(h.info, signature, { ...h.info.stsToken, securityToken: "forged" });
                // WHEN / THEN
                await rejectsWithCode(vpc.describeVpnGateways(new $Vpc.DescribeVpnGatewaysRequest({ regionId: h.info.regionId })), "InvalidSecurityToken.MismatchWithAccessKey");
            });
        });
    }
});
