import assert from "node:assert/strict";
import { recordInputs, refreshedInputs, SECRET_MARK } from "../../../provider/core/refreshInputs";
import { Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    name: { kind: "string", computed: true },
    psk: { kind: "string", secret: true, computed: true },
    subnets: { kind: "list", set: true, items: { kind: "string" } },
    block: {
        kind: "object",
        fields: { alg: { kind: "string", enum: ["aes", "aes256"] }, id: { kind: "string", computed: true }, lifetime: { kind: "integer", min: 0, max: 9 } },
    },
    timeouts: { kind: "object", local: true, fields: { create: { kind: "integer", min: 1, max: 9 } } },
};

describe("recordInputs", () => {
    it("can record inputs with each secret as a mark only", () => {
        // GIVEN checked inputs holding a PSK
        const inputs = { name: "a", psk: "Plain-Psk-1", block: { alg: "aes" }, timeouts: { create: 5 } };
        // WHEN recorded
        const recorded = recordInputs(SCHEMA, inputs);
        // THEN everything is kept but the PSK's value
        assert.deepEqual(recorded, { name: "a", psk: SECRET_MARK, block: { alg: "aes" }, timeouts: { create: 5 } });
        assert.doesNotMatch(JSON.stringify(recorded), /Plain-Psk-1/);
    });
});

describe("refreshedInputs", () => {
    const recorded = { name: "a", psk: SECRET_MARK, subnets: ["10.0.0.0/16", "10.1.0.0/16"], block: { alg: "aes256", lifetime: 3 }, timeouts: { create: 5 } };

    it("can give back the recorded inputs when the cloud differs only cosmetically", () => {
        // GIVEN outputs with another enum spelling, another list order, a number as a string and cloud-filled fields
        const outputs = { name: "a", psk: "Plain-Psk-1", subnets: ["10.1.0.0/16", "10.0.0.0/16"], block: { alg: "AES256", lifetime: "3", id: "1.2.3.4" }, timeouts: { create: 5 }, state: "active" };
        // WHEN read turns them into inputs
        const inputs = refreshedInputs(SCHEMA, outputs, recorded);
        // THEN they equal the recorded ones, with the PSK's current value in its place
        assert.deepEqual(inputs, { ...recorded, psk: "Plain-Psk-1" });
    });

    it("can take the cloud's value exactly where it really differs", () => {
        // GIVEN outputs whose algorithm and PSK were changed out of band
        const outputs = { name: "a", psk: "Console-Psk-2", subnets: ["10.0.0.0/16", "10.1.0.0/16"], block: { alg: "aes", lifetime: 3, id: "1.2.3.4" }, timeouts: { create: 5 } };
        // WHEN read turns them into inputs
        const inputs = refreshedInputs(SCHEMA, outputs, recorded);
        // THEN only those two differ from the record
        assert.deepEqual(inputs, { ...recorded, psk: "Console-Psk-2", block: { alg: "aes", lifetime: 3 } });
    });

    it("can leave out a recorded field the cloud no longer reports", () => {
        // GIVEN outputs without the recorded name and PSK
        const outputs = { subnets: ["10.0.0.0/16", "10.1.0.0/16"], block: { alg: "aes256", lifetime: 3 }, timeouts: { create: 5 } };
        // WHEN read turns them into inputs
        const inputs = refreshedInputs(SCHEMA, outputs, recorded);
        // THEN those two are absent, the rest as recorded
        assert.deepEqual(inputs, { subnets: recorded.subnets, block: recorded.block, timeouts: recorded.timeouts });
    });

    it("can project outputs without secrets for state recorded before inputs were", () => {
        // GIVEN outputs without a record
        const outputs = { name: "a", psk: "Plain-Psk-1", block: { alg: "aes", id: "1.2.3.4" }, state: "active" };
        // WHEN read turns them into inputs
        const inputs = refreshedInputs(SCHEMA, outputs, undefined);
        // THEN every table field but the secret, cloud-filled ones included
        assert.deepEqual(inputs, { name: "a", block: { alg: "aes", id: "1.2.3.4" } });
    });
});

describe("recordInputs and refreshedInputs: keyed lists of blocks", () => {
    const TUNNELED: Schema = {
        tunnels: {
            kind: "list",
            keyBy: "role",
            items: {
                kind: "object",
                fields: {
                    role: { kind: "string" },
                    psk: { kind: "string", secret: true },
                    dpd: { kind: "boolean" },
                    id: { kind: "string", outputOnly: true },
                },
            },
        },
    };

    it("can record the blocks of a list with their secrets masked", () => {
        // GIVEN inputs whose tunnels carry PSKs
        // WHEN recorded
        const recorded = recordInputs(TUNNELED, { tunnels: [{ role: "master", psk: "hunter2", dpd: true }] });
        // THEN no PSK is in the record
        assert.deepEqual(recorded, { tunnels: [{ role: "master", psk: SECRET_MARK, dpd: true }] });
    });

    it("can reconcile each recorded item with the cloud's item of its key, leaving output-only fields out", () => {
        // GIVEN recorded inputs and outputs in which the slave's DPD drifted, listed in another order
        const recorded = { tunnels: [{ role: "master", psk: SECRET_MARK, dpd: true }, { role: "slave", dpd: true }] };
        const outputs = { tunnels: [{ role: "slave", psk: "gen-2", dpd: false, id: "t-2" }, { role: "master", psk: "mine-1", dpd: true, id: "t-1" }] };
        // WHEN the refreshed inputs are computed
        const refreshed = refreshedInputs(TUNNELED, outputs, recorded);
        // THEN each item keeps what was managed, with the drifted value and the secret's current value
        assert.deepEqual(refreshed, { tunnels: [{ role: "master", psk: "mine-1", dpd: true }, { role: "slave", dpd: false }] });
    });

    it("can project outputs without a record, leaving secrets and output-only fields out of each item", () => {
        // GIVEN outputs of a looked-up connection
        // WHEN projected
        const projected = refreshedInputs(TUNNELED, { tunnels: [{ role: "master", psk: "x", dpd: true, id: "t-1" }] }, undefined);
        // THEN items keep only their managed, non-secret fields
        assert.deepEqual(projected, { tunnels: [{ role: "master", dpd: true }] });
    });
});
