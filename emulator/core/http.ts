/**
 * Small HTTP helpers shared by the core's data path and its control API.
 */
import type { IncomingMessage, ServerResponse } from "http";
import type { EmulatorResponse } from "./types";

/** Largest request body the emulator reads; cloud API calls are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A control-API request the core or a front end refuses; rendered as `{error, message}`. */
export class ControlRequestError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
    ) {
        super(message);
        this.name = "ControlRequestError";
    }
}

/** Reads the whole request body as UTF-8, refusing bodies above {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const collect = (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                // Drain the rest instead of destroying the socket, so the 413 answer still reaches the client.
                req.off("data", collect);
                req.resume();
                chunks.length = 0;
                reject(new ControlRequestError(413, "PayloadTooLarge", `request body exceeds ${MAX_BODY_BYTES} bytes`));
                return;
            }
            chunks.push(chunk);
        };
        req.on("data", collect);
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}

/** A JSON response with the given status. */
export function jsonResponse(status: number, json: unknown): EmulatorResponse {
    return { status, json };
}

/** The control API's error envelope: `{error: <code>, message}`. */
export function controlErrorResponse(status: number, code: string, message: string): EmulatorResponse {
    return jsonResponse(status, { error: code, message });
}

/** Writes a response unless the client already went away (a faulted or timed-out call). */
export function writeJsonResponse(res: ServerResponse, response: EmulatorResponse): void {
    if (res.destroyed || res.writableEnded) {
        return;
    }
    const payload = JSON.stringify(response.json ?? null);
    res.writeHead(response.status, {
        ...response.headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(payload)),
    });
    res.end(payload);
}

/** Writes `body` verbatim (an injected non-envelope answer) unless the client already went away. */
export function writeRawResponse(res: ServerResponse, status: number, body: string, contentType = "text/html"): void {
    if (res.destroyed || res.writableEnded) {
        return;
    }
    res.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
}

/** Parses a control-API JSON body; an empty body is `undefined`. */
export function parseJsonBody(body: string): unknown {
    if (body.trim() === "") {
        return undefined;
    }
    try {
        return JSON.parse(body);
    } catch {
        throw new ControlRequestError(400, "InvalidJson", "request body is not valid JSON");
    }
}
