/**
 * The REAL `@alicloud/credentials` providers pointed at the emulator's STS front end.
 *
 * The library hard-codes `https` for STS (`providers/oidc_role_arn.js`, `providers/ram_role_arn.js`:
 * `withProtocol('https')`); its `doRequest` member is the hook it keeps "for mock". The wrapper here switches a
 * loopback request to plain http, as the provider does, and hands it to the library's own `doRequest`.
 */
import assert from "node:assert/strict";
import { OIDCRoleArnCredentialsProvider, RAMRoleARNCredentialsProvider, StaticAKCredentialsProvider } from "@alicloud/credentials";
import type { CredentialsProvider } from "@alicloud/credentials";
import type { AlicloudStsInfo } from "../../../emulator";

/** The `withStsEndpoint` value: the endpoint without its scheme (`127.0.0.1:<port>/alicloud-sts`). */
export function stsHost(info: AlicloudStsInfo): string {
    return info.endpoint.replace(/^http:\/\//, "");
}

interface HookedRequest {
    protocol: string;
}
type DoRequest = (request: HookedRequest) => Promise<unknown>;

/** Makes the provider send plain http (the emulator is a loopback http server). */
export function overLoopbackHttp<P>(provider: P): P {
    const hooked = provider as unknown as { doRequest: DoRequest };
    const original = hooked.doRequest;
    hooked.doRequest = (request) => {
        request.protocol = "http";
        return original(request);
    };
    return provider;
}

/** Options of the providers below; each defaults to the emulator's own value. */
export interface StsProviderOptions {
    roleArn?: string;
    providerArn?: string;
    tokenFile?: string;
    durationSeconds?: number;
    roleSessionName?: string;
}

/** An OIDCRoleArnCredentialsProvider for the emulator's role, provider and token file. */
export function oidcProvider(info: AlicloudStsInfo, options: StsProviderOptions = {}): OIDCRoleArnCredentialsProvider {
    const builder = OIDCRoleArnCredentialsProvider.builder()
        .withRoleArn(options.roleArn ?? info.roleArn)
        .withOIDCProviderArn(options.providerArn ?? info.providerArn)
        .withOIDCTokenFilePath(options.tokenFile ?? info.tokenFile)
        .withStsEndpoint(stsHost(info))
        .withRoleSessionName(options.roleSessionName ?? "emulator-test")
        .withReadTimeout(5000);
    if (options.durationSeconds !== undefined) builder.withDurationSeconds(options.durationSeconds);
    return overLoopbackHttp(builder.build());
}

/** A RAMRoleARNCredentialsProvider (AssumeRole) signing with what `previous` provides. */
export function ramRoleProvider(info: AlicloudStsInfo, previous: CredentialsProvider, options: StsProviderOptions = {}): RAMRoleARNCredentialsProvider {
    const builder = RAMRoleARNCredentialsProvider.builder()
        .withCredentialsProvider(previous)
        .withRoleArn(options.roleArn ?? info.roleArn)
        .withStsEndpoint(stsHost(info))
        .withRoleSessionName(options.roleSessionName ?? "emulator-chain")
        .withReadTimeout(5000);
    if (options.durationSeconds !== undefined) builder.withDurationSeconds(options.durationSeconds);
    return overLoopbackHttp(builder.build());
}

/** A static AccessKey provider (the first link of an AssumeRole chain). */
export function staticKeyProvider(accessKeyId: string, accessKeySecret: string): CredentialsProvider {
    return StaticAKCredentialsProvider.builder().withAccessKeyId(accessKeyId).withAccessKeySecret(accessKeySecret).build();
}

/**
 * The error body STS answered: the library puts the response body in its message
 * ("get sts token failed with OIDC: {…}", "refresh session token failed: {…}").
 */
export async function rejectsWithStsCode(promise: Promise<unknown>, code: string): Promise<{ Code: string; Message: string; HostId: string }> {
    const error = await promise.then(
        () => assert.fail(`expected STS to refuse with ${code}`),
        (e: unknown) => e as Error,
    );
    const body = JSON.parse(error.message.slice(error.message.indexOf("{")));
    assert.equal(body.Code, code, error.message);
    return body;
}
