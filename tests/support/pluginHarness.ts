/**
 * What plugin-level tests share: the emulator, a program directory laid out like a user's, and one
 * real dynamic-provider process running in it with the emulator's environment.
 */
import { startTestCloud, TestCloud } from "./cloudEnv";
import { PluginConnection } from "./pluginConnection";
import { startPlugin } from "./pluginProcess";
import { createProgramDir, ProgramDir } from "./programDir";

export interface PluginHarness {
    cloud: TestCloud;
    program: ProgramDir;
    plugin: PluginConnection;
    /** Ends the plugin, removes the program directory and stops the emulator; safe to call once after a failed start. */
    stop(): Promise<void>;
}

export async function startPluginHarness(): Promise<PluginHarness> {
    const cloud = await startTestCloud();
    const program = createProgramDir();
    const plugin = await startPlugin({ cwd: program.dir, env: cloud.env });
    return {
        cloud,
        program,
        plugin,
        async stop() {
            await plugin.close();
            program.remove();
            await cloud.stop();
        },
    };
}
