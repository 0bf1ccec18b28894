/**
 * A minimal front end for testing the core alone: `/stub/<action>` is an action call, `/stub/reject`
 * is refused before becoming one, and `/stub/boom` throws inside `run()`.
 */
import type { CloudFrontEnd, EmulatorContext, EmulatorResponse, FrontEndFactory } from "../../../emulator/core/types";

export interface StubFrontEnd extends CloudFrontEnd {
    /** Actions that actually ran, in order. */
    readonly ran: string[];
    resets: number;
}

export function stubFrontEndFactory(onCreate: (stub: StubFrontEnd, ctx: EmulatorContext) => void = () => undefined): FrontEndFactory {
    return (ctx) => {
        const stub: StubFrontEnd = {
            cloud: "alicloud",
            prefix: "/stub",
            ran: [],
            resets: 0,
            parse(req) {
                const action = req.path.slice(1);
                if (action === "reject") {
                    return { status: 401, json: { Code: "StubRejected" } };
                }
                return {
                    action,
                    redactedParams: { query: req.query, secret: "***" },
                    run: (): EmulatorResponse => {
                        if (action === "boom") {
                            throw new Error("stub exploded");
                        }
                        stub.ran.push(action);
                        return { status: 200, json: { ran: action, now: ctx.now() } };
                    },
                    error: (code, message, httpStatus) => ({ status: httpStatus ?? 418, json: { Code: code, Message: message } }),
                };
            },
            reset() {
                stub.ran.length = 0;
                stub.resets += 1;
            },
            dump: () => ({ ran: [...stub.ran] }),
            control(method, subPath, body) {
                return subPath === "/echo" ? { status: 200, json: { method, body } } : undefined;
            },
            describe: (baseUrl) => ({ endpoint: `${baseUrl}/stub` }),
        };
        onCreate(stub, ctx);
        return stub;
    };
}
