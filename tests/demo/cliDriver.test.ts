import assert from "node:assert/strict";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { CommandEvents, desiredDrift, nameOfUrn, summaryShowsChanges } from "../../demo/cliDriver";

const TYPE = "pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection";
const URN = `urn:pulumi:demo::ipsec-alicloud-example::${TYPE}::office`;

/** A step event as the CLI's event log carries it (only the fields the driver reads). */
function stepEvent(op: string, extra: Record<string, unknown> = {}): EngineEvent {
    return { sequence: 1, timestamp: 0, resOutputsEvent: { metadata: { op, urn: URN, type: TYPE, provider: "", ...extra } } } as unknown as EngineEvent;
}

/**
 * What the CLI driver reads from the Automation API, from synthetic events shaped after
 * `automation/events.d.ts` of 3.248 (tests/cli/demo.test.ts runs the driver against the real CLI).
 */
describe("demo/cliDriver", () => {
    it("can name a resource from its URN", () => {
        assert.equal(nameOfUrn(URN), "office");
    });

    it("can tell a refresh summary with changes from one without", () => {
        assert.equal(summaryShowsChanges({ same: 2 }), false);
        assert.equal(summaryShowsChanges({ refresh: 2 }), false);
        assert.equal(summaryShowsChanges({ same: 1, update: 1 }), true);
        assert.equal(summaryShowsChanges({ delete: 1 }), true);
        assert.equal(summaryShowsChanges(undefined), false);
    });

    it("can collect operations, ignoring the refresh steps of up --refresh", () => {
        // GIVEN the events of `up --refresh`
        const events = new CommandEvents();
        for (const e of [stepEvent("refresh"), stepEvent("update"), stepEvent("read")]) events.onEvent(e);
        events.onEvent({ ...stepEvent("create"), resOutputsEvent: { metadata: { op: "create", urn: "urn:pulumi:demo::p::pulumi:pulumi:Stack::p-demo", type: "pulumi:pulumi:Stack" } } } as unknown as EngineEvent);
        // THEN only the dynamic resource's final operation is kept
        assert.deepEqual(events.operations, { office: "update" });
    });

    it("can find drift in the provider's diagnostics, else in the refresh step's inputs", () => {
        // GIVEN a refresh preview whose diagnostics name one connection, and a second connection only seen in step metadata
        const events = new CommandEvents();
        events.onEvent({ sequence: 1, timestamp: 0, diagnosticEvent: { message: "pulumi-ipsec: vco-1 differs in ikeConfig.ikeEncAlg\n", color: "never", severity: "info" } });
        events.onEvent(stepEvent("refresh", { old: { id: "vco-1", inputs: { name: "a" } }, new: { id: "vco-1", inputs: { name: "b" } } }));
        events.onEvent(stepEvent("refresh", { old: { id: "vpnx-2", inputs: { ikeOptions: { dhGroupName: "GROUP14" } } }, new: { id: "vpnx-2", inputs: { ikeOptions: { dhGroupName: "GROUP2" } } } }));
        events.onEvent(stepEvent("refresh", { old: { id: "vco-3", inputs: { name: "same" } }, new: { id: "vco-3", inputs: { name: "same" } } }));
        // THEN the provider's words win where present; the input comparison covers the rest
        assert.deepEqual(events.findings(), [
            { id: "vco-1", paths: ["ikeConfig.ikeEncAlg"] },
            { id: "vpnx-2", paths: ["ikeOptions.dhGroupName"] },
        ]);
    });

    it("can compare desired inputs with refreshed ones without flagging cloud-filled fields", () => {
        // GIVEN stored inputs and the inputs `read` returned after a console change (shapes as the Alibaba provider has them)
        const desired = {
            __provider: "text",
            preSharedKey: "psk",
            healthCheckConfig: { enable: false, interval: 3, retry: 3 },
            ikeConfig: { ikeEncAlg: "aes256", ikeVersion: "ikev2" },
            localSubnets: ["10.1.0.0/16", "10.0.0.0/16"],
        };
        const refreshed = {
            __provider: "other",
            healthCheckConfig: { dip: "", enable: false, interval: 3, retry: 3, sip: "" },
            ikeConfig: { ikeEncAlg: "aes", ikeVersion: "IKEv2", localId: "203.0.113.11" },
            localSubnets: ["10.0.0.0/16", "10.1.0.0/16"],
        };
        // WHEN they are compared
        const drift = desiredDrift(desired, refreshed);
        // THEN only the changed desired value is reported (no secret, no computed field, no case or order noise)
        assert.deepEqual(drift, ["ikeConfig.ikeEncAlg"]);
    });
});
