/**
 * Redacts secrets from an RPC call's parameters before the core logs them.
 */
import { REDACTED, redactDeep } from "../core/redaction";

/** Top-level parameters whose whole value is secret or credential material. */
const SECRET_PARAMS = new Set(["Signature", "SecurityToken", "AccessKeyId", "OIDCToken"]);

/** JSON-string parameters that may hold a secret key inside. */
const JSON_PARAMS = new Set(["IkeConfig", "BgpConfig"]);

/** Keys (at any depth, any case) whose values are secret. */
const SECRET_KEY = /psk|authkey|secret|password/i;

/**
 * A copy of `params` safe to log: credentials masked, PSKs masked inside IkeConfig (and flattened
 * tunnel options such as `TunnelOptionsSpecification.1.TunnelIkeConfig.Psk`).
 */
export function redactRpcParams(params: Readonly<Record<string, string>>): Record<string, string> {
    const safe: Record<string, string> = {};
    for (const [key, value] of Object.entries(params)) {
        if (SECRET_PARAMS.has(key) || SECRET_KEY.test(key.split(".").pop() ?? "")) {
            safe[key] = REDACTED;
        } else if (JSON_PARAMS.has(key) || key.endsWith("IkeConfig")) {
            safe[key] = redactJsonString(value);
        } else {
            safe[key] = value;
        }
    }
    return safe;
}

/** Masks secret keys inside a JSON string; a string that does not parse is masked whole (it may hold a PSK). */
function redactJsonString(value: string): string {
    let parsed: unknown;
    try {
        parsed = JSON.parse(value);
    } catch {
        return `${REDACTED} (unparsable JSON)`;
    }
    return JSON.stringify(redactDeep(parsed, SECRET_KEY));
}
