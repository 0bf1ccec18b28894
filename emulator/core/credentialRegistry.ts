/**
 * The credentials one cloud of one emulator accepts: its fixed fixture key pairs plus the temporary
 * ones its STS front end issued, each of those with an expiry on the emulator clock.
 *
 * The VPC front end (signature checks) and the STS front end (issuing, and AssumeRole's own signature
 * check) of a cloud are built separately from the same {@link EmulatorContext}; {@link sharedRegistry}
 * hands both the same registry, so a key issued by STS verifies on the VPC API at once.
 */
import { randomBytes } from "crypto";
import type { CloudName, EmulatorContext } from "./types";

/** What every registered credential carries besides its cloud's own fields. */
export interface ExpiringCredential {
    /** Emulator-clock milliseconds from which the credential is refused; absent = never expires. */
    expiresAtMs?: number;
}

/** Read access, as signature verifiers need it (a `Map` of fixtures satisfies it too). */
export interface CredentialLookup<C> {
    get(keyId: string): C | undefined;
}

/**
 * Issued credentials kept at most; the oldest go first. SDKs refresh a short-lived credential on nearly every
 * call (`@alicloud/credentials` once less than 15 minutes are left, `providers/session.js`), so a long demo
 * must not grow the registry without bound.
 */
export const MAX_ISSUED_CREDENTIALS = 10_000;

export class CredentialRegistry<C extends ExpiringCredential> implements CredentialLookup<C> {
    private readonly fixed: ReadonlyMap<string, C>;
    private readonly issued = new Map<string, C>();

    /**
     * @param keyIdOf the key id a client signs with (AccessKeyId, SecretId).
     * @param fixed credentials present from start and after every reset.
     */
    constructor(
        private readonly keyIdOf: (credential: C) => string,
        fixed: readonly C[],
    ) {
        this.fixed = new Map(fixed.map((c) => [keyIdOf(c), c]));
    }

    get(keyId: string): C | undefined {
        return this.fixed.get(keyId) ?? this.issued.get(keyId);
    }

    /** Registers a credential issued by STS; it verifies from now on, until its `expiresAtMs`. */
    add(credential: C): C {
        this.issued.set(this.keyIdOf(credential), credential);
        if (this.issued.size > MAX_ISSUED_CREDENTIALS) {
            this.issued.delete(this.issued.keys().next().value as string);
        }
        return credential;
    }

    /** How many temporary credentials were issued since start or the last reset. */
    issuedCount(): number {
        return this.issued.size;
    }

    /** Forgets every issued credential; the fixtures stay. */
    reset(): void {
        this.issued.clear();
    }
}

/** Whether a credential has expired at `nowMs` (emulator clock). */
export function hasExpired(credential: ExpiringCredential, nowMs: number): boolean {
    return credential.expiresAtMs !== undefined && nowMs >= credential.expiresAtMs;
}

/**
 * Seconds an issued credential lives: the `stsCredentialLifetimeSeconds` setting when set (> 0), so tests can
 * make credentials expire soon, else the session's `DurationSeconds`, as the clouds do.
 */
export function issuedLifetimeSeconds(ctx: EmulatorContext, durationSeconds: number): number {
    const override = ctx.settings.stsCredentialLifetimeSeconds ?? 0;
    return override > 0 ? override : durationSeconds;
}

/** ISO-8601 UTC to the second, `2015-04-09T11:52:19Z` (the `Expiration` format of both clouds' STS). */
export function isoSeconds(ms: number): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");
}

/** A random string of `length` characters from [A-Za-z0-9] (key ids, secrets, tokens of issued credentials). */
export function randomAlphanumeric(length: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

const registries = new WeakMap<EmulatorContext, Map<CloudName, CredentialRegistry<ExpiringCredential>>>();

/**
 * The registry of `cloud` on the emulator owning `ctx`, created on first use with `create`.
 * The caller for a given cloud always passes the same credential type.
 */
export function sharedRegistry<C extends ExpiringCredential>(ctx: EmulatorContext, cloud: CloudName, create: () => CredentialRegistry<C>): CredentialRegistry<C> {
    let byCloud = registries.get(ctx);
    if (!byCloud) {
        byCloud = new Map();
        registries.set(ctx, byCloud);
    }
    let registry = byCloud.get(cloud);
    if (!registry) {
        registry = create() as unknown as CredentialRegistry<ExpiringCredential>;
        byCloud.set(cloud, registry);
    }
    return registry as unknown as CredentialRegistry<C>;
}
