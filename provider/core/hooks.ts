/**
 * The dynamic-provider hooks every resource shares — configure, check, diff, read, update's
 * bookkeeping — built around the few calls that differ per cloud ({@link CloudResource}).
 */
import type * as pulumi from "@pulumi/pulumi";
import { LOOKUP_KEY } from "./check";
import { setStackConfig } from "./config";
import { formatDriftLine } from "./driftLine";
import { CheckFailure, IncompleteCreateGoneError } from "./errors";
import { log } from "./log";
import { lookUp, LookupTarget } from "./lookup";
import { withProgress } from "./progress";
import { INPUTS_KEY, recordInputs, refreshedInputs } from "./refreshInputs";
import { checkResource, diffResource, INCOMPLETE_KEY, withLocalSettings, withoutReserved } from "./resource";
import { Props } from "./schema";

/** What each cloud's resource module supplies. */
export interface CloudResource extends LookupTarget {
    /** Defaults `check` (and a lookup) take from the provider's configuration (e.g. the configured region). */
    configDefaults(): Props;
    /** Cross-field rules beyond the field table; `olds` are the previous inputs (`{}` for a new resource). */
    extraRules?(inputs: Props, olds: Props): CheckFailure[];
    /** Cloud-specific diff decisions, e.g. deleting first when a replacement would clash. */
    adjustDiff?(olds: Props, news: Props, diff: pulumi.dynamic.DiffResult): pulumi.dynamic.DiffResult;
    /** Creates (or adopts) the connection; `news` still holds `__provider`, for partial-failure errors. */
    create(inputs: Props, news: Props): Promise<pulumi.dynamic.CreateResult>;
    /**
     * Finishes a create an earlier run left incomplete (`olds` are its partial outputs): waits, under
     * the deadline of `inputs`' update, until the connection is ready; its outputs, or undefined when
     * the cloud no longer has it.
     */
    settle(id: string, olds: Props, inputs: Props): Promise<Props | undefined>;
    /** Applies the changed cloud fields and returns the new outputs. */
    modify(id: string, actual: Props, inputs: Props, changedPaths: string[]): Promise<Props>;
    /** Deletes the connection and waits until it is gone; already gone is success. */
    remove(id: string, olds: Props): Promise<void>;
}

/** The hooks an implementation module exports (`delete` is a reserved word, hence `remove`). */
export interface ResourceHooks {
    configure(request: pulumi.dynamic.ConfigureRequest): Promise<void>;
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(news: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    remove(id: string, props: Props): Promise<void>;
}

/**
 * Replacements that keep the VPN gateway delete the old connection first. A new connection beside
 * the old one would clash with it on the gateway (Tencent documents route-type, CIDR and SPD
 * conflicts among CreateVpnConnection's error codes, https://www.tencentcloud.com/document/api/215/17522),
 * and a forced replacement with unchanged inputs (`pulumi up --replace`)
 * would be handed the old connection back by the create's idempotency token, which the engine would
 * then delete. Outside a replacement the engine ignores the flag.
 */
export function deleteFirstOnSameGateway(olds: Props, news: Props, diff: pulumi.dynamic.DiffResult): pulumi.dynamic.DiffResult {
    return { ...diff, deleteBeforeReplace: olds.vpnGatewayId === news.vpnGatewayId };
}

export { log } from "./log";

/**
 * How progress lines name a connection: the resource's name from a URN-shaped `idempotencyKey` (the
 * default), else its `name` input, plus the connection ID once known. Neither is ever a secret.
 */
export function progressSubject(props: Props, id?: string): string {
    const key = props.idempotencyKey;
    const urnName = typeof key === "string" && key.startsWith("urn:pulumi:") ? key.split("::").pop() : undefined;
    const subject = urnName || (typeof props.name === "string" && props.name !== "" ? `connection "${props.name}"` : "connection");
    return id ? `${subject} (${id})` : subject;
}

/** Runs one write of a connection with progress lines while it waits. */
function tracked<T>(operation: "create" | "update" | "delete", props: Props, id: string | undefined, run: () => Promise<T>): Promise<T> {
    const gateway = typeof props.vpnGatewayId === "string" ? props.vpnGatewayId : undefined;
    return withProgress(progressSubject(props, id), operation, run, { gateway });
}

export function resourceHooks(resource: CloudResource): ResourceHooks {
    const { schema } = resource;
    /** Outputs that carry the inputs they were written from, for the next refresh's `read`. */
    const withInputs = (outs: Props, inputs: Props): Props => ({ ...outs, [INPUTS_KEY]: recordInputs(schema, inputs) });
    return {
        async configure(request) {
            setStackConfig(request.config);
        },
        async check(olds, news) {
            return checkResource(schema, news, { olds, defaults: resource.configDefaults(), extraRules: resource.extraRules });
        },
        async diff(id, olds, news) {
            const { changedPaths, changes, replaces, deleteBeforeReplace } = diffResource(schema, olds, news);
            const result = { changes, replaces, deleteBeforeReplace };
            if (changedPaths.length > 0) console.error(formatDriftLine({ id, paths: changedPaths }));
            return resource.adjustDiff ? resource.adjustDiff(withoutReserved(olds), withoutReserved(news), result) : result;
        },
        async create(news) {
            const inputs = withoutReserved(news);
            const adopting = typeof inputs.adoptConnectionId === "string" ? inputs.adoptConnectionId : undefined;
            const created = await tracked("create", inputs, adopting, () => resource.create(inputs, news));
            return { ...created, outs: withInputs(created.outs ?? {}, inputs) };
        },
        async read(id, props) {
            if (props[LOOKUP_KEY] === true) return lookUp(resource, id, props);
            const olds = withoutReserved(props);
            const outs = await resource.observe(id, olds);
            // No id: the engine records the connection as deleted.
            if (!outs) return {};
            if (props[INPUTS_KEY] === undefined && driftedFromOlds(olds, outs).length === 0) {
                // State written before inputs were recorded (an earlier release), and the cloud
                // still matches it: returning no inputs keeps the engine's stored ones — the
                // program's own, PSK secret included (pulumi/pulumi pkg/resource/deploy/step.go
                // RefreshStep retains them) — where a projection of the outputs would make the
                // next real change display every cloud-filled field and a "+preSharedKey".
                return { id, props: outs };
            }
            const inputs = refreshedInputs(schema, outs, props[INPUTS_KEY]);
            return { id, props: withInputs(outs, inputs), inputs };
        },
        async update(id, olds, news) {
            const inputs = withoutReserved(news);
            const actual = olds[INCOMPLETE_KEY] === true ? await tracked("update", inputs, id, () => finishCreate(id, olds, inputs)) : withoutReserved(olds);
            const { changedPaths } = diffResource(schema, actual, inputs);
            if (changedPaths.length === 0) {
                // Only provider-side settings changed (e.g. `timeouts`): record them, call nothing.
                return { outs: withInputs(withLocalSettings(schema, actual, inputs), inputs) };
            }
            return { outs: withInputs(await tracked("update", inputs, id, () => resource.modify(id, actual, inputs, changedPaths)), inputs) };
        },
        remove(id, props) {
            const olds = withoutReserved(props);
            return tracked("delete", olds, id, () => resource.remove(id, olds));
        },
    };

    /**
     * The fields in which the cloud (`outs`) no longer matches state written by an earlier release
     * (`olds`). A field that state does not hold at all (one that release did not know, such as
     * `tags`) cannot have drifted from it.
     */
    function driftedFromOlds(olds: Props, outs: Props): string[] {
        const known = (path: string) => Object.prototype.hasOwnProperty.call(olds, path.split(/[.[]/)[0]);
        return diffResource(schema, olds, outs).changedPaths.filter(known);
    }

    /** The outputs of a partial create once the connection is ready: the update then applies what still differs. */
    async function finishCreate(id: string, olds: Props, inputs: Props): Promise<Props> {
        log(`finishing the create of ${id}, which an earlier run left incomplete`);
        const settled = await resource.settle(id, withoutReserved(olds), inputs);
        if (!settled) throw new IncompleteCreateGoneError(id);
        return settled;
    }
}
