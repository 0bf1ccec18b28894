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
export { CrossCloudTunnel, TUNNEL_TYPE } from "./crossCloud/tunnel";
export type { CrossCloudTunnelArgs, CrossCloudTunnelCommonArgs } from "./crossCloud/tunnel";
export { DEFAULT_PROPOSAL, ProposalError, translateProposal } from "./crossCloud/proposal";
export type { IkeProposalArgs, IpsecProposalArgs, TranslatedProposal, TunnelProposalArgs } from "./crossCloud/proposal";
export { combineTunnelStatus } from "./crossCloud/tunnelStatus";
export type { TunnelStatus } from "./crossCloud/tunnelStatus";
export { GeneratedPresharedKey } from "./crossCloud/presharedKey";
export type { GeneratedPresharedKeyArgs } from "./crossCloud/presharedKey";
export { CrossCloudHaTunnel, HA_TUNNEL_TYPE } from "./crossCloud/haTunnel";
export type { CrossCloudBgpArgs, CrossCloudHaTunnelArgs } from "./crossCloud/haTunnel";
