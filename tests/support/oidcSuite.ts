/**
 * The OIDC suite both clouds run: the hooks authenticate as a CI pipeline does — no keys, the
 * emulator's OIDC token exchanged at its STS front end through the clouds' own credential libraries
 * — and every VPC call is signed with the temporary credentials it issued (real SDKs on the wire).
 */
import assert from "node:assert/strict";
import { oidcEnvironment } from "../../emulator";
import { resetCredentialProviders } from "../../provider/core/credentials";
import { CredentialError } from "../../provider/core/errors";
import { TestCloud } from "./cloudEnv";
import { withEnv } from "./faultMatrix";
import { checkedBy, useTestCloud } from "./hookSuite";

type Props = Record<string, any>;

export interface OidcKit {
    cloud: "alicloud" | "tencentcloud";
    hooks: any;
    /** Valid inputs of one connection. */
    inputs: Props;
    /** The STS action the library calls for an OIDC token. */
    oidcAction: string;
    /** The STS code an expired token gets, where the cloud's library keeps it (tencentcloud-sdk-nodejs drops it). */
    expiredTokenCode?: string;
    /** The role (with the emulator's keys as the base) a resource may name in `credentials.assumeRole`. */
    roleArn: (cloud: TestCloud) => string;
}

export function oidcSuite(kit: OidcKit): void {
    describe(`${kit.cloud} credentials from an OIDC role (emulated STS)`, function () {
        this.timeout(60_000);
        let cloud: TestCloud;
        useTestCloud((c) => (cloud = c));
        beforeEach(() => resetCredentialProviders());
        afterEach(() => resetCredentialProviders());
        const checked = checkedBy(kit.hooks.check);
        const counters = async () => cloud.control.counters();
        const oidc = () => ({ ...oidcEnvironment(cloud.emulator.info) });

        it("can create, read and delete a connection with no key set, one role assumption serving every call", async () => {
            // GIVEN only the OIDC variables a pipeline exports
            await withEnv(oidc(), async () => {
                // WHEN a connection is created, read and deleted
                const inputs = await checked(kit.inputs);
                const { id, outs } = await kit.hooks.create(inputs);
                const read = await kit.hooks.read(id, outs);
                await kit.hooks.remove(id, outs);
                // THEN the calls went through with temporary credentials from one exchange of the token
                assert.equal(read.id, id);
                assert.equal((await counters())[`${kit.cloud}:${kit.oidcAction}`], 1);
            });
        });

        it("can renew the temporary credentials during a long create", async () => {
            // GIVEN credentials that live 61 s (renewed once under a minute remains), and a create that takes 1.5 s
            await cloud.control.settings({ stsCredentialLifetimeSeconds: 61, transitionMs: 1500 });
            await withEnv(oidc(), async () => {
                // WHEN the connection is created, polled until it is ready
                const { id } = await kit.hooks.create(await checked(kit.inputs));
                // THEN it exists, and the token was exchanged again while the create waited
                assert.ok(id);
                assert.ok((await counters())[`${kit.cloud}:${kit.oidcAction}`] >= 2, JSON.stringify(await counters()));
            });
        });

        it("fails with a CredentialError (and the STS code where the library keeps it) when the OIDC token has expired, sending no VPC call and no token", async () => {
            // GIVEN an expired token in the token file
            const { token } = await cloud.control.mintStsToken(kit.cloud, { expired: true });
            await withEnv(oidc(), async () => {
                // WHEN a connection is created
                const failure = await checked(kit.inputs).then((inputs) => kit.hooks.create(inputs)).then(() => undefined, (error: unknown) => error);
                // THEN a CredentialError names the role and the STS code, quotes no token, and no VPC call was made
                assert.ok(failure instanceof CredentialError, String(failure));
                assert.match(failure.message, /OIDC role .* could not be obtained/);
                assert.equal(failure.code, kit.expiredTokenCode);
                assert.ok(!failure.message.includes(token), failure.message);
                const vpcCalls = Object.entries(await counters()).filter(([key]) => key.startsWith(`${kit.cloud}:`) && !key.includes("AssumeRole"));
                assert.deepEqual(vpcCalls, []);
            });
        });

        it("can assume the role a resource names in credentials.assumeRole, on top of the keys", async () => {
            // GIVEN the emulator's keys (and STS) and a resource naming a role
            const inputs = await checked({ ...kit.inputs, credentials: { assumeRole: { roleArn: kit.roleArn(cloud), sessionName: "per-resource" } } });
            // WHEN it is created and read
            const { id, outs } = await kit.hooks.create(inputs);
            const read = await kit.hooks.read(id, outs);
            // THEN AssumeRole was called once, and the choice is kept with the connection
            assert.equal((await counters())[`${kit.cloud}:AssumeRole`], 1);
            assert.deepEqual(read.props.credentials, { assumeRole: { roleArn: kit.roleArn(cloud), sessionName: "per-resource" } });
        });
    });
}
