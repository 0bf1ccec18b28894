/**
 * The connection through API 3.0 (VPC 2017-03-12): CreateVpnConnection, DescribeVpnConnections,
 * ModifyVpnConnectionAttribute, DeleteVpnConnection, with DescribeVpcTaskResult for the async
 * tasks (the RequestId of the write is the TaskId: DescribeVpcTaskResult, https://intl.cloud.tencent.com/document/product/215/41567).
 */
import { fromApiResponse, modifyRequestKeys, toApiRequest } from "../core/apiMapping";
import { CloudApiError } from "../core/errors";
import { Props } from "../core/schema";
import { allPages, Publish } from "../core/readBatch";
import { Timing } from "../core/timing";
import { pollOptions, waitUntil } from "../core/wait";
import { Api3Client } from "./api3Client";
import { isCloudCode } from "./retryPolicy";
import { ConnectionApi, CreateStarted, Observed, taskFailed } from "./connectionApi";
import { CREATE_TOKEN_TAG, createTokenFor, hasAnyCreateToken, hasCreateToken } from "./createToken";
import { API_3, userGwPolicy, VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";
import { computed3, view3 } from "./views";
import { applyTags } from "./tags";
import { ServiceTags } from "./serviceTags";

/**
 * Codes meaning "no such connection": ResourceNotFound, and Delete's RecordNotExists (the codes per
 * action in TencentCloud/tencentcloud-sdk-go `tencentcloud/vpc/v20170312/client.go`).
 */
export const GONE_CODES_3: readonly string[] = ["ResourceNotFound", "UnsupportedOperation.RecordNotExists"];

/** A described API 3.0 connection through the field table. */
export function observe3(connection: Props): Observed {
    return { props: fromApiResponse(SCHEMA, view3(connection), API_3), computed: computed3(connection) };
}

/**
 * The connection of `inputs` among those the filters listed: the one tagged with this create's
 * token; else — its tags may not be listed yet, or at all (they live in the Tag service) — the
 * newest one with the same name, gateways and VPC that carries no create token, as API 2.0 matches.
 * A connection tagged with another token belongs to another resource.
 */
export function ownConnection(listed: readonly Props[], inputs: Props): string | undefined {
    const same = listed.filter(
        (c) =>
            c.State !== "DELETING" &&
            c.VpnConnectionName === inputs.name &&
            c.VpnGatewayId === inputs.vpnGatewayId &&
            c.CustomerGatewayId === inputs.customerGatewayId &&
            (!inputs.vpcId || c.VpcId === inputs.vpcId),
    );
    const token = createTokenFor(inputs);
    const untagged = same.filter((c) => !hasAnyCreateToken(c)).sort((a, b) => String(b.CreatedTime ?? "").localeCompare(String(a.CreatedTime ?? "")));
    const own = same.find((c) => hasCreateToken(c, token)) ?? untagged[0];
    return own ? String(own.VpnConnectionId) : undefined;
}

/** The largest `Limit` of DescribeVpnConnections (https://www.tencentcloud.com/document/api/215/17515; the default, 20, would page five times as often). */
const LIST_LIMIT = 100;

export class Api3 implements ConnectionApi {
    /** Where a connection without the create token gets its tags (./serviceTags). */
    private readonly serviceTags?: ServiceTags;

    constructor(
        private readonly client: Api3Client,
        private readonly timing: Timing,
        /** The Tag service client, for tag changes and reads. */
        private readonly tags?: Api3Client,
        /** The connection's region, for the Tag service's resource filter. */
        private readonly region?: string,
    ) {
        if (tags && region) this.serviceTags = new ServiceTags(tags, region);
    }

    private async describeRaw(id: string, deadline: number): Promise<Props | undefined> {
        try {
            // The client refuses an answer without the set: only a well-formed one without the id means gone.
            const response = await this.client.call<{ VpnConnectionSet: Props[] }>({ action: "DescribeVpnConnections", params: { VpnConnectionIds: [id] }, deadline });
            return response.VpnConnectionSet.find((c) => c.VpnConnectionId === id);
        } catch (error) {
            // Gone = ResourceNotFound or an empty set, as the Terraform provider reads it
            // (tencentcloudstack/terraform-provider-tencentcloud `tencentcloud/services/vpn/resource_tc_vpn_connection.go`).
            if (isCloudCode(error, GONE_CODES_3)) return undefined;
            throw error;
        }
    }

    async describe(id: string, deadline: number): Promise<Observed | undefined> {
        const connection = await this.describeRaw(id, deadline);
        return connection ? observe3(await this.withServiceTags(id, connection, deadline)) : undefined;
    }

    async listGateway(vpnGatewayId: string, deadline: number, publish: Publish<Observed>): Promise<void> {
        // A page is published once its connections' tags are known. Pages are tagged one after another,
        // so the Tag service sees no more calls at once than one listing's; the chain never rejects, so a
        // failure while later pages are still on their way is held, not left unhandled.
        let tagging: Promise<void> = Promise.resolve();
        let tagFailure: { error: unknown } | undefined;
        const tagAndPublish = async (own: Props[]) => {
            const tagged = this.serviceTags ? await this.serviceTags.many(own, deadline) : own;
            publish(tagged.map((c) => [String(c.VpnConnectionId), observe3(c)] as const));
        };
        try {
            await allPages(async (page) => {
                const params = { Filters: [{ Name: "vpn-gateway-id", Values: [vpnGatewayId] }], Offset: (page - 1) * LIST_LIMIT, Limit: LIST_LIMIT };
                const response = await this.client.call<{ TotalCount?: number; VpnConnectionSet: Props[] }>({ action: "DescribeVpnConnections", params, deadline });
                const own = response.VpnConnectionSet.filter((c) => c.VpnGatewayId === vpnGatewayId);
                tagging = tagging.then(() => (tagFailure ? undefined : tagAndPublish(own))).catch((error: unknown) => void (tagFailure ??= { error }));
                return { items: response.VpnConnectionSet, total: typeof response.TotalCount === "number" ? response.TotalCount : undefined };
            }, LIST_LIMIT);
        } finally {
            await tagging;
        }
        if (tagFailure) throw tagFailure.error;
    }

    /** The connection with the Tag service's tags when its `TagSet` lacks the create token (./serviceTags). */
    private withServiceTags(id: string, connection: Props, deadline: number): Promise<Props> {
        return this.serviceTags ? this.serviceTags.one(id, connection, deadline) : Promise.resolve(connection);
    }

    async findOwn(inputs: Props, deadline: number): Promise<string | undefined> {
        // The filters the Terraform provider uses to recover an unreported id, plus the name
        // (tencentcloudstack/terraform-provider-tencentcloud `tencentcloud/services/vpn/resource_tc_vpn_connection.go`).
        const filters = [
            { Name: "vpn-gateway-id", Values: [inputs.vpnGatewayId] },
            { Name: "customer-gateway-id", Values: [inputs.customerGatewayId] },
            { Name: "vpn-connection-name", Values: [inputs.name] },
            ...(inputs.vpcId ? [{ Name: "vpc-id", Values: [inputs.vpcId] }] : []),
        ];
        const response = await this.client.call<{ VpnConnectionSet: Props[] }>({ action: "DescribeVpnConnections", params: { Filters: filters, Limit: 100 }, deadline });
        return ownConnection(response.VpnConnectionSet, inputs);
    }

    async create(inputs: Props, deadline: number): Promise<CreateStarted> {
        const request = await this.request(inputs, deadline);
        // The user's tags (the `tags` row) and the provider's own create token tag.
        const userTags = Array.isArray(request.Tags) ? request.Tags : [];
        const params = { ...request, Tags: [...userTags, { Key: CREATE_TOKEN_TAG, Value: createTokenFor(inputs) }] };
        const response = await this.client.call<{ VpnConnection?: Props; RequestId?: string }>({ action: "CreateVpnConnection", params, deadline, kind: "create" });
        const reported = response.VpnConnection?.VpnConnectionId;
        return { id: typeof reported === "string" && reported !== "" ? reported : undefined, taskId: response.RequestId };
    }

    waitCreateTask(started: CreateStarted, deadline: number): Promise<void> {
        return this.waitTask("CreateVpnConnection", started.taskId, deadline);
    }

    async update(id: string, inputs: Props, changedPaths: readonly string[], deadline: number): Promise<void> {
        // ModifyVpnConnectionAttribute takes no VpnGatewayId, VpcId, RouteType (https://www.tencentcloud.com/document/api/215/17508): replace-on-change fields.
        // Tags are not ModifyVpnConnectionAttribute's (no `Tags` parameter): the Tag service changes them.
        if (changedPaths.includes("tags")) await this.applyTags(id, inputs, deadline);
        const keys = new Set(modifyRequestKeys(SCHEMA, changedPaths.filter((path) => path !== "tags"), API_3));
        keys.delete("Tags");
        if (keys.size === 0) return; // e.g. only `apiVersion` changed: nothing to tell the cloud
        const request = await this.request(inputs, deadline, keys);
        // Blocks go whole: a changed IKE field re-sends the IKE block, a changed policy the whole SPD.
        const params: Props = { VpnConnectionId: id };
        for (const key of keys) if (request[key] !== undefined) params[key] = request[key];
        const response = await this.client.call<{ RequestId?: string }>({ action: "ModifyVpnConnectionAttribute", params, deadline });
        await this.waitTask("ModifyVpnConnectionAttribute", response.RequestId, deadline);
    }

    /** Turns the connection's user tags, as the cloud lists them now, into `inputs.tags` (see `./tags`). */
    private async applyTags(id: string, inputs: Props, deadline: number): Promise<void> {
        const connection = await this.describeRaw(id, deadline);
        if (!connection) throw new CloudApiError({ cloud: "tencentcloud", action: "DescribeVpnConnections", code: "ResourceNotFound", hint: "the connection is gone; run `pulumi refresh`" }, `connection ${id} not found`, []);
        if (!this.tags) throw new CloudApiError({ cloud: "tencentcloud", action: "ModifyResourceTags", code: "NoTagClient", hint: "internal: no Tag service client" }, "no Tag service client", []);
        const listed = await this.withServiceTags(id, connection, deadline);
        await applyTags(this.tags, String(inputs.region), id, listed.TagSet, inputs.tags, deadline);
    }

    async remove(id: string, olds: Props, deadline: number): Promise<boolean> {
        try {
            const response = await this.client.call<{ RequestId?: string }>({
                action: "DeleteVpnConnection",
                params: { VpnGatewayId: olds.vpnGatewayId, VpnConnectionId: id },
                deadline,
            });
            await this.waitTask("DeleteVpnConnection", response.RequestId, deadline);
            return true;
        } catch (error) {
            if (isCloudCode(error, GONE_CODES_3)) return false;
            throw error;
        }
    }

    /**
     * The request for `inputs` (only `keys` when given). `userGwCidrBlocks` has no API 3.0 parameter:
     * it becomes the policy from the VPC's CIDR to those blocks (see schema.ts `userGwCidrs3`).
     */
    private async request(inputs: Props, deadline: number, keys?: ReadonlySet<string>): Promise<Props> {
        const { userGwCidrBlocks, ...rest } = inputs;
        if (!Array.isArray(userGwCidrBlocks) || (keys && !keys.has("SecurityPolicyDatabases"))) return toApiRequest(SCHEMA, rest, API_3);
        const cidr = await this.vpcCidrBlock(String(inputs.vpcId), deadline);
        return toApiRequest(SCHEMA, { ...rest, securityPolicyDatabases: [userGwPolicy(cidr, userGwCidrBlocks as string[])] }, API_3);
    }

    private async vpcCidrBlock(vpcId: string, deadline: number): Promise<string> {
        const response = await this.client.call<{ VpcSet?: Props[] }>({ action: "DescribeVpcs", params: { VpcIds: [vpcId] }, deadline });
        const cidr = response.VpcSet?.find((vpc) => vpc.VpcId === vpcId)?.CidrBlock;
        if (typeof cidr !== "string") {
            throw new CloudApiError({ cloud: "tencentcloud", action: "DescribeVpcs", code: "ResourceNotFound", hint: "check `vpcId` and `region`" }, `VPC ${vpcId} not found`, []);
        }
        return cidr;
    }

    /** Polls DescribeVpcTaskResult until SUCCESS; FAILED throws. A task the API does not track is not waited for. */
    private async waitTask(action: string, taskId: string | undefined, deadline: number): Promise<void> {
        if (!taskId) return;
        await waitUntil<void>(async () => {
            let result: { Status?: string; Output?: string; RequestId?: string };
            try {
                result = await this.client.call({ action: "DescribeVpcTaskResult", params: { TaskId: taskId }, deadline });
            } catch (error) {
                if (isCloudCode(error, GONE_CODES_3)) return { done: true, value: undefined };
                throw error;
            }
            if (result.Status === "FAILED") throw taskFailed(action, taskId, result.Output || "no output", this.client.secretValues(), result.RequestId);
            return result.Status === "SUCCESS" ? { done: true, value: undefined } : { done: false, state: String(result.Status) };
        }, pollOptions(this.timing, deadline, `${action} task ${taskId} to finish`));
    }
}
