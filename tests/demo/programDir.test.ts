import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUILT_ENTRIES, copyProgram, missingBuild } from "../../demo/programDir";
import { REPO_ROOT } from "../../demo/scenario";

describe("demo/programDir", () => {
    it("can list the built files a repository lacks", () => {
        // GIVEN a directory without dist/
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-dist-"));
        try {
            // THEN every built entry is reported missing
            assert.deepEqual(missingBuild(empty), BUILT_ENTRIES);
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });

    it("can copy an example with its dependencies linked, and remove only the copy", () => {
        // WHEN the Alibaba example is copied
        const copy = copyProgram(path.join(REPO_ROOT, "examples", "alicloud"));
        try {
            // THEN the program files are there and pulumi-ipsec resolves to this repository
            for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json", "package.json"]) assert.ok(fs.existsSync(path.join(copy.dir, file)), file);
            assert.equal(fs.realpathSync(path.join(copy.dir, "node_modules", "pulumi-ipsec")), fs.realpathSync(REPO_ROOT));
            assert.ok(require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [copy.dir] }));
            assert.equal(JSON.parse(fs.readFileSync(path.join(copy.dir, "package.json"), "utf8")).dependencies["pulumi-ipsec"], `file:${REPO_ROOT}`);
        } finally {
            copy.remove();
        }
        // AND removing it deletes the links, not what they point to
        assert.equal(fs.existsSync(copy.dir), false);
        assert.ok(fs.existsSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json")));
    });
});
