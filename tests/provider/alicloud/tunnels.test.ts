import assert from "node:assert/strict";
import { fromApiResponse, modifyRequestKeys, toApiRequest } from "../../../provider/core/apiMapping";
import { VPN_CONNECTION_SCHEMA } from "../../../provider/alicloud/schema";
import { rebound, tunnelsForModify, withTunnelsFromActual } from "../../../provider/alicloud/tunnels";
import type { ListField, ObjectField } from "../../../provider/core/schema";

type Props = Record<string, any>;

const TUNNELS = VPN_CONNECTION_SCHEMA.tunnels as ListField;

describe("alicloud tunnels", () => {
    it("can bind a block's rows to another request block", () => {
        // GIVEN the single-tunnel IKE block
        const ike = VPN_CONNECTION_SCHEMA.ikeConfig as ObjectField;
        // WHEN rebound to the tunnel's block
        const tunnelIke = rebound(ike, "IkeConfig", "TunnelIkeConfig");
        // THEN every row's path moved, and the original is untouched
        assert.equal(tunnelIke.fields.ikeEncAlg.api?.default.path, "TunnelIkeConfig.IkeEncAlg");
        assert.equal(ike.fields.ikeEncAlg.api?.default.path, "IkeConfig.IkeEncAlg");
    });

    it("can map tunnels to TunnelOptionsSpecification and back, master first, reading string-typed switches and lifetimes", () => {
        // GIVEN a tunnel as the inputs hold it, and Describe's tunnels (slave listed first)
        const request = toApiRequest(VPN_CONNECTION_SCHEMA, {
            tunnels: [{ role: "master", customerGatewayId: "cgw-1", preSharedKey: "P-1", enableDpd: false, ikeConfig: { ikeLifetime: 3600 } }],
        });
        const described = {
            TunnelOptionsSpecification: {
                TunnelOptions: [
                    { Role: "slave", TunnelId: "tun-2", CustomerGatewayId: "cgw-2", EnableDpd: "true", TunnelIkeConfig: { IkeLifetime: "86400" } },
                    { Role: "master", TunnelId: "tun-1", CustomerGatewayId: "cgw-1", EnableDpd: "false", State: "active", TunnelIkeConfig: { Psk: "P-1", IkeLifetime: "3600" } },
                ],
            },
        };
        // WHEN mapped
        const read = fromApiResponse(VPN_CONNECTION_SCHEMA, described) as Props;
        // THEN the request nests each tunnel's blocks, and the read is typed and ordered by role
        assert.deepEqual(request.TunnelOptionsSpecification, [{ Role: "master", CustomerGatewayId: "cgw-1", EnableDpd: false, TunnelIkeConfig: { Psk: "P-1", IkeLifetime: 3600 } }]);
        assert.deepEqual(read.tunnels.map((t: Props) => [t.role, t.tunnelId, t.enableDpd, t.ikeConfig.ikeLifetime]), [["master", "tun-1", false, 3600], ["slave", "tun-2", true, 86400]]);
        assert.equal(read.tunnels[0].state, "active");
        assert.equal(read.tunnels[0].preSharedKey, "P-1");
    });

    it("can address each tunnel of a modify by its reported TunnelId, without its customer gateway", () => {
        // GIVEN a tunnel request and the reported tunnels
        const request = { TunnelOptionsSpecification: [{ Role: "slave", CustomerGatewayId: "cgw-2", EnableDpd: false }, { Role: "master", CustomerGatewayId: "cgw-1" }] };
        const actual = { tunnels: [{ role: "master", tunnelId: "tun-1" }, { role: "slave", tunnelId: "tun-2" }] };
        // WHEN the modify's tunnels are made
        // THEN each names its tunnel by ID, and none sends CustomerGatewayId
        assert.deepEqual(tunnelsForModify(request, actual), [{ Role: "slave", EnableDpd: false, TunnelId: "tun-2" }, { Role: "master", TunnelId: "tun-1" }]);
    });

    it("fails to address a modify's tunnels when the state holds no TunnelId for one", () => {
        // GIVEN reported tunnels without the slave's ID
        const request = { TunnelOptionsSpecification: [{ Role: "master" }, { Role: "slave" }] };
        // WHEN the modify's tunnels are made
        // THEN there are none to send
        assert.equal(tunnelsForModify(request, { tunnels: [{ role: "master", tunnelId: "tun-1" }] }), undefined);
    });

    it("can complete unset tunnel PSKs and identities from the cloud's values, role by role", () => {
        // GIVEN desired tunnels without PSKs, and the cloud's tunnels with generated ones
        const desired = { tunnels: [{ role: "master", ikeConfig: { ikeMode: "main" } }, { role: "slave", preSharedKey: "Mine-2" }] };
        const actual = { tunnels: [{ role: "slave", preSharedKey: "gen-2" }, { role: "master", preSharedKey: "gen-1", tunnelId: "tun-1", ikeConfig: { localId: "203.0.113.111" } }] };
        // WHEN completed
        const completed = withTunnelsFromActual(TUNNELS, desired, actual);
        // THEN the unset PSK and identity come from the cloud, the set PSK stays, and no output-only field is copied
        assert.deepEqual(completed.tunnels, [
            { role: "master", preSharedKey: "gen-1", ikeConfig: { ikeMode: "main", localId: "203.0.113.111" } },
            { role: "slave", preSharedKey: "Mine-2" },
        ]);
    });

    it("can send the whole tunnel list when one tunnel's field changed", () => {
        // GIVEN a changed path inside the slave tunnel
        // WHEN the modify's request keys are listed
        // THEN the tunnel list is among them
        assert.ok(modifyRequestKeys(VPN_CONNECTION_SCHEMA, ["tunnels[1].ikeConfig.ikeEncAlg"]).includes("TunnelOptionsSpecification"));
    });
});
