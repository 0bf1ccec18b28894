/**
 * The Tencent Cloud STS front end (API 3.0, version 2018-08-13) served under `/tencentcloud-sts`, as
 * tencentcloud-sdk-nodejs' `OIDCRoleArnCredential` and `STSCredential` (`tencentcloud/common/credential.js`) call it
 * through a CommonClient whose `httpProfile.endpoint` is `127.0.0.1:<port>/tencentcloud-sts`: POST
 * `application/json` to `/tencentcloud-sts/`, routed on `X-TC-Action` + `X-TC-Version`.
 * AssumeRoleWithWebIdentity comes unsigned (`Authorization: SKIP`); AssumeRole is TC3-signed by any credential the
 * cloud accepts (fixture or issued), the service taken from the credential scope as for the VPC API.
 *
 * Control routes under `/__emu/tencentcloud/`: `POST sts/token {expired?, wrongAudience?}` mints a token and
 * rewrites the token file.
 */
import { OidcIssuer, stsControl } from "../core/oidcIssuer";
import type { CloudFrontEnd, EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { tencentCredentials } from "./credentials";
import { traceHeaders, v3Error, v3Ok } from "./envelopes";
import { isTencentError } from "./errors";
import { OIDC_PROVIDER, STS_ROLE_ARN } from "./fixtures";
import { redact } from "./frontEnd";
import { decodeV3Body } from "./params";
import { TENCENT_STS_ACTIONS, UNSIGNED_STS_ACTIONS } from "./stsActions";
import type { TencentStsEnv } from "./stsActions";
import { headerValue, refuseOtherTransport, verifyTc3Call } from "./tc3";
import { routeV3 } from "./v3Route";

/** Path prefix of the Tencent STS front end. */
export const TENCENT_STS_PREFIX = "/tencentcloud-sts";
/** The STS API version (https://www.tencentcloud.com/document/api/1150/49456). */
export const STS_API_VERSION = "2018-08-13";

/** The Tencent STS entry of the emulator info (`tencentcloud.sts`). */
export type TencentStsInfo = {
    /** `http://127.0.0.1:<port>/tencentcloud-sts`; the SDK takes it without the scheme as `httpProfile.endpoint`. */
    endpoint: string;
    roleArn: string;
    providerId: string;
    /** File holding the current OIDC token (`TKE_WEB_IDENTITY_TOKEN_FILE`). */
    tokenFile: string;
};

/** Accepted `Authorization` of an unsigned action: what the SDK sends for `skipSign`, or none (the reference needs none). */
const isUnsignedAuthorization = (value: string | undefined): boolean => value === undefined || value === "SKIP";

/** Creates the Tencent STS front end on the emulator's context. */
export function createTencentStsFrontEnd(ctx: EmulatorContext): CloudFrontEnd {
    const credentials = tencentCredentials(ctx);
    const issuer = new OidcIssuer({ cloud: "tencentcloud", ...OIDC_PROVIDER }, ctx.now);
    const env: TencentStsEnv = { ctx, credentials, issuer };
    const canonicalUris = [`${TENCENT_STS_PREFIX}/`, TENCENT_STS_PREFIX];

    const parse = (req: EmulatorRequest): EmulatorResponse | ParsedCall => {
        const requestId = ctx.newRequestId();
        const headers = traceHeaders(req.headers);
        const fail = (code: string, message: string, status = 200): EmulatorResponse => v3Error(requestId, code, message, status, headers);
        if (req.path !== "/") return fail("InvalidRequest", `Nothing is served at \`${TENCENT_STS_PREFIX}${req.path}\`.`, 404);

        const action = headerValue(req.headers, "x-tc-action");
        if (action !== undefined && UNSIGNED_STS_ACTIONS.has(action)) {
            const refusal = refuseOtherTransport(req, `${action} calls as POST application/json`);
            if (refusal) return fail(refusal.code, refusal.message);
            if (!isUnsignedAuthorization(headerValue(req.headers, "authorization"))) {
                return fail("AuthFailure.InvalidAuthorization", `${action} is not signed: \`Authorization\` must be SKIP or absent.`);
            }
        } else {
            const auth = verifyTc3Call(req, ctx, canonicalUris, "STS");
            if (!auth.ok) return fail(auth.code, auth.message);
        }
        const route = routeV3(req.headers, { name: "STS", version: STS_API_VERSION, actions: TENCENT_STS_ACTIONS });
        if (!route.ok) return fail(route.code, route.message);
        const call = decodeV3Body(req.body);
        if (typeof call === "string") return fail("InvalidParameter", call);
        return {
            action: route.action,
            redactedParams: redact(call) as Record<string, unknown>,
            run: () => {
                try {
                    return v3Ok(requestId, TENCENT_STS_ACTIONS[route.action](call, env), headers);
                } catch (e) {
                    if (isTencentError(e)) return fail(e.code, e.message);
                    throw e;
                }
            },
            error: (code, message, httpStatus) => v3Error(requestId, code, message || `The emulator answered \`${code}\` (injected fault).`, httpStatus ?? 200, headers),
        };
    };

    return {
        cloud: "tencentcloud",
        prefix: TENCENT_STS_PREFIX,
        parse,
        reset() {
            credentials.reset();
            issuer.mint();
        },
        ...stsControl(() => credentials.issuedCount(), issuer),
        describe(baseUrl): { sts: TencentStsInfo } {
            return {
                sts: {
                    endpoint: `${baseUrl}${TENCENT_STS_PREFIX}`,
                    roleArn: STS_ROLE_ARN,
                    providerId: OIDC_PROVIDER.providerId,
                    tokenFile: issuer.tokenFile,
                },
            };
        },
        close: () => issuer.close(),
    };
}
