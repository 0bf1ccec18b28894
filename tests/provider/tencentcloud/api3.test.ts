import assert from "node:assert/strict";
import { Props } from "../../../provider/core/schema";
import { ownConnection } from "../../../provider/tencentcloud/api3";
import { CREATE_TOKEN_TAG, createTokenFor } from "../../../provider/tencentcloud/createToken";
import { VALID } from "./fixtures";

describe("tencentcloud API 3.0: finding the connection a create made", () => {
    const inputs: Props = { ...VALID, idempotencyKey: "stack/office" };
    const listed = (id: string, extra: Props = {}): Props => ({
        VpnConnectionId: id,
        VpnConnectionName: inputs.name,
        VpnGatewayId: inputs.vpnGatewayId,
        CustomerGatewayId: inputs.customerGatewayId,
        VpcId: inputs.vpcId,
        State: "AVAILABLE",
        CreatedTime: "2026-01-01 08:00:00",
        TagSet: [],
        ...extra,
    });
    const tagged = (token: string) => ({ TagSet: [{ Key: CREATE_TOKEN_TAG, Value: token }] });

    it("can prefer the connection tagged with this create's token", () => {
        // GIVEN an untagged look-alike, newer, and the tagged one
        const listing = [listed("vpnx-untagged", { CreatedTime: "2026-02-01 08:00:00" }), listed("vpnx-tagged", tagged(createTokenFor(inputs)))];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN the tagged one is
        assert.equal(found, "vpnx-tagged");
    });

    it("can fall back to the newest untagged connection with the same name, gateways and VPC when tags are not listed", () => {
        // GIVEN only untagged matches, and one on another VPC, one deleting
        const listing = [
            listed("vpnx-older"),
            listed("vpnx-newer", { CreatedTime: "2026-03-01 08:00:00" }),
            listed("vpnx-othervpc", { VpcId: "vpc-other", CreatedTime: "2026-04-01 08:00:00" }),
            listed("vpnx-deleting", { State: "DELETING", CreatedTime: "2026-05-01 08:00:00" }),
        ];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN the newest live match on the same VPC is
        assert.equal(found, "vpnx-newer");
    });

    it("fails to match a connection tagged by another resource, or with another name", () => {
        // GIVEN connections of another create token and of a name the filter matched fuzzily
        const listing = [listed("vpnx-other", tagged("another-token")), listed("vpnx-longer", { VpnConnectionName: `${inputs.name}-2` })];
        // WHEN this create looks for its own
        const found = ownConnection(listing, inputs);
        // THEN nothing is this create's
        assert.equal(found, undefined);
    });
});
