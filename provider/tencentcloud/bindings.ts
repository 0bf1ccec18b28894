/**
 * How a Tencent field row names its place in each API generation: the dialect keys of the field
 * table's bindings and the helper that builds a row's bindings (API 3.0, and API 2.0 where it has one).
 */
import { ApiBinding } from "../core/schema";

/** Dialect names of the field table's bindings. */
export const API_3 = "default";
export const API_2 = "api2";

/** A row's bindings: its API 3.0 path, and its API 2.0 path when API 2.0 carries the field. */
export const bind = (v3: string | ApiBinding, v2?: string | ApiBinding): Record<string, ApiBinding> => ({
    [API_3]: typeof v3 === "string" ? { path: v3 } : v3,
    ...(v2 === undefined ? {} : { [API_2]: typeof v2 === "string" ? { path: v2 } : v2 }),
});
