import * as pulumi from "@pulumi/pulumi";

/**
 * Whole-operation deadlines, in seconds (1–86400), retries and waits included. Pulumi's
 * `customTimeouts` resource option never reaches a dynamic provider, so they are an input. Changing
 * only these values updates nothing in the cloud; they take effect for the next create or update,
 * and a delete uses the values stored by the last create or update.
 */
export interface TimeoutsArgs {
    /** Deadline of a create (including adoption). @default `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 1200 (20 minutes) */
    create?: pulumi.Input<number>;
    /** Deadline of an in-place update. @default `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 1200 (20 minutes) */
    update?: pulumi.Input<number>;
    /** Deadline of a delete. @default `PULUMI_IPSEC_OPERATION_TIMEOUT_MS`, else 1200 (20 minutes) */
    delete?: pulumi.Input<number>;
}
