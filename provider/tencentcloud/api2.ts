/**
 * The connection through API 2.0: AddVpnConnEx (https://cloud.tencent.com/document/product/215/5110),
 * ModifyVpnConnEx (https://cloud.tencent.com/document/api/215/5112), DescribeVpnConn (https://cloud.tencent.com/document/api/215/5113), DeleteVpnConn,
 * and DescribeVpcTaskResult for their `taskId` (https://intl.cloud.tencent.com/document/product/215/5094).
 * API 2.0 cannot tag, so adoption after an ambiguous failure matches on name, gateways and VPC.
 */
import { fromApiResponse, modifyRequestKeys, toApiRequest } from "../core/apiMapping";
import { Props } from "../core/schema";
import { Timing } from "../core/timing";
import { pollOptions, waitUntil } from "../core/wait";
import { ConnectionApi, CreateStarted, Observed, taskFailed } from "./connectionApi";
import { Api2Client } from "./api2Client";
import { isCloudCode } from "./retryPolicy";
import { API_2, VPN_CONNECTION_SCHEMA as SCHEMA } from "./schema";
import { computed2, api2State, view2 } from "./views";

/**
 * "No such connection" in API 2.0: DeleteVpnConn's `InvalidVpnConn.NotFound`; DescribeVpnConn and
 * ModifyVpnConnEx report a missing tunnel as `InvalidVpnGw.NotFound` (ModifyVpnConnEx's error codes, sic) — and a
 * missing gateway takes its connections with it.
 */
export const GONE_CODES_2: readonly string[] = ["InvalidVpnConn.NotFound", "InvalidVpnGw.NotFound", "ResourceNotFound"];

/** DescribeVpnConn's page size maximum (https://cloud.tencent.com/document/api/215/5113). */
const MAX_LIMIT = 50;

/** A DescribeVpnConn item through the field table. */
export function observe2(item: Props): Observed {
    return { props: fromApiResponse(SCHEMA, view2(item), API_2), computed: computed2(item) };
}

const idOf = (item: Props): string => String(item.unVpnConnId ?? item.vpnConnId);

export class Api2 implements ConnectionApi {
    constructor(
        private readonly client: Api2Client,
        private readonly timing: Timing,
    ) {}

    async describe(id: string, deadline: number): Promise<Observed | undefined> {
        let items: Props[];
        try {
            // The client refuses an answer without the `data` list: only a well-formed one without the id means gone.
            items = (await this.client.call<Props[]>({ action: "DescribeVpnConn", params: { vpnConnId: id }, deadline })).data;
        } catch (error) {
            if (isCloudCode(error, GONE_CODES_2)) return undefined;
            throw error;
        }
        const item = items.find((i) => idOf(i) === id || String(i.vpnConnId) === id);
        return item ? observe2(item) : undefined;
    }

    async findOwn(inputs: Props, deadline: number): Promise<string | undefined> {
        // `vpnConnName` matches fuzzily: the exact match, same customer gateway and VPC, not deleting.
        const response = await this.client.call<Props[]>({
            action: "DescribeVpnConn",
            params: { vpnGwId: inputs.vpnGatewayId, vpnConnName: inputs.name, orderField: "createTime", orderDirection: "desc", limit: MAX_LIMIT },
            deadline,
        });
        const own = response.data.find(
            (i) => i.vpnConnName === inputs.name && i.unUserGwId === inputs.customerGatewayId && i.unVpcId === inputs.vpcId && api2State(i.vpcConnStatus) !== "DELETING",
        );
        return own ? idOf(own) : undefined;
    }

    async create(inputs: Props, deadline: number): Promise<CreateStarted> {
        const response = await this.client.call<Props>({ action: "AddVpnConnEx", params: toApiRequest(SCHEMA, inputs, API_2), deadline, kind: "create" });
        // AddVpnConnEx's documented answer has `vpnConnId: 0`; some answers add the string id.
        const reported = response.data?.unVpnConnId;
        const taskId = response.data?.taskId;
        return { id: typeof reported === "string" && reported !== "" ? reported : undefined, taskId: taskId === undefined || taskId === null ? undefined : String(taskId) };
    }

    waitCreateTask(started: CreateStarted, deadline: number): Promise<void> {
        return this.waitTask("AddVpnConnEx", started.taskId, deadline);
    }

    async update(id: string, inputs: Props, changedPaths: readonly string[], deadline: number): Promise<void> {
        const keys = modifyRequestKeys(SCHEMA, changedPaths, API_2);
        if (keys.length === 0) return;
        const request = toApiRequest(SCHEMA, inputs, API_2);
        // ModifyVpnConnEx: vpcId, vpnGwId and vpnConnId identify the connection; the rest is what changed,
        // plus the traffic the connection carries, always: "userGwCidrBlock和spdAcl必须填一项" (its
        // userGwCidrBlock.n and spdAcl.n rows, https://cloud.tencent.com/document/api/215/5112), in the form
        // the inputs declare (check requires one of them with API 2.0, whose route type is always STATIC).
        const params: Props = { vpcId: request.vpcId, vpnGwId: request.vpnGwId, vpnConnId: id };
        for (const key of keys) if (request[key] !== undefined) params[key] = request[key];
        const traffic = request.spdAcl !== undefined ? "spdAcl" : "userGwCidrBlock";
        if (request[traffic] !== undefined) params[traffic] = request[traffic];
        // ModifyVpnConnEx types its policies as `spdAcl.n` (an array), where AddVpnConnEx
        // takes one JSON `spdAcl`: one JSON policy per entry (the entry format is inferred).
        if (typeof params.spdAcl === "string") {
            params.spdAcl = Object.entries(JSON.parse(params.spdAcl) as Props).map(([local, remotes]) => JSON.stringify({ [local]: remotes }));
        }
        const response = await this.client.call<Props>({ action: "ModifyVpnConnEx", params, deadline });
        await this.waitTask("ModifyVpnConnEx", response.data?.taskId, deadline);
    }

    async remove(id: string, olds: Props, deadline: number): Promise<boolean> {
        try {
            const response = await this.client.call<Props>({
                action: "DeleteVpnConn",
                params: { vpcId: olds.vpcId, vpnGwId: olds.vpnGatewayId, vpnConnId: id },
                deadline,
            });
            await this.waitTask("DeleteVpnConn", response.data?.taskId, deadline);
            return true;
        } catch (error) {
            if (isCloudCode(error, GONE_CODES_2)) return false;
            throw error;
        }
    }

    /** Polls DescribeVpcTaskResult until `status` 0 (success); 1 (failed) throws; 2 is running (https://intl.cloud.tencent.com/document/product/215/5094). */
    private async waitTask(action: string, taskId: unknown, deadline: number): Promise<void> {
        if (taskId === undefined || taskId === null) return;
        await waitUntil<void>(async () => {
            const result = await this.client.call<{ status?: number; output?: string }>({ action: "DescribeVpcTaskResult", params: { taskId }, deadline });
            const status = Number(result.data?.status);
            if (status === 1) throw taskFailed(action, String(taskId), String(result.message || "status 1"), this.client.secretValues());
            return status === 0 ? { done: true, value: undefined } : { done: false, state: `status ${result.data?.status}` };
        }, pollOptions(this.timing, deadline, `${action} task ${taskId} to finish`));
    }
}
