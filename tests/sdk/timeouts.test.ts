import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud } from "../../sdk";
import { customTimeoutsWarning, durationSeconds } from "../../sdk/timeouts";

const ALI_ARGS: alicloud.VpnConnectionArgs = { vpnGatewayId: "vpn-1", customerGatewayId: "cgw-1", localSubnets: ["10.0.0.0/16"], remoteSubnets: ["192.168.0.0/24"] };
const TENCENT_ARGS: tencentcloud.VpnConnectionArgs = { vpnGatewayId: "vpngw-1", customerGatewayId: "cgw-1", name: "office", preSharedKey: "psk-1" };

/** The warnings `construct` logs under Pulumi's mocks (without an engine, @pulumi/pulumi's log.warn writes to console.warn). */
async function warningsOf(construct: () => void): Promise<string[]> {
    await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, "proj", "dev", false);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...parts: unknown[]) => void warnings.push(parts.join(" "));
    try {
        construct();
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
        console.warn = original;
    }
    return warnings;
}

describe("timeouts (customTimeouts never reaches the dynamic provider)", function () {
    this.timeout(20_000);

    it("can warn a connection given customTimeouts, naming the `timeouts` input with the same values in seconds", async () => {
        // GIVEN connections of both clouds, one with customTimeouts, one without
        // WHEN they are constructed
        const warnings = await warningsOf(() => {
            new alicloud.VpnConnection("slow", ALI_ARGS, { customTimeouts: { create: "30m", delete: "1h30m" } });
            new tencentcloud.VpnConnection("t-slow", TENCENT_ARGS, { customTimeouts: { update: "90s" } });
            new alicloud.VpnConnection("plain", ALI_ARGS);
        });
        // THEN exactly the two with the option warn, each naming `timeouts` and the equivalent entries
        assert.equal(warnings.length, 2, warnings.join("\n"));
        assert.match(warnings[0], /customTimeouts has no effect on pulumi-ipsec connections .*set the `timeouts` input instead, in seconds: timeouts: \{ create: 1800, delete: 5400 \}/);
        assert.match(warnings[1], /`timeouts` input .*timeouts: \{ update: 90 \}/);
    });

    it("can stay silent when customTimeouts is unset or empty", () => {
        assert.equal(customTimeoutsWarning(undefined), undefined);
        assert.equal(customTimeoutsWarning({}), undefined);
        assert.equal(customTimeoutsWarning({ customTimeouts: {} }), undefined);
    });

    it("can suggest an example when the durations do not parse", () => {
        assert.match(customTimeoutsWarning({ customTimeouts: { create: "soon" } })!, /timeouts: \{ create: 1800 \}/);
    });

    it("can read Go durations as customTimeouts takes them", () => {
        assert.deepEqual(["30m", "1h30m", "90s", "1.5h", "500ms", "", "10", "5 m", undefined].map(durationSeconds), [1800, 5400, 90, 5400, 1, undefined, undefined, undefined, undefined]);
    });
});
