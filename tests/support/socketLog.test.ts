import assert from "node:assert/strict";
import http from "node:http";
import { AddressInfo } from "node:net";
import { recordConnects } from "./socketLog";

describe("recordConnects", () => {
    it("can record an http request's connection and report none when nothing connects", async () => {
        // GIVEN a loopback server
        const server = http.createServer((_req, res) => res.end("ok"));
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const { port } = server.address() as AddressInfo;
        try {
            // WHEN a request is made on a fresh connection, and then nothing is
            const request = () =>
                new Promise<void>((resolve, reject) => {
                    http.get({ host: "127.0.0.1", port, agent: false }, (res) => res.resume().on("end", resolve)).on("error", reject);
                });
            const busy = await recordConnects(request);
            const idle = await recordConnects(async () => undefined);
            // THEN the first saw the connection, the second none
            assert.equal(busy.outcome.status, "fulfilled");
            assert.deepEqual(busy.attempts, [{ host: "127.0.0.1", port }]);
            assert.deepEqual(idle.attempts, []);
        } finally {
            await new Promise((resolve) => server.close(resolve));
        }
    });
});
