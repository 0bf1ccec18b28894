/**
 * The Alibaba credentials of one emulator: the fixture key pairs plus what its STS front end issued,
 * shared by the VPC front end's signature check and the STS front end.
 */
import { CredentialRegistry, sharedRegistry } from "../core/credentialRegistry";
import type { EmulatorContext } from "../core/types";
import type { AlicloudCredential } from "./fixtures";
import { ALICLOUD_CREDENTIALS } from "./fixtures";

/** The registry of the emulator owning `ctx`. */
export function alicloudCredentials(ctx: EmulatorContext): CredentialRegistry<AlicloudCredential> {
    return sharedRegistry(ctx, "alicloud", () => new CredentialRegistry<AlicloudCredential>((c) => c.accessKeyId, ALICLOUD_CREDENTIALS));
}
