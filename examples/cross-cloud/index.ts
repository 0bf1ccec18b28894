/**
 * The tunnel of examples/tunnel, as one component: `CrossCloudTunnel` creates both VPN connections
 * as mirror images — mirrored subnets, facing IKE identities, DPD on both ends, one proposal in
 * neutral names translated into each cloud's vocabulary — and refuses, before anything is created,
 * a proposal value one of the clouds cannot express.
 *
 * No pre-shared key is configured: the component generates one (32 letters and digits, valid on
 * both clouds) in a child resource that keeps it in the stack's state as a secret, so every later
 * `pulumi up` uses the same key. Pass `preSharedKey: config.requireSecret("preSharedKey")` to use
 * your own.
 *
 * Before `pulumi up`, register each VPN gateway's public IP as a customer gateway in the other
 * cloud and put the IDs in the stack config (see Pulumi.yaml). Credentials, regions and (for the
 * emulator) endpoints come from the environment or the stack config; see the repository README.
 */
import * as pulumi from "@pulumi/pulumi";
import { CrossCloudTunnel } from "pulumi-ipsec";

const config = new pulumi.Config();

const tunnel = new CrossCloudTunnel("hz-gz", {
    alicloudVpnGatewayId: config.require("alicloudVpnGatewayId"),
    alicloudCustomerGatewayId: config.require("alicloudCustomerGatewayId"),
    alicloudVpnGatewayIp: config.require("alicloudVpnGatewayIp"),
    tencentcloudVpcId: config.require("tencentcloudVpcId"),
    tencentcloudVpnGatewayId: config.require("tencentcloudVpnGatewayId"),
    tencentcloudCustomerGatewayId: config.require("tencentcloudCustomerGatewayId"),
    // The two VPCs' address space; an IPsec tunnel needs them disjoint.
    alicloudCidrs: [config.get("alicloudCidr") ?? "172.16.0.0/16"],
    tencentcloudCidrs: [config.get("tencentcloudCidr") ?? "10.0.0.0/16"],
    // The defaults (IKEv2, AES-256, SHA-256, group 14, PFS group 14), written out; e.g.
    // `ike: { integrity: "sha384" }` would be refused: Tencent's IKE phase has no SHA-384.
    proposal: {
        ikeVersion: "ikev2",
        ike: { encryption: "aes256", integrity: "sha256", dhGroup: "group14", lifetimeSeconds: 86400 },
        ipsec: { encryption: "aes256", integrity: "sha256", pfs: "group14", lifetimeSeconds: 3600 },
    },
});

export const alicloudConnectionId = tunnel.alicloudConnection.vpnConnectionId;
export const tencentcloudConnectionId = tunnel.tencentcloudConnection.vpnConnectionId;
/** `established`, `partial` or `down`: both ends' negotiation status, as of this update or refresh. */
export const tunnelStatus = tunnel.tunnelStatus;
