/**
 * The emulator's stand-in for an external OIDC identity provider (as a Kubernetes service-account token
 * projected into a pod would be): it holds a signing key, keeps the current token in a file of a temp
 * directory (the file `ALIBABA_CLOUD_OIDC_TOKEN_FILE` / `TKE_WEB_IDENTITY_TOKEN_FILE` point at), mints
 * fresh, expired or wrong-audience tokens on request, and checks the tokens STS is given.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ControlRequestError, jsonResponse } from "./http";
import { isJsonObject } from "./json";
import { checkOidcToken, mintOidcToken, newSigningKey } from "./oidcToken";
import type { OidcCheck, OidcClaims } from "./oidcToken";
import type { CloudFrontEnd } from "./types";

/** Who the tokens are from and for. */
export interface OidcIssuerOptions {
    /** Used in the temp directory's name. */
    cloud: string;
    issuer: string;
    audience: string;
    subject: string;
    /** Validity of a fresh token. @default 3600 */
    lifetimeSeconds?: number;
}

/** Which token `mint` makes. */
export interface MintRequest {
    /** Already past its `exp`. */
    expired?: boolean;
    /** Signed and in date, but for another audience. */
    wrongAudience?: boolean;
}

/** What `mint` answers (also the control call's answer). */
export interface MintedToken {
    token: string;
    tokenFile: string;
    claims: OidcClaims;
}

const DEFAULT_LIFETIME_SECONDS = 3600;

export class OidcIssuer {
    private readonly key = newSigningKey();
    private readonly dir: string;
    /** Path of the token file; it holds the last minted token (no trailing newline: clients send the file as is). */
    readonly tokenFile: string;

    constructor(
        private readonly options: OidcIssuerOptions,
        private readonly now: () => number,
    ) {
        this.dir = mkdtempSync(join(tmpdir(), `emulator-${options.cloud}-oidc-`));
        this.tokenFile = join(this.dir, "token");
        this.mint();
    }

    get issuer(): string {
        return this.options.issuer;
    }

    /** Mints a token (fresh unless asked otherwise), writes it to the token file and returns it. */
    mint(request: MintRequest = {}): MintedToken {
        const nowSeconds = Math.floor(this.now() / 1000);
        const lifetime = this.options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
        const iat = request.expired ? nowSeconds - 2 * lifetime : nowSeconds;
        const claims: OidcClaims = {
            iss: this.options.issuer,
            aud: request.wrongAudience ? `${this.options.audience}-other` : this.options.audience,
            sub: this.options.subject,
            iat,
            exp: iat + lifetime,
        };
        const token = mintOidcToken(this.key, claims);
        writeFileSync(this.tokenFile, token, { mode: 0o600 });
        return { token, tokenFile: this.tokenFile, claims };
    }

    /** Checks a token against this issuer, its audience and the emulator clock. */
    check(token: string): OidcCheck {
        return checkOidcToken(token, this.key, { issuer: this.options.issuer, audience: this.options.audience, nowMs: this.now() });
    }

    /** Removes the temp directory. */
    close(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

/**
 * Validates the body of `POST /__emu/<cloud>/sts/token`: absent or `{expired?: boolean, wrongAudience?: boolean}`.
 * @throws ControlRequestError (400) naming the offending key.
 */
export function parseMintRequest(body: unknown): MintRequest {
    if (body === undefined || body === null) return {};
    if (!isJsonObject(body)) throw new ControlRequestError(400, "InvalidBody", "the body must be a JSON object");
    const request: MintRequest = {};
    for (const [key, value] of Object.entries(body)) {
        if (key !== "expired" && key !== "wrongAudience") throw new ControlRequestError(400, "InvalidBody", `unknown key \`${key}\` (expected expired, wrongAudience)`);
        if (typeof value !== "boolean") throw new ControlRequestError(400, "InvalidBody", `\`${key}\` must be a boolean`);
        request[key] = value;
    }
    return request;
}

/**
 * What both STS front ends share for the control API: the state dump's `sts` entry (how many
 * credentials were issued, where the token file is) and `POST sts/token`.
 */
export function stsControl(issuedCount: () => number, issuer: OidcIssuer): Pick<CloudFrontEnd, "dump" | "control"> {
    return {
        dump() {
            return { sts: { issuedCredentials: issuedCount(), tokenFile: issuer.tokenFile } };
        },
        control(method, subPath, body) {
            if (method === "POST" && subPath.replace(/\/+$/, "") === "/sts/token") return jsonResponse(200, issuer.mint(parseMintRequest(body)));
            return undefined;
        },
    };
}
