/** The CLI tier's HA program: one `CrossCloudHaTunnel` whose arguments the stack config `args` holds as JSON. */
import * as pulumi from "@pulumi/pulumi";
import { CrossCloudHaTunnel, CrossCloudHaTunnelArgs } from "pulumi-ipsec";

const args: CrossCloudHaTunnelArgs = JSON.parse(new pulumi.Config().require("args"));
const tunnel = new CrossCloudHaTunnel("ha", args);

export const alicloudConnectionId = tunnel.alicloudConnection.vpnConnectionId;
export const tencentcloudConnectionIds = tunnel.tencentcloudConnections.map((c) => c.vpnConnectionId);
export const tunnelStatuses = tunnel.tunnelStatuses;
export const tunnelStatus = tunnel.tunnelStatus;
