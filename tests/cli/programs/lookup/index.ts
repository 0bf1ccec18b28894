/**
 * The CLI tier's lookup program: the existing connections that the stack config `lookups` names,
 * each read by its ID — through `VpnConnection.get` (the default), the `opts.id` resource option, or
 * the `import` resource option — and exported whole, so a test sees every output the engine stored.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud } from "pulumi-ipsec";

/** One entry of the `lookups` config. */
export interface LookupSpec {
    name: string;
    cloud: "alicloud" | "tencentcloud";
    id: string;
    /** Locating inputs (`region`, Tencent `apiVersion`); with `via: "import"` the connection's args. */
    state?: Record<string, unknown>;
    via?: "get" | "opts.id" | "import";
}

const specs = JSON.parse(new pulumi.Config().require("lookups")) as LookupSpec[];

function lookUp(spec: LookupSpec): alicloud.VpnConnection | tencentcloud.VpnConnection {
    const Class = spec.cloud === "alicloud" ? alicloud.VpnConnection : tencentcloud.VpnConnection;
    const args = (spec.state ?? {}) as never;
    switch (spec.via ?? "get") {
        case "get":
            return Class.get(spec.name, spec.id, spec.state);
        case "opts.id":
            return new Class(spec.name, args, { id: spec.id });
        case "import":
            return new Class(spec.name, args, { import: spec.id });
    }
}

export const connections = Object.fromEntries(specs.map((spec) => [spec.name, lookUp(spec)]));
