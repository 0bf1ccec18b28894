/**
 * The Alibaba Cloud STS front end (API 2015-04-01, RPC style) served under `/alicloud-sts`, as
 * `@alicloud/credentials` calls it (`providers/oidc_role_arn.js`, `providers/ram_role_arn.js`): POST to "/"
 * with Version, Action, Format, Timestamp (and, for AssumeRole, the RPC signature) in the query and the
 * action's parameters in a form body. AssumeRoleWithOIDC is unsigned; AssumeRole is RPC-signed by any
 * credential the cloud accepts (fixture or issued, so role chains work). Issued credentials go to the
 * cloud's shared registry, which the VPC front end verifies against.
 *
 * `GET /alicloud-sts/credentials-uri` serves `ALIBABA_CLOUD_CREDENTIALS_URI` (`providers/uri.js`).
 *
 * Control routes under `/__emu/alicloud/`: `POST sts/token {expired?, wrongAudience?}` mints a token and
 * rewrites the token file.
 */
import { OidcIssuer, stsControl } from "../core/oidcIssuer";
import type { CloudFrontEnd, EmulatorContext, EmulatorRequest, EmulatorResponse, ParsedCall } from "../core/types";
import { AlicloudAuthenticator, checkFormat, checkVersion } from "./authenticator";
import { alicloudCredentials } from "./credentials";
import type { ErrorSource } from "./envelope";
import { missingParameter } from "./errors";
import { ALICLOUD_OIDC_PROVIDER, ALICLOUD_STS_API_VERSION, ALICLOUD_STS_ROLE } from "./fixtures";
import { parseRpcCall } from "./rpcCall";
import type { RpcService } from "./rpcCall";
import { ALICLOUD_STS_ACTIONS, UNSIGNED_STS_ACTIONS, credentialsUri } from "./stsActions";
import type { StsEnv } from "./stsActions";

/** Path prefix of the Alibaba STS front end. */
export const ALICLOUD_STS_PREFIX = "/alicloud-sts";

/** Path under the prefix of the credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`). */
export const CREDENTIALS_URI_PATH = "/credentials-uri";

/** The public STS endpoint errors name as `HostId`. */
const STS_SOURCE: ErrorSource = { hostId: "sts.aliyuncs.com", product: "Sts" };

/** The Alibaba STS entry of the emulator info (`alicloud.sts`). */
export type AlicloudStsInfo = {
    /** `http://127.0.0.1:<port>/alicloud-sts`; `@alicloud/credentials` takes it without the scheme (`withStsEndpoint("127.0.0.1:<port>/alicloud-sts")`). */
    endpoint: string;
    roleArn: string;
    providerArn: string;
    /** File holding the current OIDC token (`ALIBABA_CLOUD_OIDC_TOKEN_FILE`). */
    tokenFile: string;
    /** A URL for `ALIBABA_CLOUD_CREDENTIALS_URI`: each GET answers fresh temporary credentials of the role. */
    credentialsUri: string;
};

/** Creates the Alibaba STS front end on the emulator's context. */
export function createAlicloudStsFrontEnd(ctx: EmulatorContext): CloudFrontEnd {
    const credentials = alicloudCredentials(ctx);
    const authenticator = new AlicloudAuthenticator(credentials, Date.now, { apiVersion: ALICLOUD_STS_API_VERSION, now: ctx.now });
    const issuer = new OidcIssuer({ cloud: "alicloud", ...ALICLOUD_OIDC_PROVIDER }, ctx.now);
    const env: StsEnv = { ctx, credentials, issuer };

    /** The action of an unsigned call, after the checks the unsigned path still makes. */
    const unsignedAction = (params: Readonly<Record<string, string>>): string => {
        for (const name of ["Action", "Version"]) {
            if (!params[name]) throw missingParameter(name);
        }
        checkVersion(params.Version, ALICLOUD_STS_API_VERSION);
        checkFormat(params.Format);
        return params.Action;
    };

    const service: RpcService<StsEnv> = {
        source: STS_SOURCE,
        actions: ALICLOUD_STS_ACTIONS,
        authenticate: (req, params) => (UNSIGNED_STS_ACTIONS.has(params.Action ?? "") ? unsignedAction(params) : authenticator.authenticate(req, params)),
        env: () => env,
    };
    /** The credentials URI: an unsigned GET, like a metadata service (`providers/uri.js` sends nothing else). */
    const uriService: RpcService<StsEnv> = { ...service, actions: { CredentialsURI: credentialsUri }, authenticate: () => "CredentialsURI" };

    const parse = (req: EmulatorRequest): EmulatorResponse | ParsedCall => {
        if (req.path === CREDENTIALS_URI_PATH && req.method === "GET") {
            return parseRpcCall({ ...req, path: "/" }, ctx, uriService);
        }
        return parseRpcCall(req, ctx, service);
    };

    return {
        cloud: "alicloud",
        prefix: ALICLOUD_STS_PREFIX,
        parse,
        reset() {
            credentials.reset();
            authenticator.reset();
            issuer.mint();
        },
        ...stsControl(() => credentials.issuedCount(), issuer),
        describe(baseUrl): { sts: AlicloudStsInfo } {
            return {
                sts: {
                    endpoint: `${baseUrl}${ALICLOUD_STS_PREFIX}`,
                    roleArn: ALICLOUD_STS_ROLE.arn,
                    providerArn: ALICLOUD_OIDC_PROVIDER.arn,
                    tokenFile: issuer.tokenFile,
                    credentialsUri: `${baseUrl}${ALICLOUD_STS_PREFIX}${CREDENTIALS_URI_PATH}`,
                },
            };
        },
        close: () => issuer.close(),
    };
}
