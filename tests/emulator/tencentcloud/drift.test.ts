import assert from "node:assert/strict";
import { DriftPatchError, applyConnectionPatch } from "../../../emulator/tencentcloud/drift";
import { REGION } from "../../../emulator/tencentcloud/fixtures";
import { TencentStore, type ConnectionRecord } from "../../../emulator/tencentcloud/store";
import { validateCreate } from "../../../emulator/tencentcloud/validation";
import { createRequest, fakeContext } from "./support";

function record(): ConnectionRecord {
    const store = new TencentStore(fakeContext());
    return store.create(REGION, validateCreate(createRequest(), store.lookups(REGION)), "req-1", false).record;
}

describe("drift", () => {
    it("can deep-merge nested IKE fields and replace scalars", () => {
        // GIVEN
        const r = record();
        // WHEN
        applyConnectionPatch(r, { PreShareKey: "changed-in-console", IKEOptionsSpecification: { DhGroupName: "GROUP5" } });
        // THEN
        assert.equal(r.attrs.PreShareKey, "changed-in-console");
        assert.equal(r.attrs.IKEOptionsSpecification.DhGroupName, "GROUP5");
        assert.equal(r.attrs.IKEOptionsSpecification.PropoEncryAlgorithm, "3DES-CBC");
    });

    it("can set the integrity algorithm under its deprecated spelling", () => {
        // GIVEN
        const r = record();
        // WHEN
        applyConnectionPatch(r, { IPSECOptionsSpecification: { IntegrityAlgorith: "MD5" } });
        // THEN
        assert.equal(r.attrs.IPSECOptionsSpecification.IntegrityAlgorithm, "MD5");
    });

    it("can replace arrays such as the SPD", () => {
        // GIVEN
        const r = record();
        // WHEN
        applyConnectionPatch(r, { SecurityPolicyDatabaseSet: [{ LocalCidrBlock: "10.0.9.0/24", RemoteCidrBlock: ["172.30.0.0/16"] }] });
        // THEN
        assert.deepEqual(r.attrs.SecurityPolicyDatabaseSet, [{ LocalCidrBlock: "10.0.9.0/24", RemoteCidrBlock: ["172.30.0.0/16"] }]);
    });

    it("can override State and NetStatus, and clear them with null", () => {
        // GIVEN
        const r = record();
        applyConnectionPatch(r, { State: "PENDING", NetStatus: "UNAVAILABLE" });
        // WHEN
        applyConnectionPatch(r, { NetStatus: null });
        // THEN
        assert.deepEqual(r.overrides, { State: "PENDING" });
    });

    const refusals: [string, unknown, RegExp][] = [
        ["the id would change", { VpnConnectionId: "vpnx-zzzzzzzz" }, /VpnConnectionId/],
        ["a read-only IPsec field would change", { IPSECOptionsSpecification: { EncapMode: "TRANSPORT" } }, /EncapMode/],
        ["a field is unknown", { Colour: "red" }, /Colour/],
        ["a type does not match", { DpdEnable: "1" }, /DpdEnable/],
        ["the patch is not an object", [1], /object/],
    ];
    for (const [when, patch, message] of refusals) {
        it(`fails when ${when}, changing nothing`, () => {
            // GIVEN
            const r = record();
            const before = JSON.stringify(r.attrs);
            // WHEN / THEN
            assert.throws(() => applyConnectionPatch(r, patch), (e: unknown) => e instanceof DriftPatchError && message.test(e.message));
            assert.equal(JSON.stringify(r.attrs), before);
        });
    }
});
