/**
 * Remembers used nonces until they expire, so a replayed request is refused. Each cloud decides what
 * a nonce's key is (Alibaba: `SignatureNonce` alone; Tencent API 2.0: SecretId, Timestamp and Nonce)
 * and when it expires (the end of the signature's clock window).
 */
export class NonceCache {
    /** key → expiry (ms on the caller's clock). */
    private readonly seen = new Map<string, number>();
    /** No entry expires before this, so a claim before it need not look for expired ones. */
    private earliestExpiryMs = Infinity;

    /**
     * Records `key` as used until `expiresAtMs`, unless it is already recorded and not yet expired.
     * An entry stays used through `expiresAtMs` itself.
     * @returns false when the key is a replay.
     */
    claim(key: string, expiresAtMs: number, nowMs: number): boolean {
        if (nowMs > this.earliestExpiryMs) {
            this.forgetExpired(nowMs);
        }
        if (this.seen.has(key)) {
            return false;
        }
        this.seen.set(key, expiresAtMs);
        this.earliestExpiryMs = Math.min(this.earliestExpiryMs, expiresAtMs);
        return true;
    }

    /** Forgets every key (front-end reset). */
    clear(): void {
        this.seen.clear();
        this.earliestExpiryMs = Infinity;
    }

    private forgetExpired(nowMs: number): void {
        let earliest = Infinity;
        for (const [key, expiresAtMs] of this.seen) {
            if (expiresAtMs < nowMs) {
                this.seen.delete(key);
            } else {
                earliest = Math.min(earliest, expiresAtMs);
            }
        }
        this.earliestExpiryMs = earliest;
    }
}
