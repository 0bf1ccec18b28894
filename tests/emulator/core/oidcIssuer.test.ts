import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { ControlRequestError } from "../../../emulator/core/http";
import { OidcIssuer, parseMintRequest } from "../../../emulator/core/oidcIssuer";

describe("OidcIssuer", () => {
    let now = Date.UTC(2026, 0, 1);
    const options = { cloud: "test", issuer: "https://issuer.invalid", audience: "client", subject: "subject" };
    let issuer: OidcIssuer | undefined;
    afterEach(() => issuer?.close());

    it("can write a fresh token at start: the file holds exactly the JWT, readable by its owner only", () => {
        // WHEN
        issuer = new OidcIssuer(options, () => now);
        // THEN
        const token = readFileSync(issuer.tokenFile, "utf8");
        assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
        assert.equal(statSync(issuer.tokenFile).mode & 0o777, 0o600);
        const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
        assert.deepEqual(claims, { iss: options.issuer, aud: options.audience, sub: options.subject, iat: now / 1000, exp: now / 1000 + 3600 });
        assert.deepEqual(issuer.check(token), { ok: true, claims });
    });

    it("can rewrite the file with an expired or a wrong-audience token", () => {
        // GIVEN
        issuer = new OidcIssuer(options, () => now);
        // WHEN
        const expired = issuer.mint({ expired: true });
        const foreign = issuer.mint({ wrongAudience: true });
        // THEN
        assert.deepEqual(issuer.check(expired.token), { ok: false, reason: "expired" });
        assert.deepEqual(issuer.check(foreign.token), { ok: false, reason: "audience" });
        assert.equal(readFileSync(issuer.tokenFile, "utf8"), foreign.token);
    });

    it("fails a token once the emulator clock passes its exp", () => {
        // GIVEN
        issuer = new OidcIssuer({ ...options, lifetimeSeconds: 60 }, () => now);
        const { token } = issuer.mint();
        // WHEN
        now += 60_000;
        // THEN
        assert.deepEqual(issuer.check(token), { ok: false, reason: "expired" });
    });

    it("can remove its temp directory on close", () => {
        // GIVEN
        issuer = new OidcIssuer(options, () => now);
        // WHEN
        issuer.close();
        // THEN
        assert.equal(existsSync(issuer.tokenFile), false);
    });

    it("fails a mint request with an unknown key or a non-boolean value", () => {
        // THEN
        assert.deepEqual(parseMintRequest(undefined), {});
        assert.deepEqual(parseMintRequest({ expired: true }), { expired: true });
        assert.throws(() => parseMintRequest({ lifetime: 5 }), (e: ControlRequestError) => e.status === 400 && /lifetime/.test(e.message));
        assert.throws(() => parseMintRequest({ expired: "yes" }), ControlRequestError);
    });
});
