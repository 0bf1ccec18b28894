import assert from "node:assert/strict";
import { diffResource } from "../../../provider/core/resource";
import { Props } from "../../../provider/core/schema";
import * as hooks from "../../../provider/tencentcloud/vpnConnection";
import { VPN_CONNECTION_SCHEMA as SCHEMA } from "../../../provider/tencentcloud/schema";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";
import { VALID } from "./fixtures";

const PROVIDER = "serialized-provider-text";

async function checked(raw: Props): Promise<Props> {
    const result = await hooks.check({}, { ...raw, __provider: PROVIDER });
    assert.deepEqual(result.failures ?? [], []);
    return result.inputs!;
}

const changedPaths = (olds: Props, news: Props) => diffResource(SCHEMA, olds, news).changedPaths;

/** A destination-routed tunnel (health checks are refused on policy-based ones) with probes on. */
const HEALTH_CHECKED: Record<string, any> = {
    ...VALID,
    securityPolicyDatabases: undefined,
    routeType: "StaticRoute",
    enableHealthCheck: true,
    healthCheckConfig: { probeInterval: 2000, probeThreshold: 5, probeTimeout: 500 },
};

describe("tencentcloud VpnConnection hooks: health-check probes (emulator, real SDK)", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(() => cloud?.stop());
    beforeEach(() => cloud.control.reset());

    const stored = async (id: string): Promise<Props> =>
        ((await cloud.control.state<any>()).tencentcloud.connections as Props[]).find((c) => c.VpnConnectionId === id)!;

    it("can create a connection with probe settings, read them back without a diff and change one in place", async () => {
        // GIVEN checked inputs with probe settings
        const inputs = await checked(HEALTH_CHECKED);
        // WHEN created
        const created = await hooks.create(inputs);
        // THEN the cloud holds them beside its NQA default, and the outputs report them
        assert.deepEqual((await stored(created.id)).HealthCheckConfig, { ProbeType: "NQA", ProbeInterval: 2000, ProbeThreshold: 5, ProbeTimeout: 500 });
        assert.deepEqual(created.outs.healthCheckConfig, { probeType: "NQA", probeInterval: 2000, probeThreshold: 5, probeTimeout: 500 });
        const read = await hooks.read(created.id, { ...created.outs, __provider: PROVIDER });
        assert.deepEqual(changedPaths(read.props!, inputs), []);

        // WHEN the threshold changes
        const news = await checked({ ...HEALTH_CHECKED, healthCheckConfig: { ...HEALTH_CHECKED.healthCheckConfig, probeThreshold: 8 } });
        const diff = await hooks.diff(created.id, read.props!, news);
        const updated = await hooks.update(created.id, read.props!, news);
        // THEN it is an in-place update that the cloud reports, the other probes kept
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);
        assert.deepEqual(changedPaths(read.props!, news), ["healthCheckConfig.probeThreshold"]);
        const reread = await hooks.read(created.id, updated.outs);
        assert.deepEqual(reread.props!.healthCheckConfig, { probeType: "NQA", probeInterval: 2000, probeThreshold: 8, probeTimeout: 500 });
        assert.deepEqual(changedPaths(reread.props!, news), []);
        assert.equal((await cloud.control.counters())["tencentcloud:ModifyVpnConnectionAttribute"], 1);
    });

    it("can detect a probe setting changed in the console and put it back", async () => {
        // GIVEN a connection with probe settings
        const inputs = await checked(HEALTH_CHECKED);
        const created = await hooks.create(inputs);
        // WHEN the interval is changed out of band
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { HealthCheckConfig: { ProbeInterval: 4000 } });
        const read = await hooks.read(created.id, created.outs);
        // THEN diff names exactly that probe, and an update restores it
        assert.deepEqual(changedPaths(read.props!, inputs), ["healthCheckConfig.probeInterval"]);
        await hooks.update(created.id, read.props!, inputs);
        assert.equal((await stored(created.id) as Record<string, any>).HealthCheckConfig.ProbeInterval, 2000);
    });

    it("can leave the cloud's probe settings unmanaged when none are given", async () => {
        // GIVEN a connection created without probe settings
        const inputs = await checked({ ...HEALTH_CHECKED, healthCheckConfig: undefined });
        const created = await hooks.create(inputs);
        assert.equal((await stored(created.id)).HealthCheckConfig, null);
        // WHEN the cloud later reports some
        await cloud.control.call("PATCH", `/tencentcloud/connections/${created.id}`, { HealthCheckConfig: { ProbeType: "NQA", ProbeInterval: 3000 } });
        const read = await hooks.read(created.id, created.outs);
        // THEN nothing differs, and the outputs show the cloud's values
        assert.deepEqual(changedPaths(read.props!, inputs), []);
        assert.deepEqual(read.props!.healthCheckConfig, { probeType: "NQA", probeInterval: 3000 });
    });
});
