import assert from "node:assert/strict";
import { redactRpcParams } from "../../../emulator/alicloud/redaction";

describe("redactRpcParams", () => {
    it("can mask credentials and the signature, keeping other parameters", () => {
        // WHEN
        const safe = redactRpcParams({ AccessKeyId: "LTAI", Signature: "sig", SecurityToken: "tok", RegionId: "cn-hangzhou" });
        // THEN
        assert.deepEqual(safe, { AccessKeyId: "***", Signature: "***", SecurityToken: "***", RegionId: "cn-hangzhou" });
    });

    it("can mask the Psk inside IkeConfig and keep the other keys readable", () => {
        // WHEN
        const safe = redactRpcParams({ IkeConfig: '{"Psk":"TopSecret1","IkeEncAlg":"aes"}' });
        // THEN
        assert.deepEqual(JSON.parse(safe.IkeConfig), { Psk: "***", IkeEncAlg: "aes" });
    });

    it("can mask an IkeConfig that does not parse, since it may hold a PSK", () => {
        // WHEN
        const safe = redactRpcParams({ IkeConfig: '{"Psk":"TopSecret1"' });
        // THEN
        assert.doesNotMatch(safe.IkeConfig, /TopSecret1/);
    });

    it("can mask flattened tunnel PSKs and nested tunnel IKE configs", () => {
        // WHEN
        const safe = redactRpcParams({
            "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk": "TopSecret1",
            "TunnelOptionsSpecification.2.TunnelIkeConfig": '{"Psk":"TopSecret2"}',
        });
        // THEN
        assert.doesNotMatch(JSON.stringify(safe), /TopSecret/);
    });
});
