import assert from "node:assert/strict";
import { CREATE_TOKEN_TAG, createTokenFor, hasCreateToken } from "../../../provider/tencentcloud/createToken";
import { VALID } from "./fixtures";

describe("tencentcloud create token", () => {
    const inputs = { ...VALID, idempotencyKey: "proj/stack/office" };

    it("can stay the same when only updatable properties or secrets differ", () => {
        assert.equal(createTokenFor({ ...inputs, name: "other", preSharedKey: "other", timeouts: { create: 60 } }), createTokenFor(inputs));
    });

    it("can differ for a replacement or another resource", () => {
        for (const change of [{ vpnGatewayId: "vpngw-2" }, { customerGatewayId: "cgw-2" }, { vpcId: "vpc-2" }, { routeType: "Policy" }, { region: "ap-shanghai" }, { idempotencyKey: "proj/stack/other" }]) {
            assert.notEqual(createTokenFor({ ...inputs, ...change }), createTokenFor(inputs), JSON.stringify(change));
        }
    });

    it("can recognize its tag in a described TagSet", () => {
        const token = createTokenFor(inputs);
        assert.equal(hasCreateToken({ TagSet: [{ Key: "env", Value: "x" }, { Key: CREATE_TOKEN_TAG, Value: token }] }, token), true);
        assert.equal(hasCreateToken({ TagSet: [{ Key: CREATE_TOKEN_TAG, Value: "other" }] }, token), false);
        assert.equal(hasCreateToken({}, token), false);
    });
});
