/**
 * Type-checks TypeScript sources that exist only in memory, placed inside the repository so their
 * imports resolve as a real file there would (`@pulumi/pulumi`, `../shared.generated`).
 */
import { dirname, join, resolve } from "path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "..", "..", "..");

/** The compiler's messages for `files` (repository-relative path → text), the first file as the program's root. */
export function typeErrors(files: Readonly<Record<string, string>>): string[] {
    const virtual = new Map(Object.entries(files).map(([path, text]) => [join(ROOT, path), text]));
    const options: ts.CompilerOptions = {
        strict: true,
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules", "@types")],
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (path) => virtual.has(path) || fileExists.call(host, path);
    host.readFile = (path) => virtual.get(path) ?? readFile.call(host, path);
    host.getSourceFile = (path, language, onError) => {
        const text = virtual.get(path);
        return text === undefined ? getSourceFile.call(host, path, language, onError) : ts.createSourceFile(path, text, language);
    };
    host.directoryExists = (path) => [...virtual.keys()].some((file) => dirname(file).startsWith(path)) || ts.sys.directoryExists(path);
    const program = ts.createProgram([join(ROOT, Object.keys(files)[0])], options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
