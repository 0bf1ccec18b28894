/** A one-handler loopback HTTP server for wire-level client tests. */
import * as http from "http";
import { AddressInfo } from "net";

export type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

export interface Loopback {
    url: string;
    /** Requests seen so far (method, url, headers, body). */
    requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
    handle(handler: Handler): void;
    close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
    let handler: Handler = (_req, _body, res) => res.end("{}");
    const requests: Loopback["requests"] = [];
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
            handler(req, body, res);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        handle: (next) => (handler = next),
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** Answers JSON with a status. */
export function json(res: http.ServerResponse, value: unknown, status = 200): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
}
