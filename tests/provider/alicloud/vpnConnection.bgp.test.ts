import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { CloudApiError } from "../../../provider/core/errors";
import { diffResource } from "../../../provider/core/resource";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { TestCloud } from "../../support/cloudEnv";
import { checkedBy, useTestCloud } from "../../support/hookSuite";
import { VALID } from "./fixtures";

type Props = Record<string, any>;
const BGP = { enableBgp: true, tunnelCidr: "169.254.11.0/30", localBgpIp: "169.254.11.1" };

describe("alicloud vpnConnection hooks: BGP (emulator, real pop-core)", function () {
    let cloud: TestCloud;
    useTestCloud((started) => (cloud = started));

    const checked = checkedBy(hooks.check);
    const requestsOf = async (action: string): Promise<Props[]> => ((await cloud.control.requests()) as Props[]).filter((entry) => entry.action === action);

    it("can create a BGP connection, read it back without a diff and report the peer", async () => {
        // GIVEN BGP on, LocalAsn left to the cloud
        const inputs = await checked({ ...VALID, bgpConfig: BGP });
        // WHEN created and read back
        const created = await hooks.create(inputs);
        const read = await hooks.read(created.id, created.outs);
        // THEN the cloud's default ASN is filled in, nothing differs, and the peer is an output
        assert.deepEqual(read.props!.bgpConfig, { ...BGP, localAsn: 45104 });
        assert.deepEqual(diffResource(VPN_CONNECTION_SCHEMA, read.props!, inputs).changedPaths, []);
        assert.equal((await hooks.diff(created.id, read.props!, inputs)).changes, false);
        assert.deepEqual([created.outs.bgpPeerAsn, created.outs.bgpPeerBgpIp, created.outs.bgpStatus], [65101, "169.254.11.2", "success"]);
    });

    it("can send BgpConfig as the documented JSON string, values as strings", async () => {
        // WHEN
        await hooks.create(await checked({ ...VALID, bgpConfig: { ...BGP, localAsn: 65010 } }));
        // THEN
        const [create] = await requestsOf("CreateVpnConnection");
        assert.equal(create.outcome, "OK");
        assert.deepEqual(JSON.parse(create.params.BgpConfig), { EnableBgp: "true", LocalAsn: "65010", TunnelCidr: "169.254.11.0/30", LocalBgpIp: "169.254.11.1" });
    });

    it("can leave BgpConfig out of a create without bgpConfig, and report no peer", async () => {
        // WHEN
        const created = await hooks.create(await checked(VALID));
        // THEN
        const [create] = await requestsOf("CreateVpnConnection");
        assert.equal(create.params.BgpConfig, undefined);
        assert.deepEqual([created.outs.bgpPeerAsn, created.outs.bgpPeerBgpIp, created.outs.bgpStatus], [null, null, null]);
    });

    it("can change the tunnel CIDR in place, re-sending the whole block with the cloud's ASN", async () => {
        // GIVEN a BGP connection
        const created = await hooks.create(await checked({ ...VALID, bgpConfig: BGP }));
        // WHEN its tunnel changes
        const news = await checked({ ...VALID, bgpConfig: { ...BGP, tunnelCidr: "169.254.12.0/30", localBgpIp: "169.254.12.2" } });
        const diff = await hooks.diff(created.id, created.outs, news);
        const updated = await hooks.update(created.id, created.outs, news);
        // THEN nothing is replaced, the modify carried the block whole, and the peer followed
        assert.deepEqual(diff.replaces, []);
        const [modify] = await requestsOf("ModifyVpnConnectionAttribute");
        assert.deepEqual(JSON.parse(modify.params.BgpConfig), { EnableBgp: "true", LocalAsn: "45104", TunnelCidr: "169.254.12.0/30", LocalBgpIp: "169.254.12.2" });
        assert.equal(updated.outs.bgpPeerBgpIp, "169.254.12.1");
        assert.equal(((await cloud.control.state<any>()).alicloud.connections as Props[]).length, 1);
    });

    it("can turn BGP off in place with enableBgp false", async () => {
        // GIVEN a BGP connection
        const created = await hooks.create(await checked({ ...VALID, bgpConfig: BGP }));
        // WHEN
        const updated = await hooks.update(created.id, created.outs, await checked({ ...VALID, bgpConfig: { ...BGP, enableBgp: false } }));
        // THEN
        assert.equal(updated.outs.bgpConfig.enableBgp, false);
        assert.equal(updated.outs.bgpStatus, null);
    });

    it("fails when a second connection of the gateway reuses the tunnel CIDR, naming the cloud's code, nothing created", async () => {
        // GIVEN a BGP connection on the first gateway
        await hooks.create(await checked({ ...VALID, bgpConfig: BGP }));
        // WHEN another connection of the same gateway takes the same /30
        const attempt = hooks.create(await checked({ ...VALID, customerGatewayId: "cgw-emu00000000000002", name: "second", bgpConfig: BGP }));
        // THEN the cloud refuses it and only the first exists
        await assert.rejects(attempt, (error: unknown) => error instanceof CloudApiError && error.code === "InvalidParameter" && /BgpConfig\.TunnelCidr/.test(error.message));
        assert.equal(((await cloud.control.state<any>()).alicloud.connections as Props[]).length, 1);
    });
});
