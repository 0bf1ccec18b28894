/**
 * What the demo's story runs: the example (its folder, project and stack config, wired to the
 * emulator's fixtures), the resources it declares and the out-of-band console change it drifts on.
 */
import * as fs from "fs";
import * as path from "path";
import type { EmulatorInfo } from "../emulator";

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
    /** The value the program asks for, and the one the console sets. */
    from: string;
    to: string;
    /** The resource property path the provider is expected to report as drifted. */
    driftPath: string;
}

/** The examples the story can run: the tunnel by default, a single cloud's connection otherwise. */
export type ExampleName = "tunnel" | "alicloud" | "tencentcloud";

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
    /** The dynamic resources the program declares, by logical name. */
    resources: { name: string; cloud: Cloud }[];
    consoleChange: ConsoleChange;
}

/** Options of {@link scenarioFor}. */
export interface ScenarioOptions {
    /** The example to run; `tunnel` and `tencentcloud` need the emulator's Tencent front end. */
    example: ExampleName;
    /** The pre-shared key to configure (a fresh one per run, so none is ever committed). */
    preSharedKey: string;
    /** Public IP of the Alibaba VPN gateway the tunnel uses (the Tencent side's remote identity); tunnel only. */
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
 * The scenario of the example the story runs, wired to the emulator's fixtures: gateway ids from
 * its info, a fresh PSK as a secret, and a console change to the IKE encryption of the example's
 * first connection (the Alibaba one in the tunnel).
 *
 * @throws when a Tencent example is asked for but the emulator has no Tencent front end, or the
 *  tunnel without the Alibaba gateway's IP
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
    if (!options.alicloudVpnGatewayIp) throw new Error("the tunnel example needs the Alibaba VPN gateway's public IP");
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
