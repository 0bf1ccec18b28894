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

/**
 * A cloud API call failed (after any retries). The message is scrubbed here, so every site that
 * builds one states what to scrub: the operation's secrets (its PSKs, the credentials' keys and
 * token) wherever `cloudMessage` holds any text from the cloud; `[]` only for the provider's own words.
 */
export class CloudApiError extends Error {
    override readonly name = "CloudApiError";
    readonly cloud: CloudName;
    readonly action: string;
    readonly code?: string;
    readonly requestId?: string;
    readonly httpStatus?: number;
    readonly hint?: string;

    constructor(details: CloudApiErrorDetails, cloudMessage: string, secrets: ReadonlyArray<string | undefined>) {
        const code = details.code ? ` ${details.code}` : "";
        const request = details.requestId ? ` (request ${details.requestId})` : "";
        const hint = details.hint ? ` Hint: ${details.hint}` : "";
        super(`${details.cloud} ${details.action} failed:${code}${request}: ${sentence(redact(cloudMessage, secrets))}${hint}`);
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

/** A connection an earlier run created without finishing (a partial create kept in state) is no longer in the cloud. */
export class IncompleteCreateGoneError extends Error {
    override readonly name = "IncompleteCreateGoneError";
    constructor(readonly id: string) {
        super(
            `connection ${id}, which an earlier run created but did not finish, no longer exists in the cloud (its create failed there, or it was deleted). ` +
                "Hint: run `pulumi refresh` to drop it from the state; the next `pulumi up` creates it again",
        );
    }
}

/** A connection looked up by its ID (`VpnConnection.get`) does not exist where it was looked for. */
export class ConnectionNotFoundError extends Error {
    override readonly name = "ConnectionNotFoundError";
    constructor(readonly id: string, readonly region: string) {
        super(`VPN connection ${id} does not exist in region ${region}: check the ID and the region given to VpnConnection.get`);
    }
}

/** Provider configuration (credentials, region, endpoint) is missing or invalid. */
export class ConfigurationError extends Error {
    override readonly name = "ConfigurationError";
}

/**
 * Credentials could not be obtained from their source (an STS call, a profile, instance metadata):
 * no cloud API call was sent. Carries the STS error code and request ID when the source answered
 * one; never a key, token or OIDC token.
 */
export class CredentialError extends Error {
    override readonly name = "CredentialError";
    constructor(
        readonly cloud: CloudName,
        /** Where the credentials were to come from, e.g. `the OIDC role acs:ram::…:role/ci (ALIBABA_CLOUD_ROLE_ARN)`. */
        readonly source: string,
        readonly code: string | undefined,
        readonly requestId: string | undefined,
        detail: string,
    ) {
        const label = cloud === "alicloud" ? "Alibaba Cloud" : "Tencent Cloud";
        const coded = code ? `: ${code}` : "";
        const request = requestId ? ` (request ${requestId})` : "";
        super(`${label} credentials from ${source} could not be obtained${coded}${request}: ${sentence(detail)}`);
    }
}

/** Ends a cloud's message with a full stop unless it already ends in punctuation ("does not exist." stays as is). */
function sentence(message: string): string {
    const text = message.trimEnd();
    return /[.!?。！？]$/u.test(text) ? text : `${text}.`;
}

/**
 * A signature error's message without the server's string to sign that Alibaba appends
 * (`SignatureDoesNotMatch`: "… server string to sign is:POST&%2F&AccessKeyId%3D…", NewFuture/DDNS
 * issue #57): every parameter of the call, PSK and SecurityToken included, of no use to a user.
 */
export function withoutStringToSign(message: string): string {
    const at = message.search(/\s*server string to sign is/i);
    return at < 0 ? message : `${message.slice(0, at)} (the server's string to sign, which holds every parameter of the call, is left out)`;
}

/** Characters of standard and URL-safe base64 (RFC 4648 §4 and §5). */
const BASE64_ALPHABETS = [
    { chars: "[A-Za-z0-9+/]", encode: (text: string) => text },
    { chars: "[A-Za-z0-9_-]", encode: (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_") },
];

/** Shortest base64 fragment worth scrubbing: shorter ones would garble every message without hiding a secret. */
const MIN_BASE64_FRAGMENT = 4;

/**
 * Regular expressions for `secret` inside base64 text, standard or URL-safe, padded or not. Inside a
 * longer encoded text the secret's bytes start at any offset modulo 3 and encode differently for
 * each: per alignment, the characters whose 6 bits all come from the secret are fixed; the one
 * character at each edge mixing in a neighbour's bits is scrubbed too, whatever it is.
 */
function base64Patterns(secret: string): string[] {
    const bytes = Buffer.from(secret, "utf8");
    const fragments = new Set<string>([bytes.toString("base64").replace(/=+$/, "")]);
    for (let offset = 0; offset < 3; offset++) {
        const text = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]).toString("base64");
        // Character j holds bits [6j, 6j+6); the secret's bits are [8·offset, 8·(offset+length)).
        fragments.add(text.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)));
    }
    return [...fragments]
        .filter((fragment) => fragment.length >= MIN_BASE64_FRAGMENT)
        .flatMap((fragment) => BASE64_ALPHABETS.map(({ chars, encode }) => `${chars}?${escapeRegExp(encode(fragment))}${chars}?=*`));
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * RFC 3986 percent-encoding: only unreserved characters stay, so `!'()*` are escaped too (what
 * pop-core's `encode` in `lib/rpc.js` and Alibaba's signature v1 percent-encode,
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism).
 */
function encodeRfc3986(text: string): string {
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The ways a query or form encodes a value: encodeURIComponent, RFC 3986, and `application/x-www-form-urlencoded` (space as `+`). */
const URL_ENCODINGS: ReadonlyArray<(text: string) => string> = [encodeURIComponent, encodeRfc3986, (text) => new URLSearchParams({ s: text }).toString().slice(2)];

/** A JSON string's body as JSON.stringify writes it. */
const jsonEscape = (text: string): string => JSON.stringify(text).slice(1, -1);

/**
 * The texts a secret may come back as, besides base64. Bases: raw; JSON-escaped (the PSK inside an
 * `IkeConfig` block), also with `/` as `\/` (PHP's json_encode default), with `<>&` and non-ASCII
 * as `\uXXXX` (Go's encoding/json, PHP's default for non-ASCII), and JSON-escaped twice (a JSON
 * block inside a JSON string). Each base URL-encoded every way, and each of those encoded once
 * more: Alibaba's `SignatureDoesNotMatch` echoes its string to sign, whose parameters are
 * percent-encoded twice (NewFuture/DDNS issue #57: `Timestamp%3D2019-05-12T14%253A06%253A51Z`).
 */
function textForms(secret: string): string[] {
    const json = jsonEscape(secret);
    const bases = [
        secret,
        json,
        json.replace(/\//g, "\\/"),
        json.replace(/[<>&\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
        jsonEscape(json),
    ];
    const once = bases.flatMap((base) => URL_ENCODINGS.map((encode) => encode(base)));
    const twice = once.flatMap((encoded) => URL_ENCODINGS.map((encode) => encode(encoded)));
    return [...new Set([...bases, ...once, ...twice])];
}

/** `pattern` (an escaped literal) matching its `%XX` and `\uXXXX` escapes whatever the case of their hex digits. */
function anyHexCase(pattern: string): string {
    return pattern.replace(/%[0-9A-Fa-f]{2}|\\\\u[0-9A-Fa-f]{4}/g, (escape) => escape.replace(/[A-Fa-f]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`));
}

/**
 * Replaces every occurrence of each secret (longer first, so overlapping secrets are fully hidden),
 * in each form of {@link textForms} and in base64. The one place the project scrubs secrets.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
    // Any length: a short PSK is still a PSK (over-scrubbing only garbles a message).
    const patterns = [
        ...new Set(
            secrets
                .filter((s): s is string => typeof s === "string" && s.length > 0)
                .flatMap((s) => [...textForms(s).map((form) => anyHexCase(escapeRegExp(form))), ...base64Patterns(s)]),
        ),
    ];
    if (patterns.length === 0) return text;
    patterns.sort((a, b) => b.length - a.length);
    return text.replace(new RegExp(patterns.join("|"), "g"), "[REDACTED]");
}
