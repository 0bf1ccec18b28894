import assert from "node:assert/strict";
import { CloudApiError } from "../../../provider/core/errors";
import { CLASS_HINTS } from "../../../provider/core/retry";
import { callKindOf, classifyTencentError, hintFor, isAmbiguousFailure, isCloudCode, TENCENT_HINTS } from "../../../provider/tencentcloud/retryPolicy";

const coded = (code: string) => new CloudApiError({ cloud: "tencentcloud", action: "A", code }, "m", []);

describe("tencentcloud retry policy", () => {
    it("can retry throttling and busy states on every call (the VPC error codes and Terraform's RetryError)", () => {
        // GIVEN throttling and busy codes, on every kind of call
        for (const kind of ["read", "write", "create"] as const) {
            // WHEN classified
            // THEN throttling is throttling and every busy code is busy
            assert.equal(classifyTencentError(coded("RequestLimitExceeded"), kind), "throttling");
            assert.equal(classifyTencentError(coded("RequestLimitExceeded.IPLimitExceeded"), kind), "throttling");
            for (const busy of ["ResourceInUse", "ResourceBusy", "ResourceUnavailable", "UnsupportedOperation.InvalidState", "UnsupportedOperation.DeleteVpnConnInvalidState", "UnsupportedOperation.MutexOperationTaskRunning", "UnsupportedOperation.VpnConnInvalidState", "ActionLocked"]) {
                assert.equal(classifyTencentError(coded(busy), kind), "busy", `${busy} ${kind}`);
            }
        }
    });

    it("can retry whole busy families and the documented transient states, but never a whitelist or validation code", () => {
        // GIVEN codes of the families Terraform retries by their part before the first ".", and look-alikes
        // WHEN each is classified for a create
        const classes = Object.fromEntries(
            [
                "ResourceInUse.Address",
                "ResourceBusy.Anything",
                "OperationDenied.InstanceStatusLimitError",
                "OperationDenied.MutexTaskRunning",
                "UnsupportedOperation.IdempotentProcessing",
                "LimitExceeded.ActionLimited",
                "HttpError.429",
                "ResourceUnavailable.ServiceWhiteListNotAdded",
                "OperationDenied.AddressInArrears",
                "InvalidParameterValue.VpnConnCidrConflict",
                "AuthFailure.UnauthorizedOperation",
            ].map((code) => [code, classifyTencentError(coded(code), "create")]),
        );
        // THEN whole families are busy or throttling, and the look-alikes fail at once
        assert.deepEqual(classes, {
            "ResourceInUse.Address": "busy",
            "ResourceBusy.Anything": "busy",
            "OperationDenied.InstanceStatusLimitError": "busy",
            "OperationDenied.MutexTaskRunning": "busy",
            "UnsupportedOperation.IdempotentProcessing": "busy",
            "LimitExceeded.ActionLimited": "throttling",
            "HttpError.429": "throttling",
            "ResourceUnavailable.ServiceWhiteListNotAdded": "fatal",
            "OperationDenied.AddressInArrears": "fatal",
            "InvalidParameterValue.VpnConnCidrConflict": "fatal",
            "AuthFailure.UnauthorizedOperation": "fatal",
        });
    });

    it("can retry InternalError on reads only (Terraform never retries it; a describe changes nothing)", () => {
        // GIVEN InternalError codes
        // WHEN classified for a read, a write and a create
        // THEN only the read retries
        assert.equal(classifyTencentError(coded("InternalError.ModuleError"), "read"), "server");
        assert.equal(classifyTencentError(coded("InternalError"), "write"), "fatal");
        assert.equal(classifyTencentError(coded("InternalError"), "create"), "fatal");
    });

    it("fails a create at once on an ambiguous failure, so the hook looks the connection up instead", () => {
        // GIVEN failures that leave unknown whether the call happened
        for (const code of ["ECONNRESET", "ETIMEDOUT", "HttpError.502", "HttpError.InvalidResponse", "ClientError.NetworkError"]) {
            // WHEN classified
            // THEN a create fails at once, a write retries, and both count as ambiguous
            assert.equal(classifyTencentError(coded(code), "create"), "fatal", code);
            assert.notEqual(classifyTencentError(coded(code), "write"), "fatal", code);
            assert.equal(isAmbiguousFailure(coded(code)), true, code);
        }
        // AND a validation code, or a plain Error, is not ambiguous
        assert.equal(isAmbiguousFailure(coded("InvalidParameterValue")), false);
        assert.equal(isAmbiguousFailure(new Error("ECONNRESET")), false);
    });

    it("fails at once on validation and authentication errors", () => {
        // GIVEN validation, authentication, not-found and quota codes
        for (const code of ["InvalidParameterValue.Malformed", "AuthFailure.SignatureFailure", "ResourceNotFound", "LimitExceeded"]) {
            // WHEN classified, even for a read
            // THEN none is retried
            assert.equal(classifyTencentError(coded(code), "read"), "fatal", code);
        }
    });

    it("can tell reads from writes by the action name", () => {
        // GIVEN a describe, a delete and a create call
        // WHEN their kinds are taken
        // THEN Describe* reads, others write, and a create says so itself
        assert.equal(callKindOf({ action: "DescribeVpnConnections", params: {}, deadline: 0 }), "read");
        assert.equal(callKindOf({ action: "DeleteVpnConnection", params: {}, deadline: 0 }), "write");
        assert.equal(callKindOf({ action: "CreateVpnConnection", params: {}, deadline: 0, kind: "create" }), "create");
    });
});

describe("hintFor", () => {
    it("can give a code's own hint, else its retry class's", () => {
        // GIVEN a code with a hint of its own, a busy code without one, and no code at all
        // WHEN hinted
        // THEN the own hint wins, and every other error still carries its class's advice
        assert.equal(hintFor("AuthFailure.SignatureFailure"), TENCENT_HINTS["AuthFailure.SignatureFailure"]);
        assert.equal(hintFor("ResourceInUse.Gateway"), CLASS_HINTS.busy);
        assert.equal(hintFor(undefined), CLASS_HINTS.fatal);
    });
});

describe("isCloudCode", () => {
    it("can tell a cloud error with one of the codes from anything else", () => {
        // GIVEN a gone code, another code, and a plain error
        // WHEN matched against the gone codes
        // THEN only the cloud error with a listed code matches
        assert.equal(isCloudCode(coded("ResourceNotFound"), ["ResourceNotFound"]), true);
        assert.equal(isCloudCode(coded("LimitExceeded"), ["ResourceNotFound"]), false);
        assert.equal(isCloudCode(new Error("ResourceNotFound"), ["ResourceNotFound"]), false);
    });
});
