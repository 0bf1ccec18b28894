/**
 * How the Tencent field table's values travel in each API generation: the encode/decode pairs of
 * its bindings (`schema.ts`), from API 3.0 (`vpc_models.d.ts` of tencentcloud-sdk-nodejs) and
 * API 2.0 (AddVpnConnEx, https://cloud.tencent.com/document/product/215/5110) shapes to input-shaped values.
 */
import { parseCidr } from "../core/cidr";
import { ApiBinding, ownEntry } from "../core/schema";

/** The part of a binding a codec supplies. */
export type Codec = Pick<ApiBinding, "encode" | "decode" | "readPath" | "enum" | "range">;

/** Optional strings come back as "" when unset (DescribeVpnConnections' examples, https://www.tencentcloud.com/document/api/215/17515): "" means absent. */
export const emptyAsAbsent: Codec = { decode: (value) => (value === "" ? undefined : value) };

/**
 * API 2.0 spells enums in lower case (AddVpnConnEx: `3des-cbc`, `sha`, `dh-group2`); API 3.0 in upper
 * case. `renames` covers values whose spelling differs beyond case (IPsec `SHA1` is 2.0's `sha`).
 */
export const lowerCase = (renames: Readonly<Record<string, string>> = {}): Codec => {
    const back = Object.fromEntries(Object.entries(renames).map(([v3, v2]) => [v2.toLowerCase(), v3]));
    return {
        encode: (value) => (ownEntry(renames, String(value)) ?? String(value)).toLowerCase(),
        // The response's value is looked up as an own key only (a cloud answering `constructor` is not a rename).
        decode: (value) => (value === null || value === "" ? undefined : (ownEntry(back, String(value).toLowerCase()) ?? String(value).toUpperCase())),
    };
};

export const canonicalCidr = (text: unknown): unknown => {
    const parsed = parseCidr(String(text));
    return parsed.ok ? parsed.canonical : text;
};

/** One security policy: a VPC-side CIDR and the on-premises CIDRs it may talk to (`vpc_models.d.ts` SecurityPolicyDatabase). */
export interface SecurityPolicy {
    localCidrBlock: string;
    remoteCidrBlocks: string[];
}

interface ApiPolicy {
    LocalCidrBlock: string;
    RemoteCidrBlock: string[];
}

/** API 3.0 `SecurityPolicyDatabases` ↔ `securityPolicyDatabases`. */
export const policies3: Codec = {
    readPath: "SecurityPolicyDatabaseSet",
    encode: (value) => (value as SecurityPolicy[]).map((p): ApiPolicy => ({ LocalCidrBlock: p.localCidrBlock, RemoteCidrBlock: p.remoteCidrBlocks })),
    decode: (value) =>
        Array.isArray(value)
            ? (value as ApiPolicy[]).map((p) => ({ localCidrBlock: canonicalCidr(p.LocalCidrBlock), remoteCidrBlocks: (p.RemoteCidrBlock ?? []).map(canonicalCidr) }))
            : undefined,
};

/**
 * API 2.0 `spdAcl`: one JSON object of local CIDR → remote CIDRs (AddVpnConnEx). DescribeVpnConn has no
 * SPD, only `sourceCidr`/`destinationCidr`: the read view rebuilds the policy as `spd` when there
 * is exactly one local CIDR (see `view2` in `views.ts`); with several the pairing is lost.
 */
export const policies2: Codec = {
    readPath: "spd",
    encode: (value) => JSON.stringify(Object.fromEntries((value as SecurityPolicy[]).map((p) => [p.localCidrBlock, p.remoteCidrBlocks]))),
    decode: policies3.decode,
};

/**
 * `userGwCidrBlocks` in API 3.0: 2.0's `userGwCidrBlock.n` is "which IDC CIDRs the VPC may reach"
 * (AddVpnConnEx), i.e. one policy from the VPC's CIDR to these blocks — what the cloud stores and
 * 3.0 reads back. Writing needs the VPC's CIDR, so the hook rewrites the field into that policy
 * before building a 3.0 request ({@link userGwPolicy}); reading takes every policy's remote side.
 */
export const userGwCidrs3: Codec = {
    readPath: "SecurityPolicyDatabaseSet",
    encode: () => {
        throw new Error("userGwCidrBlocks must be rewritten with userGwPolicy() before building an API 3.0 request");
    },
    decode: (value) => (Array.isArray(value) ? [...new Set((value as ApiPolicy[]).flatMap((p) => p.RemoteCidrBlock ?? []).map(canonicalCidr))] : undefined),
};

/** The API 3.0 policy equivalent to API 2.0's `userGwCidrBlock.n` (see `userGwCidrs3`). */
export function userGwPolicy(vpcCidrBlock: string, userGwCidrBlocks: string[]): SecurityPolicy {
    return { localCidrBlock: vpcCidrBlock, remoteCidrBlocks: userGwCidrBlocks };
}

/** DpdEnable is a number 0/1 in the API (`vpc_models.d.ts` CreateVpnConnectionRequest). */
export const zeroOne: Codec = { encode: (value) => (value ? 1 : 0), decode: (value) => Number(value) === 1 };
/** DpdTimeout is a string in the API, "" while DPD is off (`vpc_models.d.ts` VpnConnection, Terraform PR #1597). */
export const numericString: Codec = { encode: (value) => String(value), decode: (value) => (value === "" || value === null ? undefined : Number(value)) };

