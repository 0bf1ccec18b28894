/**
 * The fault-injection queue: faults armed through the control API, consumed FIFO by matching calls.
 */
import { ControlRequestError } from "./http";
import { isJsonObject } from "./json";
import type { ArmedFault, CloudName, FaultSpec } from "./types";

const CLOUDS: readonly CloudName[] = ["alicloud", "tencentcloud"];

/** Armed faults in arming order; each applies to `count` matching calls, then disappears. */
export class FaultQueue {
    private armed: ArmedFault[] = [];

    /** Appends a fault (a copy, so later control calls cannot mutate it in place). */
    arm(fault: ArmedFault): void {
        this.armed.push({ ...fault, fault: { ...fault.fault } });
    }

    /**
     * Consumes one use of the first fault matching `cloud` and `action` ("*" matches any action).
     * @returns the fault to apply, or undefined when none matches.
     */
    take(cloud: CloudName, action: string): FaultSpec | undefined {
        const index = this.armed.findIndex((f) => f.cloud === cloud && (f.action === "*" || f.action === action));
        if (index < 0) {
            return undefined;
        }
        const match = this.armed[index];
        match.count -= 1;
        if (match.count <= 0) {
            this.armed.splice(index, 1);
        }
        return match.fault;
    }

    /** Faults still armed, with their remaining counts. */
    list(): ArmedFault[] {
        return this.armed.map((f) => ({ ...f, fault: { ...f.fault } }));
    }

    clear(): void {
        this.armed = [];
    }
}

/**
 * Validates a `POST /__emu/faults` body into an {@link ArmedFault} (`count` defaults to 1).
 * @throws ControlRequestError (400) naming the offending field.
 */
export function parseArmedFault(body: unknown): ArmedFault {
    if (!isJsonObject(body)) {
        throw invalid("body must be a JSON object");
    }
    const { cloud, action, count = 1, fault } = body;
    if (typeof cloud !== "string" || !CLOUDS.includes(cloud as CloudName)) {
        throw invalid(`\`cloud\` must be one of ${CLOUDS.join(", ")}`);
    }
    if (typeof action !== "string" || action === "") {
        throw invalid("`action` must be a non-empty string (\"*\" matches any action)");
    }
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
        throw invalid("`count` must be an integer >= 1");
    }
    return { cloud: cloud as CloudName, action, count, fault: parseFaultSpec(fault) };
}

function parseFaultSpec(fault: unknown): FaultSpec {
    if (!isJsonObject(fault)) {
        throw invalid("`fault` must be a JSON object with a `kind`");
    }
    switch (fault.kind) {
        case "error": {
            const { code, httpStatus, message } = fault;
            if (typeof code !== "string" || code === "") {
                throw invalid("`fault.code` must be a non-empty string");
            }
            if (httpStatus !== undefined && (typeof httpStatus !== "number" || !Number.isInteger(httpStatus) || httpStatus < 100 || httpStatus > 599)) {
                throw invalid("`fault.httpStatus` must be an HTTP status code");
            }
            if (message !== undefined && typeof message !== "string") {
                throw invalid("`fault.message` must be a string");
            }
            return { kind: "error", code, httpStatus, message };
        }
        case "reset-before":
        case "reset-after":
            return { kind: fault.kind };
        case "delay": {
            const { ms } = fault;
            if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0) {
                throw invalid("`fault.ms` must be an integer >= 0");
            }
            return { kind: "delay", ms };
        }
        case "raw": {
            const { status, body, contentType, commit = false } = fault;
            if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
                throw invalid("`fault.status` must be an HTTP status code");
            }
            if (typeof body !== "string") throw invalid("`fault.body` must be a string (the raw answer)");
            if (contentType !== undefined && typeof contentType !== "string") throw invalid("`fault.contentType` must be a string");
            if (typeof commit !== "boolean") throw invalid("`fault.commit` must be a boolean");
            return { kind: "raw", status, body, contentType, commit };
        }
        default:
            throw invalid("`fault.kind` must be one of error, reset-before, reset-after, delay, raw");
    }
}

function invalid(message: string): ControlRequestError {
    return new ControlRequestError(400, "InvalidFault", message);
}
