import assert from "node:assert/strict";
import { lookupSetting, setStackConfig } from "../../../provider/core/config";

describe("config", () => {
    afterEach(() => setStackConfig(undefined));

    const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

    it("can prefer the stack config over the environment", () => {
        // GIVEN a region in both the stack config and the environment
        setStackConfig(config({ "alicloud:region": "cn-beijing" }));
        const env = { ALIBABA_CLOUD_REGION: "cn-shanghai" };
        // WHEN the setting is looked up
        const region = lookupSetting(["alicloud:region"], ["ALIBABA_CLOUD_REGION"], env);
        // THEN the stack's value wins
        assert.equal(region, "cn-beijing");
    });

    it("can fall back to the first non-empty key, then the first non-empty variable", () => {
        // GIVEN an empty first config key, and env variables of which the first is empty
        setStackConfig(config({ "a:first": "", "a:second": "from-config" }));
        const env = { FIRST: "", SECOND: "from-env" };
        // WHEN looked up with and without config keys that hold a value
        const fromConfig = lookupSetting(["a:first", "a:second"], ["FIRST", "SECOND"], env);
        const fromEnv = lookupSetting(["a:first", "a:missing"], ["FIRST", "SECOND"], env);
        // THEN empty values are skipped in order
        assert.equal(fromConfig, "from-config");
        assert.equal(fromEnv, "from-env");
    });

    it("can find nothing when neither source has the setting, or once the config is cleared", () => {
        // GIVEN a stack config that is then cleared
        setStackConfig(config({ "a:key": "v" }));
        const before = lookupSetting(["a:key"], ["NONE"], {});
        setStackConfig(undefined);
        // WHEN looked up again
        const after = lookupSetting(["a:key"], ["NONE"], {});
        // THEN only the configured lookup found a value
        assert.equal(before, "v");
        assert.equal(after, undefined);
    });
});
