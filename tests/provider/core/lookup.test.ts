import assert from "node:assert/strict";
import { LOOKUP_KEY } from "../../../provider/core/check";
import { locatingInputs, lookUp, LookupTarget } from "../../../provider/core/lookup";
import { Props, Schema } from "../../../provider/core/schema";

const SCHEMA: Schema = {
    region: { kind: "string", required: true, replaceOnChange: true, format: "regionId", lookup: true },
    apiVersion: { kind: "string", enum: ["3.0", "2.0"], default: "3.0", lookup: true },
    name: { kind: "string" },
    preSharedKey: { kind: "string", secret: true },
};

/** A lookup target whose cloud holds `connections`, recording what each observe was given. */
function fakeTarget(connections: Record<string, Props>, configured: Props = { region: "cn-shanghai" }): LookupTarget & { observed: Props[] } {
    const observed: Props[] = [];
    return {
        observed,
        schema: SCHEMA,
        configDefaults: () => configured,
        async observe(id, olds) {
            observed.push(olds);
            return connections[id] && { ...olds, ...connections[id] };
        },
    };
}

const CONNECTION = { name: "office", preSharedKey: "psk-1", state: "AVAILABLE" };

describe("lookUp", () => {
    it("can read a connection by ID with the configured region, handing back only what the program sent", async () => {
        // GIVEN a cloud holding one connection, and a lookup that names no region
        const target = fakeTarget({ "c-1": CONNECTION });
        // WHEN it is looked up
        const read = await lookUp(target, "c-1", { [LOOKUP_KEY]: true, apiVersion: "2.0", __provider: "p" });
        // THEN the cloud was asked with the configured region, the outputs are the connection's, and the
        // inputs (given and recorded) are what the program sent: a refresh and the next read see no change
        assert.deepEqual(target.observed, [{ region: "cn-shanghai", apiVersion: "2.0" }]);
        assert.equal(read.id, "c-1");
        assert.deepEqual({ ...read.props, __inputs: undefined }, { region: "cn-shanghai", apiVersion: "2.0", ...CONNECTION, __inputs: undefined });
        assert.deepEqual(read.inputs, { apiVersion: "2.0", [LOOKUP_KEY]: true });
        assert.deepEqual(read.props?.__inputs, read.inputs);
    });

    it("can default the locating inputs as check does, and read nothing else of the props", () => {
        // GIVEN props holding a region and fields that are no locating inputs
        const target = fakeTarget({});
        // WHEN the locating inputs are taken
        const located = locatingInputs(target, { region: "cn-hangzhou", name: "ignored", vpnGatewayId: "g-1", [LOOKUP_KEY]: true });
        // THEN the given region wins over the configured one, the table's default fills the rest, nothing else passes
        assert.deepEqual(located, { region: "cn-hangzhou", apiVersion: "3.0" });
    });

    it("fails when no connection has the ID, naming the ID and the region", async () => {
        // GIVEN a cloud without the connection
        const target = fakeTarget({ "c-1": CONNECTION });
        // WHEN another ID is looked up
        // THEN it fails naming that ID and where it was looked for, never as a silent "gone"
        await assert.rejects(lookUp(target, "c-404", { [LOOKUP_KEY]: true, region: "ap-guangzhou" }), (error: Error) => {
            assert.equal(error.name, "ConnectionNotFoundError");
            assert.match(error.message, /^VPN connection c-404 does not exist in region ap-guangzhou:/);
            return true;
        });
    });

    it("fails on an invalid locating input, naming it, before calling the cloud", async () => {
        // GIVEN a region that is no region ID, and an API version that does not exist
        const target = fakeTarget({ "c-1": CONNECTION });
        // WHEN looked up
        // THEN it fails naming both properties, and the cloud was never asked
        await assert.rejects(lookUp(target, "c-1", { [LOOKUP_KEY]: true, region: "Not A Region", apiVersion: "9" }), (error: Error & { failures?: { property: string }[] }) => {
            assert.equal(error.name, "InputValidationError");
            assert.deepEqual(error.failures?.map((f) => f.property).sort(), ["apiVersion", "region"]);
            return true;
        });
        assert.deepEqual(target.observed, []);
    });

    it("fails when neither the lookup nor the configuration gives a region", async () => {
        // GIVEN a lookup without a region and a configuration without one
        const target = fakeTarget({ "c-1": CONNECTION }, {});
        // WHEN the connection is looked up
        // THEN it fails naming `region`, before the cloud is asked
        await assert.rejects(lookUp(target, "c-1", { [LOOKUP_KEY]: true }), /`region`/);
        assert.deepEqual(target.observed, []);
    });
});
