/**
 * Checks an RPC call's common parameters and credentials: envelope values, AccessKeyId, STS token,
 * timestamp window, signature and nonce replay (reference alicloud-vpn-api.md §4, §5).
 */
import { AliApiError, invalidParameter, missingParameter } from "./errors";
import type { AlicloudCredential } from "./fixtures";
import { ALICLOUD_API_VERSION } from "./fixtures";
import { NonceCache } from "./nonceCache";
import { verifySignature } from "./signature";

/** Allowed clock skew of `Timestamp`, and how long a nonce stays used. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

/** Parameters every signed call carries (pop-core sends them all). */
const REQUIRED_COMMON_PARAMS = [
    "Action",
    "Format",
    "Version",
    "AccessKeyId",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "Timestamp",
    "Signature",
] as const;

/** Values the emulator supports; anything else is refused [inferred code: InvalidParameter / InvalidVersion]. */
const EXPECTED_VALUES: ReadonlyArray<readonly [name: string, value: string]> = [
    ["Format", "JSON"],
    ["SignatureMethod", "HMAC-SHA1"],
    ["SignatureVersion", "1.0"],
];

/** UTC `YYYY-MM-DDTHH:mm:ssZ` (pop-core), optionally with milliseconds. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export class RpcAuthenticator {
    private readonly nonces = new NonceCache(SIGNATURE_WINDOW_MS);

    /**
     * @param credentials the key pairs the emulator accepts.
     * @param wallClock the real clock: clients sign with it, so the emulator's shiftable clock must not judge skew.
     */
    constructor(
        private readonly credentials: readonly AlicloudCredential[],
        private readonly wallClock: () => number = Date.now,
    ) {}

    /**
     * Authenticates a call.
     * @returns the action name.
     * @throws AliApiError with the code the call must be answered with.
     */
    authenticate(method: string, params: Readonly<Record<string, string>>): string {
        for (const name of REQUIRED_COMMON_PARAMS) {
            if (params[name] === undefined || params[name] === "") {
                throw missingParameter(name);
            }
        }
        if (params.Version !== ALICLOUD_API_VERSION) {
            // [inferred] code for an unsupported version.
            throw new AliApiError("InvalidVersion", `Specified parameter Version is not valid: the emulator serves ${ALICLOUD_API_VERSION}.`, 400);
        }
        for (const [name, expected] of EXPECTED_VALUES) {
            if (params[name] !== expected) {
                throw invalidParameter(name, `the emulator supports only "${expected}"`);
            }
        }
        const credential = this.credentials.find((c) => c.accessKeyId === params.AccessKeyId);
        if (!credential) {
            throw new AliApiError("InvalidAccessKeyId.NotFound");
        }
        checkSecurityToken(credential, params.SecurityToken);
        this.checkTimestamp(params.Timestamp);
        if (!verifySignature(method, params, credential.accessKeySecret, params.Signature)) {
            throw new AliApiError("SignatureDoesNotMatch");
        }
        // Claimed only once the signature holds, so forged requests cannot burn a client's nonces.
        if (!this.nonces.claim(params.SignatureNonce, this.wallClock())) {
            throw new AliApiError("SignatureNonceUsed");
        }
        return params.Action;
    }

    /** Forgets used nonces. */
    reset(): void {
        this.nonces.clear();
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
}

/**
 * An STS key verifies only with its own token; a long-term key must not carry one.
 * [inferred] codes: the reference only says the token travels as `SecurityToken`.
 */
function checkSecurityToken(credential: AlicloudCredential, token: string | undefined): void {
    if (credential.securityToken === undefined) {
        if (token !== undefined) {
            throw new AliApiError("InvalidSecurityToken.Mismatch", "Specified SecurityToken does not belong to the AccessKeyId.", 400);
        }
        return;
    }
    if (token === undefined || token === "") {
        throw missingParameter("SecurityToken");
    }
    if (token !== credential.securityToken) {
        throw new AliApiError("InvalidSecurityToken.Mismatch", "Specified SecurityToken does not belong to the AccessKeyId.", 400);
    }
}
