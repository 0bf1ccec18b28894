import assert from "node:assert/strict";
import { AlicloudVpcClient, checkAnswer, classifyAlicloudError, encodeParams, plainJson, toCloudError } from "../../../provider/alicloud/client";
import { resolveSettings } from "../../../provider/alicloud/settings";
import { resolveTiming } from "../../../provider/core/timing";
import { startTestCloud, TestCloud } from "../../support/cloudEnv";

describe("alicloud client", () => {
    it("can stringify JSON blocks and drop absent values for pop-core", () => {
        // GIVEN request parameters as the mapping builds them
        const params = { IkeConfig: { Psk: "x" }, Name: "n", Missing: undefined, Nothing: null, EnableDpd: false };
        // WHEN encoded
        const encoded = encodeParams(params);
        // THEN blocks are JSON text and nothing reads "undefined"
        assert.deepEqual(encoded, { IkeConfig: '{"Psk":"x"}', Name: "n", EnableDpd: false });
    });

    it("can flatten a list of blocks into the RPC form Key.N.Sub.Key, leaving absent values out", () => {
        // GIVEN tunnel options as a list of objects with objects inside
        const params = {
            TunnelOptionsSpecification: [
                { Role: "master", EnableDpd: false, TunnelIkeConfig: { Psk: "a", IkeLifetime: 3600 }, Missing: undefined },
                { Role: "slave", TunnelIpsecConfig: { IpsecPfs: "disabled", Nothing: null } },
            ],
            Tags: ["x"],
        };
        // WHEN encoded
        const encoded = encodeParams(params);
        // THEN every leaf has its own parameter, numbered from 1, and nothing reads "[object Object]"
        assert.deepEqual(encoded, {
            "TunnelOptionsSpecification.1.Role": "master",
            "TunnelOptionsSpecification.1.EnableDpd": false,
            "TunnelOptionsSpecification.1.TunnelIkeConfig.Psk": "a",
            "TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime": 3600,
            "TunnelOptionsSpecification.2.Role": "slave",
            "TunnelOptionsSpecification.2.TunnelIpsecConfig.IpsecPfs": "disabled",
            "Tags.1": "x",
        });
    });

    it("can send lists of tags and of IDs as RPC repeat-lists (Tags.N.Key, ResourceId.N)", () => {
        // GIVEN request parameters with a list of tags and a list of IDs
        const params = { Tags: [{ Key: "env", Value: "prod" }, { Key: "team", Value: "" }], ResourceId: ["vco-1"], TagKey: [] };
        // WHEN encoded
        const encoded = encodeParams(params);
        // THEN each item is numbered from 1, and an empty list sends nothing
        assert.deepEqual(encoded, { "Tags.1.Key": "env", "Tags.1.Value": "prod", "Tags.2.Key": "team", "Tags.2.Value": "", "ResourceId.1": "vco-1" });
    });

    it("can turn a pop-core error into a CloudApiError without URL or secrets", () => {
        // GIVEN an error shaped like pop-core's, whose message mentions the PSK
        const popError = Object.assign(new Error("Psk hunter2 is bad, URL: http://127.0.0.1:1/alicloud/"), {
            code: "VpnGateway.Configuring",
            data: { RequestId: "REQ-1" },
            entry: { response: { statusCode: 400 } },
        });
        // WHEN translated
        const error = toCloudError("CreateVpnConnection", popError, ["hunter2"]);
        // THEN code, request id and status are kept, the secret and URL are gone
        assert.equal(error.code, "VpnGateway.Configuring");
        assert.equal(error.requestId, "REQ-1");
        assert.equal(error.httpStatus, 400);
        assert.doesNotMatch(error.message, /hunter2|URL/);
        assert.equal(classifyAlicloudError(error), "busy");
    });

    it("can cut a SignatureDoesNotMatch message at the server's string to sign, which holds every parameter", () => {
        // GIVEN pop-core's error for Alibaba's answer, echoing the string to sign (format of NewFuture/DDNS issue #57)
        const signed = "POST&%2F&AccessKeyId%3DLTAI-test%26IkeConfig%3D%257B%2522Psk%2522%253A%2522Office%25402024%2523Vpn%2522%257D%26SecurityToken%3DCAIS-tok";
        const popError = Object.assign(new Error(`Specified signature is not matched with our calculation. server string to sign is:${signed}, URL: http://127.0.0.1:1/?a=b`), {
            code: "SignatureDoesNotMatch",
            data: { RequestId: "REQ-2" },
        });
        // WHEN translated, with no secret to scrub
        const error = toCloudError("CreateVpnConnection", popError, []);
        // THEN the cloud's sentence stays, nothing of the string to sign does
        assert.match(error.message, /SignatureDoesNotMatch \(request REQ-2\): Specified signature is not matched with our calculation\. \(the server's string to sign/);
        assert.doesNotMatch(error.message, /AccessKeyId|Psk|Office|CAIS|POST&/);
    });

    it("can classify timeouts and resets as retryable and validation as fatal", () => {
        // GIVEN pop-core's read timeout, a socket reset and a validation error
        // WHEN translated and classified
        const timeout = toCloudError("X", Object.assign(new Error("ReadTimeout(3000)"), { name: "RequestTimeoutError" }), []);
        const reset = toCloudError("X", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), []);
        const invalid = toCloudError("X", Object.assign(new Error("bad"), { code: "IllegalParam.LocalSubnet" }), []);
        // THEN the first two are retried, the validation error and a plain Error are not
        assert.equal(classifyAlicloudError(timeout), "server");
        assert.equal(classifyAlicloudError(reset), "network");
        assert.equal(classifyAlicloudError(invalid), "fatal");
        assert.equal(classifyAlicloudError(new Error("plain")), "fatal");
    });

    it("can give every error a hint: the code's own, else its retry class's", () => {
        // GIVEN errors of a code with its own hint, a throttling code and a refused request
        const busy = toCloudError("X", Object.assign(new Error("busy"), { code: "VpnGateway.Configuring" }), []);
        const throttled = toCloudError("X", Object.assign(new Error("slow down"), { code: "Throttling.User" }), []);
        // WHEN each is translated
        const refused = toCloudError("X", Object.assign(new Error("bad"), { code: "IllegalParam.LocalSubnet" }), []);
        // THEN each message ends with a hint the user can act on
        assert.match(busy.message, /Hint: the VPN gateway stayed busy .*`timeouts`/);
        assert.match(throttled.message, /Hint: the API rate limit held/);
        assert.match(refused.message, /Hint: not retried/);
    });

    it("can classify a json-bigint parse failure (a plain object, not a SyntaxError) as a transient invalid answer", () => {
        // GIVEN what pop-core's json-bigint throws for an HTML page: a plain object whose `text` is the whole body
        const parseError = { name: "SyntaxError", message: "Unexpected '<'", at: 1, text: "<html>502 Psk hunter2</html>" };
        // WHEN translated
        const error = toCloudError("CreateVpnConnection", parseError, ["hunter2"]);
        // THEN it is a retried server error whose message names the parse failure, not the body
        assert.equal(error.code, "HttpError.InvalidResponse");
        assert.equal(classifyAlicloudError(error), "server");
        assert.match(error.message, /not JSON \(Unexpected '<'\)/);
        assert.doesNotMatch(error.message, /hunter2|html/);
    });

    it("can turn what pop-core's parser returns into plain JSON, big integers as the decimal text JSON.stringify writes", () => {
        // GIVEN an answer as json-bigint parses it: null-prototype objects, and a BigNumber beyond 15 digits
        const JSONbig = require("json-bigint");
        const parsed = JSONbig.parse('{"RequestId":"r","TotalCount":2,"Items":{"Item":[{"Id":"a","Size":12345678901234567890,"Tags":{}},{"Id":"b","On":false,"None":null}]}}');
        // WHEN made plain
        const plain = plainJson(parsed) as any;
        // THEN every object is an ordinary one and the values are what a stringify-and-parse round trip gives
        assert.equal(Object.getPrototypeOf(parsed), null);
        assert.equal(Object.getPrototypeOf(plain), Object.prototype);
        assert.equal(Object.getPrototypeOf(plain.Items.Item[0].Tags), Object.prototype);
        assert.deepEqual(plain, JSON.parse(JSON.stringify(parsed)));
        assert.equal(plain.Items.Item[0].Size, "12345678901234567890");
    });

    it("fails an answer without Code when its status is not 2xx or it lacks the action's fields", () => {
        // GIVEN answers without Code: a JSON 503, `{}` after a create, a describe without its list, and documented answers
        // WHEN checked
        // THEN a JSON 503 without Code is a server error, never success
        assert.throws(() => checkAnswer("DescribeVpnConnections", 503, { message: "Service Unavailable" }, []), { code: "HttpError.503", httpStatus: 503 });
        // … `{}` after a create, and a describe without its list, are invalid answers
        assert.throws(() => checkAnswer("CreateVpnConnection", 200, {}, []), { code: "HttpError.InvalidResponse", message: /RequestId/ });
        assert.throws(() => checkAnswer("DescribeVpnConnections", 200, { RequestId: "R" }, []), { code: "HttpError.InvalidResponse", requestId: "R" });
        // … and the documented answers pass
        checkAnswer("DescribeVpnConnections", 200, { RequestId: "R", VpnConnections: { VpnConnection: [] } }, []);
        checkAnswer("DeleteVpnConnection", 200, { RequestId: "R" }, []);
    });

    it("fails a describe listing an item that is not a connection with its id, which would read as gone", () => {
        // GIVEN describes listing null, a string, and a connection without its id
        const listing = (...items: unknown[]) => ({ RequestId: "R", VpnConnections: { VpnConnection: items } });
        // WHEN checked
        // THEN each is an invalid answer naming the item
        assert.throws(() => checkAnswer("DescribeVpnConnections", 200, listing(null), []), { code: "HttpError.InvalidResponse", message: /item 1 is not an object/ });
        assert.throws(() => checkAnswer("DescribeVpnConnections", 200, listing("x"), []), { code: "HttpError.InvalidResponse", message: /item 1 is not an object/ });
        assert.throws(() => checkAnswer("DescribeVpnConnections", 200, listing({ State: "active" }), []), { code: "HttpError.InvalidResponse", message: /has no `VpnConnectionId`/ });
        // … while a listed connection passes
        checkAnswer("DescribeVpnConnections", 200, listing({ VpnConnectionId: "vco-1", State: "active" }), []);
    });

    it("can retry the documented busy families, and never validation, auth or an overdue gateway", () => {
        // GIVEN codes of each kind
        // WHEN each is translated and classified
        const classes = Object.fromEntries(
            ["IncorrectStatus", "IncorrectStatus.VpnGateway", "OperationDenied.VpnGwLocked", "OperationFailed.LastTokenProcessing", "IllegalParam.LocalSubnet", "Forbidden", "VpnGateway.FinancialLocked", "HttpError.502", "HttpError.404", "HttpError.429"].map(
                (code) => [code, classifyAlicloudError(toCloudError("X", Object.assign(new Error("m"), { code }), []))],
            ),
        );
        // THEN busy families wait, refusals do not
        assert.deepEqual(classes, {
            IncorrectStatus: "busy",
            "IncorrectStatus.VpnGateway": "busy",
            "OperationDenied.VpnGwLocked": "busy",
            "OperationFailed.LastTokenProcessing": "busy",
            "IllegalParam.LocalSubnet": "fatal",
            Forbidden: "fatal",
            "VpnGateway.FinancialLocked": "fatal",
            "HttpError.502": "server",
            "HttpError.404": "fatal",
            "HttpError.429": "throttling",
        });
    });

    describe("against the emulator (real pop-core)", () => {
        let cloud: TestCloud;
        before(async () => {
            cloud = await startTestCloud({ applyToProcess: true });
        });
        after(async () => cloud?.stop());

        it("can send a list of blocks pop-core would garble: a dual-tunnel create with per-tunnel IKE settings", async () => {
            // GIVEN a client with the emulator's settings
            const region = cloud.alicloud.regionId;
            const client = new AlicloudVpcClient(resolveSettings(region), resolveTiming());
            const deadline = Date.now() + 10_000;
            const tunnel = (Role: string, CustomerGatewayId: string, Psk: string) => ({ Role, CustomerGatewayId, EnableDpd: false, TunnelIkeConfig: { Psk, IkeLifetime: 3600 } });
            // WHEN it creates a connection on the dual-tunnel gateway with nested tunnel options
            const created = await client.call<{ VpnConnectionId: string }>({
                action: "CreateVpnConnection",
                params: {
                    RegionId: region,
                    VpnGatewayId: cloud.alicloud.dualTunnelVpnGatewayIds[0],
                    LocalSubnet: "10.0.0.0/24",
                    RemoteSubnet: "192.168.0.0/24",
                    TunnelOptionsSpecification: [tunnel("master", cloud.alicloud.customerGatewayIds[0], "Master-1"), tunnel("slave", cloud.alicloud.customerGatewayIds[1], "Slave-1")],
                },
                deadline,
            });
            const described = await client.call({ action: "DescribeVpnConnections", params: { RegionId: region, VpnConnectionId: created.VpnConnectionId }, deadline });
            // THEN each tunnel arrived with its own settings
            const tunnels = described.VpnConnections.VpnConnection[0].TunnelOptionsSpecification.TunnelOptions;
            assert.deepEqual(
                tunnels.map((t: any) => [t.Role, t.EnableDpd, t.TunnelIkeConfig.Psk, t.TunnelIkeConfig.IkeLifetime]),
                [["master", "false", "Master-1", "3600"], ["slave", "false", "Slave-1", "3600"]],
            );
        });
    });
});
