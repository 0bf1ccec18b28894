import assert from "node:assert/strict";
import * as http from "http";
import type { IncomingHttpHeaders } from "http";
import type { AddressInfo } from "net";
import { CREDENTIAL, CREDENTIALS, STS_CREDENTIAL } from "../../../emulator/tencentcloud/fixtures";
import { hostnameOf, scopeDate, verifyTc3, type Tc3Request } from "../../../emulator/tencentcloud/tc3";
import { VpcClient, sdkError, withTencentEmulator, type TencentHarness } from "./support";

/** What the real SDK sent, captured by a throw-away loopback server. */
interface Captured {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    body: string;
    at: number;
}

async function captureSdkRequest(credential: { secretId: string; secretKey: string; token?: string } = CREDENTIAL): Promise<Captured> {
    let captured: Captured | undefined;
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            captured = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ Response: { TotalCount: 0, VpnConnectionSet: [], RequestId: "r" } }));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const agent = new http.Agent();
    try {
        const port = (server.address() as AddressInfo).port;
        const client = new VpcClient({
            credential,
            region: "ap-guangzhou",
            profile: { httpProfile: { endpoint: `127.0.0.1:${port}/tencentcloud`, protocol: "http://", reqTimeout: 5, agent } },
        });
        await client.DescribeVpnConnections({ Filters: [{ Name: "vpc-id", Values: ["vpc-emu00001"] }] });
    } finally {
        agent.destroy();
        await new Promise((resolve) => server.close(resolve));
    }
    return captured!;
}

function asTc3Request(c: Captured, overrides: Partial<Tc3Request> = {}): Tc3Request {
    return {
        method: c.method,
        canonicalUris: [c.url],
        query: "",
        headers: c.headers,
        body: c.body,
        nowMs: c.at,
        credentials: CREDENTIALS,
        ...overrides,
    };
}

describe("tc3", () => {
    let captured: Captured;
    before(async () => {
        captured = await captureSdkRequest();
    });

    describe("verifyTc3 on a request the real SDK signed", () => {
        it("can verify it, reading the service `127` from the credential scope", () => {
            // GIVEN the SDK's request to 127.0.0.1:PORT/tencentcloud/
            assert.match(String(captured.headers.authorization), /Credential=AKIDEmulatorTencent0001\/\d{4}-\d\d-\d\d\/127\/tc3_request/);
            assert.equal(captured.url, "/tencentcloud/");
            // WHEN
            const result = verifyTc3(asTc3Request(captured));
            // THEN
            assert.equal(result.ok, true);
            assert.equal(result.ok && result.identity.service, "127");
        });

        it("can verify it whatever the Host port, since the SDK signs the hostname without port", () => {
            // GIVEN the same request arriving with another port in Host
            const headers = { ...captured.headers, host: "127.0.0.1:1" };
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { headers }));
            // THEN
            assert.equal(result.ok, true);
        });

        it("fails when the hostname differs from the signed one", () => {
            // GIVEN
            const headers = { ...captured.headers, host: "localhost:8080" };
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { headers }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the body was altered after signing", () => {
            // GIVEN
            const body = captured.body.replace("vpc-emu00001", "vpc-emu00002");
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { body }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the canonical URI is not the path the SDK posted to", () => {
            // GIVEN the documented cloud path "/" instead of the emulator path the SDK really signed
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { canonicalUris: ["/"] }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the timestamp is more than 5 minutes off the emulator clock", () => {
            // GIVEN an emulator clock 301 s after the signature
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { nowMs: captured.at + 301_000 }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SignatureExpire");
        });

        it("fails when the SecretId is unknown", () => {
            // GIVEN
            const result = verifyTc3(asTc3Request(captured, { credentials: new Map() }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SecretIdNotFound");
        });

        it("fails when the Authorization header is missing", () => {
            // GIVEN
            const headers = { ...captured.headers };
            delete headers.authorization;
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { headers }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.InvalidAuthorization");
        });

        it("fails when the scope date is not the timestamp's date", () => {
            // GIVEN a scope one day off (signature otherwise untouched)
            const headers = { ...captured.headers, authorization: String(captured.headers.authorization).replace(/\/(\d{4}-\d\d-\d\d)\//, "/1999-01-01/") };
            // WHEN
            const result = verifyTc3(asTc3Request(captured, { headers }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.SignatureFailure");
        });
    });

    describe("verifyTc3 with temporary credentials", () => {
        it("can verify an STS request carrying its token", async () => {
            // GIVEN
            const c = await captureSdkRequest(STS_CREDENTIAL);
            // WHEN
            const result = verifyTc3(asTc3Request(c));
            // THEN
            assert.equal(result.ok, true);
        });

        it("fails when the STS token is wrong", async () => {
            // GIVEN
            const c = await captureSdkRequest({ ...STS_CREDENTIAL, token: "stolen" });
            // WHEN
            const result = verifyTc3(asTc3Request(c));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.TokenFailure");
        });

        it("fails when temporary credentials have expired on the emulator clock", async () => {
            // GIVEN an issued credential expiring when the SDK signs
            const c = await captureSdkRequest(STS_CREDENTIAL);
            const issued = { ...STS_CREDENTIAL, expiresAtMs: c.at };
            // WHEN
            const result = verifyTc3(asTc3Request(c, { credentials: new Map([[issued.secretId, issued]]) }));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.TokenFailure");
            assert.match(!result.ok ? result.message : "", /expired/);
        });

        it("fails when an STS key comes without its token", async () => {
            // GIVEN
            const c = await captureSdkRequest({ secretId: STS_CREDENTIAL.secretId, secretKey: STS_CREDENTIAL.secretKey });
            // WHEN
            const result = verifyTc3(asTc3Request(c));
            // THEN
            assert.equal(!result.ok && result.code, "AuthFailure.TokenFailure");
        });
    });

    describe("helpers", () => {
        it("can strip the port from Host, keeping IPv6 brackets", () => {
            // WHEN / THEN
            assert.equal(hostnameOf("127.0.0.1:8080"), "127.0.0.1");
            assert.equal(hostnameOf("[::1]:8080"), "[::1]");
            assert.equal(hostnameOf("VPC.tencentcloudapi.com"), "vpc.tencentcloudapi.com");
        });

        it("can compute the UTC scope date of a timestamp", () => {
            // WHEN / THEN
            assert.equal(scopeDate(Date.UTC(2026, 10, 21, 23, 59, 59) / 1000), "2026-11-21");
        });
    });

    describe("through the emulator with the real SDK", () => {
        let h: TencentHarness;
        withTencentEmulator((harness) => (h = harness));

        it("can answer a correctly signed call", async () => {
            // WHEN
            const out = await h.client().DescribeVpnGateways({});
            // THEN
            assert.equal(out.TotalCount, 6);
        });

        it("fails when the secret key is wrong", async () => {
            // WHEN
            const e = await sdkError(h.client({ secretId: h.info.secretId, secretKey: "wrong" }).DescribeVpnGateways({}));
            // THEN
            assert.equal(e.code, "AuthFailure.SignatureFailure");
        });

        it("fails when the SecretId is unknown", async () => {
            // WHEN
            const e = await sdkError(h.client({ secretId: "AKIDnobody", secretKey: h.info.secretKey }).DescribeVpnGateways({}));
            // THEN
            assert.equal(e.code, "AuthFailure.SecretIdNotFound");
        });

        it("fails when the signature has expired on the emulator clock", async () => {
            // GIVEN the emulator clock 6 minutes ahead of the SDK's
            await h.control.advanceClock(6 * 60 * 1000);
            // WHEN
            const e = await sdkError(h.client().DescribeVpnGateways({}));
            // THEN
            assert.equal(e.code, "AuthFailure.SignatureExpire");
        });

        it("fails when the version is not 2017-03-12", async () => {
            // GIVEN
            const client = h.client();
            client.apiVersion = "2020-01-01";
            // WHEN
            const e = await sdkError(client.DescribeVpnGateways({}));
            // THEN
            assert.equal(e.code, "NoSuchVersion");
        });

        it("fails when the action does not exist", async () => {
            // WHEN
            const e = await sdkError(h.client().request("DescribeEverything", {}));
            // THEN
            assert.equal(e.code, "InvalidAction");
        });

        it("fails when the region is not a Tencent region", async () => {
            // GIVEN
            const client = h.client();
            client.region = "mars-north-1";
            // WHEN
            const e = await sdkError(client.DescribeVpnGateways({}));
            // THEN
            assert.equal(e.code, "UnsupportedRegion");
        });

        it("can echo the request's trace id so SDK exceptions carry it", async () => {
            // WHEN
            const e = (await sdkError(h.client().request("DescribeEverything", {}))) as { traceId?: string };
            // THEN
            assert.match(String(e.traceId), /^[0-9a-f-]{36}$/);
        });
    });
});
