/**
 * The control API under `/__emu`: reset, state, request log, counters, faults, settings, clock,
 * and per-cloud out-of-band operations delegated to each front end's `control()`.
 */
import type { EmulatorContextHandle } from "./context";
import { checkControlRequest } from "./controlGuard";
import type { GuardedRequest } from "./controlGuard";
import type { FaultQueue } from "./faultQueue";
import { parseArmedFault } from "./faultQueue";
import { ControlRequestError, controlErrorResponse, jsonResponse, parseJsonBody } from "./http";
import { isJsonObject } from "./json";
import type { RequestLog } from "./requestLog";
import { parseSettingsPatch } from "./settings";
import type { CloudFrontEnd, EmulatorResponse } from "./types";

/** Path prefix of the control API. */
export const CONTROL_PREFIX = "/__emu";

/** What the control API reads and resets. */
export interface ControlApiDeps {
    frontEnds: readonly CloudFrontEnd[];
    faults: FaultQueue;
    log: RequestLog;
    context: EmulatorContextHandle;
}

/** One control request as the core received it. */
export interface ControlRequest extends GuardedRequest {
    method: string;
    /** Path after `/__emu` ("" or starting with "/"). */
    subPath: string;
}

/** Answers one control request; requests a web page could have sent are refused first (see controlGuard). */
export function handleControlRequest(request: ControlRequest, deps: ControlApiDeps): EmulatorResponse {
    const { method, subPath } = request;
    try {
        checkControlRequest(request);
        const body = parseJsonBody(request.body);
        return route(method, subPath.replace(/\/+$/, ""), body, deps) ?? notFound(method, subPath);
    } catch (error) {
        if (error instanceof ControlRequestError) {
            return controlErrorResponse(error.status, error.code, error.message);
        }
        throw error;
    }
}

function route(method: string, path: string, body: unknown, deps: ControlApiDeps): EmulatorResponse | undefined {
    const { frontEnds, faults, log, context } = deps;
    switch (`${method} ${path}`) {
        case "POST /reset":
            for (const frontEnd of frontEnds) {
                frontEnd.reset();
            }
            faults.clear();
            log.clear();
            context.restore();
            return jsonResponse(200, { reset: true });
        case "GET /state":
            return jsonResponse(200, stateOf(frontEnds));
        case "GET /requests":
            return jsonResponse(200, log.entries());
        case "GET /counters":
            return jsonResponse(200, log.counters());
        case "GET /faults":
            return jsonResponse(200, faults.list());
        case "POST /faults":
            faults.arm(parseArmedFault(body));
            return jsonResponse(200, faults.list());
        case "DELETE /faults":
            faults.clear();
            return jsonResponse(200, []);
        case "GET /settings":
            return jsonResponse(200, { ...context.ctx.settings });
        case "POST /settings":
            context.updateSettings(parseSettingsPatch(body));
            return jsonResponse(200, { ...context.ctx.settings });
        case "GET /clock":
            return jsonResponse(200, clockView(context));
        case "POST /clock":
            context.advanceClock(parseAdvanceMs(body));
            return jsonResponse(200, clockView(context));
    }
    return routeToFrontEnd(method, path, body, frontEnds);
}

/** `/__emu/<cloud>/<rest>` → `control(method, "/<rest>", body)` of that cloud's front ends, in turn, until one answers. */
function routeToFrontEnd(method: string, path: string, body: unknown, frontEnds: readonly CloudFrontEnd[]): EmulatorResponse | undefined {
    const match = /^\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) {
        return undefined;
    }
    for (const frontEnd of frontEnds.filter((f) => f.cloud === match[1])) {
        const response = frontEnd.control(method, match[2] ?? "/", body);
        if (response) {
            return response;
        }
    }
    return undefined;
}

/** Every front end's `dump()` by cloud; the objects of one cloud's front ends are merged. */
function stateOf(frontEnds: readonly CloudFrontEnd[]): Record<string, unknown> {
    const state: Record<string, unknown> = {};
    for (const frontEnd of frontEnds) {
        const previous = state[frontEnd.cloud];
        const dump = frontEnd.dump();
        state[frontEnd.cloud] = isJsonObject(previous) && isJsonObject(dump) ? { ...previous, ...dump } : dump;
    }
    return state;
}

function parseAdvanceMs(body: unknown): number {
    const advanceMs = isJsonObject(body) ? body.advanceMs : undefined;
    if (typeof advanceMs !== "number" || !Number.isInteger(advanceMs) || advanceMs < 0) {
        throw new ControlRequestError(400, "InvalidClock", "`advanceMs` must be an integer >= 0 (the clock only moves forward)");
    }
    return advanceMs;
}

function clockView(context: EmulatorContextHandle): { now: number; offsetMs: number } {
    return { now: context.ctx.now(), offsetMs: context.clockOffsetMs() };
}

function notFound(method: string, subPath: string): EmulatorResponse {
    return controlErrorResponse(404, "NotFound", `no control route ${method} ${CONTROL_PREFIX}${subPath}`);
}
