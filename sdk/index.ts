/**
 * pulumi-ipsec: Pulumi dynamic resources for IPsec VPN connections.
 *
 * ```ts
 * import { alicloud, tencentcloud } from "pulumi-ipsec";
 * ```
 */
export * as alicloud from "./alicloud";
export * as tencentcloud from "./tencentcloud";
export { alicloudVpnConnectionProvider, tencentcloudVpnConnectionProvider } from "../provider";
