/**
 * Property-based check of `redact`: for arbitrary PSKs over Alibaba's PSK charset
 * (provider/alicloud/schema.ts), every form a cloud may echo one in is scrubbed. The forms are built
 * here with encoders of their own (the emulator's RFC 3986 `percentEncode`, Node's URL and base64
 * encoders), not with the ones `redact` uses. A failure prints fast-check's seed and path (set
 * REDACT_PROPERTIES_SEED to replay one).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { percentEncode } from "../../../emulator/alicloud/signature";
import { PSK_SYMBOLS } from "../../../provider/alicloud/schema";
import { redact } from "../../../provider/core/errors";

const RUNS = 300;
const SEED = process.env.REDACT_PROPERTIES_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.REDACT_PROPERTIES_SEED);

/** A PSK Alibaba accepts: 1–100 letters, digits and the documented symbols. */
const PSK_CHARS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", ...PSK_SYMBOLS];
const psk = fc.array(fc.constantFrom(...PSK_CHARS), { minLength: 1, maxLength: 100 }).map((chars) => chars.join(""));

const json = (text: string) => JSON.stringify(text).slice(1, -1);
const form = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);
const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());

/** Each encoding form the brief of this fix lists, by name. */
function textForms(secret: string): Record<string, string> {
    const bases = { raw: secret, json: json(secret), jsonSlash: json(secret).replace(/\//g, "\\/"), jsonTwice: json(json(secret)) };
    const forms: Record<string, string> = { ...bases };
    for (const [name, base] of Object.entries(bases)) {
        const urls = { uri: encodeURIComponent(base), rfc3986: percentEncode(base), form: form(base) };
        for (const [url, once] of Object.entries(urls)) {
            forms[`${url}(${name})`] = once;
            forms[`lowerHex ${url}(${name})`] = lowerHex(once);
            forms[`rfc3986(${url}(${name}))`] = percentEncode(once);
            forms[`uri(${url}(${name}))`] = encodeURIComponent(once);
            forms[`form(${url}(${name}))`] = form(once);
            forms[`lowerHex rfc3986(${url}(${name}))`] = lowerHex(percentEncode(once));
        }
    }
    return forms;
}

describe("redact (properties)", () => {
    it("can redact an arbitrary Alibaba PSK in every text form a cloud echoes, leaving the text around it", () => {
        // GIVEN arbitrary PSKs, each form of one between characters no form holds
        fc.assert(
            fc.property(psk, (secret) => {
                for (const [name, text] of Object.entries(textForms(secret))) {
                    // WHEN the text is redacted
                    const redacted = redact(`«${text}»`, [secret]);
                    // THEN exactly the form is replaced
                    assert.equal(redacted, "«[REDACTED]»", `${name}: ${text}`);
                }
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });

    it("can redact an arbitrary Alibaba PSK base64-encoded inside a JSON block, at any byte alignment", () => {
        // GIVEN PSKs long enough for base64 fragments, inside IkeConfig-like blocks at each offset modulo 3
        fc.assert(
            fc.property(psk.filter((s) => s.length >= 8), fc.constantFrom("", "a", "ab"), fc.constantFrom("base64", "base64url") as fc.Arbitrary<BufferEncoding>, (secret, prefix, encoding) => {
                const encoded = Buffer.from(`${prefix}{"Psk":"${secret}"}`).toString(encoding);
                // WHEN redacted
                const redacted = redact(encoded, [secret]);
                // THEN no base64 run left, decoded from any character offset, holds the PSK's inner bytes
                for (const run of redacted.match(/[A-Za-z0-9+/_-]+/g) ?? []) {
                    for (let start = 0; start < 4; start++) {
                        const decoded = Buffer.from(run.slice(start).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
                        assert.equal(decoded.includes(secret.slice(1, -1)), false, `the PSK survives in ${run}`);
                    }
                }
            }),
            { numRuns: RUNS, seed: SEED },
        );
    });
});
