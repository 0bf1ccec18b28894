import assert from "node:assert/strict";
import { LOOKUP_KEY } from "../../../provider/core/check";
import { Props } from "../../../provider/core/schema";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

/** What a lookup (`VpnConnection.get`) sends: the mark and `__provider`, and the locating inputs given. */
const lookupProps = (extra: Props = {}): Props => ({ [LOOKUP_KEY]: true, __provider: "serialized-provider-text", ...extra });

/** Outputs every API generation reports (API 2.0 has no route type, negotiation, DPD or health check). */
const REPORTED = ["region", "vpcId", "vpnGatewayId", "customerGatewayId", "name", "preSharedKey", "securityPolicyDatabases", "ipsecOptions", "vpnConnectionId", "state"];

describe("tencentcloud VpnConnection lookup by ID (emulator, real SDK)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;
    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const existing = async (apiVersion: string) => hooks.create((await hooks.check({}, { ...VALID, apiVersion })).inputs as Props);

    for (const apiVersion of ["3.0", "2.0"]) {
        it(`can read a connection with only its ID, region and API version ${apiVersion}, writing nothing`, async () => {
            // GIVEN a connection made elsewhere through that API generation
            const made = await existing(apiVersion);
            const writes = async () => Object.entries(await cloud.control.counters()).filter(([key]) => !/:Describe/.test(key));
            const before = await writes();
            // WHEN it is looked up by ID through the same generation
            const read = await hooks.read(made.id, lookupProps({ region: "ap-guangzhou", apiVersion }));
            // THEN the outputs are the connection's, the PSK included, and nothing was written
            assert.equal(read.id, made.id);
            for (const key of REPORTED) assert.deepEqual(read.props?.[key], made.outs[key], key);
            assert.equal(read.props?.apiVersion, apiVersion);
            assert.deepEqual(read.inputs, { region: "ap-guangzhou", apiVersion, [LOOKUP_KEY]: true });
            assert.deepEqual(await writes(), before);
        });
    }

    it("fails when the region holds no connection with the ID, naming both", async () => {
        // GIVEN a region without a connection of that ID
        // WHEN VpnConnection.get reads it
        // THEN it fails naming the ID and the region
        await assert.rejects(hooks.read("vpnx-00000000", lookupProps()), {
            name: "ConnectionNotFoundError",
            message: "VPN connection vpnx-00000000 does not exist in region ap-guangzhou: check the ID and the region given to VpnConnection.get",
        });
    });
});
