import assert from "node:assert/strict";
import { fromApiResponse, modifyRequestKeys, requestKeysFor, toApiRequest } from "../../../provider/core/apiMapping";
import { Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    subnets: { kind: "list", items: { kind: "string" }, api: { default: { path: "Subnet", encode: (v) => (v as string[]).join(","), decode: (v) => String(v).split(",") } } },
    ike: {
        kind: "object",
        fields: {
            alg: { kind: "string", enum: ["aes", "des"], api: { default: { path: "Ike.Alg" }, api2: { path: "IKESet.alg" } } },
            life: { kind: "integer", min: 0, max: 10, api: { default: { path: "Ike.Life", readPath: "IkeRead.Life" } } },
        },
    },
    key: { kind: "string", local: true },
};

describe("apiMapping", () => {
    it("can build a nested request from inputs, skipping local fields", () => {
        // GIVEN normalized inputs
        const inputs = { subnets: ["a", "b"], ike: { alg: "aes", life: 3 }, key: "k" };
        // WHEN mapped to the default and api2 dialects
        const request = toApiRequest(SCHEMA, inputs);
        const api2 = toApiRequest(SCHEMA, inputs, "api2");
        // THEN each field sits at its API path
        assert.deepEqual(request, { Subnet: "a,b", Ike: { Alg: "aes", Life: 3 } });
        assert.deepEqual(api2, { IKESet: { alg: "aes" } });
    });

    it("can read a response back with type and case coercion", () => {
        // GIVEN a response with an encoded list, an upper-case enum and a number as a string at its read path
        // WHEN read through the table
        const props = fromApiResponse(SCHEMA, { Subnet: "a,b", Ike: { Alg: "AES" }, IkeRead: { Life: "7" } });
        // THEN each value has the input's type and spelling
        assert.deepEqual(props, { subnets: ["a", "b"], ike: { alg: "aes", life: 7 } });
    });

    it("can leave out a block the response says nothing of, answering a fresh object each time", () => {
        // GIVEN a response without any of the block's values, read twice
        const first = fromApiResponse(SCHEMA, { Subnet: "a" });
        const second = fromApiResponse(SCHEMA, {});
        // WHEN the answers are changed by their caller
        first.extra = 1;
        second.extra = 2;
        // THEN neither names the block, and each is its own object
        assert.deepEqual(first, { subnets: ["a"], extra: 1 });
        assert.deepEqual(second, { extra: 2 });
        assert.deepEqual(fromApiResponse(SCHEMA, {}), {});
    });

    it("can name the request keys that changed paths touch", () => {
        // GIVEN a changed nested path, a changed block and a changed list
        // WHEN their request keys are named
        // THEN each is the top-level request key it sits under
        assert.deepEqual(requestKeysFor(SCHEMA, ["ike.life"]), ["Ike"]);
        assert.deepEqual(requestKeysFor(SCHEMA, ["ike"]).sort(), ["Ike"]);
        assert.deepEqual(requestKeysFor(SCHEMA, ["subnets"]), ["Subnet"]);
    });
});

describe("modifyRequestKeys", () => {
    const MODIFIABLE: Schema = {
        gateway: { kind: "string", replaceOnChange: true, api: { default: { path: "GatewayId" } } },
        subnets: { kind: "list", items: { kind: "string" }, api: { default: { path: "Subnet", sendOnModify: true } } },
        name: { kind: "string", api: { default: { path: "Name" } } },
        mode: { kind: "string", api: { default: { path: "Mode" } } },
    };

    it("can carry the changed fields and those sent on every modify, never replace-on-change ones", () => {
        // GIVEN fields of every kind: replace-on-change, sent on every modify, plain
        // WHEN a name change (and, defensively, a gateway change) is to be sent
        const keys = modifyRequestKeys(MODIFIABLE, ["name", "gateway"]);
        // THEN the name and the always-sent subnets go, the gateway and the unchanged mode do not
        assert.deepEqual(keys.sort(), ["Name", "Subnet"]);
    });
});
