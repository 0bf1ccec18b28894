/**
 * Typed errors surfaced to users. Each carries what an operator needs to act (cloud, action,
 * error code, request ID, a hint) and never a secret: messages pass through `redact`.
 */

export type CloudName = "alicloud" | "tencentcloud";

/** One rejected input, as Pulumi's `check` reports it. */
export interface CheckFailure {
    /** Dotted property path, e.g. `ikeConfig.ikeLifetime`. */
    property: string;
    reason: string;
}

export interface CloudApiErrorDetails {
    cloud: CloudName;
    action: string;
    /** The cloud's error code (`VpnGateway.Configuring`), or a Node network code (`ECONNRESET`). */
    code?: string;
    requestId?: string;
    httpStatus?: number;
    /** What the user can do about it. */
    hint?: string;
}

/** A cloud API call failed (after any retries). */
export class CloudApiError extends Error {
    override readonly name = "CloudApiError";
    readonly cloud: CloudName;
    readonly action: string;
    readonly code?: string;
    readonly requestId?: string;
    readonly httpStatus?: number;
    readonly hint?: string;

    constructor(details: CloudApiErrorDetails, cloudMessage: string) {
        const code = details.code ? ` ${details.code}` : "";
        const request = details.requestId ? ` (request ${details.requestId})` : "";
        const hint = details.hint ? ` Hint: ${details.hint}` : "";
        super(`${details.cloud} ${details.action} failed:${code}${request}: ${cloudMessage}.${hint}`);
        this.cloud = details.cloud;
        this.action = details.action;
        this.code = details.code;
        this.requestId = details.requestId;
        this.httpStatus = details.httpStatus;
        this.hint = details.hint;
    }
}

/** Inputs failed validation outside `check` (e.g. a provider-level setting). */
export class InputValidationError extends Error {
    override readonly name = "InputValidationError";
    constructor(readonly failures: CheckFailure[]) {
        super(failures.map((f) => `\`${f.property}\` ${f.reason}`).join("; "));
    }
}

/** What to do about a {@link WaitTimeoutError}: the cloud keeps working after the provider gives up. */
export const WAIT_TIMEOUT_HINT =
    "the change may still finish in the cloud; raise the resource's `timeouts` (or PULUMI_IPSEC_OPERATION_TIMEOUT_MS) and run again";

/** A wait for an asynchronous cloud state did not finish before its deadline. */
export class WaitTimeoutError extends Error {
    override readonly name = "WaitTimeoutError";
    constructor(readonly what: string, readonly lastState: string, readonly waitedMs: number, readonly hint = WAIT_TIMEOUT_HINT) {
        super(`timed out after ${Math.round(waitedMs / 1000)}s waiting for ${what} (last state: ${lastState}). Hint: ${hint}`);
    }
}

/** Provider configuration (credentials, region, endpoint) is missing or invalid. */
export class ConfigurationError extends Error {
    override readonly name = "ConfigurationError";
}

/** Replaces every occurrence of each secret (longer first, so overlapping secrets are fully hidden). */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
    // Any length: a short PSK is still a PSK (over-scrubbing only garbles a message). A secret may
    // come back as the cloud saw it: inside a JSON block (escaped), URL- or form-encoded.
    const present = secrets
        .filter((s): s is string => typeof s === "string" && s.length > 0)
        .flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), new URLSearchParams({ s }).toString().slice(2)]);
    present.sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of present) {
        out = out.split(secret).join("[REDACTED]");
    }
    return out;
}
