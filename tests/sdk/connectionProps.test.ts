import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud } from "../../sdk";
import { connectionOptions, lookupOptions } from "../../sdk/connectionProps";

type Registration = pulumi.runtime.MockResourceArgs;

/** A component of the program's own, as users build them around connections. */
class Site extends pulumi.ComponentResource {
    constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
    }
}

/** Runs `construct` under Pulumi's mocks and returns the `count` dynamic resources it registers, in order. */
async function registrations(count: number, construct: () => void): Promise<Registration[]> {
    const seen: Registration[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource(args) {
                if (args.type.startsWith("pulumi-nodejs:dynamic")) seen.push(args);
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: (args) => args.inputs,
        },
        "proj",
        "dev",
        false,
    );
    construct();
    const deadline = Date.now() + 20_000;
    while (seen.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(seen.length, count, "registrations within 20 s");
    return seen;
}

const keyOf = (registration: Registration): unknown => registration.inputs.idempotencyKey;

const ALI_ARGS: alicloud.VpnConnectionArgs = { vpnGatewayId: "vpn-1", customerGatewayId: "cgw-1", localSubnets: ["10.0.0.0/16"], remoteSubnets: ["192.168.0.0/24"] };
const TENCENT_ARGS: tencentcloud.VpnConnectionArgs = { vpnGatewayId: "vpngw-1", customerGatewayId: "cgw-1", name: "office", preSharedKey: "psk-1" };

describe("connectionProps (SDK classes' default idempotency key)", function () {
    this.timeout(30_000);

    it("can give same-named children of two components different default keys", async () => {
        // GIVEN two components of different types, each with a child connection named "office"
        const seen = await registrations(2, () => {
            const east = new Site("acme:net:EastBranch", "east");
            const west = new Site("acme:net:WestBranch", "west");
            new alicloud.VpnConnection("office", ALI_ARGS, { parent: east });
            new alicloud.VpnConnection("office", ALI_ARGS, { parent: west });
        });
        // THEN their keys (the seeds of the create tokens) differ, each naming its parent's type
        assert.notEqual(keyOf(seen[0]), keyOf(seen[1]));
        assert.equal(keyOf(seen[0]), "urn:pulumi:dev::proj::acme:net:EastBranch$pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office");
        assert.equal(keyOf(seen[1]), "urn:pulumi:dev::proj::acme:net:WestBranch$pulumi-nodejs:dynamic/pulumi-ipsec/alicloud:VpnConnection::office");
    });

    it("can default the key to the URN the resource gets, top-level or nested", async () => {
        // GIVEN a top-level Tencent connection and one two components deep
        const seen = await registrations(2, () => {
            new tencentcloud.VpnConnection("office", TENCENT_ARGS);
            const region = new Site("acme:net:Region", "south");
            const branch = new Site("acme:net:Branch", "gz", { parent: region });
            new tencentcloud.VpnConnection("office", TENCENT_ARGS, { parent: branch });
        });
        // THEN the keys are the URNs, the whole parent type chain included: what @pulumi/pulumi's
        // createUrn builds from the Branch component's URN
        assert.equal(keyOf(seen[0]), "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection::office");
        const branchUrn = "urn:pulumi:dev::proj::acme:net:Region$acme:net:Branch::gz";
        const expected = await new Promise((resolve) => pulumi.createUrn("office", "pulumi-nodejs:dynamic/pulumi-ipsec/tencentcloud:VpnConnection", branchUrn).apply(resolve));
        assert.equal(keyOf(seen[1]), expected);
    });

    it("can make every input the provider reports back an output property, set or not", async () => {
        // GIVEN connections of both clouds whose programs leave ikeConfig, name and region unset
        let ali: alicloud.VpnConnection | undefined;
        let tencent: tencentcloud.VpnConnection | undefined;
        const seen = await registrations(2, () => {
            ali = new alicloud.VpnConnection("bare", ALI_ARGS);
            tencent = new tencentcloud.VpnConnection("bare", TENCENT_ARGS);
        });
        // THEN each such key is an Output on the resource, while no value for it is sent as an input
        for (const key of ["ikeConfig", "name", "region"] as const) assert.ok(pulumi.Output.isInstance(ali![key]), `alicloud ${key}`);
        for (const key of ["ikeOptions", "region"] as const) assert.ok(pulumi.Output.isInstance(tencent![key]), `tencentcloud ${key}`);
        assert.equal(seen[0].inputs.ikeConfig, undefined);
        assert.equal(seen[1].inputs.ikeOptions, undefined);
    });

    it("can keep a key the program sets", async () => {
        // GIVEN / WHEN a connection with its own key
        const [registration] = await registrations(1, () => new alicloud.VpnConnection("office", { ...ALI_ARGS, idempotencyKey: "branch-office-1" }));
        // THEN it is sent as set
        assert.equal(keyOf(registration), "branch-office-1");
    });
});

describe("lookupProps (VpnConnection.get)", function () {
    this.timeout(30_000);

    it("can read a connection by ID sending only the locating inputs and the lookup mark", async () => {
        // GIVEN lookups of one connection of each cloud, given more than their locating inputs
        let ali: alicloud.VpnConnection | undefined;
        const seen = await registrations(2, () => {
            ali = alicloud.VpnConnection.get("office", "vco-1", { region: "cn-hangzhou", ...({ name: "not sent" } as object) });
            tencentcloud.VpnConnection.get("branch", "vpnx-1", { apiVersion: "2.0" });
        });
        // THEN each registers a read of that ID with the mark, __provider and its locating inputs only
        assert.deepEqual(
            seen.map((r) => [r.id, Object.keys(r.inputs).sort()]),
            [
                ["vco-1", ["__lookup", "__provider", "region"]],
                ["vpnx-1", ["__lookup", "__provider", "apiVersion"]],
            ],
        );
        assert.equal(seen[0].inputs.__lookup, true);
        // AND every output the class declares is an output of the looked-up resource, not only those sent
        for (const key of ["name", "remoteSubnets", "ikeConfig", "preSharedKey", "vpnConnectionId", "state"] as const) {
            assert.ok(pulumi.Output.isInstance(ali![key]), `${key} is an Output`);
        }
    });

    it("can keep the PSK a lookup reads secret", () => {
        assert.deepEqual(lookupOptions({ id: "vco-1", additionalSecretOutputs: ["name"] }, ["preSharedKey"]).additionalSecretOutputs, ["name", "preSharedKey"]);
    });
});

describe("connectionOptions", () => {
    it("can make replacements delete first unless the caller says otherwise", () => {
        // GIVEN no options, and options that choose either way
        // WHEN the SDK classes add theirs
        const defaulted = connectionOptions(undefined, ["preSharedKey"]);
        const createFirst = connectionOptions({ deleteBeforeReplace: false }, ["preSharedKey"]);
        const deleteFirst = connectionOptions({ deleteBeforeReplace: true, protect: true }, ["preSharedKey"]);
        // THEN the caller's choice wins; unset means delete first (a forced replacement never asks the provider)
        assert.equal(defaulted.deleteBeforeReplace, true);
        assert.equal(createFirst.deleteBeforeReplace, false);
        assert.equal(deleteFirst.deleteBeforeReplace, true);
        assert.equal(deleteFirst.protect, true);
    });

    it("can add the secret inputs to the caller's additionalSecretOutputs", () => {
        // GIVEN / WHEN options that already list a secret output, and a class whose secret input is the PSK
        const options = connectionOptions({ additionalSecretOutputs: ["name"] }, ["preSharedKey"]);
        // THEN the PSK joins it
        assert.deepEqual(options.additionalSecretOutputs, ["name", "preSharedKey"]);
    });
});
