/**
 * Provider settings read at call time — never captured in the serialized provider — from the
 * stack configuration handed to `configure`, falling back to environment variables.
 */

/** The subset of Pulumi's dynamic `Config` the provider needs. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

let stackConfig: ConfigSource | undefined;

/** Called from the dynamic provider's `configure` hook with the engine's stack config. */
export function setStackConfig(config: ConfigSource | undefined): void {
    stackConfig = config;
}

/**
 * The first non-empty value among stack config keys (namespaced, e.g. `alicloud:region`) and then
 * environment variables. Config wins: it is what the stack declares.
 */
export function lookupSetting(configKeys: readonly string[], envNames: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
    for (const key of configKeys) {
        const value = stackConfig?.get(key);
        if (value !== undefined && value !== "") return value;
    }
    for (const name of envNames) {
        const value = env[name];
        if (value !== undefined && value !== "") return value;
    }
    return undefined;
}
