/**
 * Authenticates an Alibaba RPC call signed either way the cloud documents:
 * - the RPC signature in the parameters (HMAC-SHA1, SignatureVersion 1.0; pop-core, and the V2 SDK with
 *   `signatureAlgorithm: "v2"`): https://www.alibabacloud.com/help/en/ram/common-parameters-2
 * - signature method V3 in the `Authorization` header (ACS3-HMAC-SHA256; the V2 SDK's default):
 *   https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 * Both check the AccessKeyId, the STS token and its expiry, the 15-minute clock window, the signature and
 * nonce replay (one nonce cache for both, so a nonce cannot be replayed under the other method).
 * The VPC API (2016-04-28) and STS (2015-04-01) share this check, each with its own API version.
 */
import type { CredentialLookup } from "../core/credentialRegistry";
import { hasExpired } from "../core/credentialRegistry";
import { NonceCache } from "../core/nonceCache";
import type { EmulatorRequest } from "../core/types";
import { ACS3_ALGORITHM, computeAcs3Signature, parseAcs3Authorization, sha256Hex, signedHeaderValue } from "./acs3Signature";
import { AliApiError, invalidParameter, missingParameter } from "./errors";
import type { AlicloudCredential } from "./fixtures";
import { ALICLOUD_API_VERSION } from "./fixtures";
import { buildStringToSign, equalInConstantTime, verifySignature } from "./signature";

/** Allowed clock skew of `Timestamp` / `x-acs-date`, and how long a nonce stays used. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

/** Parameters every RPC-signed call carries. `Format` is optional: the VPC common parameters default it to JSON. */
const REQUIRED_COMMON_PARAMS = ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"] as const;

/** Values the emulator supports; anything else is refused [inferred code: InvalidParameter]. */
const EXPECTED_VALUES: ReadonlyArray<readonly [name: string, value: string]> = [
    ["SignatureMethod", "HMAC-SHA1"],
    ["SignatureVersion", "1.0"],
];

/** Signature material a V3 request must carry besides the Authorization header. */
const REQUIRED_ACS3_HEADERS = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"] as const;

/** UTC `yyyy-MM-ddTHH:mm:ssZ` (both methods document it), optionally with milliseconds. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** What an authenticator serves besides its credentials. */
export interface AuthenticatorOptions {
    /** The `Version` every call must carry. @default ALICLOUD_API_VERSION (VPC) */
    apiVersion?: string;
    /** The emulator clock, which judges the expiry of temporary credentials. @default the wall clock */
    now?: () => number;
}

export class AlicloudAuthenticator {
    /** Used `SignatureNonce` values, each for the window after its first use. */
    private readonly nonces = new NonceCache();
    private readonly credentials: CredentialLookup<AlicloudCredential>;
    private readonly apiVersion: string;
    private readonly now: () => number;

    /**
     * @param credentials the key pairs the emulator accepts (a list, or the cloud's credential registry).
     * @param wallClock the real clock: clients sign with it, so the emulator's shiftable clock must not judge skew.
     */
    constructor(
        credentials: readonly AlicloudCredential[] | CredentialLookup<AlicloudCredential>,
        private readonly wallClock: () => number = Date.now,
        options: AuthenticatorOptions = {},
    ) {
        this.credentials = isLookup(credentials) ? credentials : new Map(credentials.map((c) => [c.accessKeyId, c]));
        this.apiVersion = options.apiVersion ?? ALICLOUD_API_VERSION;
        this.now = options.now ?? wallClock;
    }

    /**
     * Authenticates a call: V3 when it has an `Authorization` header, else the RPC signature in `params`.
     * @param params the call's query and form parameters (see readRpcParams).
     * @returns the action name.
     * @throws AliApiError with the code the call must be answered with.
     */
    authenticate(req: EmulatorRequest, params: Readonly<Record<string, string>>): string {
        const authorization = signedHeaderValue(req.headers, "authorization");
        return authorization === undefined ? this.authenticateRpc(req.method, params) : this.authenticateAcs3(req, authorization);
    }

    /** Forgets used nonces. */
    reset(): void {
        this.nonces.clear();
    }

    private authenticateRpc(method: string, params: Readonly<Record<string, string>>): string {
        for (const name of REQUIRED_COMMON_PARAMS) {
            if (params[name] === undefined || params[name] === "") {
                throw missingParameter(name);
            }
        }
        checkVersion(params.Version, this.apiVersion);
        checkFormat(params.Format);
        for (const [name, expected] of EXPECTED_VALUES) {
            if (params[name] !== expected) {
                throw invalidParameter(name, `the emulator supports only "${expected}"`);
            }
        }
        const credential = this.findCredential(params.AccessKeyId, params.SecurityToken);
        this.checkTimestamp(params.Timestamp);
        if (!verifySignature(method, params, credential.accessKeySecret, params.Signature)) {
            // Alibaba echoes the string it signed (NewFuture/DDNS issue #57), every parameter percent-encoded twice.
            throw new AliApiError("SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${buildStringToSign(method, params)}`);
        }
        this.claimNonce(params.SignatureNonce);
        return params.Action;
    }

    private authenticateAcs3(req: EmulatorRequest, header: string): string {
        const authorization = parseAcs3Authorization(header);
        if (!authorization) {
            throw incompleteSignature(`the Authorization header must read "${ACS3_ALGORITHM} Credential=…,SignedHeaders=…,Signature=…"`);
        }
        if (authorization.algorithm !== ACS3_ALGORITHM) {
            throw incompleteSignature(`the emulator verifies only ${ACS3_ALGORITHM}, not ${authorization.algorithm}`);
        }
        const action = signedHeaderValue(req.headers, "x-acs-action");
        const version = signedHeaderValue(req.headers, "x-acs-version");
        if (!action) {
            throw missingParameter("Action");
        }
        if (!version) {
            throw missingParameter("Version");
        }
        checkVersion(version, this.apiVersion);
        for (const name of REQUIRED_ACS3_HEADERS) {
            if (!signedHeaderValue(req.headers, name)) {
                throw incompleteSignature(`the ${name} header is missing`);
            }
        }
        checkSignedHeaderList(req, authorization.signedHeaders);
        const credential = this.findCredential(authorization.accessKeyId, signedHeaderValue(req.headers, "x-acs-security-token"));
        this.checkTimestamp(signedHeaderValue(req.headers, "x-acs-date")!);
        const payloadHash = sha256Hex(req.body);
        if (signedHeaderValue(req.headers, "x-acs-content-sha256") !== payloadHash) {
            // [inferred] the hash takes part in the signature, so a wrong one is a signature mismatch.
            throw new AliApiError("SignatureDoesNotMatch", "Specified signature is not matched with our calculation: x-acs-content-sha256 is not the SHA-256 of the request body.", 400);
        }
        const signed = { method: req.method, canonicalUri: req.path, query: req.query, headers: req.headers, signedHeaders: authorization.signedHeaders, payloadHash };
        if (!equalInConstantTime(computeAcs3Signature(signed, credential.accessKeySecret), authorization.signature)) {
            throw new AliApiError("SignatureDoesNotMatch");
        }
        this.claimNonce(signedHeaderValue(req.headers, "x-acs-signature-nonce")!);
        return action;
    }

    private findCredential(accessKeyId: string, securityToken: string | undefined): AlicloudCredential {
        const credential = this.credentials.get(accessKeyId);
        if (!credential) {
            throw new AliApiError("InvalidAccessKeyId.NotFound");
        }
        checkSecurityToken(credential, securityToken);
        if (hasExpired(credential, this.now())) {
            throw new AliApiError("InvalidSecurityToken.Expired");
        }
        return credential;
    }

    private checkTimestamp(timestamp: string): void {
        const signedAt = TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : NaN;
        if (Number.isNaN(signedAt)) {
            throw new AliApiError("InvalidTimeStamp.Format");
        }
        if (Math.abs(this.wallClock() - signedAt) > SIGNATURE_WINDOW_MS) {
            throw new AliApiError("InvalidTimeStamp.Expired");
        }
    }

    /** Claimed only once the signature holds, so forged requests cannot burn a client's nonces. */
    private claimNonce(nonce: string): void {
        const now = this.wallClock();
        if (!this.nonces.claim(nonce, now + SIGNATURE_WINDOW_MS, now)) {
            throw new AliApiError("SignatureNonceUsed");
        }
    }
}

function isLookup(credentials: readonly AlicloudCredential[] | CredentialLookup<AlicloudCredential>): credentials is CredentialLookup<AlicloudCredential> {
    return !Array.isArray(credentials);
}

/**
 * `Format`, when given, must be JSON — case-insensitive: the official V2 SDK sends `Format=json` (@alicloud/openapi-client
 * doRPCRequest) and the docs' own sample requests write `Format=xml` (https://www.alibabacloud.com/help/en/ros/common-parameters).
 */
export function checkFormat(format: string | undefined): void {
    if (format !== undefined && format.toUpperCase() !== "JSON") {
        throw invalidParameter("Format", 'the emulator answers only "JSON"');
    }
}

/** `Version` must be the one the front end serves. */
export function checkVersion(version: string, expected: string): void {
    if (version !== expected) {
        // [inferred] code for an unsupported version.
        throw new AliApiError("InvalidVersion", `Specified parameter Version is not valid: the emulator serves ${expected}.`, 400);
    }
}

/**
 * V3 signs `host`, `content-type` and every `x-acs-*` header the request has ("all common request headers
 * except Authorization, if present, must be signed"); each listed header must be in the request.
 */
function checkSignedHeaderList(req: EmulatorRequest, signedHeaders: readonly string[]): void {
    for (const name of signedHeaders) {
        if (signedHeaderValue(req.headers, name) === undefined) {
            throw incompleteSignature(`SignedHeaders lists ${name}, which the request does not have`);
        }
    }
    for (const name of Object.keys(req.headers)) {
        if ((name === "host" || name === "content-type" || name.startsWith("x-acs-")) && !signedHeaders.includes(name)) {
            throw incompleteSignature(`the ${name} header must be signed`);
        }
    }
}

/** 400 IncompleteSignature, the code the cloud answers for a signature not built as documented. */
function incompleteSignature(detail: string): AliApiError {
    return new AliApiError("IncompleteSignature", `The request signature does not conform to Aliyun standards: ${detail}.`, 400);
}

/**
 * An STS key verifies only with its own token; a long-term key must not carry one. Codes of the public
 * error center (https://error-center.alibabacloud.com/status/product/Public, as terraform-provider-alicloud
 * `alicloud/common_errors.go` lists them): `MissingSecurityToken` ("SecurityToken is mandatory for this
 * action.", https://www.alibabacloud.com/help/doc-detail/42775.htm), `InvalidSecurityToken.MismatchWithAccessKey`.
 */
function checkSecurityToken(credential: AlicloudCredential, token: string | undefined): void {
    if (credential.securityToken === undefined) {
        if (token !== undefined) {
            throw new AliApiError("InvalidSecurityToken.MismatchWithAccessKey");
        }
        return;
    }
    if (token === undefined || token === "") {
        throw missingParameter("SecurityToken");
    }
    if (token !== credential.securityToken) {
        throw new AliApiError("InvalidSecurityToken.MismatchWithAccessKey");
    }
}
