import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { Props } from "../../../provider/core/schema";
import { resolveTiming } from "../../../provider/core/timing";
import { Api2 } from "../../../provider/tencentcloud/api2";
import { Api2Client } from "../../../provider/tencentcloud/api2Client";
import { resolveSettings } from "../../../provider/tencentcloud/settings";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

/** The connection calls of API 2.0 against the emulator's API 2.0 front end. */
describe("tencentcloud API 2.0 connection calls (emulator)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(() => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const api = (): Api2 => {
        const timing = resolveTiming();
        return new Api2(new Api2Client(resolveSettings(), "gz", timing, [VALID.preSharedKey as string]), timing);
    };
    const deadline = () => Date.now() + 10_000;
    /** Inputs as check leaves them, for API 2.0. */
    async function checked(raw: Props): Promise<Props> {
        const result = await hooks.check({}, { ...raw, apiVersion: "2.0" });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs!;
    }
    /** Creates through API 2.0 and waits for the task, as the create hook does; the id comes from the answer or a look-up. */
    async function created(inputs: Props): Promise<string> {
        const calls = api();
        const started = await calls.create(inputs, deadline());
        await calls.waitCreateTask(started, deadline());
        const id = started.id ?? (await calls.findOwn(inputs, deadline()));
        assert.ok(id, "the create left a connection");
        return id;
    }
    const sent = async (action: string): Promise<Props[]> => (await cloud.control.requests()).filter((r) => r.action === action).map((r) => r.params);

    it("can find the connection its create made by name, gateways and VPC, not a look-alike", async () => {
        // GIVEN a connection, and one with the same name on the same VPN gateway towards another customer gateway
        const inputs = await checked(VALID);
        const own = await created(inputs);
        const lookAlike = await checked({ ...VALID, customerGatewayId: "cgw-emu0002", securityPolicyDatabases: [{ localCidrBlock: "10.0.1.0/24", remoteCidrBlocks: ["192.168.9.0/24"] }] });
        const other = await created(lookAlike);
        // WHEN each create looks for its own
        const found = [await api().findOwn(inputs, deadline()), await api().findOwn(lookAlike, deadline())];
        // THEN each finds its own, and a name nobody used finds nothing
        assert.deepEqual(found, [own, other]);
        assert.notEqual(own, other);
        assert.equal(await api().findOwn({ ...inputs, name: "nobody" }, deadline()), undefined);
    });

    it("can describe a connection through the field table, and a deleted one as gone", async () => {
        // GIVEN a connection
        const inputs = await checked(VALID);
        const id = await created(inputs);
        // WHEN it is described, deleted, then described and deleted again
        const observed = await api().describe(id, deadline());
        const deleted = await api().remove(id, inputs, deadline());
        const afterwards = await api().describe(id, deadline());
        const deletedAgain = await api().remove(id, inputs, deadline());
        // THEN the description holds the inputs' values and the computed id; once gone it is undefined and a delete finds nothing
        assert.equal(observed?.props.name, "office");
        assert.deepEqual(observed?.props.securityPolicyDatabases, VALID.securityPolicyDatabases);
        assert.equal(observed?.computed.vpnConnectionId, id);
        assert.equal(deleted, true);
        assert.equal(afterwards, undefined);
        assert.equal(deletedAgain, false);
    });

    it("can modify only the changed fields, sending one JSON policy per spdAcl entry", async () => {
        // GIVEN a connection, and new inputs with another name and two policies
        const inputs = await checked(VALID);
        const id = await created(inputs);
        const policies = [
            { localCidrBlock: "10.0.0.0/24", remoteCidrBlocks: ["192.168.0.0/24"] },
            { localCidrBlock: "10.0.2.0/24", remoteCidrBlocks: ["192.168.2.0/24", "192.168.3.0/24"] },
        ];
        const news = await checked({ ...VALID, name: "office-2", securityPolicyDatabases: policies });
        // WHEN updated with those two paths changed
        await api().update(id, news, ["name", "securityPolicyDatabases"], deadline());
        // THEN ModifyVpnConnEx names the connection and carries only the changes, and the cloud has them
        const [params] = await sent("ModifyVpnConnEx");
        assert.equal(params.vpnConnId, id);
        assert.equal(params.vpnConnName, "office-2");
        assert.deepEqual(
            Object.keys(params).filter((k) => k.startsWith("spdAcl")),
            ["spdAcl.0", "spdAcl.1"],
        );
        assert.deepEqual(JSON.parse(String(params["spdAcl.1"])), { "10.0.2.0/24": ["192.168.2.0/24", "192.168.3.0/24"] });
        assert.equal(Object.keys(params).some((k) => k.startsWith("IKESet")), false, "no unchanged IKE field is sent");
        // (API 2.0 reads several local CIDRs back without their pairing, so the emulator's record is the witness)
        const stored = ((await cloud.control.state<any>()).tencentcloud.connections as Props[]).find((c) => c.VpnConnectionId === id)!;
        assert.equal(stored.VpnConnectionName, "office-2");
        assert.deepEqual(
            (stored.SecurityPolicyDatabaseSet as Props[]).map((p) => [p.LocalCidrBlock, p.RemoteCidrBlock]),
            policies.map((p) => [p.localCidrBlock, p.remoteCidrBlocks]),
        );
    });

    it("can send the connection's spdAcl.n with every modify, as ModifyVpnConnEx requires it or userGwCidrBlock.n", async () => {
        // GIVEN a connection with security policies
        const inputs = await checked(VALID);
        const id = await created(inputs);
        // WHEN only its name changes
        await api().update(id, { ...inputs, name: "office-2" }, ["name"], deadline());
        // THEN ModifyVpnConnEx carries the unchanged policies too, and the cloud took it
        const [params] = await sent("ModifyVpnConnEx");
        assert.equal(params.vpnConnName, "office-2");
        assert.deepEqual(JSON.parse(String(params["spdAcl.0"])), { "10.0.0.0/24": ["192.168.0.0/24"] });
        assert.equal(Object.keys(params).some((k) => k.startsWith("userGwCidrBlock")), false);
        assert.equal((await api().describe(id, deadline()))?.props.name, "office-2");
    });

    it("can send the connection's userGwCidrBlock.n with every modify when it declares userGwCidrBlocks", async () => {
        // GIVEN a connection declared with userGwCidrBlocks
        const inputs = await checked({ ...VALID, securityPolicyDatabases: undefined, userGwCidrBlocks: ["192.168.5.0/24"] });
        const id = await created(inputs);
        // WHEN only its pre-shared key changes
        await api().update(id, { ...inputs, preSharedKey: "psk-654321" }, ["preSharedKey"], deadline());
        // THEN ModifyVpnConnEx carries the blocks in that form, not as spdAcl
        const [params] = await sent("ModifyVpnConnEx");
        assert.equal(params["userGwCidrBlock.0"], "192.168.5.0/24");
        assert.equal(Object.keys(params).some((k) => k.startsWith("spdAcl")), false);
        assert.equal((await api().describe(id, deadline()))?.props.preSharedKey, "psk-654321");
    });

    it("can skip the modify call when no changed path reaches API 2.0", async () => {
        // GIVEN a connection
        const inputs = await checked(VALID);
        const id = await created(inputs);
        // WHEN only a provider-side setting changed
        await api().update(id, { ...inputs, timeouts: { update: 60 } }, ["timeouts"], deadline());
        // THEN no ModifyVpnConnEx was sent
        assert.deepEqual(await sent("ModifyVpnConnEx"), []);
    });

    it("fails when the cloud reports the modify task failed, with TaskFailed", async () => {
        // GIVEN a connection, and a task result that reports failure (status 1)
        const inputs = await checked(VALID);
        const id = await created(inputs);
        await cloud.control.armFault({
            cloud: "tencentcloud",
            action: "DescribeVpcTaskResult",
            fault: { kind: "raw", status: 200, contentType: "application/json", body: JSON.stringify({ code: 0, message: "rolled back", codeDesc: "Success", data: { status: 1, output: "" } }) },
        });
        // WHEN a change is applied
        const updating = api().update(id, { ...inputs, name: "office-2" }, ["name"], deadline());
        // THEN it fails at once with the task's code, naming the action
        await assert.rejects(updating, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "TaskFailed");
            assert.match(error.message, /ModifyVpnConnEx|rolled back/);
            return true;
        });
    });
});
