import assert from "node:assert/strict";
import { credentialFailure } from "../../../provider/core/credentials";
import { CredentialError } from "../../../provider/core/errors";

describe("core credentials: credentialFailure", () => {
    const token = "CAISTokenPart+/b3h+Secret=";
    const secret = "Base-Secret-Key-1";

    it("can keep the STS answer's code and request ID, cutting the string to sign it echoes", () => {
        // GIVEN a library error quoting an STS SignatureDoesNotMatch answer with the server's string to sign
        const echoed = `POST&%2F&AccessKeyId%3Dkey%26SecurityToken%3D${encodeURIComponent(encodeURIComponent(token))}`;
        const body = JSON.stringify({ Code: "SignatureDoesNotMatch", RequestId: "R-STS-1", Message: `Specified signature is not matched with our calculation. server string to sign is:${echoed}` });
        // WHEN it is turned into a CredentialError
        const error = credentialFailure("alicloud", "the role acs:ram::1:role/ci (alicloud:assumeRole)", new Error(`refresh RoleArn sts token err: ${body}`), [token, secret]);
        // THEN the code and request ID are kept, and nothing of the string to sign is in the message
        assert.ok(error instanceof CredentialError);
        assert.equal(error.code, "SignatureDoesNotMatch");
        assert.equal(error.requestId, "R-STS-1");
        assert.match(error.message, /string to sign, which holds every parameter of the call, is left out/);
        assert.doesNotMatch(error.message, /AccessKeyId|SecurityToken|CAIS/);
    });

    it("can scrub a secret the library's own message holds, raw and URL-encoded", () => {
        // GIVEN a library error that is not an STS answer but echoes the secret key, URL-encoded
        const raw = new Error(`request failed for secret ${encodeURIComponent(secret)} and ${secret}`);
        // WHEN it is turned into a CredentialError
        const error = credentialFailure("tencentcloud", "TENCENTCLOUD_SECRET_ID", raw, [secret]);
        // THEN the secret appears in no form
        assert.doesNotMatch(error.message, /Base-Secret-Key-1|Base-Secret-Key/);
        assert.match(error.message, /\[REDACTED\]/);
    });
});
