/**
 * Reads an RPC call's parameters as pop-core sends them: a form body (POST) and/or the query string (GET).
 */
import type { EmulatorRequest } from "../core/types";

/**
 * All parameters of the request, decoded. Query parameters come first and the body's override them,
 * since the signature covers both. A repeated name keeps its last value.
 */
export function readRpcParams(req: EmulatorRequest): Record<string, string> {
    const params: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(req.query)) {
        params[key] = value;
    }
    if (req.method === "POST" && req.body !== "") {
        for (const [key, value] of new URLSearchParams(req.body)) {
            params[key] = value;
        }
    }
    return params;
}
