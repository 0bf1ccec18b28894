/**
 * Records kept by id and by group (a gateway, a region), in creation order, so that a lookup by id
 * or a listing of one group costs the same with ten or ten thousand records stored; and the
 * records with a transition under way, so that settling them does not walk the whole store.
 */

/** Stored records: by id, by group key, and the ones awaiting a deadline. */
export class RecordIndex<T> {
    private readonly byId = new Map<string, T>();
    /** Group key → records in creation order (a `Map` keeps insertion order). */
    private readonly groups = new Map<string, Map<string, T>>();
    /** The group keys a record was filed under, fixed when it was added. */
    private readonly keysOf = new Map<T, readonly string[]>();
    private readonly order = new Map<T, number>();
    private readonly deadlines = new Map<T, number>();
    private earliestDeadline = Infinity;
    private nextOrder = 0;

    constructor(
        private readonly idOf: (record: T) => string,
        private readonly groupKeysOf: (record: T) => readonly string[],
    ) {}

    get size(): number {
        return this.byId.size;
    }

    has(id: string): boolean {
        return this.byId.has(id);
    }

    get(id: string): T | undefined {
        return this.byId.get(id);
    }

    /** Every record, oldest first (a copy: callers may delete while they walk it). */
    all(): T[] {
        return [...this.byId.values()];
    }

    /** The records filed under `key`, oldest first (a copy). */
    group(key: string): T[] {
        const members = this.groups.get(key);
        return members ? [...members.values()] : [];
    }

    groupSize(key: string): number {
        return this.groups.get(key)?.size ?? 0;
    }

    /** Creation rank, for putting records picked by id back in listing order. */
    rank(record: T): number {
        return this.order.get(record) ?? Number.MAX_SAFE_INTEGER;
    }

    add(record: T): void {
        const id = this.idOf(record);
        const keys = this.groupKeysOf(record);
        this.byId.set(id, record);
        this.keysOf.set(record, keys);
        this.order.set(record, this.nextOrder++);
        for (const key of keys) {
            let members = this.groups.get(key);
            if (!members) this.groups.set(key, (members = new Map()));
            members.set(id, record);
        }
    }

    delete(record: T): boolean {
        const id = this.idOf(record);
        if (this.byId.get(id) !== record) return false;
        this.byId.delete(id);
        for (const key of this.keysOf.get(record) ?? []) {
            const members = this.groups.get(key);
            members?.delete(id);
            if (members?.size === 0) this.groups.delete(key);
        }
        this.keysOf.delete(record);
        this.order.delete(record);
        this.deadlines.delete(record);
        return true;
    }

    clear(): void {
        this.byId.clear();
        this.groups.clear();
        this.keysOf.clear();
        this.order.clear();
        this.deadlines.clear();
        this.earliestDeadline = Infinity;
    }

    /** Marks `record` as due at `at` (emulator-clock ms); a later call replaces the deadline. */
    due(record: T, at: number): void {
        this.deadlines.set(record, at);
        this.earliestDeadline = Math.min(this.earliestDeadline, at);
    }

    /**
     * Takes every record whose deadline is at or before `now`, oldest first, and forgets their
     * deadlines; nothing is walked while the earliest deadline is still ahead.
     */
    takeDue(now: number): T[] {
        if (now < this.earliestDeadline) return [];
        const taken: T[] = [];
        let earliest = Infinity;
        for (const [record, at] of this.deadlines) {
            if (at <= now) taken.push(record);
            else earliest = Math.min(earliest, at);
        }
        for (const record of taken) this.deadlines.delete(record);
        this.earliestDeadline = earliest;
        return taken.sort((a, b) => this.rank(a) - this.rank(b));
    }
}
