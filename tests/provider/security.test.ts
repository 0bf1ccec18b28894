/**
 * Security through the hooks: the endpoint policy (plain http only for loopback, anything else
 * https, refused before any request), regions that cannot make up a host, and credentials kept out of errors. The emulator's own
 * authentication — wrong secrets, replayed nonces, expired timestamps — is tested where it lives:
 * tests/emulator/alicloud/authenticator.test.ts, tests/emulator/tencentcloud/tc3.test.ts and
 * tests/emulator/tencentcloud/api2Signature.test.ts. PSKs and credentials in errors and logs under
 * every fault are audited by the fault matrices (tests/support/faultMatrix.ts).
 */
import assert from "node:assert/strict";
import * as alicloudHooks from "../../provider/alicloud/vpnConnection";
import { resetDeprecationWarnings, setStackConfig } from "../../provider/core/config";
import { CloudApiError, ConfigurationError } from "../../provider/core/errors";
import { Setting, SETTINGS } from "../../provider/core/settingKeys";
import * as tencentHooks from "../../provider/tencentcloud/vpnConnection";
import { startTestCloud, TestCloud } from "../support/cloudEnv";
import { withEnv } from "../support/faultMatrix";
import { recordConnects } from "../support/socketLog";
import { capturingStderr } from "../support/stderr";
import { VALID as ALICLOUD_VALID } from "./alicloud/fixtures";
import { VALID as TENCENT_VALID } from "./tencentcloud/fixtures";

type Props = Record<string, any>;

interface Resource {
    name: string;
    hooks: typeof alicloudHooks | typeof tencentHooks;
    valid: Props;
    /** The settings of each endpoint the hooks call, with the inputs that make them call it. */
    endpoints: [setting: Setting, props?: Props][];
}

const RESOURCES: Resource[] = [
    { name: "alicloud.VpnConnection", hooks: alicloudHooks, valid: ALICLOUD_VALID, endpoints: [[SETTINGS.alicloudVpcEndpoint]] },
    {
        name: "tencentcloud.VpnConnection",
        hooks: tencentHooks,
        valid: TENCENT_VALID,
        endpoints: [[SETTINGS.tencentcloudVpcEndpoint], [SETTINGS.tencentcloudVpcLegacyEndpoint, { apiVersion: "2.0" }], [SETTINGS.tencentcloudTagEndpoint]],
    },
];

describe("security through the hooks", function () {
    this.timeout(30_000);
    let cloud: TestCloud;

    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
    });
    after(async () => cloud?.stop());
    beforeEach(async () => {
        await cloud.control.reset();
        setStackConfig(undefined);
    });
    afterEach(() => {
        setStackConfig(undefined);
        resetDeprecationWarnings();
    });

    /**
     * Every hook that talks to the cloud, on a connection id that need not exist (none may get that
     * far); the update changes the name, so it has something to send.
     */
    const everyHook = async (hooks: Resource["hooks"], props: Props): Promise<unknown[]> => {
        const inputs = (await hooks.check({}, props)).inputs as Props;
        const renamed = (await hooks.check({}, { ...props, name: "renamed" })).inputs as Props;
        const outcomes = await Promise.allSettled([
            hooks.create(inputs),
            hooks.read("vco-or-vpnx-1", inputs),
            hooks.update("vco-or-vpnx-1", inputs, renamed),
            hooks.remove("vco-or-vpnx-1", inputs),
        ]);
        return outcomes.map((o) => (o.status === "rejected" ? o.reason : "fulfilled"));
    };

    for (const resource of RESOURCES) {
        describe(resource.name, () => {
            for (const [setting, extra = {}] of resource.endpoints) {
                const env = setting.env[0];
                it(`fails every hook when ${env} is plain http to a non-loopback host, before any request`, async () => {
                    // GIVEN an endpoint override of http://example.com
                    // WHEN every hook runs
                    const errors = await withEnv({ [env]: "http://example.com" }, () => everyHook(resource.hooks, { ...resource.valid, ...extra }));
                    // THEN create, read, update and delete all refuse it, naming the setting and the https fix
                    for (const error of errors) {
                        assert.ok(error instanceof ConfigurationError, String(error));
                        assert.ok(error.message.includes(env), error.message);
                        assert.match(error.message, /only loopback endpoints may use http, use https:\/\/example\.com/);
                    }
                    assert.deepEqual(await cloud.control.counters(), {});
                });

                for (const config of [setting.key, ...(setting.deprecatedKeys ?? [])]) {
                    it(`fails when the stack config ${config} is plain http, naming the config key`, async () => {
                        // GIVEN the same override as stack config (which wins over the environment)
                        setStackConfig({ get: (key) => (key === config ? "http://vpc.example.com:8080" : undefined) });
                        // WHEN the hooks run
                        const { result: [error] = [] } = await capturingStderr(() => everyHook(resource.hooks, { ...resource.valid, ...extra }));
                        // THEN they refuse it naming the config key and the https fix, before any request
                        assert.ok(error instanceof ConfigurationError);
                        assert.ok(error.message.includes(`stack config ${config})`), error.message);
                        assert.match(error.message, /use https:\/\/vpc\.example\.com:8080/);
                        assert.deepEqual(await cloud.control.counters(), {});
                    });
                }
            }

            it("fails when an endpoint embeds credentials, without echoing them", async () => {
                // GIVEN an endpoint override with a user and password
                const env = resource.endpoints[0][0].env[0];
                // WHEN the hooks run
                const [error] = await withEnv({ [env]: "https://admin:Hunter2-Password@vpc.example.com" }, () => everyHook(resource.hooks, resource.valid));
                // THEN they refuse it without the password, before any request
                assert.ok(error instanceof ConfigurationError);
                assert.match(error.message, /must not contain credentials/);
                assert.doesNotMatch(error.message, /Hunter2-Password/);
                assert.deepEqual(await cloud.control.counters(), {});
            });
        });
    }

    describe("a region that would make up the endpoint host", () => {
        const HOSTILE = "attacker.example/";

        it("fails check when the resource's region is not a region ID, naming region", async () => {
            for (const resource of RESOURCES) {
                // GIVEN a region that would end the host name of https://vpc.<region>.aliyuncs.com
                // WHEN checked
                const { failures = [] } = await resource.hooks.check({}, { ...resource.valid, region: HOSTILE });
                // THEN region fails with the allowed form
                assert.deepEqual(failures.map((f) => f.property), ["region"], resource.name);
                assert.match(failures[0].reason, /must be a region ID: lower-case letters, digits and hyphens, like cn-hangzhou/);
            }
        });

        it("fails check when the configured default region is not a region ID, saying where it came from", async () => {
            // GIVEN the region left unset and the stack config's default hostile
            setStackConfig({ get: (key) => (key === "alicloud:region" || key === "tencentcloud:region" ? HOSTILE : undefined) });
            for (const resource of RESOURCES) {
                const { region: _unset, ...inputs } = resource.valid;
                // WHEN checked
                const { failures = [] } = await resource.hooks.check({}, inputs);
                // THEN region fails, and the reason points at the provider configuration
                assert.deepEqual(failures.map((f) => f.property), ["region"], resource.name);
                assert.match(failures[0].reason, /comes from the provider's stack config or environment/);
            }
        });

        it("fails when the environment's default region is not a region ID", async () => {
            // GIVEN a default region in the environment that holds a host name
            // WHEN inputs are checked
            const { failures = [] } = await withEnv({ ALIBABA_CLOUD_REGION: "cn-hangzhou.attacker.example" }, () => alicloudHooks.check({}, ALICLOUD_VALID));
            // THEN region fails
            assert.deepEqual(failures.map((f) => f.property), ["region"]);
        });

        it("can send no request to another host when an Alibaba hook meets such a region unchecked", async () => {
            // GIVEN no endpoint override (so the region would name the host) and inputs that skipped check
            const inputs = { ...((await alicloudHooks.check({}, ALICLOUD_VALID)).inputs as Props), region: HOSTILE };
            // WHEN a create runs
            const { outcome, attempts } = await withEnv({ ALIBABA_CLOUD_VPC_ENDPOINT: "" }, () => recordConnects(() => alicloudHooks.create(inputs)));
            // THEN it is refused before any connection, naming the region
            assert.equal(outcome.status, "rejected");
            const error = (outcome as PromiseRejectedResult).reason;
            assert.ok(error instanceof ConfigurationError, String(error));
            assert.match(error.message, /region "attacker\.example\/" is not a region ID/);
            assert.deepEqual(attempts, []);
            assert.deepEqual(await cloud.control.counters(), {});
        });
    });

    it("fails on a wrong Alibaba secret with the cloud's code, once, and never echoes the secret", async () => {
        // GIVEN a wrong access key secret
        const wrong = "Wrong-Alicloud-Secret-0001";
        const inputs = (await alicloudHooks.check({}, ALICLOUD_VALID)).inputs as Props;
        // WHEN a connection is created
        const attempt = withEnv({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrong }, () => alicloudHooks.create(inputs));
        // THEN the signature is refused, not retried, and neither secret nor PSK is in the message
        await assert.rejects(attempt, (error: unknown) => {
            assert.ok(error instanceof CloudApiError);
            assert.equal(error.code, "SignatureDoesNotMatch");
            assert.match(error.message, /Hint: check ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
            for (const secret of [wrong, cloud.alicloud.accessKeySecret, String(ALICLOUD_VALID.preSharedKey)]) assert.equal(error.message.includes(secret), false);
            // (the emulator echoes the string to sign as Alibaba does: cut, with every parameter in it)
            assert.doesNotMatch(error.message, /string to sign is|AccessKeyId|IkeConfig/);
            return true;
        });
        const log = await cloud.control.requests();
        assert.deepEqual(log.map((e) => [e.rejected, e.outcome]), [[true, "SignatureDoesNotMatch"]], "one refused request, no retry");
        assert.deepEqual((await cloud.control.state<any>()).alicloud.connections, []);
    });
});
