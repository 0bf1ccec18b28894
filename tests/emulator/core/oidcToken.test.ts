import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { checkOidcToken, mintOidcToken, newSigningKey } from "../../../emulator/core/oidcToken";
import type { OidcClaims } from "../../../emulator/core/oidcToken";

describe("oidcToken", () => {
    const key = newSigningKey();
    const nowMs = Date.UTC(2026, 0, 1);
    const claims: OidcClaims = { iss: "https://issuer.invalid", aud: "client", sub: "subject", iat: nowMs / 1000, exp: nowMs / 1000 + 3600 };
    const expected = { issuer: claims.iss, audience: claims.aud, nowMs };
    const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

    it("can mint a compact HS256 JWT whose header and payload decode to the claims", () => {
        // WHEN
        const [header, payload, signature] = mintOidcToken(key, claims).split(".");
        // THEN
        assert.deepEqual(JSON.parse(Buffer.from(header, "base64url").toString()), { alg: "HS256", typ: "JWT", kid: "emulator" });
        assert.deepEqual(JSON.parse(Buffer.from(payload, "base64url").toString()), claims);
        assert.equal(signature, createHmac("sha256", key).update(`${header}.${payload}`).digest("base64url"));
    });

    it("can accept a token it minted, in date, for its issuer and audience", () => {
        // WHEN
        const check = checkOidcToken(mintOidcToken(key, claims), key, expected);
        // THEN
        assert.deepEqual(check, { ok: true, claims });
    });

    const rejections: Array<[string, () => string, string, Partial<typeof expected>?]> = [
        ["it is not three segments", () => "a.b", "malformed"],
        ["its payload is not JSON claims", () => `${segment({ alg: "HS256" })}.${segment({ iss: 1 })}.x`, "malformed"],
        ["its algorithm is not HS256", () => `${segment({ alg: "none" })}.${segment(claims)}.`, "algorithm"],
        ["another key signed it", () => mintOidcToken(newSigningKey(), claims), "signature"],
        ["another issuer issued it", () => mintOidcToken(key, { ...claims, iss: "https://other.invalid" }), "issuer"],
        ["it is for another audience", () => mintOidcToken(key, { ...claims, aud: "other" }), "audience"],
        ["its exp has come", () => mintOidcToken(key, claims), "expired", { nowMs: claims.exp * 1000 }],
    ];
    for (const [when, token, reason, override] of rejections) {
        it(`fails when ${when}, as ${reason}`, () => {
            // WHEN
            const check = checkOidcToken(token(), key, { ...expected, ...override });
            // THEN
            assert.deepEqual(check, { ok: false, reason });
        });
    }
});
