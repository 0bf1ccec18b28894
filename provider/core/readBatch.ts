/**
 * Read coalescing for refreshes: the reads of one plugin process share one listing per VPN gateway
 * (a short-lived "view") instead of sending one Describe per connection. A refresh of N connections
 * on G gateways then costs about G × ⌈N / G / page size⌉ Describe calls instead of N, which keeps a
 * large stack inside the clouds' per-account Describe quotas.
 *
 * Rules that keep a batched read equal to a single one:
 * - a connection the view lists is answered from the view (same API item a by-id Describe returns)
 *   as soon as its page has arrived, while the listing's other pages are still on their way;
 * - a connection the view does not list is read by id — only that direct answer may call it gone;
 * - a failed listing (error, throttling, malformed answer) falls back to single reads for every
 *   connection its pages had not answered yet;
 * - a write on a gateway from this process drops its view, before and after the write;
 * - a view is reused for at most {@link VIEW_LIFETIME_MS} after its listing was answered, and answers
 *   each connection once: a second read of it (a later refresh in the same process) lists anew.
 *
 * `PULUMI_IPSEC_READ_BATCHING=off` sends one Describe per read, as before.
 */
import { ConfigurationError } from "./errors";

/** How long a listing answers reads after it arrived. */
export const VIEW_LIFETIME_MS = 5_000;

/** Views kept at most; the oldest goes first (a refresh touches at most a few hundred gateways). */
const MAX_VIEWS = 1_000;

const SWITCH = "PULUMI_IPSEC_READ_BATCHING";

/** True unless `PULUMI_IPSEC_READ_BATCHING` is `off`; any value but `on`/`off` fails, naming the variable. */
export function readBatchingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
    const value = env[SWITCH];
    if (value === undefined || value === "" || value === "on") return true;
    if (value === "off") return false;
    throw new ConfigurationError(`${SWITCH} must be "on" or "off" (got ${JSON.stringify(value)})`);
}

/** Hands a page's connections, by id, to the view the listing fills. */
export type Publish<T> = (connections: Iterable<readonly [string, T]>) => void;

/** Lists every connection of a gateway, publishing each page's as it arrives; settles once all are published. */
export type Listing<T> = (publish: Publish<T>) => Promise<void>;

/** A gateway's connections as its listing has delivered them so far. */
class View<T> {
    /** Set once the listing is complete (or failed); a view still being fetched is shared as it is. */
    answeredAt?: number;
    /** The connections it answered: a second read of one is a later operation, which lists anew. */
    readonly served = new Set<string>();
    private readonly listed = new Map<string, T>();
    private outcome?: { failure?: unknown };
    /** Resolves at the next published page or at the outcome; replaced each time. */
    private arrival!: Promise<void>;
    private arrived!: () => void;

    constructor(list: Listing<T>, now: () => number) {
        this.nextArrival();
        const settle = (failure?: { failure: unknown }) => {
            this.answeredAt = now();
            this.outcome = failure ?? {};
            this.arrived();
        };
        let listing: Promise<void>;
        try {
            listing = list((connections) => this.publish(connections));
        } catch (error) {
            listing = Promise.reject(error);
        }
        listing.then(() => settle(), (failure: unknown) => settle({ failure }));
    }

    /**
     * The connection once its page has arrived; undefined once the whole listing arrived without it.
     * Throws the listing's error when the listing failed before answering it. Waits at most for every
     * page of one listing.
     */
    async find(id: string): Promise<T | undefined> {
        for (;;) {
            const connection = this.listed.get(id);
            if (connection !== undefined) return connection;
            if (this.outcome) {
                if ("failure" in this.outcome) throw this.outcome.failure;
                return undefined;
            }
            await this.arrival;
        }
    }

    private publish(connections: Iterable<readonly [string, T]>): void {
        if (this.outcome) return;
        // A connection a changing listing shows twice keeps the answer reads may already have had.
        for (const [id, connection] of connections) if (!this.listed.has(id)) this.listed.set(id, connection);
        this.arrived();
    }

    private nextArrival(): void {
        this.arrival = new Promise<void>((resolve) => {
            this.arrived = () => {
                this.nextArrival();
                resolve();
            };
        });
    }
}

/**
 * The views of one process. A view belongs to a gateway (`<cloud>:<vpnGatewayId>`, the key of the
 * gateway's write lock) and a scope (endpoint, region and credential identity: what selects the
 * account and API); a write on the gateway drops its views of every scope.
 */
export class ViewCache {
    private readonly views = new Map<string, Map<string, View<unknown>>>();

    constructor(private readonly now: () => number = Date.now, private readonly lifetimeMs = VIEW_LIFETIME_MS) {}

    /**
     * The gateway's view for reading `id`: the live one unless it expired or already answered `id`
     * (one refresh reads each connection once), else a new one that `list` fills.
     */
    view<T>(gateway: string, scope: string, id: string, list: Listing<T>): View<T> {
        const existing = this.views.get(gateway)?.get(scope) as View<T> | undefined;
        const live = existing && !existing.served.has(id) && (existing.answeredAt === undefined || this.now() - existing.answeredAt <= this.lifetimeMs);
        // A failed listing is kept as failed for its lifetime too: the gateway's other reads go
        // straight to single reads instead of each trying the listing again.
        const view = live ? existing : new View(list, this.now);
        if (!live) this.store(gateway, scope, view);
        view.served.add(id);
        return view;
    }

    /** Drops the gateway's views: the next read lists again. */
    invalidate(gateway: string): void {
        this.views.delete(gateway);
    }

    private store(gateway: string, scope: string, view: View<unknown>): void {
        const scopes = this.views.get(gateway) ?? new Map<string, View<unknown>>();
        this.views.delete(gateway); // re-inserted last: the oldest gateway is evicted first
        scopes.set(scope, view);
        this.views.set(gateway, scopes);
        if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value as string);
    }
}

/** A gateway's key, for its write lock and its read views: `<cloud>:<vpnGatewayId>`. */
export function gatewayKey(cloud: string, vpnGatewayId: unknown): string {
    return `${cloud}:${vpnGatewayId}`;
}

/** The plugin process's views (module state: required at call time, never captured in a closure). */
export const processViews = new ViewCache();

export interface BatchedRead<T> {
    /** The connection to read. */
    id: string;
    /** The gateway's lock key (`<cloud>:<vpnGatewayId>`); undefined (gateway unknown) reads by id. */
    gateway?: string;
    /** Endpoint, region and credential identity (never a secret): views are not shared across accounts. */
    scope: string;
    /** Every connection of the gateway, by id, from paged listing calls, published page by page. */
    list: Listing<T>;
    /** The single by-id read, and the only one that may answer "gone" (undefined). */
    single: () => Promise<T | undefined>;
    /** The read's deadline (ms since epoch): a listing that failed after it is the read's failure. */
    deadline: number;
    /** Told when a listing failed and the read fell back to the single call. */
    onListingFailed?: (error: unknown) => void;
}

/** One read through the gateway's view (see the module comment for when it falls back to `single`). */
export async function readThroughView<T>(read: BatchedRead<T>, views: ViewCache = processViews, env: NodeJS.ProcessEnv = process.env): Promise<T | undefined> {
    if (read.gateway === undefined || !readBatchingEnabled(env)) return read.single();
    let listed: T | undefined;
    try {
        listed = await views.view(read.gateway, read.scope, read.id, read.list).find(read.id);
    } catch (error) {
        if (Date.now() >= read.deadline) throw error;
        read.onListingFailed?.(error);
        return read.single();
    }
    return listed ?? read.single();
}

/** Runs a write on a gateway with its view dropped before and after, so no later read sees the gateway as it was. */
export async function writingTo<T>(gateway: string, write: () => Promise<T>, views: ViewCache = processViews): Promise<T> {
    views.invalidate(gateway);
    try {
        return await write();
    } finally {
        views.invalidate(gateway);
    }
}

/** Pages of one listing in flight at once, once page 1 told how many there are. */
export const PAGES_IN_FLIGHT = 4;

/** One page of a listing: its items and, when the API tells it, the listing's total count. */
export interface Page<T> {
    items: readonly T[];
    total?: number;
}

/**
 * Fetches every page of a listing: `fetchPage(n)` answers page n (from 1). Page 1's total tells how
 * many pages there are, and the rest are fetched {@link PAGES_IN_FLIGHT} at a time — the same pages a
 * page-by-page walk asks for, in about a fifth of the round trips. Without a total, or when the
 * listing grew while it was read (the last page full and a larger total), it goes on page by page
 * until the total is reached or a page comes back short. `maxPages` bounds it. A listing read while
 * it changes may miss or repeat an item (readers treat a missing one as unknown, never as gone), and
 * one that shrank after page 1 costs the pages page 1's total promised. When a page fails, the
 * pages already in flight still finish, unread.
 */
export async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>, pageSize: number, maxPages = 1_000): Promise<T[]> {
    const first = await fetchPage(1);
    const pages: Page<T>[] = [first];
    const ends = (answer: Page<T>, listed: number) => answer.items.length < pageSize || (answer.total !== undefined && listed >= answer.total);
    if (ends(first, first.items.length)) return [...first.items];
    if (first.total !== undefined) {
        const last = Math.min(Math.ceil(first.total / pageSize), maxPages);
        pages.push(...(await inFlight(last - 1, PAGES_IN_FLIGHT, (k) => fetchPage(k + 2))));
    }
    let listed = pages.reduce((sum, answer) => sum + answer.items.length, 0);
    for (let page = pages.length; !ends(pages[page - 1], listed); page++) {
        if (page === maxPages) throw new Error(`listing did not end within ${maxPages} pages`);
        const answer = await fetchPage(page + 1);
        pages.push(answer);
        listed += answer.items.length;
    }
    return pages.flatMap((answer) => answer.items);
}

/** `run(0 … count − 1)` with at most `limit` running, answers in order; after a failure no new one starts. */
export async function inFlight<R>(count: number, limit: number, run: (k: number) => Promise<R>): Promise<R[]> {
    const answers: R[] = new Array(count);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < count) {
            const k = next++;
            try {
                answers[k] = await run(k);
            } catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
    return answers;
}
