/**
 * API 2.0 ↔ model translation: the documented parameter names and lower-case values (AddVpnConnEx,
 * https://cloud.tencent.com/document/product/215/5110; ModifyVpnConnEx, https://cloud.tencent.com/document/api/215/5112) to API 3.0 parameters; the model to DescribeVpnConn items
 * (https://cloud.tencent.com/document/api/215/5113); API 3.0 error codes to the legacy actions' codes.
 */
import { parseIpv4Cidr } from "../core/ipv4";
import { TencentError } from "./errors";
import type { CustomerGatewayFixture, VpcFixture, VpnGatewayFixture } from "./fixtures";
import type { Api2Params } from "./api2Signature";
import type { ConnectionAttributes, ConnectionView } from "./model";
import type { Params } from "./params";

type Block = "IKEOptionsSpecification" | "IPSECOptionsSpecification";

/** One IKESet/IPsecSet parameter: its legacy name, allowed lower-case values or range, and its 3.0 home. */
interface Api2Field {
    name: string;
    block: Block;
    field: string;
    allowed?: readonly string[];
    /** Inclusive integer range (AddVpnConnEx and ModifyVpnConnEx tables). */
    range?: readonly [number, number];
    /** Address/name fields are copied as given. */
    text?: boolean;
}

/** AddVpnConnEx's and ModifyVpnConnEx's IKE and IPsec tables, value sets and ranges exactly as written (traffic max 604800 sic). */
export const API2_FIELDS: readonly Api2Field[] = [
    { name: "IKESet.propoEncryAlgorithm", block: "IKEOptionsSpecification", field: "PropoEncryAlgorithm", allowed: ["3des-cbc", "aes-cbc-128", "aes-cbc-192", "aes-cbc-256", "des-cbc"] },
    { name: "IKESet.propoAuthenAlgorithm", block: "IKEOptionsSpecification", field: "PropoAuthenAlgorithm", allowed: ["md5", "sha"] },
    { name: "IKESet.exchangeMode", block: "IKEOptionsSpecification", field: "ExchangeMode", allowed: ["aggressive", "main"] },
    { name: "IKESet.localIdentity", block: "IKEOptionsSpecification", field: "LocalIdentity", allowed: ["address", "fqdn"] },
    { name: "IKESet.remoteIdentity", block: "IKEOptionsSpecification", field: "RemoteIdentity", allowed: ["address", "fqdn"] },
    { name: "IKESet.localAddress", block: "IKEOptionsSpecification", field: "LocalAddress", text: true },
    { name: "IKESet.remoteAddress", block: "IKEOptionsSpecification", field: "RemoteAddress", text: true },
    { name: "IKESet.localFqdnName", block: "IKEOptionsSpecification", field: "LocalFqdnName", text: true },
    { name: "IKESet.remoteFqdnName", block: "IKEOptionsSpecification", field: "RemoteFqdnName", text: true },
    { name: "IKESet.dhGroupName", block: "IKEOptionsSpecification", field: "DhGroupName", allowed: ["group1", "group2", "group5", "group14", "group24"] },
    { name: "IKESet.ikeSaLifetimeSeconds", block: "IKEOptionsSpecification", field: "IKESaLifetimeSeconds", range: [60, 604800] },
    // AddVpnConnEx and ModifyVpnConnEx file the IPsec encryption algorithm under IKESet.
    { name: "IKESet.encryptAlgorithm", block: "IPSECOptionsSpecification", field: "EncryptAlgorithm", allowed: ["3des-cbc", "aes-cbc-128", "aes-cbc-192", "aes-cbc-256", "des-cbc", "null"] },
    { name: "IPsecSet.integrityAlgorith", block: "IPSECOptionsSpecification", field: "IntegrityAlgorith", allowed: ["md5", "sha"] },
    { name: "IPsecSet.ipsecSaLifetimeSeconds", block: "IPSECOptionsSpecification", field: "IPSECSaLifetimeSeconds", range: [180, 604800] },
    { name: "IPsecSet.ipsecSaLifetimeTraffic", block: "IPSECOptionsSpecification", field: "IPSECSaLifetimeTraffic", range: [2560, 604800] },
    { name: "IPsecSet.pfsDhGroup", block: "IPSECOptionsSpecification", field: "PfsDhGroup", allowed: ["null", "dh-group1", "dh-group14", "dh-group2", "dh-group24", "dh-group5"] },
];

/**
 * AddVpnConnEx defaults where its page states one and it differs from API 3.0 (md5 and
 * 3des-cbc, against `vpc_models.d.ts`'s SHA and AES-CBC-128). Unstated defaults fall back to API 3.0's (INFERRED).
 */
const ADD_DEFAULTS: Readonly<Record<string, string>> = {
    "IKESet.propoEncryAlgorithm": "3des-cbc",
    "IKESet.propoAuthenAlgorithm": "md5",
    "IKESet.exchangeMode": "main",
    "IKESet.localIdentity": "address",
    "IKESet.remoteIdentity": "address",
    "IKESet.encryptAlgorithm": "3des-cbc",
    "IPsecSet.integrityAlgorith": "md5",
    "IPsecSet.pfsDhGroup": "null",
};

/** Top-level legacy names ↔ API 3.0 names (error messages name what the client sent). */
const TOP_LEVEL_NAMES: readonly (readonly [string, string])[] = [
    ["VpnConnectionName", "vpnConnName"],
    ["PreShareKey", "preSharedKey"],
    ["SecurityPolicyDatabases", "spdAcl"],
    ["VpcId", "vpcId"],
    ["VpnGatewayId", "vpnGwId"],
    ["CustomerGatewayId", "userGwId"],
    ["VpnConnectionId", "vpnConnId"],
];

const invalid = (name: string, message: string): TencentError => new TencentError("InvalidParameter", message, { field: name });

/** 2.0 lower-case value → 3.0 value. IPsec `sha` becomes `SHA1`, the only SHA-1 spelling of the 3.0 IPsec enum (INFERRED; DescribeVpnConn shows `sha1`). */
function toV3Value(field: Api2Field, value: string): string | number {
    if (field.range) return Number(value);
    if (field.text) return value;
    if (field.field === "IntegrityAlgorith" && value === "sha") return "SHA1";
    return value.toUpperCase();
}

/**
 * IKESet.* / IPsecSet.* → the two API 3.0 blocks. With `addDefaults` (AddVpnConnEx) its documented defaults
 * fill unset fields, and when no IKESet.* is given at all the remote identity is the customer gateway's
 * address (as API 3.0 does for an absent block, INFERRED); ModifyVpnConnEx passes only what is given.
 */
export function api2Blocks(params: Api2Params, addDefaults: { remoteAddress: string } | undefined): Partial<Record<Block, Params>> {
    const blocks: Partial<Record<Block, Params>> = {};
    const anyIke = Object.keys(params).some((k) => k.startsWith("IKESet."));
    for (const field of API2_FIELDS) {
        let raw = params[field.name];
        if (raw === undefined && addDefaults) raw = ADD_DEFAULTS[field.name];
        if (raw === undefined) continue;
        if (field.allowed && !field.allowed.includes(raw)) {
            throw invalid(field.name, `The parameter \`${field.name}\` must be one of ${field.allowed.join(", ")}, got \`${raw}\`.`);
        }
        if (field.range) {
            if (!/^\d+$/.test(raw)) throw invalid(field.name, `The parameter \`${field.name}\` must be an integer.`);
            const n = Number(raw);
            if (n < field.range[0] || n > field.range[1]) {
                throw invalid(field.name, `The parameter \`${field.name}\` must be between ${field.range[0]} and ${field.range[1]}, got ${n}.`);
            }
        }
        (blocks[field.block] ??= {})[field.field] = toV3Value(field, raw);
    }
    if (addDefaults && !anyIke) blocks.IKEOptionsSpecification!.RemoteAddress = addDefaults.remoteAddress;
    return blocks;
}

/** Indexed parameters `name.0`, `name.1`, … as `[key, value]`, in index order. */
export function indexedEntries(params: Api2Params, name: string): [string, string][] {
    const pattern = new RegExp(`^${name.replace(/\./g, "\\.")}\\.(\\d+)$`);
    return Object.keys(params)
        .map((k) => [k, pattern.exec(k)] as const)
        .filter((e): e is readonly [string, RegExpExecArray] => e[1] !== null)
        .sort((a, b) => Number(a[1][1]) - Number(b[1][1]))
        .map(([k]) => [k, params[k]]);
}

/** One `spdAcl` JSON object (`{"10.0.0.5/24":["172.123.10.5/16"]}`, AddVpnConnEx) → SPD entries. */
function parseSpdAcl(text: string, name: string): Params[] {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        throw invalid(name, `The parameter \`${name}\` must be a JSON object like {"10.0.0.0/24":["192.168.0.0/24"]}.`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw invalid(name, `The parameter \`${name}\` must be a JSON object of local CIDR → remote CIDR list.`);
    }
    return Object.entries(value).map(([local, remotes]) => {
        if (!Array.isArray(remotes)) throw invalid(name, `The remote CIDRs of \`${local}\` in \`${name}\` must be a list.`);
        return { LocalCidrBlock: local, RemoteCidrBlock: remotes };
    });
}

/**
 * The SPD of a legacy write: `spdAcl` (a JSON string, AddVpnConnEx), `spdAcl.n` (ModifyVpnConnEx types it as an
 * array: each element read as one such JSON string, INFERRED) or `userGwCidrBlock.n` (remote CIDRs,
 * paired with the VPC's CIDR as the local side). spdAcl wins when both are given (INFERRED: it is the
 * finer-grained successor). Undefined when neither is given.
 */
export function api2Spd(params: Api2Params, vpc: VpcFixture): Params[] | undefined {
    const acls = [
        ...(params.spdAcl !== undefined ? [["spdAcl", params.spdAcl] as const] : []),
        ...indexedEntries(params, "spdAcl"),
    ];
    if (acls.length > 0) return acls.flatMap(([name, text]) => parseSpdAcl(text, name));
    const remotes = indexedEntries(params, "userGwCidrBlock");
    for (const [key, cidr] of remotes) {
        if (!parseIpv4Cidr(cidr)) throw invalid(key, `The parameter \`${key}\` is not a valid CIDR block: \`${cidr}\`.`);
    }
    return remotes.length > 0 ? [{ LocalCidrBlock: vpc.cidrBlock, RemoteCidrBlock: remotes.map(([, cidr]) => cidr) }] : undefined;
}

/** Every remote CIDR of a connection (`userGwSubnetList` in the legacy actions' responses). */
export function remoteSubnets(attrs: ConnectionAttributes): string[] {
    return [...new Set(attrs.SecurityPolicyDatabaseSet.flatMap((e) => e.RemoteCidrBlock))];
}

/**
 * `vpcConnStatus` (DescribeVpnConn doc): 0 creating, 1 create error, 2 modifying, 3 modify error,
 * 4 deleting, 5 delete error, 6 running. Failures resolve at once here (failed create gone, failed
 * modify reverted, failed delete back to running), so 1/3/5 are never shown.
 */
export function api2Status(state: string, transition: "create" | "modify" | "delete" | undefined): number {
    if (state === "DELETING") return 4;
    if (state === "PENDING") return transition === "modify" ? 2 : 0;
    return 6;
}

const lowerOrNull = (v: string): string | null => (v === "" ? null : v.toLowerCase());
const orNull = (v: string): string | null => (v === "" ? null : v);

/** A DescribeVpnConn `data` item (doc table and example: lower-case values, lifetimes as strings). */
export function toApi2Connection(
    attrs: ConnectionAttributes,
    view: ConnectionView,
    api2: { connectionId: number; status: number },
    vpc: VpcFixture | undefined,
    gateway: VpnGatewayFixture | undefined,
    customerGateway: CustomerGatewayFixture | undefined,
): Record<string, unknown> {
    const ike = attrs.IKEOptionsSpecification;
    const ipsec = attrs.IPSECOptionsSpecification;
    return {
        vpcId: vpc?.api2Id ?? attrs.VpcId,
        unVpcId: attrs.VpcId,
        vpcName: vpc?.name ?? "",
        vpcCidrBlock: vpc?.cidrBlock ?? "",
        vpnGwId: gateway?.api2Id ?? 0,
        unVpnGwId: attrs.VpnGatewayId,
        vpnGwName: gateway?.name ?? "",
        vpnGwAddress: gateway?.publicIpAddress ?? "",
        vpnConnId: api2.connectionId,
        unVpnConnId: view.id,
        vpnConnName: attrs.VpnConnectionName,
        userGwId: customerGateway?.api2Id ?? 0,
        unUserGwId: attrs.CustomerGatewayId,
        userGwName: customerGateway?.name ?? "",
        userGwAddress: customerGateway?.ipAddress ?? "",
        vpcConnStatus: api2.status,
        netStatus: view.netStatus.toLowerCase(),
        preSharedKey: attrs.PreShareKey,
        remoteSlaIp: attrs.HealthCheckRemoteIp,
        sourceCidr: [...new Set(attrs.SecurityPolicyDatabaseSet.map((e) => e.LocalCidrBlock))],
        destinationCidr: remoteSubnets(attrs),
        vpnProto: "ip-sec",
        createTime: view.createdTime,
        IKESet: {
            propoAuthenAlgorithm: ike.PropoAuthenAlgorithm.toLowerCase(),
            propoEncryAlgorithm: ike.PropoEncryAlgorithm.toLowerCase(),
            exchangeMode: ike.ExchangeMode.toLowerCase(),
            localIdentity: ike.LocalIdentity.toLowerCase(),
            remoteIdentity: ike.RemoteIdentity.toLowerCase(),
            localAddress: orNull(ike.LocalAddress),
            remoteAddress: orNull(ike.RemoteAddress),
            localFqdnName: orNull(ike.LocalFqdnName),
            remoteFqdnName: orNull(ike.RemoteFqdnName),
            dhGroupName: lowerOrNull(ike.DhGroupName),
            ikeSaLifetimeSeconds: String(ike.IKESaLifetimeSeconds),
        },
        IPsecSet: {
            encryptAlgorithm: ipsec.EncryptAlgorithm.toLowerCase(),
            integrityAlgorith: ipsec.IntegrityAlgorithm.toLowerCase(),
            encapMode: "tunnel",
            securityProto: "ESP",
            pfsDhGroup: ipsec.PfsDhGroup.toLowerCase(),
            ipsecSaLifetimeSeconds: String(ipsec.IPSECSaLifetimeSeconds),
            ipsecSaLifetimeTraffic: String(ipsec.IPSECSaLifetimeTraffic),
        },
    };
}

/** Which action a connection-not-found belongs to decides its legacy code. */
export type Api2Action = "AddVpnConnEx" | "ModifyVpnConnEx" | "DescribeVpnConn" | "DeleteVpnConn" | "DescribeVpcTaskResult";

/**
 * An API 3.0 rule failure in API 2.0's terms: codes of AddVpnConnEx, ModifyVpnConnEx and the DescribeVpnConn/DeleteVpnConn
 * docs, 3.0 field names replaced by the legacy names. Legacy-native codes pass through unchanged.
 */
export function toApi2Error(e: TencentError, action: Api2Action): { code: string; message: string } {
    let message = e.message;
    for (const [v3, v2] of TOP_LEVEL_NAMES) message = message.split(`\`${v3}`).join(`\`${v2}`);
    for (const f of API2_FIELDS) message = message.split(`\`${f.block}.${f.field}\``).join(`\`${f.name}\``);
    const resource = e.detail.resource;
    const code = ((): string => {
        if (e.code === "ResourceNotFound") {
            switch (resource) {
                case "vpc":
                    return "InvalidVpc.NotFound";
                case "vpnGateway":
                    return "InvalidVpnGw.NotFound";
                case "customerGateway":
                    return "InvalidUserGw.NotFound";
                case "task":
                    return "InvalidTask.NotFound"; // INFERRED: the v2 DescribeVpcTaskResult doc lists no code.
                default:
                    // ModifyVpnConnEx's and DescribeVpnConn's docs list InvalidVpnGw.NotFound for a missing tunnel (sic);
                    // the DeleteVpnConn doc has InvalidVpnConn.NotFound.
                    return action === "DeleteVpnConn" ? "InvalidVpnConn.NotFound" : "InvalidVpnGw.NotFound";
            }
        }
        if (e.detail.field === "VpnConnectionName") return "InvalidVpnConnName";
        if (e.code === "LimitExceeded") return "VpnConnLimitExceeded";
        if (e.code === "UnsupportedOperation.VpnConnInvalidState" || e.code === "UnsupportedOperation.DeleteVpnConnInvalidState") {
            return "InvalidVpnConnState";
        }
        // A busy gateway: VPC v2 `ActionLocked` ("resource being operated on, wait", https://cloud.tencent.com/doc/api/245/4924).
        if (e.code === "UnsupportedOperation.InvalidState" || e.code === "UnsupportedOperation.MutexOperationTaskRunning") return "ActionLocked";
        if (e.code.startsWith("InvalidParameter") || e.code === "UnknownParameter") return "InvalidParameter";
        return e.code;
    })();
    return { code, message };
}
