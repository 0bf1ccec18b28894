/**
 * What the demo's story runs: the example (its folder, project and stack config, wired to the
 * emulator's fixtures), the resources it declares, the out-of-band console change it drifts on and,
 * for the cross-cloud tunnel, the two ends whose negotiation the story checks.
 */
import * as fs from "fs";
import * as path from "path";
import type { EmulatorInfo, PeeringPair } from "../emulator";

/** The repository root, where `examples/` and `dist/` live. */
export const REPO_ROOT = path.resolve(__dirname, "..");

/** Stack name used by both drivers (the CLI's state lives in a temporary backend, so it never clashes). */
export const STACK_NAME = "demo";

/** The clouds a resource can live in, named as the SDK's namespaces. */
export type Cloud = "alicloud" | "tencentcloud";

/** An out-of-band change made through the emulator's control API, as a console user would. */
export interface ConsoleChange {
    cloud: Cloud;
    /** Logical name of the resource whose connection is changed. */
    resourceName: string;
    /** Human wording for the report. */
    description: string;
    /** Body of `PATCH /<cloud>/connections/<id>`: a partial connection in the cloud API's shape. */
    patch: Record<string, unknown>;
    /** Where the changed value sits in the control API's connection view. */
    apiPath: string[];
    /** The value the program asks for (for a {@link ConsoleChange.secret}, its wording), and the one the console sets. */
    from: string;
    to: string;
    /**
     * True when the changed value is a secret (a pre-shared key): the control API masks it, so the
     * story neither reads nor prints it, and checks the change by its effect (the tunnel goes down).
     * @default false
     */
    secret?: boolean;
    /** The resource property path the provider is expected to report as drifted. */
    driftPath: string;
}

/**
 * The two ends of a negotiated tunnel (emulator peering pair): the story checks, through the
 * control API, that both report the tunnel up (Alibaba `Status`, Tencent `NetStatus`) and that the
 * stack output agrees.
 */
export interface TunnelCheck {
    /** Logical names of the Alibaba and the Tencent connection. */
    alicloud: string;
    tencentcloud: string;
    /** The stack output holding the combined status (`established` | `partial` | `down`). */
    output: string;
}

/**
 * The examples the story can run: the `CrossCloudTunnel` component by default, the tunnel of two
 * plain resources, or a single cloud's connection.
 */
export type ExampleName = "cross-cloud" | "tunnel" | "alicloud" | "tencentcloud";

/**
 * Examples whose program declares a component: only the CLI runs them (the plugin driver plays the
 * dynamic provider alone, and cannot resolve one child's outputs into another's inputs).
 */
export const COMPONENT_EXAMPLES: readonly ExampleName[] = ["cross-cloud"];

/** Everything the drivers need to know about the example the story runs. */
export interface Scenario {
    /** Folder name under `examples/`. */
    example: ExampleName;
    exampleDir: string;
    /** Pulumi project name, from the example's Pulumi.yaml. */
    project: string;
    stack: string;
    /** Stack config without the project prefix, all strings (as the engine passes them). */
    config: Record<string, string>;
    /** Keys of {@link Scenario.config} set as secrets. */
    secretKeys: string[];
    /**
     * The connections the program declares, by logical name. Other dynamic resources (the
     * component's generated key) may exist beside them; the story does not count them.
     */
    resources: { name: string; cloud: Cloud }[];
    consoleChange: ConsoleChange;
    /** The tunnel whose negotiation the story checks; only examples on a peering pair have one. */
    tunnel?: TunnelCheck;
}

/** Options of {@link scenarioFor}. */
export interface ScenarioOptions {
    /** The example to run; all but `alicloud` need the emulator's Tencent front end. */
    example: ExampleName;
    /**
     * The pre-shared key to configure (a fresh one per run, so none is ever committed). The
     * cross-cloud component generates its own, so there this is the key the console sets instead.
     */
    preSharedKey: string;
    /**
     * Public IP of the Alibaba VPN gateway the tunnel uses (the Tencent side's remote identity), the
     * one {@link alicloudGatewayFor} names; tunnel and cross-cloud only.
     */
    alicloudVpnGatewayIp?: string;
    /** Where the examples live. @default `<repo>/examples` */
    examplesDir?: string;
}

/** The Alibaba IKE encryption change both examples drift on: they ask for aes256, the console sets aes. */
function alibabaIkeChange(resourceName: string): ConsoleChange {
    return {
        cloud: "alicloud",
        resourceName,
        description: "IKE encryption",
        patch: { IkeConfig: { IkeEncAlg: "aes" } },
        apiPath: ["IkeConfig", "IkeEncAlg"],
        from: "aes256",
        to: "aes",
        driftPath: "ikeConfig.ikeEncAlg",
    };
}

/** The Tencent counterpart: the example asks for AES-CBC-256, the console sets AES-CBC-128. */
function tencentIkeChange(resourceName: string): ConsoleChange {
    return {
        cloud: "tencentcloud",
        resourceName,
        description: "IKE encryption",
        patch: { IKEOptionsSpecification: { PropoEncryAlgorithm: "AES-CBC-128" } },
        apiPath: ["IKEOptionsSpecification", "PropoEncryAlgorithm"],
        from: "AES-CBC-256",
        to: "AES-CBC-128",
        driftPath: "ikeOptions.propoEncryAlgorithm",
    };
}

/**
 * The Tencent console change of the cross-cloud story: a new pre-shared key on the Tencent end, which
 * brings the tunnel down (the two ends no longer agree in phase 1).
 */
function tencentPskChange(resourceName: string, consoleKey: string, programKey: string): ConsoleChange {
    return {
        cloud: "tencentcloud",
        resourceName,
        description: "the pre-shared key",
        patch: { PreShareKey: consoleKey },
        apiPath: ["PreShareKey"],
        from: programKey,
        to: consoleKey,
        secret: true,
        driftPath: "preSharedKey",
    };
}

/** The Alibaba VPN gateway the example's Alibaba end uses: the first peering pair's for cross-cloud. */
export function alicloudGatewayFor(info: EmulatorInfo, example: ExampleName): string {
    if (example === "cross-cloud") return firstPeeringPair(info).alicloud.vpnGatewayId;
    return info.alicloud.vpnGatewayIds[0];
}

function firstPeeringPair(info: EmulatorInfo): PeeringPair {
    const pair = info.peering?.[0];
    if (!pair) throw new Error("examples/cross-cloud needs the emulator's peering pairs (both clouds)");
    return pair;
}

/**
 * The scenario of the example the story runs, wired to the emulator's fixtures: gateway ids from
 * its info, a fresh PSK as a secret, and a console change to the IKE encryption of the example's
 * first connection (the Alibaba one in the tunnel) — or, for cross-cloud on the first peering pair,
 * to the Tencent end's pre-shared key.
 *
 * @throws when a Tencent example is asked for but the emulator has no Tencent front end (or no
 *  peering pairs), or a tunnel without the Alibaba gateway's IP
 */
export function scenarioFor(info: EmulatorInfo, options: ScenarioOptions): Scenario {
    const examplesDir = options.examplesDir ?? path.join(REPO_ROOT, "examples");
    const exampleDir = path.join(examplesDir, options.example);
    const base = { example: options.example, exampleDir, project: projectName(exampleDir), stack: STACK_NAME, secretKeys: ["preSharedKey"] };
    const ali = info.alicloud;
    if (options.example === "alicloud") {
        return {
            ...base,
            config: { vpnGatewayId: ali.vpnGatewayIds[0], customerGatewayId: ali.customerGatewayIds[0], preSharedKey: options.preSharedKey },
            resources: [{ name: "office", cloud: "alicloud" }],
            consoleChange: alibabaIkeChange("office"),
        };
    }
    const tc = info.tencentcloud;
    if (!tc) throw new Error(`examples/${options.example} needs the emulator's Tencent Cloud front end`);
    if (options.example === "tencentcloud") {
        return {
            ...base,
            config: {
                vpcId: tc.vpcIds[0],
                vpnGatewayId: tc.vpnGatewayIds[0],
                customerGatewayId: tc.customerGatewayIds[0],
                // The emulator does not check identities against gateways; a documentation address will do.
                customerGatewayIp: "198.51.100.11",
                preSharedKey: options.preSharedKey,
            },
            resources: [{ name: "office", cloud: "tencentcloud" }],
            consoleChange: tencentIkeChange("office"),
        };
    }
    if (!options.alicloudVpnGatewayIp) throw new Error(`the ${options.example} example needs the Alibaba VPN gateway's public IP`);
    if (options.example === "cross-cloud") {
        const pair = firstPeeringPair(info);
        const names = { alicloud: "hz-gz-alicloud", tencentcloud: "hz-gz-tencentcloud" };
        return {
            ...base,
            config: {
                alicloudVpnGatewayId: pair.alicloud.vpnGatewayId,
                alicloudCustomerGatewayId: pair.alicloud.customerGatewayId,
                alicloudVpnGatewayIp: options.alicloudVpnGatewayIp,
                tencentcloudVpcId: pair.tencentcloud.vpcId,
                tencentcloudVpnGatewayId: pair.tencentcloud.vpnGatewayId,
                tencentcloudCustomerGatewayId: pair.tencentcloud.customerGatewayId,
                // The peering VPC's own block (the emulator's vpc-emu00002); the Alibaba side keeps the example's default.
                tencentcloudCidr: "10.1.0.0/16",
            },
            // No key in the config: the component generates one (its `hz-gz-psk` child).
            secretKeys: [],
            resources: [
                { name: names.alicloud, cloud: "alicloud" },
                { name: names.tencentcloud, cloud: "tencentcloud" },
            ],
            consoleChange: tencentPskChange(names.tencentcloud, options.preSharedKey, "the generated key"),
            tunnel: { ...names, output: "tunnelStatus" },
        };
    }
    return {
        ...base,
        config: {
            alicloudVpnGatewayId: ali.vpnGatewayIds[0],
            alicloudCustomerGatewayId: ali.customerGatewayIds[0],
            alicloudVpnGatewayIp: options.alicloudVpnGatewayIp,
            tencentcloudVpcId: tc.vpcIds[0],
            tencentcloudVpnGatewayId: tc.vpnGatewayIds[0],
            tencentcloudCustomerGatewayId: tc.customerGatewayIds[0],
            preSharedKey: options.preSharedKey,
        },
        resources: [
            { name: "alicloud-to-tencentcloud", cloud: "alicloud" },
            { name: "tencentcloud-to-alicloud", cloud: "tencentcloud" },
        ],
        consoleChange: alibabaIkeChange("alicloud-to-tencentcloud"),
    };
}

/** The public IP of Alibaba VPN gateway `gatewayId` in a `GET /__emu/state` snapshot, if listed. */
export function alicloudGatewayIp(state: Record<string, unknown>, gatewayId: string): string | undefined {
    const gateways = (state.alicloud as { vpnGateways?: { VpnGatewayId?: string; InternetIp?: string }[] } | undefined)?.vpnGateways ?? [];
    return gateways.find((g) => g.VpnGatewayId === gatewayId)?.InternetIp;
}

/** The `name:` of a Pulumi.yaml (a top-level scalar, so a line match is enough and needs no YAML parser). */
export function projectName(projectDir: string): string {
    const text = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
    const match = /^name:\s*["']?([^"'\s#]+)/m.exec(text);
    if (!match) throw new Error(`${projectDir}/Pulumi.yaml has no top-level name`);
    return match[1];
}

/** `config` with every key namespaced to `project`, as the engine hands stack config to plugins. */
export function namespacedConfig(project: string, config: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
}
