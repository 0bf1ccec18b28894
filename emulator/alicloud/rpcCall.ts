/**
 * One RPC call, as every Alibaba front end (VPC, STS) takes it: parameters in the query and/or a form body at
 * "/", authenticated by the service's own rule, routed on `Action`, answered with the RPC envelope.
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { errorResponse, newAlicloudRequestId, successResponse, VPC_SOURCE } from "./envelope";
import type { ErrorSource } from "./envelope";
import { AliApiError } from "./errors";
import { redactRpcParams } from "./redaction";
import { readRpcParams } from "./requestParams";

type Params = Readonly<Record<string, string>>;

/** What a front end serves over RPC. */
export interface RpcService<Env> {
    /** The public endpoint errors name. @default VPC_SOURCE */
    source?: ErrorSource;
    actions: Readonly<Record<string, (params: Params, env: Env) => Record<string, unknown>>>;
    /**
     * Proves the caller (signature, token) and names the action.
     * @throws AliApiError with the code to refuse the call with.
     */
    authenticate(req: EmulatorRequest, params: Params): string;
    /** The action's environment, built when the action runs (settings may change in between). */
    env(): Env;
}

/** Parses and authenticates an RPC call: a refusal, or the call the core runs. */
export function parseRpcCall<Env>(req: EmulatorRequest, ctx: EmulatorContext, service: RpcService<Env>): EmulatorResponse | ParsedCall {
    const requestId = newAlicloudRequestId(ctx);
    const refuse = (error: AliApiError) => errorResponse(requestId, error, service.source ?? VPC_SOURCE);
    /** Runs `body`, answering an AliApiError it throws as the cloud does. */
    const answering = <T>(body: () => T): T | EmulatorResponse => {
        try {
            return body();
        } catch (error) {
            if (error instanceof AliApiError) return refuse(error);
            throw error;
        }
    };
    if (req.path !== "/") {
        // [inferred] RPC APIs live at "/" only.
        return refuse(new AliApiError("InvalidAction.NotFound", `No API is served at ${req.path}; RPC calls go to "/".`, 404));
    }
    if (req.method !== "GET" && req.method !== "POST") {
        // [inferred] code for other HTTP methods.
        return refuse(new AliApiError("UnsupportedHTTPMethod", `HTTP method ${req.method} is not supported; use GET or POST.`, 400));
    }
    const params = readRpcParams(req);
    const action = answering(() => service.authenticate(req, params));
    if (typeof action !== "string") return action;
    if (!Object.hasOwn(service.actions, action)) {
        // [inferred] code for an action the emulator (or the API) does not have.
        return refuse(new AliApiError("InvalidAction.NotFound", `Specified api "${action}" is not found, please check your url and method.`, 400));
    }
    const handler = service.actions[action];
    return {
        action,
        redactedParams: redactRpcParams(params),
        run: () => answering(() => successResponse(requestId, handler(params, service.env()))),
        error: (code, message, httpStatus) => refuse(new AliApiError(code, message, httpStatus)),
    };
}
