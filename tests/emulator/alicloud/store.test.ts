import assert from "node:assert/strict";
import type { ConnectionRecord } from "../../../emulator/alicloud/model";
import { AlicloudStore } from "../../../emulator/alicloud/store";
import { ALICLOUD_CUSTOMER_GATEWAYS, ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS, ALICLOUD_PEERING_VPN_GATEWAYS, ALICLOUD_VPN_GATEWAYS } from "../../../emulator/alicloud/fixtures";
import type { EmulatorContext } from "../../../emulator/core/types";

/** A context whose clock only moves when the test says so. */
function manualContext(transitionMs = 100): EmulatorContext & { tick(ms: number): void } {
    let now = 1_000_000;
    return {
        now: () => now,
        settings: { transitionMs, connectionQuotaPerGateway: 5, latencyMs: 0 },
        newRequestId: () => "00000000-0000-4000-8000-000000000000",
        tick(ms: number) {
            now += ms;
        },
    };
}

function connection(store: AlicloudStore, gatewayId: string = ALICLOUD_VPN_GATEWAYS[0].VpnGatewayId, clientToken?: string): ConnectionRecord {
    const id = store.newConnectionId();
    return {
        attributes: {
            VpnConnectionId: id,
            VpnGatewayId: gatewayId,
            CustomerGatewayId: ALICLOUD_CUSTOMER_GATEWAYS[0].CustomerGatewayId,
            Name: id,
            LocalSubnet: "10.0.0.0/24",
            RemoteSubnet: "192.168.0.0/24",
            CreateTime: 0,
            EffectImmediately: false,
            EnableDpd: true,
            EnableNatTraversal: true,
            IkeConfig: { IkeEncAlg: "aes", IkePfs: "group2", RemoteId: "", IkeAuthAlg: "md5", Psk: "p", IkeMode: "main", IkeLifetime: 86400, IkeVersion: "ikev1", LocalId: "" },
            IpsecConfig: { IpsecLifetime: 86400, IpsecAuthAlg: "md5", IpsecPfs: "group2", IpsecEncAlg: "aes" },
            VcoHealthCheck: { Dip: "", Enable: "false", Interval: 3, Retry: 3, Sip: "", Policy: "revoke_route", Status: "" },
            NetworkType: "public",
            ResourceGroupId: "rg-acfmemulator0001",
        },
        autoConfigRoute: true,
        clientToken,
    };
}

describe("AlicloudStore", () => {
    const gatewayId = ALICLOUD_VPN_GATEWAYS[0].VpnGatewayId;

    it("can start with the fixture gateways, all active, and no connections", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext());
        // THEN
        assert.deepEqual(store.listGateways().map((g) => g.VpnGatewayId), [...ALICLOUD_VPN_GATEWAYS, ...ALICLOUD_DUAL_TUNNEL_VPN_GATEWAYS, ...ALICLOUD_PEERING_VPN_GATEWAYS].map((g) => g.VpnGatewayId));
        assert.deepEqual(store.listCustomerGateways().map((c) => c.IpAddress), ["198.51.100.21", "198.51.100.22", "198.51.100.23", "192.0.2.31", "192.0.2.32", "192.0.2.33"]);
        assert.ok(store.listGateways().every((g) => store.gatewayStatus(g.VpnGatewayId) === "active"));
        assert.deepEqual(store.listConnections(), []);
    });

    it("can make a new connection init and its gateway updating until the transition ends", () => {
        // GIVEN
        const ctx = manualContext(100);
        const store = new AlicloudStore(ctx);
        const record = connection(store);
        // WHEN
        store.addConnection(record);
        // THEN
        assert.equal(store.connectionState(record), "init");
        assert.equal(store.negotiationStatus(record), "ike_sa_not_established");
        assert.equal(store.gatewayStatus(gatewayId), "updating");
        ctx.tick(99);
        assert.equal(store.connectionState(record), "init");
        ctx.tick(1);
        assert.equal(store.connectionState(record), "active");
        assert.equal(store.negotiationStatus(record), "ipsec_sa_established");
        assert.equal(store.gatewayStatus(gatewayId), "active");
    });

    it("can show a modification as updating, then active", () => {
        // GIVEN
        const ctx = manualContext(10);
        const store = new AlicloudStore(ctx);
        const record = connection(store);
        store.addConnection(record);
        ctx.tick(10);
        // WHEN
        store.recordModification(record);
        // THEN
        assert.equal(store.connectionState(record), "updating");
        ctx.tick(10);
        assert.equal(store.connectionState(record), "active");
    });

    it("can keep a deleted connection listed (updating) until the transition ends, then drop it and free its token", () => {
        // GIVEN
        const ctx = manualContext(10);
        const store = new AlicloudStore(ctx);
        const record = connection(store, gatewayId, "token-1");
        store.addConnection(record);
        ctx.tick(10);
        // WHEN
        store.beginDeletion(record);
        // THEN
        assert.equal(store.findConnection(record.attributes.VpnConnectionId), record);
        assert.equal(store.connectionState(record), "updating");
        assert.equal(store.isDeleting(record), true);
        assert.equal(store.findByClientToken("token-1"), record);
        ctx.tick(10);
        assert.equal(store.findConnection(record.attributes.VpnConnectionId), undefined);
        assert.equal(store.findByClientToken("token-1"), undefined);
        assert.deepEqual(store.listConnections(), []);
    });

    it("can settle immediately when transitionMs is 0", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext(0));
        const record = connection(store);
        // WHEN
        store.addConnection(record);
        // THEN
        assert.equal(store.connectionState(record), "active");
        assert.equal(store.gatewayStatus(gatewayId), "active");
    });

    it("can keep a gateway busy for a given time without shortening a longer transition", () => {
        // GIVEN
        const ctx = manualContext(100);
        const store = new AlicloudStore(ctx);
        store.addConnection(connection(store));
        // WHEN
        store.keepGatewayBusy(gatewayId, 10);
        // THEN
        ctx.tick(50);
        assert.equal(store.gatewayStatus(gatewayId), "updating");
        ctx.tick(50);
        assert.equal(store.gatewayStatus(gatewayId), "active");
    });

    it("can count connections per gateway, including ones still being deleted", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext(10));
        const first = connection(store);
        store.addConnection(first);
        store.addConnection(connection(store));
        store.addConnection(connection(store, ALICLOUD_VPN_GATEWAYS[1].VpnGatewayId));
        // WHEN
        store.beginDeletion(first);
        // THEN
        assert.equal(store.countConnectionsOn(gatewayId), 2);
        assert.equal(store.countConnectionsOn(ALICLOUD_VPN_GATEWAYS[1].VpnGatewayId), 1);
    });

    it("can remove a connection out of band at once", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext());
        const record = connection(store, gatewayId, "t");
        store.addConnection(record);
        // WHEN
        const removed = store.removeConnection(record.attributes.VpnConnectionId);
        // THEN
        assert.equal(removed, true);
        assert.equal(store.findByClientToken("t"), undefined);
        assert.equal(store.removeConnection(record.attributes.VpnConnectionId), false);
    });

    it("can reset to fixtures, forgetting connections and busy gateways", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext());
        store.addConnection(connection(store));
        // WHEN
        store.reset();
        // THEN
        assert.deepEqual(store.listConnections(), []);
        assert.equal(store.gatewayStatus(gatewayId), "active");
    });

    it("can mint ids shaped like real ones", () => {
        // GIVEN
        const store = new AlicloudStore(manualContext());
        // WHEN
        const ids = new Set(Array.from({ length: 50 }, () => store.newConnectionId()));
        // THEN
        assert.equal(ids.size, 50);
        for (const id of ids) {
            assert.match(id, /^vco-[a-z0-9]{21}$/);
        }
    });
});
