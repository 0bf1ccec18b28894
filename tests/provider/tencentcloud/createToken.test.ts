import assert from "node:assert/strict";
import { CREATE_TOKEN_TAG, createTokenFor, hasCreateToken } from "../../../provider/tencentcloud/createToken";
import { VALID } from "./fixtures";

describe("tencentcloud create token", () => {
    const inputs = { ...VALID, idempotencyKey: "proj/stack/office" };

    it("can stay the same when only updatable properties or secrets differ", () => {
        // GIVEN inputs differing in name, PSK and timeouts
        const changed = { ...inputs, name: "other", preSharedKey: "other", timeouts: { create: 60 } };
        // WHEN both tokens are made
        // THEN they are the same: an update keeps finding the connection its create made
        assert.equal(createTokenFor(changed), createTokenFor(inputs));
    });

    it("can differ for a replacement or another resource", () => {
        // GIVEN changes to every replace-on-change property, and another idempotency key
        const changes = [{ vpnGatewayId: "vpngw-2" }, { customerGatewayId: "cgw-2" }, { vpcId: "vpc-2" }, { routeType: "Policy" }, { region: "ap-shanghai" }, { idempotencyKey: "proj/stack/other" }];
        for (const change of changes) {
            // WHEN the token is made with the change
            // THEN it differs from the original's
            assert.notEqual(createTokenFor({ ...inputs, ...change }), createTokenFor(inputs), JSON.stringify(change));
        }
    });

    it("can recognize its tag in a described TagSet", () => {
        // GIVEN this create's token
        const token = createTokenFor(inputs);
        // WHEN TagSets holding it among others, holding another token, and holding none are checked
        // THEN only the first is this create's
        assert.equal(hasCreateToken({ TagSet: [{ Key: "env", Value: "x" }, { Key: CREATE_TOKEN_TAG, Value: token }] }, token), true);
        assert.equal(hasCreateToken({ TagSet: [{ Key: CREATE_TOKEN_TAG, Value: "other" }] }, token), false);
        assert.equal(hasCreateToken({}, token), false);
    });
});
