import assert from "node:assert/strict";
import * as hooks from "../../../provider/alicloud/vpnConnection";
import { INCOMPLETE_KEY } from "../../../provider/core/resource";
import { useTestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

type Props = Record<string, any>;

describe("alicloud vpnConnection hooks: creates an earlier attempt made (emulator, real pop-core)", function () {
    this.timeout(30_000);
    const cloud = useTestCloud();

    const checked = async (extra: Props = {}): Promise<Props> => {
        const result = await hooks.check({}, { ...VALID, preSharedKey: "Rerun-Psk-1", ...extra });
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    };
    const connections = async (): Promise<Props[]> => (await cloud().control.state<any>()).alicloud.connections;
    const calls = async (action: string): Promise<Props[]> => (await cloud().control.requests()).filter((entry: Props) => entry.action === action);

    it("can converge the connection a crashed run made to inputs edited since (same ClientToken)", async () => {
        // GIVEN a create that went through unrecorded, and the same create (as the SDK keys it) with a new PSK and name
        const first = await hooks.create(await checked({ idempotencyKey: "k-1" }));
        const edited = await checked({ idempotencyKey: "k-1", preSharedKey: "Rerun-Psk-2", name: "edited" });
        // WHEN the edited create runs
        const second = await hooks.create(edited);
        // THEN the token's connection is modified to the edited inputs; no second connection is made
        assert.equal(second.id, first.id);
        const all = await connections();
        assert.deepEqual(all.map((c) => c.VpnConnectionId), [first.id]);
        assert.equal(all[0].Name, "edited");
        assert.equal(second.outs.preSharedKey, "Rerun-Psk-2");
        const read = await hooks.read(second.id, second.outs);
        assert.equal(read.props?.preSharedKey, "Rerun-Psk-2");
        assert.equal((await calls("ModifyVpnConnectionAttribute")).length, 1);
    });

    it("can re-run an unchanged create without a modify", async () => {
        // GIVEN a create that went through unrecorded
        const inputs = await checked();
        const first = await hooks.create(inputs);
        // WHEN it runs again as it was
        const second = await hooks.create(inputs);
        // THEN the same connection is reported and nothing is modified
        assert.equal(second.id, first.id);
        assert.deepEqual(await calls("ModifyVpnConnectionAttribute"), []);
    });

    it("fails keeping the connection in state when every create answer is lost until the deadline", async () => {
        // GIVEN a cloud that makes the connection but resets every create's answer
        await cloud().control.armFault({ cloud: "alicloud", action: "CreateVpnConnection", count: 1000, fault: { kind: "reset-after" } });
        // WHEN created under a 2 s deadline
        const creating = hooks.create(await checked({ timeouts: { create: 2 } }));
        // THEN the failure names the connection made, marked incomplete, so the engine keeps it instead of orphaning it
        const error: any = await creating.then(() => assert.fail("the create succeeded"), (e) => e);
        const all = await connections();
        assert.equal(all.length, 1);
        assert.equal(error.id, all[0].VpnConnectionId);
        assert.equal(error.properties[INCOMPLETE_KEY], true);
        assert.match(error.message, /was created but is not ready/);
    });
});
