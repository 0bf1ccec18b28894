/**
 * The base of the SDK's classes: registers a resource the way `pulumi.dynamic.Resource` does (its
 * constructor in @pulumi/pulumi `dynamic/index.ts`), under a type the Node.js dynamic-provider plugin
 * serves, with the short `__provider` text of provider/index.ts instead of a serialized closure.
 */
import * as pulumi from "@pulumi/pulumi";
import { providerText } from "../provider";
import { PROVIDER_KEY } from "../provider/core/check";

/** The type token `pulumi.dynamic.Resource` registers for `module` and `type`: `pulumi-nodejs:dynamic/<module>:<type>`. */
export function dynamicType(module: string, type: string): string {
    return `pulumi-nodejs:dynamic/${module}:${type}`;
}

/** A resource whose hooks are the module `hookModule` (one of provider/index.ts `HOOK_MODULES`). */
export abstract class DynamicResource extends pulumi.CustomResource {
    protected constructor(hookModule: string, module: string, type: string, name: string, props: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
        if (PROVIDER_KEY in props) throw new Error(`${dynamicType(module, type)} ${name}: its properties must not define ${PROVIDER_KEY}`);
        super(dynamicType(module, type), name, { ...props, [PROVIDER_KEY]: providerText(hookModule) }, opts);
    }
}
