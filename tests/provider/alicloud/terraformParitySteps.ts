/**
 * Test data of vpnConnection.terraformParity.test.ts: what each step after the first of
 * TestAccAliCloudVPNGatewayVpnConnection_basic5663 (aliyun/terraform-provider-alicloud) sets, in our args. A block replaces
 * the previous block whole, as in their configuration; `{}` re-applies the previous step; tags `{}` stands for their
 * REMOVEKEY, since tags left out are not managed; their `psk` (inside `ike_config`) is our `preSharedKey`.
 */
/** Test data: records of any values (the core `Props` is `unknown`-valued). */
type Props = Record<string, any>;

export const BASIC_5663_STEPS: Array<[number, Props]> = [
    [2, { healthCheckConfig: { enable: true, dip: "1.1.1.1", retry: 3, sip: "3.3.3.3", interval: 3 } }],
    [3, { effectImmediately: true }],
    [4, { bgpConfig: { enableBgp: true, localAsn: 1219002, localBgpIp: "169.254.10.1", tunnelCidr: "169.254.10.0/30" } }],
    [5, { ipsecConfig: { ipsecPfs: "group2", ipsecEncAlg: "aes", ipsecAuthAlg: "sha1", ipsecLifetime: 86400 } }],
    [6, { enableNatTraversal: false }],
    [7, { preSharedKey: "12345678", ikeConfig: { ikeAuthAlg: "sha1", localId: "localid1", ikeEncAlg: "aes", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 86400, remoteId: "remoteId2", ikePfs: "group2" } }],
    [8, { enableDpd: true }],
    [9, { localSubnets: ["4.1.0.0/24"] }],
    [10, { remoteSubnets: ["4.0.1.0/24", "10.0.1.0/24"] }],
    [11, { name: "tf-parity-5663_update" }],
    [12, { healthCheckConfig: { dip: "11.111.11.111", retry: 4, sip: "32.32.32.232", interval: 10, enable: true } }],
    [13, {}],
    [14, { bgpConfig: { localAsn: 1219004, localBgpIp: "169.254.20.1", tunnelCidr: "169.254.20.0/30" } }],
    [15, { ipsecConfig: { ipsecPfs: "group14", ipsecEncAlg: "aes192", ipsecAuthAlg: "md5", ipsecLifetime: 8640 } }],
    [16, {}],
    [17, { preSharedKey: "2222222", ikeConfig: { ikeAuthAlg: "md5", localId: "localid2", ikeEncAlg: "aes192", ikeVersion: "ikev2", ikeMode: "aggressive", ikeLifetime: 8640, remoteId: "remoteid2", ikePfs: "group1" } }],
    [18, {}],
    [19, { name: "tf-parity-5663_update" }],
    [20, { healthCheckConfig: { enable: false } }],
    [21, { effectImmediately: true }],
    [22, { bgpConfig: { enableBgp: false } }],
    [23, { ipsecConfig: { ipsecEncAlg: "aes256", ipsecAuthAlg: "sha256", ipsecLifetime: 27000 } }],
    [24, { enableNatTraversal: true }],
    [25, { preSharedKey: "999222", ikeConfig: { ikeAuthAlg: "sha256", localId: "2.2.2.2", ikeEncAlg: "aes256", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 27000, remoteId: "remoyteid1", ikePfs: "group14" } }],
    [26, { enableDpd: true }],
    [27, { name: "tf-parity-5663_update" }],
    [28, { ipsecConfig: { ipsecPfs: "disabled", ipsecEncAlg: "des", ipsecAuthAlg: "sha384", ipsecLifetime: 3600 } }],
    [29, { preSharedKey: "8888888", ikeConfig: { ikeAuthAlg: "sha384", localId: "localid3", ikeEncAlg: "des", ikeVersion: "ikev2", ikeLifetime: 3600, remoteId: "remoteid2", ikePfs: "group1" } }],
    [30, {}],
    [31, { name: "tf-parity-5663_update" }],
    [32, { healthCheckConfig: { enable: true, dip: "1.1.1.1", retry: 3, sip: "3.3.3.3", interval: 3 } }],
    [33, { bgpConfig: { enableBgp: true, localAsn: 1219002, localBgpIp: "169.254.10.1", tunnelCidr: "169.254.10.0/30" } }],
    [34, { ipsecConfig: { ipsecPfs: "group2", ipsecEncAlg: "aes", ipsecAuthAlg: "sha1", ipsecLifetime: 86400 } }],
    [35, { preSharedKey: "12345678", ikeConfig: { ikeAuthAlg: "sha1", localId: "localid1", ikeEncAlg: "aes", ikeVersion: "ikev2", ikeLifetime: 86400, remoteId: "remoteId2", ikePfs: "group2" } }],
    [36, { enableDpd: true }],
    [37, { name: "tf-parity-5663_update" }],
    [38, { healthCheckConfig: { enable: true, dip: "1.1.1.1", retry: 3, sip: "3.3.3.3", interval: 3 }, bgpConfig: { enableBgp: true, localAsn: 1219002, localBgpIp: "169.254.10.1", tunnelCidr: "169.254.10.0/30" }, ipsecConfig: { ipsecPfs: "group2", ipsecEncAlg: "aes", ipsecAuthAlg: "sha1", ipsecLifetime: 86400 }, preSharedKey: "12345678", ikeConfig: { ikeAuthAlg: "sha1", localId: "localid1", ikeEncAlg: "aes", ikeVersion: "ikev2", ikeMode: "main", ikeLifetime: 86400, remoteId: "remoteId2", ikePfs: "group2" }, localSubnets: ["3.0.0.0/24"], remoteSubnets: ["10.0.0.0/24", "10.0.1.0/24"], autoConfigRoute: true, effectImmediately: true, enableNatTraversal: true, enableDpd: true, name: "tf-parity-5663_update" }],
    [39, { tags: { Created: "TF", For: "Test" } }],
    [40, { tags: { Created: "TF-update", For: "Test-update" } }],
    [41, { tags: {} }],
];

/** The `tunnel_bgp_config` blocks of basic5678, basic3783 and their twins: the master's in step 1 (the slave's from step 6 of basic3783). */
export const TUNNEL_BGP_30: Props = { localAsn: 1219002, tunnelCidr: "169.254.30.0/30", localBgpIp: "169.254.30.1" };
/** The slave's `tunnel_bgp_config` in step 1 of those tests (the master's from step 6 of basic3783). */
export const TUNNEL_BGP_40: Props = { localAsn: 1219002, tunnelCidr: "169.254.40.0/30", localBgpIp: "169.254.40.1" };
