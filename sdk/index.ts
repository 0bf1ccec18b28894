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
export { checkIpsecCompatibility } from "./crossCloud/compatibility";
export type { AlicloudSide, CompatibilityReport, Mismatch, TencentcloudSide } from "./crossCloud/compatibility";
export { VOCABULARY, fromNeutral, toNeutral } from "./crossCloud/vocabulary";
export type { SettingKind } from "./crossCloud/vocabulary";
