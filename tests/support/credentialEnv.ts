/**
 * A clean credential environment per test: every variable either cloud's credential chain reads is
 * cleared, HOME points at an empty temporary directory (the profile files live under it), and the
 * stack config and the per-process credential providers are forgotten — all restored afterwards.
 */
import { createServer, IncomingMessage, Server } from "http";
import { AddressInfo } from "net";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { setStackConfig } from "../../provider/core/config";
import { resetCredentialProviders } from "../../provider/core/credentials";

const PREFIXES = ["ALIBABA_CLOUD_", "ALICLOUD_", "TENCENTCLOUD_", "TKE_"];

export interface CredentialEnv {
    /** The temporary HOME. */
    home: string;
    /** Writes a file under HOME (parents created) and returns its path. */
    writeHomeFile(relative: string, content: string): string;
    /** Sets the stack config the provider sees. */
    config(values: Record<string, string>): void;
}

export function useCredentialEnv(): CredentialEnv {
    const saved: Record<string, string | undefined> = {};
    const env: CredentialEnv = {
        home: "",
        writeHomeFile(relative, content) {
            const file = join(env.home, relative);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, content, { mode: 0o600 });
            return file;
        },
        config(values) {
            setStackConfig({ get: (key) => values[key] });
        },
    };
    beforeEach(() => {
        for (const name of Object.keys(process.env)) {
            if (name === "HOME" || PREFIXES.some((p) => name.startsWith(p))) {
                saved[name] = process.env[name];
                delete process.env[name];
            }
        }
        env.home = mkdtempSync(join(tmpdir(), "pulumi-ipsec-home-"));
        process.env.HOME = env.home;
        setStackConfig(undefined);
        resetCredentialProviders();
    });
    afterEach(() => {
        for (const name of Object.keys(process.env)) if (PREFIXES.some((p) => name.startsWith(p))) delete process.env[name];
        for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
        if (saved.HOME === undefined) delete process.env.HOME;
        rmSync(env.home, { recursive: true, force: true });
        setStackConfig(undefined);
        resetCredentialProviders();
    });
    return env;
}

/** A loopback STS stand-in answering with `answers` in turn (the last one repeats), recording what arrived. */
export async function stsStub(...answers: { status: number; body: string }[]): Promise<{ url: string; requests: { url: string; body: string }[]; close(): void }> {
    const requests: { url: string; body: string }[] = [];
    const server: Server = createServer((req: IncomingMessage, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
            requests.push({ url: req.url ?? "", body });
            const answer = answers[Math.min(requests.length, answers.length) - 1];
            res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sts`, requests, close: () => server.close() };
}

