/**
 * Tencent Cloud's IPsec vocabulary in neutral terms (./proposal). Values as the VPC API 3.0 data types document
 * them (IKEOptionsSpecification, IPSECOptionsSpecification, https://www.tencentcloud.com/document/api/215/15824):
 * PropoEncryAlgorithm/EncryptAlgorithm `AES-CBC-128|192|256`, `DES-CBC`, `3DES-CBC`, `SM4`, `AES128GCM128`… (and
 * `NULL` for IPsec); PropoAuthenAlgorithm `MD5`, `SHA` (SHA-1), `SHA-256`, `SHA-512`; IntegrityAlgorithm `MD5`,
 * `SHA1`, `SHA-256`, `SHA-384`, `SHA-512`, `SM3`; DhGroupName `GROUPn`; PfsDhGroup `DH-GROUPn` or `NULL`;
 * IKEVersion `IKEV1|IKEV2`; ExchangeMode `MAIN|AGGRESSIVE`; identities `ADDRESS` (LocalAddress/RemoteAddress) or
 * `FQDN` (LocalFqdnName/RemoteFqdnName).
 */
import type { IkeOptions, IpsecOptions, SpdEntry } from "../tencentcloud/model";
import type { Identity, Phase1Proposal, Phase2Proposal, SelectorPair } from "./proposal";
import { dhGroupTerm, translate } from "./terms";
import type { Cipher, Hash } from "./terms";

const CLOUD = "tencentcloud";

const CIPHERS: Readonly<Record<string, Cipher>> = {
    "AES-CBC-128": "aes128",
    "AES-CBC-192": "aes192",
    "AES-CBC-256": "aes256",
    AES128GCM128: "aes128gcm",
    AES192GCM128: "aes192gcm",
    AES256GCM128: "aes256gcm",
    "DES-CBC": "des",
    "3DES-CBC": "3des",
    SM4: "sm4",
    NULL: "null",
};
const HASHES: Readonly<Record<string, Hash>> = {
    MD5: "md5",
    SHA: "sha1",
    SHA1: "sha1",
    "SHA-256": "sha256",
    "SHA-384": "sha384",
    "SHA-512": "sha512",
    SM3: "sm3",
};
const VERSIONS: Readonly<Record<string, string>> = { IKEV1: "ikev1", IKEV2: "ikev2" };
const MODES: Readonly<Record<string, string>> = { MAIN: "main", AGGRESSIVE: "aggressive" };

/** Every destination: the selectors of a route-based tunnel (destination routing or BGP). */
const ANY = "0.0.0.0/0";

function identity(kind: string, address: string, fqdn: string): Identity {
    return kind === "FQDN" ? { kind: "fqdn", value: fqdn } : { kind: "address", value: address };
}

export function tencentPhase1(ike: IkeOptions, preShareKey: string): Phase1Proposal {
    return {
        version: translate(VERSIONS, CLOUD, ike.IKEVersion),
        mode: translate(MODES, CLOUD, ike.ExchangeMode),
        encryption: translate(CIPHERS, CLOUD, ike.PropoEncryAlgorithm),
        integrity: translate(HASHES, CLOUD, ike.PropoAuthenAlgorithm),
        dhGroup: dhGroupTerm(CLOUD, ike.DhGroupName, /^GROUP(\d+)$/),
        lifetimeSeconds: Number(ike.IKESaLifetimeSeconds),
        preSharedKey: preShareKey,
        localId: identity(ike.LocalIdentity, ike.LocalAddress, ike.LocalFqdnName),
        remoteId: identity(ike.RemoteIdentity, ike.RemoteAddress, ike.RemoteFqdnName),
    };
}

/**
 * Phase 2. A policy tunnel (RouteType `STATIC` or `Policy`) protects its SPD: each LocalCidrBlock to each of its
 * RemoteCidrBlocks. A route-based tunnel (`StaticRoute`, `Bgp`) or one without an SPD protects everything
 * (CreateVpnConnection RouteType, https://www.tencentcloud.com/document/api/215/17522).
 */
export function tencentPhase2(ipsec: IpsecOptions, routeType: string, spd: readonly SpdEntry[]): Phase2Proposal {
    const routeBased = routeType === "StaticRoute" || routeType === "Bgp" || spd.length === 0;
    const selectors: SelectorPair[] = routeBased
        ? [{ local: ANY, remote: ANY }]
        : spd.flatMap((entry) => entry.RemoteCidrBlock.map((remote) => ({ local: entry.LocalCidrBlock, remote })));
    return {
        encryption: translate(CIPHERS, CLOUD, ipsec.EncryptAlgorithm),
        integrity: translate(HASHES, CLOUD, ipsec.IntegrityAlgorithm),
        pfs: ipsec.PfsDhGroup === "NULL" ? "none" : dhGroupTerm(CLOUD, ipsec.PfsDhGroup, /^DH-GROUP(\d+)$/),
        lifetimeSeconds: Number(ipsec.IPSECSaLifetimeSeconds),
        selectors,
    };
}
