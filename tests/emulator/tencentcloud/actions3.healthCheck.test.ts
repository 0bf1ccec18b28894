import assert from "node:assert/strict";
import { createRequest, sdkError, withTencentEmulator, type TencentHarness, type VpcClient, TRANSITION_MS } from "./support";

/** HealthCheckConfig through the real SDK (CreateVpnConnection / ModifyVpnConnectionAttribute / DescribeVpnConnections). */
describe("actions3: HealthCheckConfig probes", () => {
    let h: TencentHarness;
    let vpc: VpcClient;
    withTencentEmulator((harness) => {
        h = harness;
        vpc = harness.client();
    });

    /** A destination-routed connection (no SPD, so health checks are allowed), AVAILABLE. */
    async function createAvailable(overrides: Record<string, unknown> = {}): Promise<string> {
        await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
        const request = createRequest({ SecurityPolicyDatabases: undefined, RouteType: "StaticRoute", EnableHealthCheck: true, ...overrides });
        const id = (await vpc.CreateVpnConnection(request as never)).VpnConnection!.VpnConnectionId!;
        await h.control.advanceClock(TRANSITION_MS);
        return id;
    }

    const describeOne = async (id: string) => (await vpc.DescribeVpnConnections({ VpnConnectionIds: [id] })).VpnConnectionSet![0];

    it("can store the probes given at create and describe them as numbers beside the NQA default", async () => {
        // GIVEN
        const id = await createAvailable({ HealthCheckConfig: { ProbeInterval: 2000, ProbeThreshold: 5, ProbeTimeout: 500 } });
        // WHEN
        const connection = await describeOne(id);
        // THEN
        assert.deepEqual(connection.HealthCheckConfig, { ProbeType: "NQA", ProbeInterval: 2000, ProbeThreshold: 5, ProbeTimeout: 500 });
        assert.equal(connection.EnableHealthCheck, true);
    });

    it("can describe HealthCheckConfig as null when none was given", async () => {
        // GIVEN
        const id = await createAvailable();
        // WHEN
        const connection = await describeOne(id);
        // THEN
        assert.equal(connection.HealthCheckConfig, null);
    });

    it("can merge a modify's probes over the stored ones", async () => {
        // GIVEN
        const id = await createAvailable({ HealthCheckConfig: { ProbeInterval: 2000, ProbeThreshold: 5 } });
        // WHEN
        await vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: id, HealthCheckConfig: { ProbeThreshold: 8, ProbeTimeout: 10 } });
        await h.control.advanceClock(TRANSITION_MS);
        // THEN
        assert.deepEqual((await describeOne(id)).HealthCheckConfig, { ProbeType: "NQA", ProbeInterval: 2000, ProbeThreshold: 8, ProbeTimeout: 10 });
    });

    for (const [probe, value] of [["ProbeInterval", 999], ["ProbeInterval", 5001], ["ProbeThreshold", 2], ["ProbeThreshold", 9], ["ProbeTimeout", 9], ["ProbeTimeout", 5001]] as const) {
        it(`fails when ${probe} is ${value}, outside its documented range, naming it`, async () => {
            // GIVEN
            await h.control.call("POST", "/tencentcloud/settings", { createReturnsId: true });
            // WHEN
            const error = await sdkError(vpc.CreateVpnConnection(createRequest({ SecurityPolicyDatabases: undefined, RouteType: "StaticRoute", HealthCheckConfig: { [probe]: value } }) as never));
            // THEN nothing is created
            assert.equal(error.code, "InvalidParameterValue.LimitExceeded");
            assert.match(error.message, new RegExp(`HealthCheckConfig\\.${probe}`));
            assert.equal((await vpc.DescribeVpnConnections({})).TotalCount, 0);
        });
    }

    it("fails when a modify would change the probe type", async () => {
        // GIVEN
        const id = await createAvailable({ HealthCheckConfig: { ProbeType: "NQA" } });
        // WHEN
        const error = await sdkError(vpc.ModifyVpnConnectionAttribute({ VpnConnectionId: id, HealthCheckConfig: { ProbeType: "BFD" } }));
        // THEN
        assert.equal(error.code, "UnsupportedOperation");
        assert.equal((await describeOne(id)).HealthCheckConfig!.ProbeType, "NQA");
    });
});
