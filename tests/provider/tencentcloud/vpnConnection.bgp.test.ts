import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { diffResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

const PROVIDER = "serialized-provider-text";
const BGP = { tunnelCidr: "169.254.10.0/30", localBgpIp: "169.254.10.1", remoteBgpIp: "169.254.10.2" };
const BGP_TUNNEL: Props = { ...VALID, securityPolicyDatabases: undefined, routeType: "Bgp", bgpConfig: BGP };

async function checked(raw: Props): Promise<Props> {
    const result = await hooks.check({}, { ...raw, __provider: PROVIDER });
    assert.deepEqual(result.failures ?? [], []);
    return result.inputs!;
}

async function rejection(promise: Promise<unknown>): Promise<CloudApiError> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof CloudApiError, String(error));
        return error;
    }
    throw new Error("expected the call to fail");
}

describe("tencentcloud VpnConnection hooks: BGP tunnels (emulator, real SDK)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;
    const saved = process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS = "8000";
    });
    after(async () => {
        if (saved === undefined) delete process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS;
        else process.env.PULUMI_IPSEC_OPERATION_TIMEOUT_MS = saved;
        await cloud?.stop();
    });
    beforeEach(() => cloud.control.reset());

    const connections = async (): Promise<Props[]> => (await cloud.control.state<any>()).tencentcloud.connections as Props[];

    it("can create a BGP tunnel, read it back without a diff and report both ASNs", async () => {
        // GIVEN a BGP tunnel's inputs
        const inputs = await checked(BGP_TUNNEL);
        // WHEN created and read back
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, { ...created.outs, __provider: PROVIDER });
        // THEN the peering is as desired, nothing differs, and the ASNs come from the gateways
        assert.deepEqual(read.props!.bgpConfig, BGP);
        assert.equal(read.props!.routeType, "Bgp");
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
        assert.equal(created.outs.bgpLocalAsn, "64551");
        assert.equal(created.outs.bgpRemoteAsn, "65001");
    });

    it("can change the peering in place (ModifyVpnConnectionAttribute takes BgpConfig)", async () => {
        // GIVEN a BGP tunnel
        const inputs = await checked(BGP_TUNNEL);
        const created = await hooks.create(inputs);
        // WHEN its tunnel CIDR and addresses change
        const news = await checked({ ...BGP_TUNNEL, bgpConfig: { tunnelCidr: "169.254.20.0/30", localBgpIp: "169.254.20.2", remoteBgpIp: "169.254.20.1" } });
        const diff = await hooks.diff(created.id, created.outs, news);
        // THEN the diff names the fields and replaces nothing
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual(diffResource(SCHEMA, created.outs, news).changedPaths.sort(), ["bgpConfig.localBgpIp", "bgpConfig.remoteBgpIp", "bgpConfig.tunnelCidr"]);
        // WHEN updated
        const updated = await hooks.update(created.id, created.outs, news);
        // THEN the cloud holds the new peering, on the same connection
        assert.equal((await connections()).length, 1);
        assert.equal(updated.outs.vpnConnectionId, created.id);
        assert.deepEqual((await hooks.read(created.id, updated.outs)).props!.bgpConfig, news.bgpConfig);
    });

    it("can replace when the route type changes to Bgp", async () => {
        // GIVEN a policy-based tunnel
        const olds = await checked(VALID);
        // WHEN it becomes a BGP tunnel
        const diff = await hooks.diff("vpnx-00000001", olds, await checked(BGP_TUNNEL));
        // THEN routeType replaces (Modify has no RouteType) and bgpConfig comes with it
        assert.ok(diff.replaces!.includes("routeType"));
    });

    it("fails when a BGP tunnel joins a gateway with a policy-based tunnel, with VpnConnRouteTypeMixed and nothing created", async () => {
        // GIVEN a policy-based tunnel on vpngw-emu0001
        await hooks.create(await checked(VALID));
        // WHEN a BGP tunnel is created on the same gateway
        const error = await rejection(hooks.create(await checked({ ...BGP_TUNNEL, customerGatewayId: "cgw-emu0002", name: "bgp" })));
        // THEN the cloud's code is named and only the first connection exists
        assert.equal(error.code, "UnsupportedOperation.VpnConnRouteTypeMixed");
        assert.equal((await connections()).length, 1);
    });

    it("fails when two BGP tunnels of a gateway share a tunnel CIDR, with VpnConnBgpTunnelCidrConflict", async () => {
        // GIVEN a BGP tunnel
        await hooks.create(await checked(BGP_TUNNEL));
        // WHEN another one of the same gateway uses its /30
        const error = await rejection(hooks.create(await checked({ ...BGP_TUNNEL, customerGatewayId: "cgw-emu0002", name: "bgp-2" })));
        // THEN
        assert.equal(error.code, "InvalidParameterValue.VpnConnBgpTunnelCidrConflict");
        assert.equal((await connections()).length, 1);
    });

    it("fails when bgpConfig is used with API 2.0, naming its fields", async () => {
        // WHEN
        const result = await hooks.check({}, { ...BGP_TUNNEL, apiVersion: "2.0" });
        // THEN the BGP fields and the route type are refused for 2.0
        const properties = (result.failures ?? []).map((f) => f.property);
        assert.ok(["bgpConfig.tunnelCidr", "bgpConfig.localBgpIp", "bgpConfig.remoteBgpIp", "routeType"].every((p) => properties.includes(p)), properties.join());
    });
});
