/**
 * The set-up the hook suites share: one emulator per suite (its endpoints applied to the process, as
 * the providers read them), reset with the stack configuration before every test, and a `check` that
 * must accept the inputs it is given.
 */
import assert from "node:assert/strict";
import { setStackConfig } from "../../provider/core/config";
import { startTestCloud, TestCloud } from "./cloudEnv";

type Props = Record<string, any>;

/** Registers the suite's emulator hooks; `assign` receives the emulator once it runs. */
export function useTestCloud(assign: (cloud: TestCloud) => void): void {
    let cloud: TestCloud | undefined;
    before(async () => {
        cloud = await startTestCloud({ applyToProcess: true });
        assign(cloud);
    });
    after(async () => cloud?.stop());
    beforeEach(async () => {
        await cloud!.control.reset();
        setStackConfig(undefined);
    });
}

/** A `check` of `news` that fails the test unless it passes, returning the checked inputs. */
export function checkedBy(check: (olds: Props, news: Props) => Promise<{ inputs?: Props; failures?: unknown[] }>): (news: Props) => Promise<Props> {
    return async (news) => {
        const result = await check({}, news);
        assert.deepEqual(result.failures ?? [], []);
        return result.inputs as Props;
    };
}
