/**
 * Raw HTTP for core tests, so they observe exactly what a client sees (status, headers, resets).
 */
import { Agent, request } from "http";

export interface RawResponse {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    json: any;
    /** The body as received (a raw fault's answer need not be JSON). */
    text: string;
}

function parseOrUndefined(text: string): unknown {
    try {
        return text === "" ? undefined : JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** One request; rejects with the socket error (e.g. ECONNRESET) when the server resets. */
export function rawRequest(
    url: string,
    options: { method?: string; body?: string; headers?: Record<string, string>; setHost?: boolean; agent?: Agent | false; timeoutMs?: number } = {},
): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
        const requestOptions = { method: options.method ?? "GET", headers: options.headers, setHost: options.setHost ?? true, agent: options.agent ?? false, timeout: options.timeoutMs ?? 5000 };
        const req = request(url, requestOptions, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (text += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: parseOrUndefined(text), text }));
            res.on("error", reject);
        });
        req.on("timeout", () => req.destroy(Object.assign(new Error("client timeout"), { code: "CLIENT_TIMEOUT" })));
        req.on("error", reject);
        req.end(options.body);
    });
}
