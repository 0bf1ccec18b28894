import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { LOOKUP_KEY } from "../../../provider/core/check";
import { setStackConfig } from "../../../provider/core/config";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";

type Props = Record<string, any>;

/** What a lookup (`VpnConnection.get`) sends: the mark and `__provider`, and the locating inputs given. */
const lookupProps = (extra: Props = {}): Props => ({ [LOOKUP_KEY]: true, __provider: "serialized-provider-text", ...extra });

describe("alicloud vpnConnection lookup by ID (emulator, real pop-core)", () => {
    let cloud: TestCloud;
    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(async () => {
        await cloud.control.reset();
        setStackConfig(undefined);
    });

    async function existing(): Promise<{ id: string; outs?: Props }> {
        const inputs = (await hooks.check({}, {
            vpnGatewayId: cloud.alicloud.vpnGatewayIds[0],
            customerGatewayId: cloud.alicloud.customerGatewayIds[0],
            localSubnets: ["10.0.0.0/16"],
            remoteSubnets: ["192.168.10.0/24"],
            name: "office",
            preSharedKey: "Psk-For-Lookup-1",
            ikeConfig: { ikeEncAlg: "aes256" },
        })).inputs as Props;
        return hooks.create(inputs);
    }

    it("can read a connection with only its ID and the configured region, with every attribute the cloud reports", async () => {
        // GIVEN a connection made elsewhere (the region comes from ALIBABA_CLOUD_REGION)
        const made = await existing();
        const before = await cloud.control.counters();
        // WHEN it is looked up by ID alone
        const read = await hooks.read(made.id, lookupProps());
        // THEN the outputs are the connection's — the PSK included — and only a describe was sent
        assert.equal(read.id, made.id);
        for (const key of ["region", "vpnGatewayId", "customerGatewayId", "localSubnets", "remoteSubnets", "name", "preSharedKey", "ikeConfig", "ipsecConfig", "healthCheckConfig", "vpnConnectionId", "state", "status", "createTime"]) {
            assert.deepEqual(read.props?.[key], made.outs?.[key], key);
        }
        assert.equal(read.props?.ikeConfig.ikeEncAlg, "aes256");
        assert.deepEqual(read.inputs, { [LOOKUP_KEY]: true });
        const after = await cloud.control.counters();
        assert.deepEqual(Object.keys(after).filter((k) => after[k] !== before[k]), ["alicloud:DescribeVpnConnections"]);
    });

    it("fails when the region holds no connection with the ID, naming both", async () => {
        // GIVEN a region without a connection of that ID
        // WHEN VpnConnection.get reads it
        // THEN it fails naming the ID and the region
        await assert.rejects(hooks.read("vco-emu0000000000000000", lookupProps({ region: cloud.alicloud.regionId })), {
            name: "ConnectionNotFoundError",
            message: `VPN connection vco-emu0000000000000000 does not exist in region ${cloud.alicloud.regionId}: check the ID and the region given to VpnConnection.get`,
        });
    });
});
