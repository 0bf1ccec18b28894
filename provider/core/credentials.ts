/**
 * What both clouds' credential resolution shares: a resource's `credentials` input (which identity
 * its calls use — a profile or a role to assume, never a key), object-valued config keys
 * (`alicloud:assumeRole`, …) read as JSON, one credential provider per source and process (the
 * clouds' libraries cache and refresh temporary credentials inside it), and failures turned into a
 * {@link CredentialError} carrying the STS error code and request ID, never a secret.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { findSetting } from "./config";
import { parseEndpoint } from "./endpoint";
import { CloudName, ConfigurationError, CredentialError, redact, withoutStringToSign } from "./errors";
import type { ObjectField } from "./schema";
import type { Setting } from "./settingKeys";

/** A role to assume on top of the base credentials (STS AssumeRole). */
export interface AssumeRoleChoice {
    roleArn: string;
    sessionName?: string;
    /** Lifetime of the temporary credentials, in seconds. */
    durationSeconds?: number;
    /** An inline policy narrowing the role's permissions (JSON). */
    policy?: string;
    externalId?: string;
}

/** A resource's `credentials` input. */
export interface CredentialChoice {
    profile?: string;
    assumeRole?: AssumeRoleChoice;
}

/** Session name of assumed roles when none is set: the clouds' audit logs show it. */
export const DEFAULT_SESSION_NAME = "pulumi-ipsec";
/** Lifetime asked for assumed roles when none is set (both STS APIs' default is 3600 s as well). */
export const DEFAULT_SESSION_SECONDS = 3600;
/** Shortest lifetime both STS APIs grant (Alibaba AssumeRole, Tencent AssumeRole: 900 s). */
export const MIN_SESSION_SECONDS = 900;
/** Longest lifetime both STS APIs grant (Alibaba: the role's maximum, at most 43200 s; Tencent: 43200 s). */
export const MAX_SESSION_SECONDS = 43_200;

/**
 * The `credentials` row both resources declare. Provider-side (`local`): stored in state so a
 * delete uses the identity that created the connection, never sent to the cloud, never diffed.
 * @param profileDoc what `profile` selects in this cloud, or undefined when the cloud's library has no named profiles.
 */
export function credentialsField(cloud: string, profileDoc: string | undefined): ObjectField {
    const assumeRole: ObjectField = {
        kind: "object",
        defaultDoc: "none: the base credentials are used as they are",
        typeName: "AssumeRole",
        doc: `A role to assume (STS AssumeRole) with the base credentials; the temporary credentials are refreshed before they expire.`,
        // `roleArn` is required of a given block only: a required row would make check demand it of an absent one.
        rules: [(value) => (value && typeof value === "object" && !(value as Record<string, unknown>).roleArn ? "needs roleArn" : undefined)],
        fields: {
            roleArn: { kind: "string", minLength: 1, maxLength: 512, doc: "The role's ARN (required).", defaultDoc: "none: required in a given `assumeRole`" },
            sessionName: { kind: "string", minLength: 2, maxLength: 64, doc: "The session name the cloud's audit log shows.", defaultDoc: `\`${DEFAULT_SESSION_NAME}\`` },
            durationSeconds: {
                kind: "integer",
                min: MIN_SESSION_SECONDS,
                max: MAX_SESSION_SECONDS,
                doc: "Lifetime of the temporary credentials, in seconds (at most the role's maximum session).",
                defaultDoc: String(DEFAULT_SESSION_SECONDS),
            },
            externalId: { kind: "string", minLength: 2, maxLength: 1224, doc: "The external ID the role's trust policy asks for.", defaultDoc: "none" },
        },
    };
    const fields: ObjectField["fields"] = profileDoc
        ? { profile: { kind: "string", minLength: 1, maxLength: 128, doc: profileDoc, defaultDoc: "the provider's base credentials" }, assumeRole }
        : { assumeRole };
    return {
        kind: "object",
        local: true,
        typeName: "Credentials",
        doc:
            `Which ${cloud} identity this connection's calls use, instead of the provider's (two accounts in one stack). ` +
            "Names a source, never a key, so state holds no secret. Changing it updates nothing in the cloud.",
        defaultDoc: "the provider's credential chain (README, Credentials)",
        fields,
    };
}

/** The resource's choice, from its props (`check` validated the shape). */
export function credentialChoiceOf(props: Record<string, unknown>): CredentialChoice | undefined {
    const value = props.credentials;
    return value && typeof value === "object" ? (value as CredentialChoice) : undefined;
}

/**
 * An object-valued config key (`pulumi config set --path alicloud:assumeRole.roleArn …` stores a
 * JSON object, which the engine hands over as its JSON text). Throws naming the key.
 */
export function objectSetting(setting: Setting): { value: Record<string, unknown>; source: string } | undefined {
    const found = findSetting(setting);
    if (!found) return undefined;
    let value: unknown;
    try {
        value = JSON.parse(found.value);
    } catch {
        value = undefined;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
        throw new ConfigurationError(`${found.source} must be an object (pulumi config set --path ${setting.key}.<field> <value>)`);
    }
    return { value: value as Record<string, unknown>, source: found.source };
}

/**
 * An assume-role setting (`alicloud:assumeRole`, `tencentcloud:assumeRole`): roleArn, sessionName,
 * policy, externalId and the lifetime, which the official providers name differently
 * (`sessionExpiration` for Alibaba, `sessionDuration` for Tencent).
 */
export function assumeRoleSetting(setting: Setting, lifetimeField: string): AssumeRoleChoice | undefined {
    const found = objectSetting(setting);
    if (!found) return undefined;
    const { value, source } = found;
    return {
        roleArn: stringIn(value, "roleArn", source, true)!,
        sessionName: stringIn(value, "sessionName", source),
        durationSeconds: secondsIn(value, lifetimeField, source),
        policy: stringIn(value, "policy", source),
        externalId: stringIn(value, "externalId", source),
    };
}

/** The content of an OIDC token file, for scrubbing from a failure's message (nothing when unreadable). */
export function tokenFileSecrets(file: string | undefined): string[] {
    try {
        return file ? [readFileSync(file, "utf8").trim()] : [];
    } catch {
        return [];
    }
}

/** A string field of an object setting; `required` throws naming `source.field`. */
export function stringIn(object: Record<string, unknown>, field: string, source: string, required = false): string | undefined {
    const value = object[field];
    if (value === undefined || value === "") {
        if (required) throw new ConfigurationError(`${source} needs ${field}`);
        return undefined;
    }
    if (typeof value !== "string") throw new ConfigurationError(`${source}: ${field} must be a string`);
    return value;
}

/** A lifetime in seconds (a number or a numeric string), within both STS APIs' range. */
export function secondsIn(object: Record<string, unknown>, field: string, source: string): number | undefined {
    const raw = object[field];
    if (raw === undefined || raw === "") return undefined;
    const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_SESSION_SECONDS || value > MAX_SESSION_SECONDS) {
        throw new ConfigurationError(`${source}: ${field} must be an integer from ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS} (seconds)`);
    }
    return value;
}

/**
 * The STS endpoint override of `setting`, parsed as the VPC endpoints are (plain http for loopback
 * hosts only): `{host, http}` with the path riding in `host`, as both libraries build the URL
 * from a host string.
 */
export function stsEndpoint(setting: Setting, what: string): { host: string; http: boolean } | undefined {
    const found = findSetting(setting);
    if (!found) return undefined;
    const url = parseEndpoint(found.value, `${what} (${found.source})`);
    return { host: url.host + url.pathname.replace(/\/+$/, ""), http: url.protocol === "http:" };
}

const providers = new Map<string, unknown>();

/**
 * One provider per distinct source and process, so the libraries' caches serve every resource and
 * a role is assumed once, not per call. Keyed by a digest: the map never holds a readable secret as a key.
 */
export function providerFor<T>(cloud: CloudName, source: unknown, build: () => T): T {
    const key = createHash("sha256").update(JSON.stringify([cloud, source])).digest("hex");
    let provider = providers.get(key) as T | undefined;
    if (provider === undefined) {
        provider = build();
        providers.set(key, provider);
    }
    return provider;
}

/** Forgets every provider (for tests: a new environment gets new providers). */
export function resetCredentialProviders(): void {
    providers.clear();
}

/**
 * What a credential library threw, as a {@link CredentialError}: the STS answer's `Code`, `RequestId`
 * and `Message` when the library quoted the JSON body, else its message up to any quoted body
 * (which, for an answer it could not read, may hold the credentials themselves).
 */
export function credentialFailure(cloud: CloudName, source: string, error: unknown, secrets: ReadonlyArray<string | undefined>): CredentialError {
    if (error instanceof CredentialError || error instanceof ConfigurationError) return error as CredentialError;
    const message = String((error as { message?: unknown })?.message ?? error);
    const body = stsBody(message);
    // The Alibaba library's network errors end with the request's method and URL (its query holds the key ID and signature).
    const prefix = message.split(/:\s*[{<]/)[0].replace(/\s*(GET|POST) https?:\/\/\S+( failed\.?)?/g, "").trim();
    const detail = body?.message ?? (prefix || "no credentials");
    return new CredentialError(cloud, source, body?.code, body?.requestId, redact(withoutStringToSign(detail), secrets));
}

/** The STS error JSON a library message quotes (Alibaba: `{"Code", "RequestId", "Message"}`; Tencent: `{"Response": {"Error": …}}`). */
function stsBody(message: string): { code?: string; requestId?: string; message?: string } | undefined {
    const start = message.indexOf("{");
    if (start < 0) return undefined;
    try {
        const json = JSON.parse(message.slice(start));
        const error = json?.Response?.Error ?? json;
        const code = typeof error?.Code === "string" ? error.Code : undefined;
        if (!code) return undefined;
        const requestId = json?.Response?.RequestId ?? json?.RequestId;
        return { code, requestId: typeof requestId === "string" ? requestId : undefined, message: typeof error.Message === "string" ? error.Message : undefined };
    } catch {
        return undefined;
    }
}
