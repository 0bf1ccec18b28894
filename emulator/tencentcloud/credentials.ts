/**
 * The Tencent credentials of one emulator: the fixture key pairs plus what its STS front end issued,
 * shared by the VPC API (3.0 and 2.0), the Tag service and STS's own AssumeRole.
 */
import { CredentialRegistry, sharedRegistry } from "../core/credentialRegistry";
import type { EmulatorContext } from "../core/types";
import type { EmulatorCredential } from "./fixtures";
import { CREDENTIALS } from "./fixtures";

/** The registry of the emulator owning `ctx`. */
export function tencentCredentials(ctx: EmulatorContext): CredentialRegistry<EmulatorCredential> {
    return sharedRegistry(ctx, "tencentcloud", () => new CredentialRegistry<EmulatorCredential>((c) => c.secretId, [...CREDENTIALS.values()]));
}
