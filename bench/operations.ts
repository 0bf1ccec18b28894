/**
 * The API requests each one-resource operation costs, counted at the emulator: create (with its waits),
 * read, update (a rename), delete (with its wait). Setup and cleanup of a connection of its own.
 */
import type { EmulatorProcess } from "./emulatorProcess";
import { Cloud, Fleet, hooksOf } from "./fleet";
import { counted } from "./sweep";

export async function requestsPerOperation(emulator: EmulatorProcess, cloud: Cloud, index: number): Promise<Record<string, Record<string, number>>> {
    const hooks = hooksOf(cloud);
    const create = await counted(emulator, cloud, () => new Fleet(cloud, emulator.info).create(index));
    const measured = create.result;
    const read = await counted(emulator, cloud, () => hooks.read(measured.id, measured.outputs));
    const renamed = { ...measured.inputs, name: `${measured.inputs.name}-renamed` };
    const update = await counted(emulator, cloud, async () => hooks.update(measured.id, measured.outputs, (await hooks.check(measured.inputs, renamed)).inputs));
    const remove = await counted(emulator, cloud, () => hooks.remove(measured.id, { ...measured.outputs, ...(update.result as { outs: object }).outs }));
    return { create: create.byAction, read: read.byAction, update: update.byAction, delete: remove.byAction };
}
