/**
 * Remembers SignatureNonce values for the replay window, so a replayed request is refused.
 */

export class NonceCache {
    /** nonce → wall-clock ms when first seen; Map keeps insertion order, so the oldest come first. */
    private readonly seen = new Map<string, number>();

    constructor(private readonly windowMs: number) {}

    /**
     * Records `nonce` unless it was seen within the window.
     * @returns false when the nonce is a replay.
     */
    claim(nonce: string, nowMs: number): boolean {
        this.forgetOlderThan(nowMs - this.windowMs);
        if (this.seen.has(nonce)) {
            return false;
        }
        this.seen.set(nonce, nowMs);
        return true;
    }

    clear(): void {
        this.seen.clear();
    }

    private forgetOlderThan(cutoffMs: number): void {
        for (const [nonce, firstSeen] of this.seen) {
            if (firstSeen >= cutoffMs) {
                return;
            }
            this.seen.delete(nonce);
        }
    }
}
