/**
 * Hooks of the generated pre-shared key (`sdk/crossCloud/presharedKey.ts`): `create` draws the key
 * once, from the OS's CSPRNG, and Pulumi stores it in the state as a secret; every later `diff`
 * reports no change and `read` returns the stored key, so the key stays the same on every
 * `pulumi up` and refresh until the resource is replaced (a different `length`) or destroyed.
 * Nothing here calls a cloud.
 *
 * The key is letters and digits only: the characters both clouds accept. Alibaba Cloud allows
 * 1–100 letters, digits and some symbols (CreateVpnConnection IkeConfig.Psk,
 * https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnconnection-vpns);
 * Tencent Cloud documents no rule for PreShareKey (https://www.tencentcloud.com/document/api/215/17522)
 * and the provider refuses only an empty key or surrounding whitespace.
 */
import { randomInt } from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceHooks } from "../core/hooks";
import type { Props } from "../core/schema";

/** The characters a generated key is drawn from. */
export const PSK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Default length: 32 characters of 62, about 190 bits. */
export const DEFAULT_PSK_LENGTH = 32;
/** Accepted lengths: at least 16 (Alibaba's own generated keys are 16), at most Alibaba's 100. */
export const PSK_LENGTH = { min: 16, max: 100 } as const;

/** A key of `length` characters drawn uniformly from {@link PSK_ALPHABET} (`randomInt` has no modulo bias). */
export function generatePresharedKey(length: number = DEFAULT_PSK_LENGTH): string {
    let key = "";
    for (let i = 0; i < length; i++) key += PSK_ALPHABET[randomInt(PSK_ALPHABET.length)];
    return key;
}

const lengthOf = (props: Props): number => (props.length === undefined ? DEFAULT_PSK_LENGTH : Number(props.length));

const hooks: ResourceHooks = {
    async configure() {},
    async check(_olds, news) {
        const length = lengthOf(news);
        if (!Number.isInteger(length) || length < PSK_LENGTH.min || length > PSK_LENGTH.max) {
            return { inputs: news, failures: [{ property: "length", reason: `\`length\` must be an integer from ${PSK_LENGTH.min} to ${PSK_LENGTH.max}` }] };
        }
        return { inputs: { ...news, length } };
    },
    async diff(_id, olds, news) {
        const replace = lengthOf(olds) !== lengthOf(news);
        return { changes: replace, replaces: replace ? ["length"] : [], deleteBeforeReplace: false };
    },
    async create(news) {
        const length = lengthOf(news);
        const id = `psk-${generatePresharedKey(12).toLowerCase()}`;
        return { id, outs: { length, value: generatePresharedKey(length) } };
    },
    async read(id, props) {
        return { id, props };
    },
    async update(_id, olds, news): Promise<pulumi.dynamic.UpdateResult> {
        // Only `length` can change, and that replaces: keep the stored key.
        return { outs: { ...olds, length: lengthOf(news) } };
    },
    async remove() {},
};

export const { configure, check, diff, create, read, update, remove } = hooks;
