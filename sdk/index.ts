/**
 * pulumi-ipsec: Pulumi dynamic resources for IPsec VPN connections.
 *
 * ```ts
 * import { alicloud } from "pulumi-ipsec";
 * ```
 */
export * as alicloud from "./alicloud";
export { alicloudVpnConnectionProvider, tencentcloudVpnConnectionProvider } from "../provider";
