import assert from "node:assert/strict";
import { findSetting, lookupSetting, resetDeprecationWarnings, setStackConfig } from "../../../provider/core/config";
import { configuredEndpoint } from "../../../provider/core/endpoint";
import { ConfigurationError } from "../../../provider/core/errors";
import { NAMESPACE, Setting, SETTINGS } from "../../../provider/core/settingKeys";
import { capturingStderr } from "../../support/stderr";

describe("config", () => {
    const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
    /** A setting with one deprecated key, shaped like the endpoints. */
    const MOVED: Setting = { key: "pulumi-ipsec:thing", deprecatedKeys: ["cloud:thing"], env: ["THING"] };

    afterEach(() => {
        setStackConfig(undefined);
        resetDeprecationWarnings();
    });

    it("can prefer the stack config over the environment", () => {
        // GIVEN a region in both the stack config and the environment
        setStackConfig(config({ "alicloud:region": "cn-beijing" }));
        const env = { ALIBABA_CLOUD_REGION: "cn-shanghai" };
        // WHEN the setting is looked up
        const region = lookupSetting(SETTINGS.alicloudRegion, env);
        // THEN the stack's value wins
        assert.equal(region, "cn-beijing");
    });

    it("can fall back to the first non-empty variable, skipping empty config values", () => {
        // GIVEN an empty config key, and env variables of which the first is empty
        setStackConfig(config({ "a:key": "" }));
        const setting: Setting = { key: "a:key", env: ["FIRST", "SECOND"] };
        // WHEN looked up
        const found = findSetting(setting, { FIRST: "", SECOND: "from-env" });
        // THEN empty values are skipped in order, and the variable is named as the source
        assert.deepEqual(found, { value: "from-env", source: "SECOND" });
    });

    it("can find nothing when neither source has the setting, or once the config is cleared", () => {
        // GIVEN a stack config that is then cleared
        const setting: Setting = { key: "a:key", env: ["NONE"] };
        setStackConfig(config({ "a:key": "v" }));
        const before = lookupSetting(setting, {});
        setStackConfig(undefined);
        // WHEN looked up again
        const after = lookupSetting(setting, {});
        // THEN only the configured lookup found a value
        assert.equal(before, "v");
        assert.equal(after, undefined);
    });

    it("can read the pulumi-ipsec key", async () => {
        // GIVEN the Alibaba endpoint under the package's own namespace, and another in the environment
        setStackConfig(config({ "pulumi-ipsec:alicloudVpcEndpoint": "http://127.0.0.1:9000/alicloud" }));
        // WHEN it is looked up
        const { result, lines } = await capturingStderr(() => findSetting(SETTINGS.alicloudVpcEndpoint, { ALIBABA_CLOUD_VPC_ENDPOINT: "http://127.0.0.1:1/" }));
        // THEN the config key's value is used, named as its source, without a warning
        assert.deepEqual(result, { value: "http://127.0.0.1:9000/alicloud", source: "stack config pulumi-ipsec:alicloudVpcEndpoint" });
        assert.deepEqual(lines, []);
    });

    it("prefers the pulumi-ipsec key over the deprecated one", async () => {
        // GIVEN both the new key and its deprecated name
        setStackConfig(config({ "pulumi-ipsec:thing": "new", "cloud:thing": "old" }));
        // WHEN looked up
        const { result, lines } = await capturingStderr(() => findSetting(MOVED, {}));
        // THEN the new key wins, and the warning says the old one is ignored
        assert.deepEqual(result, { value: "new", source: "stack config pulumi-ipsec:thing" });
        assert.equal(lines.length, 1);
        assert.match(lines[0], /^pulumi-ipsec: the stack config key cloud:thing is deprecated and ignored, since pulumi-ipsec:thing is set/);
    });

    it("warns once when a deprecated key is set", async () => {
        // GIVEN only the deprecated name of a setting, and a variable that it wins over
        setStackConfig(config({ "cloud:thing": "old" }));
        // WHEN many resources look it up
        const found: (string | undefined)[] = [];
        const { lines } = await capturingStderr(() => {
            for (let i = 0; i < 5; i++) found.push(lookupSetting(MOVED, { THING: "env" }));
        });
        // THEN each lookup gets its value, and one line names the key to set instead
        assert.deepEqual(found, ["old", "old", "old", "old", "old"]);
        assert.deepEqual(lines, ["pulumi-ipsec: the stack config key cloud:thing is deprecated: set pulumi-ipsec:thing instead (the cloud: namespace belongs to the official cloud provider, which validates its keys)"]);
    });

    it("warns once per deprecated key, not once in all", async () => {
        // GIVEN two of the Tencent endpoints under their deprecated names
        setStackConfig(config({ "tencentcloud:vpcEndpoint": "http://127.0.0.1:9000/a", "tencentcloud:tagEndpoint": "http://127.0.0.1:9000/b" }));
        // WHEN both are looked up twice
        const { lines } = await capturingStderr(() => {
            for (let i = 0; i < 2; i++) {
                lookupSetting(SETTINGS.tencentcloudVpcEndpoint, {});
                lookupSetting(SETTINGS.tencentcloudTagEndpoint, {});
            }
        });
        // THEN each key is named once, with the key to set instead
        assert.equal(lines.length, 2);
        assert.match(lines[0], /tencentcloud:vpcEndpoint is deprecated: set pulumi-ipsec:tencentcloudVpcEndpoint instead/);
        assert.match(lines[1], /tencentcloud:tagEndpoint is deprecated: set pulumi-ipsec:tencentcloudTagEndpoint instead/);
    });

    it("fails naming the key the user set, new or deprecated, when an endpoint is refused", async () => {
        // GIVEN a plain-http public endpoint under the new key, then under the deprecated one
        const refusal = async (key: string): Promise<string> => {
            setStackConfig(config({ [key]: "http://vpc.example.com" }));
            const { error } = await capturingStderr(() => configuredEndpoint(SETTINGS.alicloudVpcEndpoint, "The Alibaba Cloud VPC endpoint"));
            assert.ok(error instanceof ConfigurationError, `${key}: ${String(error)}`);
            return error.message;
        };
        // WHEN each is resolved
        const underNew = await refusal("pulumi-ipsec:alicloudVpcEndpoint");
        const underOld = await refusal("alicloud:vpcEndpoint");
        // THEN each error names the key that holds the value, and only that one
        assert.match(underNew, /^The Alibaba Cloud VPC endpoint \(stack config pulumi-ipsec:alicloudVpcEndpoint\) uses plain http/);
        assert.match(underOld, /^The Alibaba Cloud VPC endpoint \(stack config alicloud:vpcEndpoint\) uses plain http/);
        assert.doesNotMatch(underNew, /alicloud:vpcEndpoint|ALIBABA_CLOUD_VPC_ENDPOINT/);
    });

    it("can keep the official providers' keys in their namespaces and every other key in pulumi-ipsec:", () => {
        // GIVEN the table of settings
        // WHEN its keys are sorted by namespace
        const official = Object.values(SETTINGS).filter((s) => !s.key.startsWith(`${NAMESPACE}:`)).map((s) => s.key);
        const own = Object.values(SETTINGS).filter((s) => s.key.startsWith(`${NAMESPACE}:`));
        // THEN the official namespaces hold only the keys those providers document, and the own keys that moved keep their old names
        assert.deepEqual(official.sort(), [
            "alicloud:accessKey",
            "alicloud:assumeRole",
            "alicloud:assumeRoleWithOidc",
            "alicloud:ecsRoleName",
            "alicloud:profile",
            "alicloud:region",
            "alicloud:secretKey",
            "alicloud:securityToken",
            "tencentcloud:assumeRole",
            "tencentcloud:assumeRoleWithWebIdentity",
            "tencentcloud:camRoleName",
            "tencentcloud:region",
            "tencentcloud:secretId",
            "tencentcloud:secretKey",
            "tencentcloud:securityToken",
        ]);
        const moved = Object.fromEntries(own.filter((s) => (s as Setting).deprecatedKeys).map((s) => [s.key, (s as Setting).deprecatedKeys]));
        assert.deepEqual(moved, {
            "pulumi-ipsec:alicloudVpcEndpoint": ["alicloud:vpcEndpoint"],
            "pulumi-ipsec:tencentcloudVpcEndpoint": ["tencentcloud:vpcEndpoint"],
            "pulumi-ipsec:tencentcloudVpcLegacyEndpoint": ["tencentcloud:vpcLegacyEndpoint"],
            "pulumi-ipsec:tencentcloudTagEndpoint": ["tencentcloud:tagEndpoint"],
        });
    });
});
