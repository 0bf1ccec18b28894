import { strict as assert } from "assert";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { medianRun, responseId } from "../../bench/sweep";
import { toStruct } from "../support/propertyMap";

describe("bench/sweep", () => {
    it("can read the id of a serialized ReadResponse without decoding its properties", () => {
        // GIVEN a ReadResponse as the plugin sends it, with an id longer than one length byte and properties
        const response = new provproto.ReadResponse();
        const id = `vco-${"x".repeat(200)}`;
        response.setId(id);
        response.setProperties(toStruct({ name: "a", __provider: "p" }, "Read.properties"));
        // WHEN its id is read off the bytes
        const read = responseId(Buffer.from(response.serializeBinary()));
        // THEN it is the id that was set
        assert.equal(read, id);
    });

    it("fails to read an id from a response without one or cut short", () => {
        // GIVEN a response that says the resource is gone (no id), and one truncated inside its id
        const gone = Buffer.from(new provproto.ReadResponse().serializeBinary());
        const full = new provproto.ReadResponse();
        full.setId("vco-123456");
        const truncated = Buffer.from(full.serializeBinary()).subarray(0, 5);
        // WHEN their ids are read
        // THEN neither has one
        assert.equal(responseId(gone), undefined);
        assert.equal(responseId(truncated), undefined);
    });

    describe("medianRun", () => {
        it("can keep the median wall time of a variant's runs and the most requests any of them sent", () => {
            // GIVEN three runs of one variant, the slowest sending one request more
            const runs = [{ requests: 12, wallMs: 700 }, { requests: 13, wallMs: 900 }, { requests: 12, wallMs: 650 }];
            // WHEN their median is taken
            const median = medianRun(runs);
            // THEN it has the middle wall time and the largest request count
            assert.deepEqual(median, { requests: 13, wallMs: 700 });
        });
    });
});
