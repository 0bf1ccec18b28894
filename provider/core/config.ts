/**
 * Provider settings read at call time — never captured in the serialized provider — from the
 * stack configuration handed to `configure`, falling back to environment variables. Which keys and
 * variables each setting has is the table in ./settingKeys.
 */
import { log } from "./log";
import type { Setting } from "./settingKeys";

/** The subset of Pulumi's dynamic `Config` the provider needs. */
export interface ConfigSource {
    get(key: string): string | undefined;
}

let stackConfig: ConfigSource | undefined;

/**
 * Called from the dynamic provider's `configure` hook with the engine's stack config, which holds
 * the keys of every namespace (`alicloud:region`, `pulumi-ipsec:alicloudVpcEndpoint`, …).
 */
export function setStackConfig(config: ConfigSource | undefined): void {
    stackConfig = config;
}

/** A setting's value and where it was found, for messages that name what the user set. */
export interface FoundSetting {
    value: string;
    /** `stack config <key>` or the environment variable's name. */
    source: string;
}

/** Deprecated keys already warned about: one warning per key and process, however many resources read them. */
const warned = new Set<string>();

/** Forgets which deprecation warnings were given (for tests: a process warns once per key). */
export function resetDeprecationWarnings(): void {
    warned.clear();
}

function configValue(key: string): string | undefined {
    const value = stackConfig?.get(key);
    return value === undefined || value === "" ? undefined : value;
}

function warnOnce(deprecated: string, setting: Setting, ignored: boolean): void {
    if (warned.has(deprecated)) return;
    warned.add(deprecated);
    const namespace = deprecated.split(":")[0];
    log(
        ignored
            ? `the stack config key ${deprecated} is deprecated and ignored, since ${setting.key} is set: remove it (pulumi config rm ${deprecated})`
            : `the stack config key ${deprecated} is deprecated: set ${setting.key} instead (the ${namespace}: namespace belongs to the official ${namespace} provider, which validates its keys)`,
    );
}

/**
 * The first non-empty value among the setting's config key, then its deprecated keys (warning once
 * per key and process, also when the new key wins over one), then its environment variables.
 * Config wins: it is what the stack declares.
 */
export function findSetting(setting: Setting, env: NodeJS.ProcessEnv = process.env): FoundSetting | undefined {
    let found: FoundSetting | undefined;
    const current = configValue(setting.key);
    if (current !== undefined) found = { value: current, source: `stack config ${setting.key}` };
    for (const deprecated of setting.deprecatedKeys ?? []) {
        const value = configValue(deprecated);
        if (value === undefined) continue;
        warnOnce(deprecated, setting, found !== undefined);
        found ??= { value, source: `stack config ${deprecated}` };
    }
    return found ?? envSetting(setting, env);
}

/** The setting's value, as {@link findSetting} finds it. */
export function lookupSetting(setting: Setting, env: NodeJS.ProcessEnv = process.env): string | undefined {
    return findSetting(setting, env)?.value;
}

/** The setting's value from the environment alone: its first non-empty variable. */
export function envSetting(setting: Setting, env: NodeJS.ProcessEnv = process.env): FoundSetting | undefined {
    for (const name of setting.env) {
        const value = env[name];
        if (value !== undefined && value !== "") return { value, source: name };
    }
    return undefined;
}
