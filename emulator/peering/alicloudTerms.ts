/**
 * Alibaba Cloud's IPsec vocabulary in neutral terms (./proposal). Values as CreateVpnConnection documents them
 * (IkeConfig / IpsecConfig, https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns):
 * IkeEncAlg/IpsecEncAlg `aes` (128-bit), `aes192`, `aes256`, `des`, `3des` (`sm4` on China SM gateways);
 * IkeAuthAlg/IpsecAuthAlg `md5`, `sha1`, `sha256`, `sha384`, `sha512` (`sm3`); IkePfs `group1|2|5|14` (and `group24`
 * in older references); IpsecPfs the same or `disabled`; IkeVersion `ikev1|ikev2`; IkeMode `main|aggressive`.
 * LocalId/RemoteId are an IP address or an FQDN.
 */
import { isIpv4 } from "../core/ipv4";
import type { IkeConfigView, IpsecConfigView } from "../alicloud/model";
import type { Identity, Phase1Proposal, Phase2Proposal, SelectorPair } from "./proposal";
import { dhGroupTerm, translate } from "./terms";
import type { Cipher, Hash } from "./terms";

const CLOUD = "alicloud";

const CIPHERS: Readonly<Record<string, Cipher>> = { aes: "aes128", aes192: "aes192", aes256: "aes256", des: "des", "3des": "3des", sm4: "sm4" };
const HASHES: Readonly<Record<string, Hash>> = { md5: "md5", sha1: "sha1", sha256: "sha256", sha384: "sha384", sha512: "sha512", sm3: "sm3" };
const VERSIONS: Readonly<Record<string, string>> = { ikev1: "ikev1", ikev2: "ikev2" };
const MODES: Readonly<Record<string, string>> = { main: "main", aggressive: "aggressive" };
const GROUP = /^group(\d+)$/;

/** An IKE block in the tunnel shape too (a dual-tunnel tunnel's IkeLifetime is a string). */
export type AlicloudIke = Omit<IkeConfigView, "IkeLifetime"> & { IkeLifetime: number | string };
export type AlicloudIpsec = Omit<IpsecConfigView, "IpsecLifetime"> & { IpsecLifetime: number | string };

/** LocalId/RemoteId: an IPv4 address is an address identity, anything else an FQDN. */
function identity(value: string): Identity {
    return { kind: isIpv4(value) ? "address" : "fqdn", value };
}

export function alicloudPhase1(ike: AlicloudIke): Phase1Proposal {
    return {
        version: translate(VERSIONS, CLOUD, ike.IkeVersion),
        mode: translate(MODES, CLOUD, ike.IkeMode),
        encryption: translate(CIPHERS, CLOUD, ike.IkeEncAlg),
        integrity: translate(HASHES, CLOUD, ike.IkeAuthAlg),
        dhGroup: dhGroupTerm(CLOUD, ike.IkePfs, GROUP),
        lifetimeSeconds: Number(ike.IkeLifetime),
        preSharedKey: ike.Psk,
        localId: identity(ike.LocalId),
        remoteId: identity(ike.RemoteId),
    };
}

/** Phase 2 of a connection whose LocalSubnet/RemoteSubnet are comma-separated CIDR lists: every local to every remote. */
export function alicloudPhase2(ipsec: AlicloudIpsec, localSubnet: string, remoteSubnet: string): Phase2Proposal {
    const split = (list: string) => list.split(",").map((s) => s.trim()).filter((s) => s !== "");
    const selectors: SelectorPair[] = [];
    for (const local of split(localSubnet)) {
        for (const remote of split(remoteSubnet)) selectors.push({ local, remote });
    }
    return {
        encryption: translate(CIPHERS, CLOUD, ipsec.IpsecEncAlg),
        integrity: translate(HASHES, CLOUD, ipsec.IpsecAuthAlg),
        pfs: ipsec.IpsecPfs === "disabled" ? "none" : dhGroupTerm(CLOUD, ipsec.IpsecPfs, GROUP),
        lifetimeSeconds: Number(ipsec.IpsecLifetime),
        selectors,
    };
}
